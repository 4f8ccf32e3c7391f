import { checkScorecard, check, codes, node, soundScorecard, table, tableOf } from './build';

describe('the sound scorecard', () => {
  const report = checkScorecard(soundScorecard());

  test('has no issues', () => {
    expect(report.issues).toEqual([]);
  });

  test('report numbers carry no floating-point noise', () => {
    expect(report.summary.byPerspective.Financial).toBe(0.8);
    expect(node(report, 'K3').progress).toBe(0.6);
  });

  test('computes progress, scores and the org score by hand', () => {
    expect(node(report, 'K1').progress).toBeCloseTo(0.8);
    expect(node(report, 'K3').progress).toBeCloseTo(0.6);
    expect(node(report, 'K4').score).toBeCloseTo(0.75);
    expect(node(report, 'F1').score).toBeCloseTo(0.8);
    // 0.4*0.8 + 0.3*1 + 0.2*0.6 + 0.1*0.75
    expect(report.summary.orgScore).toBeCloseTo(0.815);
    expect(report.summary.byPerspective).toEqual({ Financial: 0.8, Customer: 1, 'Internal Process': expect.closeTo(0.6), 'Learning & Growth': 0.75 });
  });

  test('contributions follow the structural weights', () => {
    expect(node(report, 'F1').contribution).toBeCloseTo(0.4);
    expect(node(report, 'K4').contribution).toBeCloseTo(0.1);
  });

  test('paths, alignment and the summary counts', () => {
    expect(node(report, 'K2').path).toBe('C1 > K2');
    expect(node(report, 'K2').aligned).toBe(true);
    expect(report.summary).toMatchObject({ objectives: 4, kpis: 4, aligned: 4, coverage: 1, errors: 0, warnings: 0, infos: 0 });
    expect(report.summary.status).toEqual({ Achieved: 2, 'On track': 0, 'At risk': 4, 'Off track': 2, 'No data': 0 });
  });

  test('tables are described with their roles', () => {
    expect(report.tables).toEqual([
      { workbook: null, sheet: 'Objectives', table: 'Objectives', rows: 4, role: 'objectives' },
      { workbook: null, sheet: 'KPIs', table: 'KPIs', rows: 4, role: 'kpis' },
    ]);
  });
});

describe('rollup methods', () => {
  const parent = (rollup: string) => ({ ID: 'P', Level: 'Department', Rollup: rollup, Target: 100, Actual: 10, Unit: 'u' });
  const children = [
    { ID: 'A', Level: 'Team', Parent: 'P', Target: 100, Actual: 100, Weight: 3, Unit: 'u' },
    { ID: 'B', Level: 'Team', Parent: 'P', Target: 100, Actual: 50, Weight: 1, Unit: 'u' },
    { ID: 'C', Level: 'Team', Parent: 'P', Target: 100, Actual: null, Weight: 4, Unit: 'u' },
  ];
  const run = (rollup: string) => check([tableOf('KPIs', [parent(rollup), ...children])]);

  test('weighted: Σ w̃ s / Σ w̃ over children with a score', () => {
    expect(node(run('weighted'), 'P').score).toBeCloseTo((3 * 1 + 1 * 0.5) / 4);
  });
  test('blank means weighted', () => {
    expect(node(run(''), 'P').score).toBeCloseTo(0.875);
  });
  test('average, min, max ignore weights', () => {
    expect(node(run('Average'), 'P').score).toBeCloseTo(0.75);
    expect(node(run('worst'), 'P').score).toBeCloseTo(0.5);
    expect(node(run('best'), 'P').score).toBeCloseTo(1);
  });
  test('none keeps the node\'s own progress', () => {
    expect(node(run('manual'), 'P').score).toBeCloseTo(0.1);
  });
  test('sum adds the children\'s actuals and the sum wins over a manual actual', () => {
    const report = run('sum');
    expect(node(report, 'P').progress).toBeCloseTo(1.5);
    expect(node(report, 'P').score).toBe(1);
    expect(codes(report)).toContain('manual-and-rollup');
  });
  test('sum nests: a sum child supplies its own sum', () => {
    const report = check([
      tableOf('KPIs', [
        { ID: 'TOP', Rollup: 'sum', Target: 300 },
        { ID: 'MID', Parent: 'TOP', Rollup: 'sum', Target: 150 },
        { ID: 'L1', Parent: 'MID', Target: 50, Actual: 60 },
        { ID: 'L2', Parent: 'MID', Target: 50, Actual: 40 },
        { ID: 'L3', Parent: 'TOP', Target: 100, Actual: 50 },
      ]),
    ]);
    expect(node(report, 'MID').progress).toBeCloseTo(100 / 150);
    expect(node(report, 'TOP').progress).toBeCloseTo(150 / 300);
  });
  test('a sum node whose children supply nothing falls back to its own actual', () => {
    const report = check([tableOf('KPIs', [{ ID: 'P', Rollup: 'sum', Target: 10, Actual: 5 }, { ID: 'A', Parent: 'P', Target: 3 }])]);
    expect(node(report, 'P').progress).toBeCloseTo(0.5);
    expect(codes(report)).not.toContain('manual-and-rollup');
  });
  test('when no child has a score the node falls back to its own progress, or none', () => {
    const report = check([tableOf('KPIs', [{ ID: 'P', Target: 10, Actual: 5 }, { ID: 'A', Parent: 'P', Target: 3 }, { ID: 'Q', Target: 10 }, { ID: 'B', Parent: 'Q', Target: 3 }])]);
    expect(node(report, 'P').score).toBeCloseTo(0.5);
    expect(node(report, 'Q').score).toBeNull();
    expect(node(report, 'Q').status).toBe('No data');
  });
  test('the cap bounds every score', () => {
    const report = check([tableOf('KPIs', [{ ID: 'A', Target: 100, Actual: 180 }, { ID: 'B', Target: 100, Actual: 130 }])], { scoreCap: 1.5 });
    expect(node(report, 'A').score).toBe(1.5);
    expect(node(report, 'B').score).toBeCloseTo(1.3);
    expect(node(report, 'A').progress).toBeCloseTo(1.8);
  });
  test('regression below the baseline scores 0', () => {
    const report = check([tableOf('KPIs', [{ ID: 'A', Baseline: 50, Target: 100, Actual: 20 }])]);
    expect(node(report, 'A').progress).toBeCloseTo(-0.6);
    expect(node(report, 'A').score).toBe(0);
  });
});

describe('effective weights', () => {
  const scoreOf = (weights: (number | string | null)[]) => {
    const kids = weights.map((Weight, index) => ({ ID: `K${index}`, Parent: 'P', Target: 10, Actual: index === 0 ? 10 : 0, Weight }));
    return check([tableOf('KPIs', [{ ID: 'P', Target: 1 }, ...kids])]);
  };
  test('explicit weights normalise', () => {
    expect(node(scoreOf([30, 70]), 'P').score).toBeCloseTo(0.3);
    expect(node(scoreOf(['30%', '70%']), 'P').score).toBeCloseTo(0.3);
  });
  test('a blank weight takes the mean of its siblings\' explicit weights (weights-partial)', () => {
    const report = scoreOf([null, 20, 40]);
    // Blank → 30: 30 / 90.
    expect(node(report, 'P').score).toBeCloseTo(1 / 3);
    expect(node(report, 'K0').contribution).toBeNull();
    expect(codes(report)).toContain('weights-partial');
  });
  test('all blank means equal', () => {
    expect(node(scoreOf([null, null, null, null]), 'P').score).toBeCloseTo(0.25);
  });
  test('a zero weight holds nothing; all zero counts as equal (weights-zero)', () => {
    expect(node(scoreOf([0, 50, 50]), 'P').score).toBe(0);
    const zero = scoreOf([0, 0]);
    expect(node(zero, 'P').score).toBeCloseTo(0.5);
    expect(codes(zero)).toContain('weights-zero');
  });
  test('a negative weight is invalid and counts as blank', () => {
    const report = scoreOf([-10, 50, 50]);
    expect(node(report, 'P').score).toBeCloseTo(1 / 3);
    expect(codes(report)).toEqual(expect.arrayContaining(['invalid-weight', 'weights-partial']));
  });
});

describe('contribution and alignment', () => {
  const report = check([
    tableOf('Objectives', [{ ID: 'O1', Perspective: 'Financial', Weight: 75 }, { ID: 'O2', Perspective: 'Customer', Weight: 25 }]),
    tableOf('KPIs', [
      { ID: 'D1', Parent: 'O1', Weight: 2, Target: 1 },
      { ID: 'D2', Parent: 'O1', Weight: 2 },
      { ID: 'T1', Parent: 'D2', Target: 1 },
      { ID: 'T2', Parent: 'D2', Target: 1 },
      { ID: 'D3', Parent: 'O2', Target: 1 },
      { ID: 'X1', Target: 1 },
      { ID: 'X2', Parent: 'X1', Target: 1 },
    ]),
  ]);
  test('a sibling without data still holds its weight', () => {
    expect(node(report, 'D1').contribution).toBeCloseTo(0.375);
    expect(node(report, 'T2').contribution).toBeCloseTo(0.1875);
    expect(node(report, 'D3').contribution).toBeCloseTo(0.25);
  });
  test('aligned leaves sum to 1', () => {
    const leaves = report.nodes.filter((n) => n.aligned && !report.nodes.some((c) => c.parent === n.id));
    expect(leaves.reduce((sum, n) => sum + (n.contribution as number), 0)).toBeCloseTo(1, 12);
  });
  test('a chain that ends at a KPI is not aligned', () => {
    expect(node(report, 'X2')).toMatchObject({ aligned: false, contribution: null, path: 'X1 > X2' });
    expect(report.summary.coverage).toBeCloseTo(5 / 7);
  });
});

describe('pacing', () => {
  const report = check(
    [
      tableOf('Objectives', [{ ID: 'O1', Perspective: 'Financial', 'Start Date': '2026-01-01', Due: '2026-12-31' }]),
      tableOf('KPIs', [
        { ID: 'A', Parent: 'O1', Target: 100, Actual: 40 },
        { ID: 'B', Parent: 'O1', Target: 100, Actual: 40, 'Start Date': '2026-07-01' },
        { ID: 'C', Parent: 'O1', Target: 100, Actual: 40, Due: '2026-03-31' },
      ]),
    ],
    { asOf: '2026-07-02' },
  );
  test('dates inherit from the nearest ancestor', () => {
    // Jan 1 to Dec 31 is 364 days; Jul 2 is day 182.
    expect(node(report, 'A').expected).toBeCloseTo(182 / 364);
    expect(node(report, 'B').expected).toBeCloseTo(1 / 183);
    expect(node(report, 'C').expected).toBe(1);
  });
  test('status compares the score with the expected progress', () => {
    expect(node(report, 'A').status).toBe('At risk');
    expect(node(report, 'B').status).toBe('On track');
    expect(node(report, 'C').status).toBe('Off track');
  });
  test('before the start everything not achieved is on track', () => {
    const early = check([tableOf('KPIs', [{ ID: 'A', Target: 100, Actual: 0, 'Start Date': 46100, Due: 46200 }])], { asOf: 46000 });
    expect(node(early, 'A')).toMatchObject({ expected: 0, status: 'On track' });
  });
});

describe('tables', () => {
  test('a table without an ID column or without any cascade column is skipped', () => {
    const report = check([
      table('Notes', ['Note'], [['hello']]),
      table('Lookup', ['ID', 'Colour'], [['1', 'red']]),
    ]);
    expect(report.tables.map((t) => t.role)).toEqual(['skipped', 'skipped']);
    expect(report.nodes).toEqual([]);
    expect(report.issues).toEqual([]);
  });
  test('a table holding both objectives and KPIs is mixed; blank levels follow the table name', () => {
    const report = check([tableOf('Scorecard', [{ ID: 'O', Level: 'Objective' }, { ID: 'K', Level: '', Parent: 'O', Target: 1, Actual: 1 }])]);
    expect(report.tables[0].role).toBe('mixed');
    expect(node(report, 'K').kind).toBe('kpi');
    const objectives = check([tableOf('Strategic Objectives', [{ ID: 'O', Perspective: 'Financial' }])]);
    expect(node(objectives, 'O').kind).toBe('objective');
  });
  test('headers match ignoring case, spaces, underscores, dashes and a trailing %', () => {
    const report = check([table('KPIs', ['kpi_id', 'ALIGNS-TO', 'target value', 'Actual YTD', 'weight %'], [['O', null, null, null, null], ['A', 'O', 10, 5, 100]], { sheet: 'Objectives' })]);
    expect(node(report, 'A')).toMatchObject({ parent: 'O', progress: 0.5, aligned: true });
  });
  test('origin and sheet names place issues on the right cell', () => {
    const report = check([table('T', ['ID', 'Target', 'Actual'], [['A', 10, 'TBD']], { sheet: 'Team Sales', origin: 'C4' })]);
    expect(report.issues.find((i) => i.code === 'invalid-number')).toMatchObject({ cell: "'Team Sales'!E5", row: 5, column: 'Actual', sheet: 'Team Sales', table: 'T' });
  });
  test('one cascade over several workbooks; every issue names its workbook', () => {
    const report = check([
      tableOf('Objectives', [{ ID: 'O1', Perspective: 'Financial' }], { workbook: 'finance.xlsx' }),
      tableOf('KPIs', [{ ID: 'K1', Parent: 'O1', Target: 1, Actual: 1 }, { ID: 'K2', Parent: 'nope', Target: 1 }], { workbook: 'team.xlsx' }),
    ]);
    expect(node(report, 'K1')).toMatchObject({ aligned: true, workbook: 'team.xlsx' });
    expect(report.issues.find((i) => i.code === 'unknown-parent')?.workbook).toBe('team.xlsx');
  });
  test('IDs show as the cell shows them; numbers and text match', () => {
    const report = check([tableOf('Objectives', [{ ID: 12, Perspective: 'Financial' }]), tableOf('KPIs', [{ ID: ' k1 ', Parent: '12', Target: 1, Actual: 1 }])]);
    expect(node(report, 'k1')).toMatchObject({ path: '12 > k1', aligned: true });
  });
});

describe('links', () => {
  test('a Parent naming a duplicated ID links to nothing and says why', () => {
    const report = check([tableOf('KPIs', [{ ID: 'A', Target: 1 }, { ID: 'a', Target: 1 }, { ID: 'B', Parent: 'A', Target: 1 }])]);
    const issue = report.issues.find((i) => i.code === 'unknown-parent');
    expect(issue).toMatchObject({ id: 'B', cell: 'KPIs!C4' });
    expect(issue?.message).toContain('more than one row');
    expect(node(report, 'A')).toMatchObject({ score: null, status: 'No data', issues: ['duplicate-id'] });
  });
  test('a node that is its own parent is a cycle', () => {
    const report = check([tableOf('KPIs', [{ ID: 'A', Parent: 'a', Target: 1 }])]);
    expect(report.issues.map((i) => i.code)).toEqual(['cycle']);
    expect(report.issues[0].message).toContain('names itself');
  });
  test('a loop is cut; a node hanging below it keeps its link but is not aligned', () => {
    const report = check([tableOf('KPIs', [{ ID: 'A', Parent: 'C', Target: 1 }, { ID: 'B', Parent: 'A', Target: 1 }, { ID: 'C', Parent: 'B', Target: 1 }, { ID: 'D', Parent: 'C', Target: 1, Actual: 1 }])]);
    expect(report.issues.filter((i) => i.code === 'cycle').map((i) => i.id)).toEqual(['A', 'B', 'C']);
    expect(node(report, 'D')).toMatchObject({ path: 'C > D', aligned: false });
  });
  test('an objective under a KPI is level-inverted', () => {
    const report = check([tableOf('Scorecard', [{ ID: 'K', Level: 'Team', Target: 1 }, { ID: 'O', Level: 'Objective', Parent: 'K' }])]);
    expect(report.issues.filter((i) => i.code === 'level-inverted').map((i) => i.id)).toEqual(['O']);
  });
  test('a level inversion is cut before loops are looked for', () => {
    const report = check([tableOf('KPIs', [{ ID: 'T', Level: 'Team', Parent: 'D', Target: 1 }, { ID: 'D', Level: 'Department', Parent: 'T', Target: 1 }])]);
    expect(codes(report).filter((code) => code === 'cycle' || code === 'level-inverted')).toEqual(['level-inverted']);
    expect(node(report, 'T').path).toBe('D > T');
  });
  test('an unreadable Level in an objectives table still reads as an objective', () => {
    const report = check([tableOf('Objectives', [{ ID: 'O', Level: 'Strategic goalz', Perspective: 'Finance' }])]);
    expect(node(report, 'O').kind).toBe('objective');
    expect(codes(report)).toContain('invalid-level');
  });
});

describe('never throws on a workbook\'s contents', () => {
  test('ragged rows, odd origins and odd values', () => {
    const report = check([
      table('KPIs', ['ID', 'Parent', 'Target', 'Actual', 'Due'], [['A'], [null, null, 'x'], ['B', 'A', Infinity, NaN, new Date(NaN)], [true, false, {} as never, [] as never, -1]], { origin: '??' }),
    ]);
    expect(report.nodes.map((n) => n.id)).toEqual(['A', 'B', 'TRUE']);
    expect(codes(report)).toEqual(expect.arrayContaining(['missing-id', 'invalid-number', 'invalid-date']));
  });
});

describe('what a malformed workbook cannot do to the report', () => {
  test('long lists in messages are cut to a readable length', () => {
    const rows = Array.from({ length: 50 }, () => ({ ID: 'TBD', Target: 1 }));
    const report = check([tableOf('KPIs', rows)]);
    expect(report.issues).toHaveLength(50);
    expect(report.issues[0].message).toContain('and 45 more');
    expect(report.issues[0].message.length).toBeLessThan(300);
  });
  test('a path deeper than 20 steps keeps its top and its last steps', () => {
    const rows = Array.from({ length: 25 }, (_, index) => ({ ID: `N${index}`, Parent: index === 0 ? null : `N${index - 1}`, Target: 1 }));
    const report = check([tableOf('KPIs', rows)]);
    expect(node(report, 'N19').path.split(' > ')).toHaveLength(20);
    expect(node(report, 'N20').path).toBe(`N0 > … > ${Array.from({ length: 18 }, (_, index) => `N${index + 3}`).join(' > ')}`);
  });
  test('dates past 9999-12-31 are invalid, not a crash', () => {
    const report = check([tableOf('KPIs', [{ ID: 'A', Target: 1, Actual: 1, Due: 3_000_000, Updated: '10000-01-01' }])]);
    expect(codes(report)).toEqual(['invalid-date', 'invalid-date', 'unaligned']);
  });
  test('numbers that overflow give no progress rather than Infinity', () => {
    const report = check([tableOf('KPIs', [{ ID: 'A', Target: 5e-324, Actual: 1 }])]);
    expect(node(report, 'A')).toMatchObject({ progress: null, status: 'No data' });
  });
});
