/**
 * Every rule of the catalogue: a workbook that triggers it, where, with a message that names the
 * node and the value; and a near-identical workbook that must not trigger it.
 */

import { compareSeverity, isIssueOf, RULE_CODES, RULES, rulesWhere, SEVERITIES, SettingsInput, SourceTable, type CascadeReport, type Issue, type RuleCode } from '../../src/core';
import { check, checkScorecard, Row, soundScorecard, table, tableOf, where } from './build';

type Card = ReturnType<typeof soundScorecard>;

interface RuleCase {
  /** Change the sound scorecard so that the rule fires; returns the tables when it needs more than the card. */
  trigger: (card: Card) => void | SourceTable[];
  /** A change just short of triggering it. */
  pass: (card: Card) => void | SourceTable[];
  /** The "id@cell" of each expected issue. */
  at: string[];
  /** Words the message must contain. */
  says: string[];
}

const kpi = (card: Card, id: string): Row => card.kpis.find((row) => row.ID === id) as Row;
const objective = (card: Card, id: string): Row => card.objectives.find((row) => row.ID === id) as Row;

/** One case per rule: a rule added to the catalogue without one does not compile. */
const CASES: Record<RuleCode, RuleCase> = {
  'missing-id': {
    trigger: (card) => void card.kpis.push({ ID: null, Name: 'Orphan', Target: 5 }),
    pass: (card) => void card.kpis.push({ ID: null, Name: null, Target: null }),
    at: ['null@KPIs!A6'],
    says: ['Row 6', 'KPIs!A6'],
  },
  'duplicate-id': {
    trigger: (card) => void card.kpis.push({ ID: 'k1', Parent: 'F1', Target: 1, Owner: 'X' }),
    pass: (card) => void card.kpis.push({ ID: 'K1b', Parent: 'F1', Target: 1, Owner: 'X' }),
    at: ['K1@KPIs!A2', 'k1@KPIs!A6'],
    says: ['"K1"', '2 rows', 'KPIs!A2', 'KPIs!A6'],
  },
  'unknown-parent': {
    trigger: (card) => void (kpi(card, 'K2').Parent = 'C9'),
    pass: (card) => void (kpi(card, 'K2').Parent = ' c1 '),
    at: ['K2@KPIs!D3'],
    says: ['KPI K2', '"C9"', 'KPIs!D3'],
  },
  cycle: {
    trigger: (card) => {
      card.kpis.push({ ID: 'A', Parent: 'B', Target: 1, Owner: 'X' }, { ID: 'B', Parent: 'A', Target: 1, Owner: 'X' });
    },
    pass: (card) => {
      card.kpis.push({ ID: 'A', Parent: 'B', Target: 1, Owner: 'X' }, { ID: 'B', Parent: 'K1', Target: 1, Owner: 'X' });
    },
    at: ['A@KPIs!D6', 'B@KPIs!D7'],
    says: ['A > B > A'],
  },
  'level-inverted': {
    trigger: (card) => void card.kpis.push({ ID: 'T1', Level: 'Team', Parent: 'K1', Target: 1, Owner: 'X' }, { ID: 'D9', Level: 'Department', Parent: 'T1', Target: 1, Owner: 'X' }),
    pass: (card) => void card.kpis.push({ ID: 'T1', Level: 'Team', Parent: 'K1', Target: 1, Owner: 'X' }, { ID: 'D9', Level: 'Individual', Parent: 'T1', Target: 1, Owner: 'X' }),
    at: ['D9@KPIs!D7'],
    says: ['KPI D9 (Department)', 'KPI T1 (Team)'],
  },
  'invalid-number': {
    trigger: (card) => void (kpi(card, 'K1').Actual = 'TBD'),
    pass: (card) => void (kpi(card, 'K1').Actual = '$80'),
    at: ['K1@KPIs!I2'],
    says: ['KPI K1', 'Actual', '"TBD"', 'KPIs!I2'],
  },
  'invalid-date': {
    trigger: (card) => void (kpi(card, 'K1').Due = '31/12/2026'),
    pass: (card) => void (kpi(card, 'K1').Due = '2026-12-31'),
    at: ['K1@KPIs!J2'],
    says: ['KPI K1', 'Due', '"31/12/2026"'],
  },
  'invalid-level': {
    trigger: (card) => void (kpi(card, 'K1').Level = 'Dept KPI'),
    pass: (card) => void (kpi(card, 'K1').Level = 'Dept'),
    at: ['K1@KPIs!C2'],
    says: ['"Dept KPI"'],
  },
  'invalid-direction': {
    trigger: (card) => void (kpi(card, 'K1').Direction = 'higher-ish'),
    pass: (card) => void (kpi(card, 'K1').Direction = 'Higher is better'),
    at: ['K1@KPIs!G2'],
    says: ['"higher-ish"', 'no progress'],
  },
  'invalid-rollup': {
    trigger: (card) => void (objective(card, 'F1').Rollup = 'median'),
    pass: (card) => void (objective(card, 'F1').Rollup = 'mean'),
    at: ['F1@Objectives!F2'],
    says: ['Objective F1', '"median"', 'weighted is used'],
  },
  'invalid-weight': {
    trigger: (card) => void (objective(card, 'F1').Weight = -40),
    pass: (card) => void (objective(card, 'F1').Weight = 0.4),
    at: ['F1@Objectives!E2'],
    says: ['Weight -40', 'negative'],
  },
  'invalid-band': {
    trigger: (card) => void Object.assign(kpi(card, 'K2'), { Direction: 'range', 'Target Min': 60, 'Target Max': 40 }),
    pass: (card) => void Object.assign(kpi(card, 'K2'), { Direction: 'range', 'Target Min': 40, 'Target Max': 60 }),
    at: ['K2@KPIs!J3'],
    says: ['Target Min 60', 'Target Max 40'],
  },
  'zero-span': {
    trigger: (card) => void (kpi(card, 'K3').Baseline = 5),
    pass: (card) => void (kpi(card, 'K3').Baseline = 6),
    at: ['K3@KPIs!H4'],
    says: ['Target 5', 'baseline 5'],
  },
  'baseline-required': {
    trigger: (card) => void Object.assign(kpi(card, 'K3'), { Baseline: null, Target: 0 }),
    pass: (card) => void Object.assign(kpi(card, 'K3'), { Baseline: null, Target: 3 }),
    at: ['K3@KPIs!J4'],
    says: ['Target 0', 'Baseline', 'KPIs!J4'],
  },
  'missing-column': {
    trigger: () => [table('Objectives', ['Objective', 'Perspective'], [['Grow', 'Financial']])],
    pass: () => [table('Lookups', ['Objective', 'Perspective'], [['Grow', 'Financial']])],
    at: ['null@Objectives!A1'],
    says: ['Table Objectives', 'no ID column'],
  },
  unaligned: {
    trigger: (card) => void (kpi(card, 'K4').Parent = null),
    pass: (card) => void (kpi(card, 'K4').Parent = 'L1'),
    at: ['K4@KPIs!D5'],
    says: ['KPI K4', 'no parent'],
  },
  'objective-uncovered': {
    trigger: (card) => void (kpi(card, 'K4').Parent = 'F1'),
    pass: (card) => void (kpi(card, 'K4').Parent = 'L1'),
    at: ['L1@Objectives!A5'],
    says: ['Objective L1'],
  },
  'weights-not-100': {
    trigger: (card) => void (objective(card, 'F1').Weight = 30),
    pass: (card) => void card.objectives.forEach((row) => (row.Weight = (row.Weight as number) / 100)),
    at: ['F1@Objectives!A2'],
    says: ['root objectives', 'add up to 90'],
  },
  'weights-partial': {
    trigger: (card) => void (objective(card, 'C1').Weight = null),
    pass: (card) => void card.objectives.forEach((row) => (row.Weight = null)),
    at: ['F1@Objectives!A2'],
    says: ['1 of the 4', 'C1'],
  },
  'weights-zero': {
    trigger: (card) => void card.objectives.forEach((row) => (row.Weight = 0)),
    pass: (card) => void card.objectives.forEach((row) => (row.Weight = 25)),
    at: ['F1@Objectives!A2'],
    says: ['add up to 0'],
  },
  'missing-owner': {
    trigger: (card) => void (kpi(card, 'K2').Owner = '  '),
    pass: () => [
      tableOf('Objectives', [{ ID: 'F1', Perspective: 'Financial' }, { ID: 'C1', Perspective: 'Customer' }, { ID: 'P1', Perspective: 'Process' }, { ID: 'L1', Perspective: 'People' }]),
      tableOf('KPIs', ['F1', 'C1', 'P1', 'L1'].map((parent) => ({ ID: `K-${parent}`, Parent: parent, Target: 1, Actual: 1 }))),
    ],
    at: ['K2@KPIs!E3'],
    says: ['KPI K2', 'no owner'],
  },
  'missing-target': {
    trigger: (card) => void (kpi(card, 'K2').Target = null),
    pass: (card) => void card.kpis.push({ ID: 'K2a', Parent: 'K2', Target: 1, Actual: 1, Owner: 'X' }),
    at: ['K2@KPIs!H3'],
    says: ['KPI K2', 'no target'],
  },
  'unit-mismatch': {
    trigger: (card) => {
      kpi(card, 'K1').Rollup = 'sum';
      card.kpis.push({ ID: 'S1', Parent: 'K1', Unit: '$k', Target: 50, Actual: 40, Owner: 'X' }, { ID: 'S2', Parent: 'K1', Unit: '€k', Target: 50, Actual: 40, Owner: 'X' });
    },
    pass: (card) => {
      kpi(card, 'K1').Rollup = 'sum';
      card.kpis.push({ ID: 'S1', Parent: 'K1', Unit: '$k', Target: 50, Actual: 40, Owner: 'X' }, { ID: 'S2', Parent: 'K1', Unit: '$K', Target: 50, Actual: 40, Owner: 'X' });
    },
    at: ['K1@KPIs!F2'],
    says: ['$k', '€k'],
  },
  'conflicting-direction': {
    trigger: (card) => void card.kpis.push({ ID: 'K5', Name: 'nps', Parent: 'C1', Direction: 'lower', Target: 1, Actual: 1, Owner: 'X' }),
    pass: (card) => void card.kpis.push({ ID: 'K5', Name: 'nps', Parent: 'C1', Direction: 'up', Target: 1, Actual: 1, Owner: 'X' }),
    at: ['K2@KPIs!G3', 'K5@KPIs!G6'],
    says: ['"NPS"', 'K5 (lower)'],
  },
  'due-after-parent': {
    trigger: (card) => {
      objective(card, 'F1').Due = '2026-06-30';
      kpi(card, 'K1').Due = '2026-12-31';
    },
    pass: (card) => {
      objective(card, 'F1').Due = '2026-12-31';
      kpi(card, 'K1').Due = '2026-12-31';
    },
    at: ['K1@KPIs!J2'],
    says: ['due 2026-12-31', 'Objective F1, due 2026-06-30'],
  },
  'stale-actual': {
    trigger: (card) => void Object.assign(kpi(card, 'K1'), { Updated: '2026-05-31', Frequency: 'Monthly' }),
    pass: (card) => void Object.assign(kpi(card, 'K1'), { Updated: '2026-06-01', Frequency: 'Monthly' }),
    at: ['K1@KPIs!J2'],
    says: ['2026-05-31', 'monthly', '2026-06-30'],
  },
  'invalid-frequency': {
    trigger: (card) => void (kpi(card, 'K1').Frequency = 'every other week'),
    pass: (card) => void (kpi(card, 'K1').Frequency = 'fortnightly'),
    at: ['K1@KPIs!J2'],
    says: ['"every other week"'],
  },
  'duplicate-column': {
    trigger: () => [table('KPIs', ['ID', 'Target', 'Goal', 'Actual'], [['K', 10, 20, 5]])],
    pass: () => [table('KPIs', ['ID', 'Target', 'Goal Type', 'Actual'], [['K', 10, 'higher', 5]])],
    at: ['null@KPIs!C1'],
    says: ['"Goal"', 'second Target column', '"Target"'],
  },
  'direction-assumed': {
    trigger: (card) => void card.kpis.push({ ID: 'K5', Name: 'Cost per hire', Parent: 'L1', Owner: 'Di', Target: 4000, Actual: 4500 }),
    pass: (card) => void card.kpis.push({ ID: 'K5', Name: 'Cost per hire', Parent: 'L1', Owner: 'Di', Target: '≤ 4000', Actual: 4500 }),
    at: ['K5@KPIs!G6'],
    says: ['KPI K5', '"Cost per hire"', '"cost"', 'lower-is-better', '"Higher is better" in KPIs!G6'],
  },
  'manual-and-rollup': {
    trigger: (card) => {
      Object.assign(kpi(card, 'K1'), { Rollup: 'sum' });
      card.kpis.push({ ID: 'S1', Parent: 'K1', Target: 50, Actual: 45, Owner: 'X' });
    },
    pass: (card) => {
      Object.assign(kpi(card, 'K1'), { Rollup: 'sum', Actual: null });
      card.kpis.push({ ID: 'S1', Parent: 'K1', Target: 50, Actual: 45, Owner: 'X' });
    },
    at: ['K1@KPIs!I2'],
    says: ['Actual 80', '(45)', 'sum is used'],
  },
  'perspective-missing': {
    trigger: (card) => void (objective(card, 'L1').Perspective = 'Financial'),
    pass: (card) => void card.objectives.forEach((row) => (row.Perspective = null)),
    at: ['null@Objectives!C1'],
    says: ['Learning & Growth'],
  },
  'table-skipped': {
    trigger: (card) => [tableOf('Objectives', card.objectives), tableOf('KPIs', card.kpis), table('Notes', ['Name', 'Owner', 'Comment'], [['Revenue', 'Ann', 'see K1']])],
    // A sheet where nothing maps (a cover page) is skipped in silence.
    pass: (card) => [tableOf('Objectives', card.objectives), tableOf('KPIs', card.kpis), table('Cover', ['FY26 scorecard', 'Northwind'], [['Read me first', null]])],
    at: ['null@Notes!A1'],
    says: ['Table Notes on sheet Notes is skipped', '(Notes!A1)', 'maps "Name" and "Owner"', 'no ID column', 'none of Parent, Level, Perspective or Target'],
  },
  'hierarchy-from-codes': {
    trigger: (card) => void card.kpis.push({ ID: 'K1.1', Target: 1, Owner: 'X' }),
    // A dash is not a code separator: SAL-03 is not read as a child of SAL.
    pass: (card) => void card.kpis.push({ ID: 'K1-1', Target: 1, Owner: 'X' }),
    at: ['null@KPIs!A1'],
    says: ['1 row with a blank Parent', 'K1.1 under K1', 'KPIs!A1'],
  },
};

function run(change: (card: Card) => void | SourceTable[], settings: SettingsInput = { asOf: '2026-07-01' }) {
  const card = soundScorecard();
  const tables = change(card);
  return Array.isArray(tables) ? check(tables, settings) : checkScorecard(card, settings);
}

const CASE_LIST = Object.entries(CASES) as [RuleCode, RuleCase][];

test('every rule of the catalogue has a case', () => {
  expect(Object.keys(CASES).sort()).toEqual([...RULE_CODES].sort());
});

describe.each(CASE_LIST)('%s', (code, rule) => {
  test('fires where it should, with a message that names what is wrong', () => {
    const report = run(rule.trigger);
    expect(where(report, code)).toEqual(rule.at);
    const issue = report.issues.find((candidate) => candidate.code === code);
    expect(issue?.severity).toBe(RULES[code].severity);
    for (const words of rule.says) expect(issue?.message).toContain(words);
  });
  test('stays quiet just short of it', () => {
    expect(where(run(rule.pass), code)).toEqual([]);
  });
});

/** The node an issue is on, by its row (duplicated IDs are two nodes with one ID). */
function nodeOf(report: CascadeReport, issue: Issue) {
  return report.nodes.find((node) => node.workbook === issue.workbook && node.sheet === issue.sheet && node.row === issue.row);
}

/** Each case's issues of its own rule that sit on a node, with that node. */
function namedNodes(code: RuleCode, report: CascadeReport) {
  return report.issues.filter((issue) => issue.code === code && issue.id !== null).map((issue) => ({ issue, node: nodeOf(report, issue) }));
}

describe('what hosts know of each rule', () => {
  test('severities in one order, the most serious first', () => {
    expect(SEVERITIES).toEqual(['error', 'warning', 'info']);
    expect((['info', 'error', 'warning', 'error'] as const).slice().sort(compareSeverity)).toEqual(['error', 'error', 'warning', 'info']);
    expect(new Set(RULE_CODES.map((code) => RULES[code].severity))).toEqual(new Set(SEVERITIES));
  });

  test('the flags name these rules', () => {
    expect([...rulesWhere('breaksLink')].sort()).toEqual(['cycle', 'duplicate-id', 'level-inverted', 'unknown-parent']);
    expect([...rulesWhere('explainsMissingScore')].sort()).toEqual(['baseline-required', 'duplicate-id', 'invalid-band', 'invalid-direction', 'zero-span']);
    expect([...rulesWhere('dependsOnAsOf')]).toEqual(['stale-actual']);
  });

  test.each(CASE_LIST)('%s breaks the links of its nodes exactly when it says so', (code, rule) => {
    const report = run(rule.trigger);
    const named = namedNodes(code, report).filter(({ node }) => node?.parent !== null);
    expect(named.length).toBeGreaterThanOrEqual(rulesWhere('breaksLink').has(code) ? 1 : 0);
    for (const { node } of named) expect(node?.aligned).toBe(!rulesWhere('breaksLink').has(code));
  });

  test.each([...rulesWhere('explainsMissingScore')])('%s leaves its nodes without a score', (code) => {
    const named = namedNodes(code, run(CASES[code].trigger));
    expect(named.length).toBeGreaterThan(0);
    for (const { issue, node } of named) expect([issue.severity, node?.score]).toEqual(['error', null]);
  });

  test.each(CASE_LIST)('%s depends on the as-of date exactly when it says so', (code, rule) => {
    const early = where(run(rule.trigger, { asOf: '2026-06-15' }), code);
    const late = where(run(rule.trigger, { asOf: '2031-12-31' }), code);
    if (rulesWhere('dependsOnAsOf').has(code)) expect(early).not.toEqual(late);
    else expect(early).toEqual(late);
  });

  test('every issue keeps the details its message was built from', () => {
    const issue = run(CASES.cycle.trigger).issues.find((candidate) => candidate.code === 'cycle') as Issue;
    if (!isIssueOf(issue, 'cycle')) throw new Error('no cycle issue');
    expect(issue.details).toEqual({ subject: 'KPI A', cell: 'KPIs!D6', loop: ['A', 'B'] });
    expect(RULES.cycle.message(issue.details)).toBe(issue.message);
  });

  test('a detail that overflowed is kept as null, so that the report stays plain JSON', () => {
    const issue = run((card) => void card.objectives.forEach((row) => (row.Weight = Number.MAX_VALUE))).issues[0];
    if (!isIssueOf(issue, 'weights-not-100')) throw new Error(`${issue.code}, not weights-not-100`);
    expect(issue.message).toContain('add up to Infinity');
    expect(issue.details).toMatchObject({ group: 'the root objectives', count: 4, sum: null });
  });
});
