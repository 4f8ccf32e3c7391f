/** The checker as a process: a crash is exit 3 with one line, and a reader that stops early is no error. */

import { EventEmitter } from 'node:events';
import { INTERNAL_ERROR, runProcess } from '../../src/cli/process';
import { dropClosedPipe } from '../../src/cli/terminal';

const capture = () => {
  let err = '';
  return { terminal: { err: (text: string) => void (err += text) }, err: () => err };
};

test('a failure of KPI Align itself is exit 3 and one line, not 1 (the cascade has errors) and a stack trace', async () => {
  const { terminal, err } = capture();
  const code = await runProcess(async () => {
    throw new RangeError('Invalid string length');
  }, terminal);
  expect(code).toBe(INTERNAL_ERROR);
  expect(err()).toBe('kpi-align: KPI Align failed, please report it: Invalid string length\n');
});

test('with KPI_ALIGN_DEBUG the stack follows the line', async () => {
  const { terminal, err } = capture();
  await runProcess(async () => {
    throw new Error('boom');
  }, terminal, true);
  expect(err().split('\n')[1]).toBe('Error: boom');
});

test("the checker's own exit status passes through", async () => {
  const { terminal, err } = capture();
  expect(await runProcess(async () => 1, terminal)).toBe(1);
  expect(err()).toBe('');
});

test('a closed pipe (check … | head) is dropped quietly; any other stream error still surfaces', () => {
  const stream = new EventEmitter() as EventEmitter & { listenerCount(event: string): number };
  dropClosedPipe(stream as never);
  expect(() => stream.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))).not.toThrow();
  expect(() => stream.emit('error', Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toThrow('disk full');
  dropClosedPipe(stream as never);
  expect(stream.listenerCount('error')).toBe(1);
});
