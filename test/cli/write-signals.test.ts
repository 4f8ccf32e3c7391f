/**
 * `--write` leaves no temporary file behind (issue 15): not when it is stopped by SIGINT, SIGTERM
 * or SIGHUP while writing, and not one left by an earlier run that was killed outright (SIGKILL,
 * a power cut), which the next run removes.
 *
 * The built checker runs in a child process. To send the signal while the temporary file exists,
 * deterministically, the test sets KPI_ALIGN_TEST_HOLD_TEMPORARY, a test seam read only by
 * writeAtomically: it waits (up to a minute) after the temporary file is complete and before the
 * rename. The test waits for the temporary file to appear, then sends the signal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AS_OF, EXAMPLE, runChecker } from './run';
import { buildCheckerIfStale, checkerBin, root } from './built-checker';

const isTemporary = (name: string) => name.endsWith('.tmp');

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('--write stopped by %s while it writes', (signal) => {
  beforeAll(() => buildCheckerIfStale(), 120_000);

  test('removes its temporary file and writes no output', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpi-align-signal-'));
    const input = join(folder, 'scorecard.xlsx');
    copyFileSync(join(root, EXAMPLE), input);
    const output = join(folder, 'results.xlsx');
    const child = spawn(process.execPath, [checkerBin, 'check', input, ...AS_OF, '--write', output], {
      cwd: root,
      env: { ...process.env, KPI_ALIGN_TEST_HOLD_TEMPORARY: '1' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, how) => resolve(how)));
    await waitFor(() => readdirSync(folder).some(isTemporary), 'the temporary file');
    child.kill(signal);
    expect(await exited).toBe(signal);
    expect(readdirSync(folder).filter(isTemporary)).toEqual([]);
    expect(existsSync(output)).toBe(false);
  }, 30_000);
});

describe('a temporary file left by an earlier run', () => {
  test('is removed by the next --write when the run that made it has ended; one of a running process is left alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpi-align-stale-'));
    const output = join(folder, 'results.xlsx');
    // The process id of a process that has certainly ended.
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const stale = `.results.xlsx.${ended}-0123456789ab.tmp`;
    const running = `.results.xlsx.${process.pid}-0123456789ab.tmp`;
    const unrelated = '.other.xlsx.1-0123456789ab.tmp';
    for (const name of [stale, running, unrelated]) writeFileSync(join(folder, name), 'partial');
    const run = await runChecker(['check', EXAMPLE, ...AS_OF, '--write', output]);
    expect(run.err).toBe('');
    expect(readdirSync(folder).sort()).toEqual([running, unrelated, 'results.xlsx'].sort());
  });
});
