/**
 * The custom functions through their public entry (src/functions/functions.ts), as Excel calls them:
 * ranges with their header rows, the repeating cascade argument as one array of ranges.
 */

import { checkTables, SourceTable } from '../../src/core';
import { clearCascadeCache, FUNCTION_SETTINGS } from '../../src/functions/cascade-args';
import { FunctionError } from '../../src/functions/errors';
import * as KPI from '../../src/functions/functions';
import example from '../../examples/scorecard.json';

/** What a call gives: its value, or the error it threw (as Excel shows it in the cell). */
function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return error;
  }
}

const range = (table: { header: unknown[]; rows: unknown[][] }) => [table.header, ...table.rows];
/** A fresh copy, as Excel hands one to every call. */
const fresh = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const exampleTables = example.tables as SourceTable[];
const exampleRanges = exampleTables.map(range);
const engine = checkTables(exampleTables, FUNCTION_SETTINGS);

beforeEach(() => clearCascadeCache());

describe('the same answers as the checker, on the example workbook', () => {
  test('every node: score, contribution, path, aligned', () => {
    expect(engine.nodes.length).toBeGreaterThan(60);
    for (const node of engine.nodes) {
      const duplicate = node.issues.includes('duplicate-id');
      const rollup = outcome(() => KPI.rollup([[node.id]], fresh(exampleRanges)));
      const contribution = outcome(() => KPI.contribution([[node.id]], fresh(exampleRanges)));
      const path = outcome(() => KPI.path([[node.id]], fresh(exampleRanges)));
      const aligned = outcome(() => KPI.aligned([[node.id]], fresh(exampleRanges)));
      if (duplicate) {
        expect(rollup).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^duplicate-id/) });
        continue;
      }
      expect([node.id, rollup]).toEqual([node.id, node.score === null ? expect.any(FunctionError) : [[node.score]]]);
      expect([node.id, contribution]).toEqual([node.id, node.contribution === null ? expect.any(FunctionError) : [[node.contribution]]]);
      expect([node.id, path, aligned]).toEqual([node.id, [[node.path]], [[node.aligned]]]);
    }
  });

  test('the tables keep their kinds without names: the objectives range by its Perspective column', () => {
    const names = exampleTables.map((table) => table.table);
    const roles = checkTables(exampleTables, FUNCTION_SETTINGS).tables.map((table) => table.role);
    expect(names[0]).toBe('Objectives');
    expect(roles).toEqual(['objectives', 'kpis', 'kpis', 'kpis', 'kpis']);
    expect(outcome(() => KPI.aligned([['F1']], exampleRanges))).toEqual([[true]]);
  });

  test('a spilled ROLLUP gives one score per ID, in the shape of the IDs', () => {
    const ids = exampleTables[1].rows.map((row) => [row[0]]);
    const scores = KPI.rollup(ids, fresh(exampleRanges));
    expect(scores).toHaveLength(ids.length);
    ids.forEach(([id], index) => {
      const node = engine.nodes.find((candidate) => candidate.id === id);
      const cell = scores[index][0];
      if (node?.score === null) expect(cell).toBeInstanceOf(FunctionError);
      else expect(cell).toBe(node?.score);
    });
  });

  test('ISSUES: a header row, then the checker\'s issues (stale-actual aside: it depends on today)', () => {
    const table = KPI.issues(fresh(exampleRanges));
    expect(table[0]).toEqual(['Code', 'Severity', 'ID', 'Cell', 'Message']);
    const expected = engine.issues.filter((issue) => issue.code !== 'stale-actual');
    expect(table.slice(1).map((row) => [row[0], row[2]])).toEqual(expected.map((issue) => [issue.code, issue.id ?? '']));
  });

  test('CHILDREN lists the linked children down', () => {
    const children = KPI.children([['F1']], fresh(exampleRanges));
    expect(children.map((row) => row[0])).toEqual(['FIN-01', 'FIN-02']);
  });
});

// A small cascade: one objective, two KPIs below it, a third that sums two individual actuals.
const OBJECTIVES = [
  ['ID', 'Name', 'Perspective', 'Weight', 'Rollup'],
  ['O1', 'Grow', 'Financial', 100, 'Weighted'],
];
const KPIS = [
  ['ID', 'Parent', 'Level', 'Direction', 'Baseline', 'Target', 'Actual', 'Weight', 'Rollup', 'Owner'],
  ['K1', 'O1', 'Department', 'Higher is better', '', 100, 80, 50, '', 'Ann'],
  ['K2', 'O1', 'Department', 'Lower is better', 20, 10, 10, 50, '', 'Bob'],
  ['K3', 'K1', 'Team', '', '', 60, 30, '', 'Sum', 'Cy'],
  ['K4', 'K3', 'Individual', '', '', 30, 20, '', '', 'Di'],
  ['K5', 'K3', 'Individual', '', '', 30, 5, '', '', 'Ed'],
];
const small = () => fresh([OBJECTIVES, KPIS]);

describe('errors as Excel users expect', () => {
  test('an unknown ID: #N/A naming it', () => {
    expect(outcome(() => KPI.rollup([['X9']], small()))).toEqual(new FunctionError('notAvailable', 'No KPI or objective has the ID "X9" in the cascade ranges.'));
  });

  test('a node without data: #N/A; its own error: #VALUE! with the rule\'s code', () => {
    const ranges = small();
    ranges[1][1][6] = '';
    ranges[1][1][0] = 'K1';
    ranges[1][3][8] = '';
    ranges[1][4][6] = '';
    ranges[1][5][6] = '';
    expect(outcome(() => KPI.rollup([['K4']], ranges))).toMatchObject({ code: 'notAvailable', message: expect.stringMatching(/^No data: K4/) });
    ranges[1][2][6] = 'TBD';
    expect(outcome(() => KPI.rollup([['K2']], ranges))).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^invalid-number: /) });
    ranges[1][2][5] = 20;
    ranges[1][2][6] = 15;
    expect(outcome(() => KPI.rollup([['K2']], ranges))).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^zero-span: /) });
  });

  test('where the engine computes a value, the function returns it despite other issues', () => {
    const ranges = small();
    ranges[1][5][9] = ''; // missing-owner
    ranges[1].push(['K6', 'NOPE', 'Team', '', '', 5, 1, '', '', 'Fy']); // unknown-parent
    expect(outcome(() => KPI.rollup([['K2']], ranges))).toEqual([[1]]);
    expect(outcome(() => KPI.contribution([['K6']], ranges))).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^unknown-parent/) });
  });

  test('a bad argument: #VALUE! naming it', () => {
    expect(outcome(() => KPI.progress('lots', 100))).toEqual(new FunctionError('invalidValue', 'The actual "lots" is not a number.'));
    expect(outcome(() => KPI.score(50, 100, null, 'sideways'))).toMatchObject({ code: 'invalidValue', message: expect.stringContaining('direction "sideways"') });
    expect(outcome(() => KPI.score(50, 100, null, null, 3))).toMatchObject({ code: 'invalidValue', message: expect.stringContaining('cap 3') });
    expect(outcome(() => KPI.expected('soon', 46022))).toMatchObject({ code: 'invalidValue', message: expect.stringContaining('start date "soon"') });
    expect(outcome(() => KPI.status(0.5, 2))).toMatchObject({ code: 'invalidValue', message: expect.stringContaining('expected progress 2') });
    expect(outcome(() => KPI.rollup([['K1']], 'K1' as never))).toMatchObject({ code: 'invalidValue', message: expect.stringContaining('cascade argument') });
    expect(outcome(() => KPI.rollup([['']], small()))).toMatchObject({ code: 'invalidValue', message: expect.stringContaining('id is blank') });
  });

  test('an unknown direction: the message lists the directions as a team sheet\'s dropdown offers them', () => {
    expect(outcome(() => KPI.score(50, 100, null, 'sideways'))).toEqual(
      new FunctionError('invalidValue', 'The direction "sideways" is not one KPI Align knows; use "Higher is better", "Lower is better" or "Range".'),
    );
  });
});

describe('the scalar functions', () => {
  test('PROGRESS and SCORE follow spec section 4, with the spec\'s words and number texts', () => {
    expect(KPI.progress(80, 100)).toBe(0.8);
    expect(KPI.progress('$1,200', '1,000')).toBe(1.2);
    expect(KPI.score('$1,200', '1,000')).toBe(1);
    expect(KPI.score(1200, 1000, null, null, 1.5)).toBe(1.2);
    expect(KPI.progress(27, 24, 36, 'Down')).toBe(0.75);
    expect(KPI.progress(15, 10, null, 'lower is better')).toBe(0.5);
    expect(KPI.progress(10, 10, null, 'Range')).toBe(1);
    expect(outcome(() => KPI.progress(5, -10))).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^baseline-required/) });
    expect(outcome(() => KPI.progress(null, 10))).toMatchObject({ code: 'notAvailable' });
  });

  test('EXPECTED and STATUS', () => {
    // 2026-01-01 = 46023, 2026-12-31 = 46387, 2026-07-02 = 46205.
    expect(KPI.expected(46023, 46387, 46205)).toBeCloseTo(0.5, 3);
    expect(KPI.expected('2026-01-01', '2026-12-31', '2027-03-01')).toBe(1);
    expect(KPI.expected(null, 46387, 46205)).toBe(1);
    expect(KPI.status(1)).toBe('Achieved');
    expect(KPI.status(0.46, 0.5)).toBe('On track');
    expect(KPI.status(0.4, 0.5)).toBe('At risk');
    expect(KPI.status(0.3, 0.5)).toBe('Off track');
    expect(KPI.status(null)).toBe('No data');
    expect(KPI.status(0.4, 0.5, 0.8, 0.5)).toBe('On track');
  });
});

describe('the cache never answers for different inputs', () => {
  test('a one-cell change anywhere in a column the answer reads changes the answer, as the engine says', () => {
    const base = small();
    const mutations: [number, number, string | number][] = [];
    for (let row = 1; row < KPIS.length; row++) {
      for (const column of [0, 1, 2, 3, 4, 5, 6, 7, 8]) mutations.push([row, column, column === 3 ? 'Range' : column === 2 ? 'Team' : column === 8 ? 'Min' : 7]);
    }
    for (const [row, column, value] of mutations) {
      const changed = fresh(base);
      changed[1][row][column] = value;
      const tables = changed.map((cells, index) => ({ sheet: `S${index}`, table: index === 0 ? 'Objectives' : 'KPIs', origin: 'A1', header: cells[0], rows: cells.slice(1) })) as SourceTable[];
      const truth = checkTables(tables, FUNCTION_SETTINGS).nodes;
      // Warm the cache with the unchanged cascade, then ask about the changed one.
      KPI.rollup([['O1']], fresh(base));
      KPI.contribution([['O1']], fresh(base));
      for (const id of ['O1', 'K1', 'K3', 'K4']) {
        const node = truth.filter((candidate) => candidate.id === id);
        if (node.length !== 1) continue;
        const rollup = outcome(() => KPI.rollup([[id]], fresh(changed)));
        const contribution = outcome(() => KPI.contribution([[id]], fresh(changed)));
        expect([row, column, id, rollup]).toEqual([row, column, id, node[0].score === null ? expect.any(FunctionError) : [[node[0].score]]]);
        expect([row, column, id, contribution]).toEqual([row, column, id, node[0].contribution === null ? expect.any(FunctionError) : [[node[0].contribution]]]);
      }
    }
  });

  test('a change in the header or the number of rows is a different cascade', () => {
    const base = small();
    // K1 rolls up from K3, which sums K4 and K5: 25 of 60.
    expect(KPI.rollup([['K1']], fresh(base))).toEqual([[0.416666666667]]);
    const renamed = fresh(base);
    renamed[1][0][6] = 'Notes'; // no Actual column: nothing to measure
    expect(outcome(() => KPI.rollup([['K1']], renamed))).toMatchObject({ code: 'notAvailable' });
    const longer = fresh(base);
    longer[1].push(['K7', 'K1', 'Team', '', '', 10, 0, 10, '', 'Gus']);
    expect(KPI.rollup([['K1']], longer)[0][0]).not.toBe(0.416666666667);
  });
});

describe('REQUIRED', () => {
  test('the answer, put in as the actual, brings the parent to 1 by the engine, and a little less does not', () => {
    const ranges = small();
    ranges[1][1][6] = '';
    ranges[1][3][8] = 'None'; // K3 no longer rolls up: its own actual counts
    const needed = KPI.required([['K3']], ranges)[0][0] as number;
    expect(needed).toBe(60);
    ranges[1][3][6] = needed;
    expect(KPI.rollup([['K1']], fresh(ranges))).toEqual([[1]]);
    ranges[1][3][6] = needed - 0.01;
    expect((KPI.rollup([['K1']], fresh(ranges))[0][0] as number)).toBeLessThan(1);
    // O1 needs K1 at 1, but K1 is the weighted score of K3 alone, so K2 (already 1) cannot help.
    expect(outcome(() => KPI.required([['K2']], small()))).toMatchObject({ code: 'notAvailable', message: expect.stringContaining('Even at its best, K2 leaves O1') });
  });

  test('a leaf under a weighted parent', () => {
    const ranges = fresh([
      ['ID', 'Parent', 'Level', 'Target', 'Actual', 'Weight'],
      ['O', '', 'Objective', '', '', ''],
      ['A', 'O', 'Department', 100, 80, 50],
      ['B', 'O', 'Department', 50, 60, 50],
    ]);
    expect(KPI.rollup([['O']], [ranges])).toEqual([[0.9]]);
    expect(KPI.required([['A']], [ranges])).toEqual([[100]]);
    ranges[3][4] = 40;
    expect(outcome(() => KPI.required([['A']], [ranges]))).toMatchObject({ code: 'notAvailable', message: expect.stringContaining('Even at its best, A leaves O at a score of 90.0%') });
  });

  test('a parent that sums its children: the rest of the sum', () => {
    const ranges = fresh([
      ['ID', 'Parent', 'Level', 'Target', 'Actual', 'Rollup'],
      ['P', '', 'Objective', 100, '', 'Sum'],
      ['A', 'P', 'Department', 50, 30, ''],
      ['B', 'P', 'Department', 50, 45, ''],
    ]);
    expect(KPI.required([['A']], [ranges])).toEqual([[55]]);
  });

  test('a node without a parent, and an unknown one', () => {
    expect(outcome(() => KPI.required([['O1']], small()))).toMatchObject({ code: 'notAvailable', message: expect.stringContaining('no parent') });
    expect(outcome(() => KPI.required([['Z']], small()))).toMatchObject({ code: 'notAvailable', message: expect.stringContaining('"Z"') });
  });
});
