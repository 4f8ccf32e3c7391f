/** Targets and other numbers written as text (spec section 8), read by the parsers and by the engine. */

import { INVALID } from '../../src/core/values';
import { parseWrittenNumber, parseWrittenTarget, parseWrittenTolerance } from '../../src/core/target-text';
import { lowerIsBetterWord } from '../../src/core/vocabulary';
import { fieldForHeader } from '../../src/core/headers';
import { check, node, table, where } from './build';

describe('a target written as text', () => {
  test.each([
    ['≤3%', 0.03, 'lower', null],
    ['<21%', 0.21, 'lower', null],
    ['<= 5', 5, 'lower', null],
    ['at most 8', 8, 'lower', null],
    ['Below 2', 2, 'lower', null],
    ['under $40', 40, 'lower', null],
    ['8 days or less', 8, 'lower', 'days'],
    ['>= 500', 500, 'higher', null],
    ['≥ 95%', 0.95, 'higher', null],
    ['above 3.37', 3.37, 'higher', null],
    ['At least 12 months', 12, 'higher', 'months'],
    ['$15K+', 15000, 'higher', null],
    ['3+ days', 3, 'higher', 'days'],
    ['100 or more', 100, 'higher', null],
    ['1.2M', 1200000, null, null],
    ['€2.5 bn', 2.5e9, null, null],
    ['$1.5 million', 1.5e6, null, null],
    ['8 days', 8, null, 'days'],
    ['24 h', 24, null, 'h'],
    ['5 km', 5, null, 'km'],
    ['12 per cent', 0.12, null, null],
    ['42', 42, null, null],
    [42, 42, null, null],
  ])('%p is %p, direction %p, unit %p', (cell, value, direction, unit) => {
    expect(parseWrittenTarget(cell)).toEqual({ value, direction, unit, tolerance: null });
  });

  test.each([
    ['± 4.5%', 0, 0.045],
    ['within ±2%', 0, 0.02],
    ['3% ± 0.5%', 0.03, 0.005],
    ['200 ± 5%', 200, 10],
    ['100 +/- 5', 100, 5],
    ['40 ± 5 units', 40, 5],
  ])('%p is a range at %p with tolerance %p', (cell, value, tolerance) => {
    const read = parseWrittenTarget(cell);
    if (read === null || read === INVALID) throw new Error(`${cell} was not read`);
    expect(read.direction).toBe('range');
    expect(read.value).toBeCloseTo(value, 12);
    expect(read.tolerance).toBeCloseTo(tolerance, 12);
  });

  test.each([['TBD'], ['≥ 5 or less'], ['< $5K+'], ['15K%'], ['100% by 2025'], ['1 2'], ['12,34,567'], ['about 5'], [true]])('%p is not a number', (cell) => {
    expect(parseWrittenTarget(cell)).toBe(INVALID);
  });

  test('blank markers stay blank', () => {
    expect(parseWrittenTarget('n/a')).toBeNull();
    expect(parseWrittenTarget(null)).toBeNull();
  });
});

describe('an actual, baseline or band bound written as text', () => {
  test('takes a multiplier and a unit word, as a target does', () => {
    expect(parseWrittenNumber('8 days')).toEqual({ value: 8, unit: 'days' });
    expect(parseWrittenNumber('$1.2M')).toEqual({ value: 1.2e6, unit: null });
    expect(parseWrittenNumber('(300)')).toEqual({ value: -300, unit: null });
  });
  test('but no comparator: a measured value is not a bound', () => {
    expect(parseWrittenNumber('≤ 3%')).toBe(INVALID);
    expect(parseWrittenNumber('$15K+')).toBe(INVALID);
    expect(parseWrittenNumber('± 2')).toBe(INVALID);
  });
  test('a tolerance may carry a ±', () => {
    expect(parseWrittenTolerance('± 4.5%')).toEqual({ value: 0.045, unit: null });
    expect(parseWrittenTolerance('±5 days')).toEqual({ value: 5, unit: 'days' });
  });
});

describe('the engine reads what a written target says', () => {
  const kpis = (header: string[], ...rows: (string | number | null)[][]) => check([table('KPIs', ['ID', 'Name', ...header], rows)]);

  test('the comparator gives the direction when the Direction cell is blank', () => {
    const report = kpis(['Direction', 'Target', 'Actual'], ['K1', 'Defect rate', null, '≤3%', 0.045], ['K2', 'Leads', null, '$15K+', 12000]);
    // lower with no baseline: B = 2T = 0.06, p = (0.06 − 0.045) / 0.03 = 0.5
    expect(node(report, 'K1').progress).toBeCloseTo(0.5, 12);
    expect(node(report, 'K2').progress).toBeCloseTo(0.8, 12);
    expect(where(report, 'direction-assumed')).toEqual([]);
  });

  test('a Direction cell that says otherwise is invalid-direction on that cell, and the KPI gets no progress', () => {
    const report = kpis(['Direction', 'Target', 'Actual'], ['K1', 'Leads', 'Higher is better', 'at most 8', 6]);
    expect(where(report, 'invalid-direction')).toEqual(['K1@KPIs!C2']);
    const issue = report.issues.find((candidate) => candidate.code === 'invalid-direction');
    expect(issue?.message).toBe('KPI K1: Direction "Higher is better" in KPIs!C2 disagrees with the Target "at most 8" in KPIs!D2, which says lower; make them agree (or clear the Direction). It gets no progress until then.');
    expect(node(report, 'K1').progress).toBeNull();
  });

  test('a Direction cell that agrees is fine', () => {
    const report = kpis(['Direction', 'Target', 'Actual'], ['K1', 'Leads', 'Lower is better', 'at most 8', 6], ['K2', 'Budget variance', 'Maintain', '± 5%', 0.02]);
    expect(where(report, 'invalid-direction')).toEqual([]);
    expect(node(report, 'K2').progress).toBe(1);
  });

  test('± makes a range at the target; the Tolerance cell wins over it', () => {
    const report = kpis(['Target', 'Tolerance', 'Actual'], ['K1', 'Headcount', '200 ± 5%', null, 212], ['K2', 'Headcount', '200 ± 5%', 20, 212]);
    // band [190, 210], width 20: d = 2, p = 0.9; with tolerance 20 the band is [180, 220]
    expect(node(report, 'K1').progress).toBeCloseTo(0.9, 12);
    expect(node(report, 'K2').progress).toBe(1);
  });

  test('a unit word fills a blank Unit, which a sum node compares', () => {
    const rows = [['P', 'Lead time', null, 'sum', null, '8 days'], ['A', 'Lead time A', 'P', null, null, '5 days'], ['B', 'Lead time B', 'P', null, 'weeks', '3']];
    const report = check([table('KPIs', ['ID', 'Name', 'Parent', 'Rollup', 'Unit', 'Target'], rows)]);
    expect(where(report, 'unit-mismatch')).toEqual(['P@KPIs!E2']);
  });

  test('an actual written with a unit is its number', () => {
    const report = kpis(['Direction', 'Baseline', 'Target', 'Actual'], ['K1', 'Cycle', 'lower', '10 days', '5 days', '7.5 days']);
    expect(node(report, 'K1').progress).toBeCloseTo(0.5, 12);
  });
});

describe('a direction guessed from the name', () => {
  test.each([
    ['Cost per hire', 'cost'], ['Reduce churn', 'reduce'], ['Average handling time', 'time'], ['Days sales outstanding', 'days'],
    ['Billing ERRORS', 'errors'], ['Staff turnover (%)', 'turnover'], ['Customer complaints', 'complaints'], ['Minimise waste', 'minimise'],
  ])('%p says %p', (name, word) => {
    expect(lowerIsBetterWord(name)).toBe(word);
  });

  test.each([['On-time delivery'], ['Same-day ship rate'], ['Error-free invoices'], ['Cost savings'], ['Incidents resolved within SLA'], ['Annual turnover'], ['Turnover (sales)'], ['Costume sales'], ['Revenue'],
    ['% of new benefit claims decided within 14 days'], ['% of invoices paid on time'], ['% of incident responses carried out in prescribed time'],
    ['% of cases dealt with in 3 working days'], ['% Reduction in complaints'], ['Decrease in errors']])(
    '%p says nothing of the kind',
    (name) => {
      expect(lowerIsBetterWord(name)).toBeNull();
    },
  );

  test('is scored lower-is-better with direction-assumed, on the name when there is no Direction column', () => {
    const report = check([table('KPIs', ['ID', 'Name', 'Target', 'Actual'], [['K1', 'Cost per hire', 4000, 5000], ['K2', 'Hires', 40, 30]])]);
    expect(where(report, 'direction-assumed')).toEqual(['K1@KPIs!B2']);
    // lower with no baseline: B = 8000, p = (8000 − 5000) / 4000
    expect(node(report, 'K1').progress).toBeCloseTo(0.75, 12);
    expect(report.issues[0].message).toContain('add a Direction column with "Higher is better"');
  });

  test('not for an objective, nor where a Direction cell or the target says the direction', () => {
    const report = check([
      table('Objectives', ['ID', 'Name'], [['O1', 'Reduce costs']]),
      table('KPIs', ['ID', 'Name', 'Parent', 'Direction', 'Target', 'Actual'], [['K1', 'Cost per hire', 'O1', 'higher', 4000, 5000], ['K2', 'Cost per lead', 'O1', null, '≥ 40', 30], ['K3', 'Errors', 'O1', 'range?', 1, 1]]),
    ]);
    expect(where(report, 'direction-assumed')).toEqual([]);
    expect(node(report, 'K1').progress).toBeCloseTo(1.25, 12);
  });
});

describe('a fortnightly actual', () => {
  test('goes stale 14 days after its update, not 7', () => {
    const at = (asOf: string) => where(check([table('KPIs', ['ID', 'Target', 'Actual', 'Updated', 'Frequency'], [['K1', 10, 5, '2026-06-01', 'Fortnightly']])], { asOf }), 'stale-actual');
    expect(at('2026-06-15')).toEqual([]);
    expect(at('2026-06-16')).toEqual(['K1@KPIs!D2']);
  });
});

test('Goal Type is no longer a Direction header: OKR tools use it for "Aspirational" (spec section 8)', () => {
  expect(fieldForHeader('Goal Type')).toBeUndefined();
  expect(fieldForHeader('Polarity')).toBe('direction');
});
