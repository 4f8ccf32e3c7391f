/**
 * The custom functions as Excel calls them: once per cell, each call with a fresh copy of the
 * ranges (here JSON copies, as the runtime deserialises its arguments). 10,000 single-ID
 * KPI.ROLLUP calls against one 10,000-row cascade; one KPI.ROLLUP spilled over 10,000 IDs; and the
 * size of functions.js, the one file Excel loads for them.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { clearCascadeCache } from '../src/functions/cascade-args';
import { rollup } from '../src/functions/functions';
import { generateCascade } from './generate-cascade';
import { BenchmarkSection, formats, Goal, Row } from './section';

const SEED = 20261123;
const NODES = 10_000;
const CALLS = 10_000;
/** Distinct copies handed out in turn: none is the copy the cache was filled from. */
const COPIES = 8;
const GOAL_CALLS_MS = 1_000;
const GOAL_SPILL_MS = 100;
const GOAL_BUNDLE_KB = 60;

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A call as Excel makes it: an error (a node without data) is thrown into the cell, not a failure here. */
function call(id: unknown[][], ranges: unknown[][][]): void {
  try {
    rollup(id, ranges as never);
  } catch {
    // #N/A or #VALUE! in the cell.
  }
}

export const functionsBenchmark: BenchmarkSection = {
  name: 'functions',
  run(context) {
    const nodes = context.sizes?.[0] ?? NODES;
    const tables = generateCascade({ nodes, seed: SEED });
    const ranges = tables.map((table) => [table.header, ...table.rows]);
    const json = JSON.stringify(ranges);
    const copies = Array.from({ length: COPIES + 1 }, () => JSON.parse(json) as unknown[][][]);
    const ids = tables.flatMap((table) => table.rows.map((row) => [row[0]]));
    const cells = ranges.reduce((sum, range) => sum + range.length * range[0].length, 0);

    clearCascadeCache();
    let start = now();
    call([ids[0]], copies[0]);
    const first = now() - start;
    start = now();
    for (let index = 0; index < CALLS; index++) call([ids[index % ids.length]], copies[1 + (index % COPIES)]);
    const calls = now() - start;

    clearCascadeCache();
    start = now();
    call(ids, JSON.parse(json));
    const spillCold = now() - start;
    const warm: number[] = [];
    for (let run = 0; run < 5; run++) {
      const copy = copies[1 + (run % COPIES)];
      start = now();
      call(ids, copy);
      warm.push(now() - start);
    }
    const spillWarm = warm.sort((a, b) => a - b)[2];

    const bundle = join(__dirname, '..', '..', 'dist-web', 'functions.js');
    const gzipKb = existsSync(bundle) ? gzipSync(readFileSync(bundle), { level: 9 }).length / 1024 : null;
    const compared = readColumnsCells(ranges);
    const rows: Row[] = [
      { case: 1, nodes, cells, ms: first, perCallUs: first * 1000 },
      { case: 2, nodes, cells, ms: calls, perCallUs: (calls / CALLS) * 1000, nsPerCell: (calls / CALLS) * 1e6 / compared },
      { case: 3, nodes, cells, ms: spillCold, perCallUs: spillCold * 1000 },
      { case: 4, nodes, cells, ms: spillWarm, perCallUs: spillWarm * 1000 },
    ];
    const goals: Goal[] = [
      { description: `${formats.integer(CALLS)} single-ID KPI.ROLLUP calls, fresh ranges each, under ${GOAL_CALLS_MS} ms`, met: calls < GOAL_CALLS_MS, measured: `${formats.ms(calls)} ms` },
      { description: `KPI.ROLLUP spilled over ${formats.integer(ids.length)} IDs under ${GOAL_SPILL_MS} ms (fresh ranges, cold cache)`, met: spillCold < GOAL_SPILL_MS, measured: `${formats.ms(spillCold)} ms` },
    ];
    if (gzipKb !== null) goals.push({ description: `functions.js under ${GOAL_BUNDLE_KB} KB gzip`, met: gzipKb < GOAL_BUNDLE_KB, measured: `${gzipKb.toFixed(1)} KB` });
    const names = ['first call (computes the cascade)', `${formats.integer(CALLS)} single-ID calls (cache hits)`, 'spilled, cold cache', 'spilled, warm cache (median of 5)'];
    return {
      title: `Custom functions: KPI.ROLLUP against a ${formats.integer(nodes)}-row cascade (seed ${SEED}, 4 ranges, 20 columns)`,
      columns: [
        { key: 'case', heading: 'case', format: (value: number) => names[value - 1] },
        { key: 'cells', heading: 'cells', format: formats.integer },
        { key: 'ms', heading: 'total ms', format: formats.ms },
        { key: 'perCallUs', heading: 'µs per call', format: formats.integer },
        { key: 'nsPerCell', heading: 'ns per compared cell', format: (value: number) => value.toFixed(2) },
      ],
      rows,
      goals,
      notes: [
        `Each cached call compares ${formats.integer(compared)} cells (the header rows and the ${formats.integer(compared / (nodes || 1))} read columns per row) against the cached cascade.`,
        gzipKb === null ? 'functions.js: run `npx webpack --mode production` first.' : `functions.js: ${gzipKb.toFixed(1)} KB gzip.`,
      ],
    };
  },
};

/** The cells a ROLLUP call compares: every cell of the columns the score reads. */
function readColumnsCells(ranges: unknown[][][]): number {
  const read = /^(id|level|parent|direction|rollup|baseline|target|targetmin|targetmax|tolerance|actual|weight)$/i;
  return ranges.reduce((sum, range) => sum + range[0].filter((cell) => read.test(String(cell).replace(/\s/g, ''))).length * (range.length - 1) + range[0].length, 0);
}
