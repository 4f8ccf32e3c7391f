/** Spec section 8, "Why a table was skipped": table-skipped, and unknown-parent naming the skipped table. */

import { check, codes, soundScorecard, table, tableOf, where } from './build';

const card = () => soundScorecard();
const cascade = () => [tableOf('Objectives', card().objectives), tableOf('KPIs', card().kpis)];
const messageOf = (report: ReturnType<typeof check>, code: string) => report.issues.find((issue) => issue.code === code)?.message;

describe('table-skipped', () => {
  test('says what mapped and that the ID column is missing', () => {
    const report = check([...cascade(), table('Targets', ['KPI', 'Target', 'Owner'], [['Revenue', 100, 'Ann']])]);
    expect(where(report, 'table-skipped')).toEqual(['null@Targets!A1']);
    expect(messageOf(report, 'table-skipped')).toBe(
      'Table Targets on sheet Targets is skipped: its header row (Targets!A1) maps "KPI", "Target" and "Owner" but has no ID column; add an ID column to include it in the cascade.',
    );
    expect(report.summary.infos).toBe(1);
    expect(report.tables.at(-1)?.role).toBe('skipped');
  });

  test('says which cascade columns are missing when the ID is there', () => {
    const report = check([table('Register', ['ID', 'Name', 'Owner'], [['K1', 'Revenue', 'Ann']], { table: null, origin: 'B3' })]);
    expect(messageOf(report, 'table-skipped')).toBe(
      'Sheet Register is skipped: its header row (Register!B3) maps "ID", "Name" and "Owner" but has none of Parent, Level, Perspective or Target; add a Parent, Level, Perspective or Target column to include it in the cascade.',
    );
  });

  test('a table named like a cascade is reported even when nothing in it maps', () => {
    const report = check([table('KPIs', ['Indicator', 'Plan', 'Fact'], [['Revenue', 100, 80]])]);
    expect(messageOf(report, 'table-skipped')).toBe(
      'Table KPIs on sheet KPIs is skipped: its header row (KPIs!A1) names no column of a cascade table: no ID column and none of Parent, Level, Perspective or Target; add an ID column and one of those to include it in the cascade.',
    );
  });

  test('a cover page, notes or a lookup list (fewer than two fields, an ordinary name) pass in silence', () => {
    const report = check([
      ...cascade(),
      table('Cover', ['Northwind Outfitters', 'FY26'], [['Read me first', null]]),
      table('Colours', ['ID', 'Colour'], [['1', 'red']]),
    ]);
    expect(codes(report)).toEqual([]);
  });

  test('an objectives table without an ID column has missing-column, not a second issue', () => {
    expect(codes(check([table('Objectives', ['Objective', 'Perspective', 'Owner'], [['Grow', 'Financial', 'Ann']])]))).toEqual(['missing-column']);
  });

  test('a table that takes part is not reported', () => {
    expect(where(check(cascade()), 'table-skipped')).toEqual([]);
  });
});

describe('unknown-parent names the skipped table where the ID appears', () => {
  const kpis = () => {
    const rows = card().kpis;
    rows[1].Parent = 'S1';
    return tableOf('KPIs', rows);
  };

  test('in its ID column', () => {
    const strategy = table('Strategy', ['Code', 'Theme'], [['S0', 'Growth'], ['s1 ', 'Operations']], { table: null, origin: 'A2' });
    const report = check([tableOf('Objectives', card().objectives), kpis(), strategy]);
    expect(messageOf(report, 'unknown-parent')).toBe(
      'KPI K2: Parent "S1" in KPIs!D3 is not the ID of any objective or KPI; it appears in sheet Strategy (Strategy!A4), which is skipped.',
    );
  });

  test('in its first column when it has no ID column', () => {
    const themes = table('Themes', ['Theme code', 'Theme'], [['S1', 'Operations']]);
    expect(messageOf(check([tableOf('Objectives', card().objectives), kpis(), themes]), 'unknown-parent')).toContain(
      'it appears in table Themes on sheet Themes (Themes!A2), which is skipped.',
    );
  });

  test('the old text when the ID appears nowhere, or only in a column that is not the skipped table\'s ID', () => {
    const strategy = table('Strategy', ['Code', 'Theme'], [['S0', 'S1']]);
    const report = check([tableOf('Objectives', card().objectives), kpis(), strategy]);
    expect(messageOf(report, 'unknown-parent')).toBe('KPI K2: Parent "S1" in KPIs!D3 is not the ID of any objective or KPI.');
  });
});
