/**
 * The engine benchmark: `checkTables` (read, link, compute, check, report) on generated scorecards
 * of 1,000, 10,000 and 100,000 nodes, against a bare pass that reads every cell of the same tables once.
 */

import { checkTables, settingsOrThrow, SourceTable } from '../src/core';
import { generateCascade, GENERATED_AS_OF } from './generate-cascade';
import { measureMemory, time } from './measure';
import { BenchmarkSection, formats, Goal, Row } from './section';

const SIZES = [1_000, 10_000, 100_000];
const SEED = 20261123;
/** The goal: 100,000 nodes in under a second, and within ten times a bare pass over the same cells. */
const GOAL_NODES = 100_000;
const GOAL_MS = 1_000;
const GOAL_RATIO = 10;

/** Reads every cell once and does the least that a reader must: look at its type and its length. */
export function barePass(tables: readonly SourceTable[]): number {
  let total = 0;
  for (const table of tables) {
    for (const cell of table.header) total += weigh(cell);
    for (const row of table.rows) {
      for (let index = 0; index < row.length; index++) total += weigh(row[index]);
    }
  }
  return total;
}

function weigh(cell: unknown): number {
  switch (typeof cell) {
    case 'string': return cell.length;
    case 'number': return cell === cell ? 1 : 0;
    case 'boolean': return 2;
    case 'object': return cell === null ? 0 : 3;
    default: return 0;
  }
}

export const engineBenchmark: BenchmarkSection = {
  name: 'engine',
  run(context) {
    const settings = settingsOrThrow({ asOf: GENERATED_AS_OF });
    const rows: Row[] = [];
    for (const nodes of context.sizes ?? SIZES) {
      const tables = generateCascade({ nodes, seed: SEED });
      const cells = tables.reduce((sum, table) => sum + table.rows.length * table.header.length, 0);
      // Small cascades get more warm-up runs: the engine's code is still being optimised after the first few.
      const runs = nodes >= 100_000 ? 5 : 7;
      const engine = time(() => checkTables(tables, settings), runs, nodes >= 100_000 ? 2 : 5);
      const bare = time(() => barePass(tables), runs, 3);
      const memory = measureMemory(() => checkTables(tables, settings), context.gc);
      rows.push({
        nodes,
        cells,
        median: engine.median,
        min: engine.min,
        max: engine.max,
        nodesPerSecond: nodes / (engine.median / 1000),
        bare: bare.median,
        ratio: engine.median / bare.median,
        heapGrowth: memory.heapGrowth,
        retained: memory.retained,
        peakRss: memory.peakRss,
      });
    }
    return {
      title: `Engine: checkTables on generated scorecards (seed ${SEED}, 4 tables, 20 columns; median after warm-up)`,
      columns: [
        { key: 'nodes', heading: 'nodes', format: formats.integer },
        { key: 'cells', heading: 'cells', format: formats.integer },
        { key: 'median', heading: 'median ms', format: formats.ms },
        { key: 'min', heading: 'min ms', format: formats.ms },
        { key: 'max', heading: 'max ms', format: formats.ms },
        { key: 'nodesPerSecond', heading: 'nodes/s', format: formats.integer },
        { key: 'bare', heading: 'bare ms', format: formats.ms },
        { key: 'ratio', heading: 'x bare', format: formats.ratio },
        { key: 'heapGrowth', heading: 'heap+ MB', format: formats.mb },
        { key: 'retained', heading: 'retained MB', format: formats.mb },
        { key: 'peakRss', heading: 'peak rss MB', format: formats.mb },
      ],
      rows,
      goals: goals(rows),
      notes: [
        'median/min/max: per call over samples of at least 20 ms each (short calls are repeated within a sample).',
        'bare: the same tables read once, every cell typed and measured (median).',
        'heap+: heapUsed after one run less before it (garbage not yet collected included; a lower bound of the peak).',
        context.gc
          ? 'retained: heapUsed after a full GC with the report held, less the baseline: the report and what it references.'
          : 'retained: needs node --expose-gc (npm run bench passes it).',
        'peak rss: the process maximum so far (sizes run smallest first).',
      ],
    };
  },
};

function goals(rows: Row[]): Goal[] {
  const row = rows.find((candidate) => candidate.nodes === GOAL_NODES);
  if (!row) return [];
  const median = row.median as number;
  const ratio = row.ratio as number;
  return [
    { description: `${formats.integer(GOAL_NODES)} nodes in under ${formats.integer(GOAL_MS)} ms`, met: median < GOAL_MS, measured: `${formats.ms(median)} ms` },
    { description: `${formats.integer(GOAL_NODES)} nodes within ${GOAL_RATIO}x of the bare pass`, met: ratio <= GOAL_RATIO, measured: formats.ratio(ratio) },
  ];
}
