/**
 * The cache answers a single-ID call after comparing only the ID and Parent columns and the rows of
 * the node's scope (src/functions/cascade-args.ts). This property checks that claim: warm the cache
 * with a cascade, change one cell anywhere, and every ID function must give, for the changed copy,
 * exactly what a cold computation of that copy gives.
 */

import { generateCascade } from '../../bench/generate-cascade';
import { Random } from '../../bench/random';
import { cascadeComputations, clearCascadeCache } from '../../src/functions/cascade-args';
import * as KPI from '../../src/functions/functions';

type Ranges = unknown[][][];

const fresh = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A value or the error a call gave, as plain data. */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return { error: code, message };
  }
}

const FUNCTIONS: Record<string, (id: unknown[][], ranges: Ranges) => unknown> = {
  rollup: (id, ranges) => KPI.rollup(id, ranges),
  contribution: (id, ranges) => KPI.contribution(id, ranges),
  path: (id, ranges) => KPI.path(id, ranges),
  aligned: (id, ranges) => KPI.aligned(id, ranges),
  children: (id, ranges) => KPI.children(id, ranges),
  required: (id, ranges) => KPI.required(id, ranges),
};

function baseCascade(seed: number): Ranges {
  const tables = generateCascade({ nodes: 40, seed, tables: 2, defects: 0.1 });
  return tables.map((table) => [[...table.header], ...table.rows.map((row) => [...row])]);
}

/** A new value for a cell: another row's value in the same column, an ID, a blank, a number or a word. */
function newValue(random: Random, ranges: Ranges, rangeIndex: number, column: number): unknown {
  const pick = random.float();
  const range = ranges[random.integer(0, ranges.length - 1)];
  const row = range[random.integer(1, range.length - 1)];
  if (pick < 0.35) return ranges[rangeIndex][random.integer(1, ranges[rangeIndex].length - 1)][column];
  if (pick < 0.6) return row[0];
  if (pick < 0.7) return '';
  if (pick < 0.85) return random.integer(0, 199);
  return random.pick(['Team', 'Objective', 'Lower is better', 'Range', 'Sum', 'n/a', 'x']);
}

describe('the scoped cache never answers for a copy it did not compare', () => {
  test('one changed cell, anywhere: every ID function equals a cold computation', () => {
    const random = new Random(20261123);
    let compared = 0;
    for (let trial = 0; trial < 120; trial++) {
      const base = baseCascade(1000 + (trial % 6));
      const rangeIndex = random.integer(0, base.length - 1);
      const row = random.integer(1, base[rangeIndex].length - 1);
      const column = random.integer(0, base[rangeIndex][0].length - 1);
      const changed = fresh(base);
      changed[rangeIndex][row][column] = newValue(random, base, rangeIndex, column);

      const allIds = base.flatMap((range) => range.slice(1).map((cells) => cells[0]));
      const ids = new Set<unknown>([base[rangeIndex][row][0], base[rangeIndex][row][3], changed[rangeIndex][row][column]]);
      for (let extra = 0; extra < 3; extra++) ids.add(allIds[random.integer(0, allIds.length - 1)]);

      for (const [name, call] of Object.entries(FUNCTIONS)) {
        for (const id of ids) {
          if (typeof id !== 'string' || id === '') continue;
          clearCascadeCache();
          const truth = outcome(() => call([[id]], fresh(changed)));
          clearCascadeCache();
          outcome(() => call([[id]], fresh(base)));
          const cached = outcome(() => call([[id]], fresh(changed)));
          expect({ trial, name, id, cell: [rangeIndex, row, column], answer: cached }).toEqual({ trial, name, id, cell: [rangeIndex, row, column], answer: truth });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1500);
  });

  test('a cached answer is reused when only cells outside the scope change', () => {
    const base = baseCascade(7);
    const leaf = base[1][base[1].length - 1][0] as string;
    clearCascadeCache();
    const first = KPI.rollup([[leaf]], fresh(base));
    const computed = cascadeComputations();
    // A Name is never read; another row's Actual is outside a leaf's subtree.
    const changed = fresh(base);
    changed[1][1][1] = 'A new name';
    changed[1][1][13] = 12345;
    expect(KPI.rollup([[leaf]], changed)).toEqual(first);
    expect(cascadeComputations()).toBe(computed);
    // The leaf's own Actual is in its scope: computed again.
    changed[1][base[1].length - 1][13] = 54321;
    KPI.rollup([[leaf]], fresh(changed));
    expect(cascadeComputations()).toBe(computed + 1);
  });
});
