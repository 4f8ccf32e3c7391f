/**
 * The custom functions as Excel calls them: once per cell, each call with a fresh copy of the
 * ranges (here JSON copies, as the runtime deserialises its arguments). 10,000 single-ID
 * KPI.ROLLUP calls against one 10,000-row cascade; one KPI.ROLLUP spilled over 10,000 IDs; and the
 * size of functions.js, the one file Excel loads for them.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cascadeComputations, clearCascadeCache } from '../src/functions/cascade-args';
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

/** Reads every cell of the ID and Parent columns (the first and fourth) of every range, as a cached call must. */
function readKeyColumns(ranges: unknown[][][]): number {
  let count = 0;
  for (const range of ranges) {
    for (let row = 1; row < range.length; row++) {
      const cells = range[row];
      if (cells[0] !== null) count++;
      if (cells[3] !== null) count++;
    }
  }
  return count;
}

/** Median of the values. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
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
    const computedBefore = cascadeComputations();
    start = now();
    for (let index = 0; index < CALLS; index++) call([ids[index % ids.length]], copies[1 + (index % COPIES)]);
    const calls = now() - start;
    const recomputed = cascadeComputations() - computedBefore;
    // The floor for an exact answer: any row may name the node as its parent or repeat its ID, so every call reads them all.
    start = now();
    let checksum = 0;
    for (let index = 0; index < CALLS; index++) checksum += readKeyColumns(copies[1 + (index % COPIES)]);
    const floor = now() - start;

    // Cold cache: every run computes the cascade; the copy is made before the clock starts (Excel's deserialising is not ours).
    const cold: number[] = [];
    for (let run = 0; run < 6; run++) {
      clearCascadeCache();
      const copy = JSON.parse(json) as unknown[][][];
      start = now();
      call(ids, copy);
      cold.push(now() - start);
    }
    const spillFirst = cold[0];
    const spillCold = median(cold.slice(1));
    const warm: number[] = [];
    for (let run = 0; run < 5; run++) {
      const copy = copies[1 + (run % COPIES)];
      start = now();
      call(ids, copy);
      warm.push(now() - start);
    }
    const spillWarm = median(warm);

    const bundle = join(__dirname, '..', '..', 'dist-web', 'functions.js');
    const gzipKb = existsSync(bundle) ? gzipSync(readFileSync(bundle), { level: 9 }).length / 1024 : null;
    const rows: Row[] = [
      { case: 1, nodes, cells, ms: first, perCallUs: first * 1000 },
      { case: 2, nodes, cells, ms: calls, perCallUs: (calls / CALLS) * 1000 },
      { case: 6, nodes, cells, ms: floor, perCallUs: (floor / CALLS) * 1000 },
      { case: 3, nodes, cells, ms: spillFirst, perCallUs: spillFirst * 1000 },
      { case: 4, nodes, cells, ms: spillCold, perCallUs: spillCold * 1000 },
      { case: 5, nodes, cells, ms: spillWarm, perCallUs: spillWarm * 1000 },
    ];
    const goals: Goal[] = [
      { description: `${formats.integer(CALLS)} single-ID KPI.ROLLUP calls, fresh ranges each, under ${GOAL_CALLS_MS} ms`, met: calls < GOAL_CALLS_MS, measured: `${formats.ms(calls)} ms` },
      { description: `KPI.ROLLUP spilled over ${formats.integer(ids.length)} IDs under ${GOAL_SPILL_MS} ms (fresh ranges, cold cache, median of 5)`, met: spillCold < GOAL_SPILL_MS, measured: `${formats.ms(spillCold)} ms` },
    ];
    if (gzipKb !== null) goals.push({ description: `functions.js under ${GOAL_BUNDLE_KB} KB gzip`, met: gzipKb < GOAL_BUNDLE_KB, measured: `${gzipKb.toFixed(1)} KB` });
    const names = [
      'first call (computes the cascade)',
      `${formats.integer(CALLS)} single-ID calls (cache hits)`,
      'spilled, cold cache, first in the process',
      'spilled, cold cache (median of 5)',
      'spilled, warm cache (median of 5)',
      `floor: reading the ID and Parent cells ${formats.integer(CALLS)} times`,
    ];
    return {
      title: `Custom functions: KPI.ROLLUP against a ${formats.integer(nodes)}-row cascade (seed ${SEED}, 4 ranges, 20 columns)`,
      columns: [
        { key: 'case', heading: 'case', format: (value: number) => names[value - 1] },
        { key: 'cells', heading: 'cells', format: formats.integer },
        { key: 'ms', heading: 'total ms', format: formats.ms },
        { key: 'perCallUs', heading: 'µs per call', format: formats.integer },
      ],
      rows,
      goals,
      notes: [
        `The ${formats.integer(CALLS)} calls take ${COPIES} copies in turn, none of them the copy the cache was filled from; the cascade was computed ${recomputed} times during them (0: every call was answered from the cache after comparing its copy).`,
        `The floor row only reads every ID and Parent cell of each copy, as any exact answer must (checksum ${checksum % 1000}); the rest of a cached call is the difference.`,
        'A cached single-ID call compares the header rows, every ID and Parent cell, and the read columns of the rows its answer depends on (docs/performance.md).',
        gzipKb === null ? 'functions.js: run `npx webpack --mode production` first.' : `functions.js: ${gzipKb.toFixed(1)} KB gzip.`,
      ],
    };
  },
};
