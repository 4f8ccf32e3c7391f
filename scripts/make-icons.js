#!/usr/bin/env node
'use strict';
/**
 * Renders assets/icon.svg to the PNG icons the manifest and the Office Store ask for
 * (assets/icon-16.png … icon-128.png) with headless Chromium, on a transparent background.
 * The PNGs are committed; run this again after changing the artwork:
 *
 *   node scripts/make-icons.js            (Chromium at /usr/bin/chromium, or CHROMIUM=/path/to/chrome)
 */
const { Buffer } = require('node:buffer');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { chromium } = require('playwright-core');

const SIZES = [16, 32, 64, 80, 128];
const root = join(__dirname, '..');
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

async function main() {
  const svg = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8');
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run'],
  });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.waitForFunction('document.images[0].complete');
      const file = join(root, 'assets', `icon-${size}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      process.stdout.write(`${file}\n`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  process.stderr.write(`Could not render the icons: ${error.message}\nInstall Chromium (apt-get install chromium) or set CHROMIUM to a Chrome executable.\n`);
  process.exit(1);
});
