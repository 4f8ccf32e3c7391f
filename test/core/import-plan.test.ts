/** planImport: names resolved, every problem kind, canImport; the example team workbooks against the example scorecard. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LISTS_SHEET, planImport, type ImportTarget, type IncomingWorkbook, type SourceTable } from '../../src/core';
import { readWorkbookContents } from '../../src/xlsx';
import example from '../../examples/scorecard.json';

const EXAMPLE = example.tables as SourceTable[];
const HEADER = ['ID', 'Name', 'Level', 'Parent'];

function exampleTarget(extra: Partial<ImportTarget> = {}): ImportTarget {
  return { tables: EXAMPLE, sheets: EXAMPLE.map((table) => table.sheet), tableNames: EXAMPLE.map((table) => table.table as string), ...extra };
}

function teamFile(name: string): IncomingWorkbook {
  const contents = readWorkbookContents(new Uint8Array(readFileSync(join(__dirname, '../../examples/team', name))), name);
  return { file: name, tables: contents.tables, sheets: contents.sheets };
}

/** A file with one KPI table on one sheet. */
function file(name: string, sheet: string, table: string | null, rows: (string | null)[][], header = HEADER): IncomingWorkbook {
  return { file: name, sheets: [sheet], tables: [{ workbook: name, sheet, table, origin: 'A1', header, rows }] };
}

const codes = (plan: ReturnType<typeof planImport>) => plan.problems.map((problem) => `${problem.severity} ${problem.code} ${problem.file} ${problem.cell}`);

describe('the example team workbooks into the example scorecard', () => {
  test('team-service.xlsx is clean: its sheet and table keep their names, the lists sheet stays out', () => {
    const plan = planImport(exampleTarget(), [teamFile('team-service.xlsx')]);
    expect(plan.files).toEqual([
      { file: 'team-service.xlsx', sheets: [{ from: 'Team Service', to: 'Team Service' }], tables: [{ sheet: 'Team Service', from: 'TeamService', to: 'TeamService', rows: 5 }] },
    ]);
    expect(codes(plan)).toEqual(['info lists-sheet team-service.xlsx null']);
    expect(plan.problems[0].message).toMatch(/has no lists yet/);
    expect(plan.canImport).toBe(true);
  });

  test('team-marketing.xlsx: an ID already in the cascade stops the import; an unknown parent is a warning', () => {
    const plan = planImport(exampleTarget(), [teamFile('team-marketing.xlsx')]);
    expect(codes(plan)).toEqual([
      "error duplicate-id team-marketing.xlsx 'Team Marketing'!A6",
      "warning unknown-parent team-marketing.xlsx 'Team Marketing'!D7",
      'info lists-sheet team-marketing.xlsx null',
    ]);
    expect(plan.problems[0].message).toBe(
      `[team-marketing.xlsx]'Team Marketing'!A6: ID "MKT-04" is already used in this workbook's 'Department KPIs'!A11. Give one of them another ID before importing.`,
    );
    expect(plan.problems[1].message).toMatch(/^\[team-marketing\.xlsx\]'Team Marketing'!D7: Parent "MKT-05" of KPI MKT-15 is not an ID/);
    expect(plan.canImport).toBe(false);
  });

  test('a workbook that already has the lists sheet: the message says the imported dropdowns use it', () => {
    const plan = planImport(exampleTarget({ sheets: [...EXAMPLE.map((table) => table.sheet), LISTS_SHEET] }), [teamFile('team-service.xlsx')]);
    expect(plan.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/use this workbook's own lists/)]);
    expect(plan.files[0].sheets.map((sheet) => sheet.from)).not.toContain(LISTS_SHEET);
  });
});

describe('IDs', () => {
  const current: ImportTarget = { tables: [file('x', 'Objectives', 'Objectives', [['F1', 'Grow', 'Objective', null]]).tables[0]], sheets: ['Objectives'], tableNames: ['Objectives'] };

  test('an ID of the open workbook, trimmed and in another case, clashes', () => {
    const plan = planImport(current, [file('a.xlsx', 'Team A', 'TeamA', [['A-1', 'One', 'Team', 'F1'], ['  f1 ', 'Two', 'Team', null]])]);
    expect(codes(plan)).toEqual(["error duplicate-id a.xlsx 'Team A'!A3"]);
    expect(plan.problems[0].message).toContain("this workbook's Objectives!A2");
    expect(plan.canImport).toBe(false);
  });

  test('the same ID in two incoming files is an error in each, naming the other file', () => {
    const plan = planImport(current, [
      file('a.xlsx', 'Team A', 'TeamA', [['K-1', 'One', 'Team', 'F1']]),
      file('b.xlsx', 'Team B', 'TeamB', [['B-1', 'Two', 'Team', 'F1'], ['k-1', 'Three', 'Team', 'F1']]),
    ]);
    expect(codes(plan)).toEqual(["error duplicate-id a.xlsx 'Team A'!A2", "error duplicate-id b.xlsx 'Team B'!A3"]);
    expect(plan.problems[0].message).toContain("[b.xlsx]'Team B'!A3");
    expect(plan.problems[1].message).toContain("[a.xlsx]'Team A'!A2");
  });

  test('an ID repeated inside one file only is a warning: the import may go ahead', () => {
    const plan = planImport(current, [file('a.xlsx', 'Team A', 'TeamA', [['K-1', 'One', 'Team', 'F1'], ['K-1', 'Two', 'Team', 'F1']])]);
    expect(codes(plan)).toEqual(["warning duplicate-id a.xlsx 'Team A'!A2", "warning duplicate-id a.xlsx 'Team A'!A3"]);
    expect(plan.problems[0].message).toMatch(/used by 2 rows of a\.xlsx/);
    expect(plan.canImport).toBe(true);
  });

  test('a parent found in another incoming file is no problem; one found nowhere is a warning', () => {
    const plan = planImport(current, [
      file('a.xlsx', 'Team A', 'TeamA', [['A-1', 'One', 'Team', 'B-1'], ['A-2', 'Two', 'Team', 'Z-9']]),
      file('b.xlsx', 'Team B', 'TeamB', [['B-1', 'Dept', 'Department', 'F1']]),
    ]);
    expect(codes(plan)).toEqual(["warning unknown-parent a.xlsx 'Team A'!D3"]);
    expect(plan.canImport).toBe(true);
  });

  test("the open workbook's own problems are not the import's", () => {
    const broken: ImportTarget = { ...current, tables: [file('x', 'Objectives', 'Objectives', [['F1', 'A', 'Objective', null], ['F1', 'B', 'Objective', null], ['F2', 'C', 'Objective', 'NOPE']]).tables[0]] };
    expect(planImport(broken, [file('a.xlsx', 'Team A', 'TeamA', [['A-1', 'One', 'Team', 'F2']])]).problems).toEqual([]);
  });
});

describe('files that cannot be imported', () => {
  test('an unreadable file is an error with its reason, and is left out of the files', () => {
    const plan = planImport(exampleTarget(), [{ file: 'old.xls', tables: [], sheets: [], error: 'old.xls is password-protected or an old .xls file; save it as an unprotected .xlsx' }]);
    expect(plan.problems).toEqual([
      {
        severity: 'error',
        code: 'unreadable',
        file: 'old.xls',
        cell: null,
        message: 'old.xls is password-protected or an old .xls file; save it as an unprotected .xlsx. Take it off the list, or save it again as an .xlsx and choose it again.',
      },
    ]);
    expect(plan.files).toEqual([]);
    expect(plan.canImport).toBe(false);
  });

  test('a reason that does not name the file gets the name in front', () => {
    const plan = planImport(exampleTarget(), [{ file: 'x.xlsx', tables: [], sheets: [], error: 'the zip is damaged' }]);
    expect(plan.problems[0].message).toMatch(/^x\.xlsx cannot be read: the zip is damaged\. /);
  });

  test('a file with no table of KPIs is an error', () => {
    const plan = planImport(exampleTarget(), [file('budget.xlsx', 'Budget', 'Budget', [['Rent', '1200']], ['Item', 'Amount'])]);
    expect(codes(plan)).toEqual(['error no-tables budget.xlsx null']);
    expect(plan.problems[0].message).toMatch(/has no table of KPIs/);
    expect(plan.canImport).toBe(false);
  });

  test('KPIs in a plain range (not a table) are an error that says to format them as a table', () => {
    const plan = planImport(exampleTarget(), [file('plain.xlsx', 'Team Plain', null, [['P-1', 'One', 'Team', 'F1']])]);
    expect(codes(plan)).toEqual(['error no-tables plain.xlsx null']);
    expect(plan.problems[0].message).toMatch(/sheet "Team Plain" are a plain range.*Format as Table/);
    expect(plan.files[0].tables).toEqual([{ sheet: 'Team Plain', from: null, to: null, rows: 1 }]);
  });
});

describe('names', () => {
  test('a sheet and a table whose names are taken are renamed, with an info saying to what', () => {
    const plan = planImport(exampleTarget({ sheets: [...EXAMPLE.map((table) => table.sheet), 'team service'], tableNames: ['TEAMSERVICE'] }), [teamFile('team-service.xlsx')]);
    expect(plan.files[0].sheets).toEqual([{ from: 'Team Service', to: 'Team Service (2)' }]);
    expect(plan.files[0].tables).toEqual([{ sheet: 'Team Service (2)', from: 'TeamService', to: 'TeamService_2', rows: 5 }]);
    expect(codes(plan)).toEqual(['info lists-sheet team-service.xlsx null', 'info sheet-clash team-service.xlsx null', "info table-clash team-service.xlsx 'Team Service'!A1"]);
    expect(plan.problems[1].message).toBe('Sheet "Team Service" of team-service.xlsx is imported as "Team Service (2)": this workbook already has a sheet named "Team Service".');
    expect(plan.problems[2].message).toMatch(/^Table "TeamService" of team-service\.xlsx is imported as "TeamService_2": this workbook already has/);
    expect(plan.canImport).toBe(true);
  });

  test('two incoming files with the same names: the second is renamed, naming the first', () => {
    const a = file('a.xlsx', 'Team X', 'TeamX', [['A-1', 'One', 'Team', 'F1']]);
    const b = file('b.xlsx', 'Team X', 'TeamX', [['B-1', 'One', 'Team', 'F1']]);
    const plan = planImport(exampleTarget(), [a, b]);
    expect(plan.files.map((entry) => [entry.sheets[0].to, entry.tables[0].to])).toEqual([['Team X', 'TeamX'], ['Team X (2)', 'TeamX_2']]);
    expect(plan.problems.map((problem) => problem.message)).toEqual([
      'Sheet "Team X" of b.xlsx is imported as "Team X (2)": a.xlsx also has a sheet named "Team X".',
      expect.stringMatching(/^Table "TeamX" of b\.xlsx is imported as "TeamX_2": a\.xlsx also has a table/),
    ]);
  });

  test("a new name avoids the file's own other names, so one rename settles it", () => {
    const incoming: IncomingWorkbook = {
      file: 'a.xlsx',
      sheets: ['Team Sales', 'Team Sales (2)'],
      tables: [
        { workbook: 'a.xlsx', sheet: 'Team Sales', table: 'TeamSales', origin: 'A1', header: HEADER, rows: [['A-1', 'One', 'Team', 'F1']] },
        { workbook: 'a.xlsx', sheet: 'Team Sales (2)', table: 'TeamSales_2', origin: 'B3', header: HEADER, rows: [['A-2', 'Two', 'Team', 'F1']] },
      ],
    };
    const plan = planImport(exampleTarget(), [incoming]);
    expect(plan.files[0].sheets).toEqual([{ from: 'Team Sales', to: 'Team Sales (3)' }, { from: 'Team Sales (2)', to: 'Team Sales (2)' }]);
    expect(plan.files[0].tables.map((table) => [table.sheet, table.from, table.to])).toEqual([
      ['Team Sales (3)', 'TeamSales', 'TeamSales_3'],
      ['Team Sales (2)', 'TeamSales_2', 'TeamSales_2'],
    ]);
    expect(codes(plan)).toEqual(['info sheet-clash a.xlsx null', "info table-clash a.xlsx 'Team Sales'!A1"]);
  });

  test('errors come first, then warnings, then infos', () => {
    const plan = planImport(exampleTarget({ sheets: ['Team Marketing'] }), [teamFile('team-marketing.xlsx'), { file: 'z.xlsx', tables: [], sheets: [], error: 'z.xlsx is damaged' }]);
    expect(plan.problems.map((problem) => problem.severity)).toEqual(['error', 'error', 'warning', 'info', 'info']);
  });
});
