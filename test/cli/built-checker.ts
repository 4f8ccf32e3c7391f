/**
 * The checker built with tsc (dist/), for the tests that must run it in a process of its own: to
 * send it a signal, or to bound a hostile case's cost by killing it. Built when dist/ is missing or
 * older than src/, under a lock as the web build is (test/support/build.ts).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newestMtime, root, whileLocked } from '../support/build';

export { root };
export const checkerBin = join(root, 'bin', 'kpi-align.js');
export const dist = join(root, 'dist');

const LOCK = join(tmpdir(), `kpi-align-dist-${createHash('sha1').update(root).digest('hex').slice(0, 8)}.lock`);
const LOCK_WAIT_MS = 120_000;
const OUTPUT = join(dist, 'src', 'cli', 'main.js');

export function buildCheckerIfStale(): void {
  whileLocked(LOCK, LOCK_WAIT_MS, () => {
    if (existsSync(OUTPUT) && statSync(OUTPUT).mtimeMs >= newestMtime(join(root, 'src'))) return;
    const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
    if (tsc.status !== 0) throw new Error(`Building dist failed:\n${tsc.stdout}\n${tsc.stderr}`);
  });
}

/**
 * Runs a script against dist/ in a child process that is killed after `limitMs`: the way a test
 * bounds a hostile case's cost, since a synchronous hang in Jest's own process cannot time out.
 * Returns whether it ended in time and what it printed.
 */
export function runBounded(script: string, limitMs: number): { inTime: boolean; status: number | null; out: string; err: string } {
  const child = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', timeout: limitMs, killSignal: 'SIGKILL' });
  return { inTime: child.signal === null, status: child.status, out: child.stdout, err: child.stderr };
}
