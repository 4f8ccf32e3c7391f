/**
 * The add-in's web build (dist-web: the pane, the preview, functions.js) for the tests that need it,
 * built when it is missing or older than what it is built from, so that npm test needs no build step
 * of its own. Test files run in parallel workers, so one builds while the others wait on a lock.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');
export const distWeb = join(root, 'dist-web');

const LOCK = join(root, '.dist-web.lock');
const LOCK_WAIT_MS = 300_000;
/** What the build reads: a change to any of them makes dist-web stale. */
const SOURCES = [join(root, 'src'), join(root, 'examples', 'scorecard.json'), join(root, 'webpack.config.js')];
/** One file of each of the build's configurations (the pane's, the functions'). */
const OUTPUTS = [join(distWeb, 'preview.html'), join(distWeb, 'functions.js')];
/**
 * Written after a build here: webpack leaves an output whose content did not change untouched, so an
 * output's own time can stay older than the sources it was just rebuilt from.
 */
const STAMP = join(distWeb, '.tests-built');

/**
 * Runs `work` holding a lock (a directory, made atomically): test files run in parallel workers, so
 * one builds while the others wait, and then find the build fresh.
 */
export function whileLocked(lock: string, waitMs: number, work: () => void): void {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - started > waitMs) throw new Error(`Another test run holds ${lock}; delete it if no build is running.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function buildIfStale(): void {
  whileLocked(LOCK, LOCK_WAIT_MS, () => {
    const newest = Math.max(...SOURCES.map(newestMtime));
    const fresh = (built: string) => existsSync(built) && statSync(built).mtimeMs >= newest;
    if (OUTPUTS.every(existsSync) && (fresh(STAMP) || OUTPUTS.every(fresh))) return;
    const webpack = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, encoding: 'utf8' });
    if (webpack.status !== 0) throw new Error(`Building dist-web failed:\n${webpack.stdout}\n${webpack.stderr}`);
    writeFileSync(STAMP, '');
  });
}

/** The newest modification time of a file, or of anything below a folder. */
export function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}
