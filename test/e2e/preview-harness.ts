/**
 * What the end-to-end tests share: Debian's Chromium (or CHROMIUM=/path), the browser preview built
 * into dist-web when stale, and a page on a loopback server that may not reach anything else.
 */

import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildIfStale, distWeb, root } from '../support/build';
import { serveDirectory, type StaticServer } from './static-server';

export { root };
export const dist = distWeb;
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
