/**
 * KPI.PROGRESS and KPI.SCORE read a target written as text as a table's Target cell is read (spec
 * section 8): the number, the direction its comparator says when the direction argument is blank, a
 * `±` tolerance; and actuals with a multiplier or a unit word. Each answer is the engine's for the
 * same cells in a table.
 */

import { checkTables } from '../../src/core';
import * as KPI from '../../src/functions/kpi';

/** The engine's progress for one KPI row with these cells. */
function engineProgress(actual: unknown, target: unknown, direction: unknown = null): number | null {
  const report = checkTables(
    [{ sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Name', 'Target', 'Actual', 'Direction'], rows: [['K1', 'Thing', target, actual, direction] as never[]] }],
    { asOf: '2026-09-30' },
  );
  return report.nodes[0].progress;
}

test.each([
  ['≤3%', '2.4%'],
  ['<21%', '25%'],
  ['>= 500', 420],
  ['at most 8', 10],
  ['above 3.37', 3],
  ['$15K+', '$12K'],
  ['1.2M', '900K'],
  ['8 days', '10 days'],
  ['100 ± 5%', 108],
])('target %p with actual %p: the function gives the engine\'s progress', (target, actual) => {
  const expected = engineProgress(actual, target);
  expect(expected).not.toBeNull();
  expect(KPI.progress(actual, target)).toBeCloseTo(expected as number, 9);
});

test('a direction argument that disagrees with the comparator is #VALUE! naming invalid-direction, as in a table', () => {
  expect(engineProgress(2, '≤3', 'Higher is better')).toBeNull();
  const answer = KPI.progress(2, '≤3', null, 'Higher is better') as { code: string; message: string };
  expect(answer.code).toBe('invalidValue');
  expect(answer.message).toMatch(/^invalid-direction: /);
});

test('a direction argument that agrees, or the target without a comparator, changes nothing', () => {
  expect(KPI.progress(2, '≤3', null, 'Lower is better')).toBeCloseTo(engineProgress(2, '≤3') as number, 9);
  expect(KPI.progress(80, 100)).toBe(0.8);
  expect(KPI.progress('80%', '100%')).toBe(0.8);
});
