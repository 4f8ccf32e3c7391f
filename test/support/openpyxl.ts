/**
 * openpyxl, a real tool that reads and writes .xlsx, for the tests that check our files open
 * elsewhere: Debian's python3-openpyxl at /usr/bin/python3. Without it the tests are skipped with a
 * note, except on CI, which installs it (.ci/run): there a missing openpyxl is a failure.
 */

import { spawnSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

const haveOpenpyxl = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;

/** `describe` when openpyxl is there; `what` names the skipped tests otherwise. */
export function describeWithOpenpyxl(what: string, body: () => void): void {
  describe('openpyxl, a real tool', () => {
    if (haveOpenpyxl) {
      body();
      return;
    }
    const note = `${PYTHON} with openpyxl not found`;
    if (process.env.CI) {
      test('openpyxl is installed', () => {
        throw new Error(`${note}: CI must install python3-openpyxl (see .ci/run).`);
      });
    } else {
      test.skip(`${what} (${note}; install python3-openpyxl)`, () => undefined);
    }
  });
}

/** Runs a Python script on the arguments and returns what it printed; anything on its standard error (a warning too) fails. */
export function runPython(script: string, args: string[]): string {
  const run = spawnSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8' });
  if (run.status !== 0 || run.stderr !== '') throw new Error(`The Python script failed (status ${run.status}):\n${run.stderr}`);
  return run.stdout;
}
