#!/usr/bin/env node
'use strict';
/**
 * The gzip size of what taskpane.html loads first (its scripts and stylesheets, not office.js from
 * Microsoft's CDN), against a budget of 300 KB, and of the chunks loaded later on demand.
 * Run after `npm run build`; `--json` prints one JSON object for the benchmarks.
 * Exit status 1 when the first load is over budget, 2 when there is no build to measure.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

const BUDGET_BYTES = 300 * 1024;
const dist = join(__dirname, '..', 'dist-web');
const page = join(dist, 'taskpane.html');

if (!existsSync(page)) {
  process.stderr.write('dist-web/taskpane.html is missing: run `npm run build` first.\n');
  process.exit(2);
}

/** An attribute's value, quoted or not (the minified HTML drops the quotes). */
const VALUE = '(?:"([^"]*)"|\'([^\']*)\'|([^\\s>]+))';
const attributeValue = (match) => match[1] ?? match[2] ?? match[3];
const local = (url) => !/^(https?:)?\/\//.test(url);

/** The local scripts and stylesheets a page loads. */
function assetsOf(html) {
  const scripts = [...html.matchAll(new RegExp(`<script\\b[^>]*?\\bsrc=${VALUE}`, 'g'))].map(attributeValue);
  const stylesheets = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((match) => match[0])
    .filter((tag) => /\brel=["']?stylesheet\b/.test(tag))
    .map((tag) => new RegExp(`\\bhref=${VALUE}`).exec(tag))
    .filter(Boolean)
    .map(attributeValue);
  return [...scripts, ...stylesheets].filter(local);
}

function measure(file) {
  const bytes = readFileSync(join(dist, file));
  return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const first = assetsOf(readFileSync(page, 'utf8')).map(measure);
// Chunks that no page loads at first are fetched on demand (the sample scorecard, for instance).
const pages = readdirSync(dist).filter((file) => file.endsWith('.html'));
const loadedByPages = new Set(pages.flatMap((file) => assetsOf(readFileSync(join(dist, file), 'utf8'))));
const later = readdirSync(dist).filter((file) => file.endsWith('.js') && !loadedByPages.has(file)).map(measure);

const total = first.reduce((sum, entry) => sum + entry.gzip, 0);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ budgetBytes: BUDGET_BYTES, firstLoadGzipBytes: total, firstLoad: first, onDemand: later })}\n`);
} else {
  process.stdout.write('Task pane, first load (gzip):\n');
  for (const entry of first) process.stdout.write(`  ${entry.file.padEnd(40)} ${kb(entry.gzip).padStart(10)}  (${kb(entry.bytes)} raw)\n`);
  process.stdout.write(`  ${'total'.padEnd(40)} ${kb(total).padStart(10)}  budget ${kb(BUDGET_BYTES)}${total > BUDGET_BYTES ? '  OVER BUDGET' : ''}\n`);
  if (later.length > 0) {
    process.stdout.write('Loaded on demand (gzip):\n');
    for (const entry of later) process.stdout.write(`  ${entry.file.padEnd(40)} ${kb(entry.gzip).padStart(10)}\n`);
  }
}
process.exit(total > BUDGET_BYTES ? 1 : 0);
