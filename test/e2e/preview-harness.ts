/**
 * What the end-to-end tests share: Debian's Chromium (or CHROMIUM=/path), the browser preview built
 * into dist-web when stale, and a page on a loopback server that may not reach anything else.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveDirectory, type StaticServer } from './static-server';

export const root = join(__dirname, '..', '..');
export const dist = join(root, 'dist-web');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/**
 * `describe` when Chromium is there. Without it the tests are skipped with a note, except on CI,
 * where a missing browser is a failure: CI must install it before npm test.
 */
export function describeInChromium(title: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(title, body);
    return;
  }
  const note = `no Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM to a Chrome or Chromium executable`;
  if (process.env.CI) {
    test(`${title}: there is a Chromium to run in`, () => {
      throw new Error(`The end-to-end tests cannot run: ${note}. CI must install Chromium before npm test.`);
    });
  } else {
    process.stderr.write(`Skipping ${title}: ${note}.\n`);
    test.skip(`${title} (${note})`, () => undefined);
  }
}

export interface PreviewPage {
  page: Page;
  /** Errors thrown in the page and requests that tried to leave the loopback server. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Builds the preview if stale, serves it, and opens it in headless Chromium. */
export async function openPreview(): Promise<PreviewPage> {
  buildIfStale();
  const server: StaticServer = await serveDirectory(dist);
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The preview must work offline: nothing may leave the loopback server.
  await page.route((url) => !url.href.startsWith(server.url), (route) => {
    pageErrors.push(`request to ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${server.url}preview.html`);
  return {
    page,
    pageErrors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

const LOCK = join(root, '.dist-web.lock');
const LOCK_WAIT_MS = 300_000;

/**
 * Builds dist-web when it is missing or older than what it is built from, so that npm test needs no
 * build step of its own. Test files run in parallel workers, so one builds while the others wait.
 */
function buildIfStale(): void {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`Another test run holds ${LOCK}; delete it if no build is running.`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    const built = join(dist, 'preview.html');
    const newest = Math.max(...[join(root, 'src'), join(root, 'examples', 'scorecard.json'), join(root, 'webpack.config.js')].map(newestMtime));
    if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
    const webpack = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, encoding: 'utf8' });
    if (webpack.status !== 0) throw new Error(`Building the preview failed:\n${webpack.stdout}\n${webpack.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}
