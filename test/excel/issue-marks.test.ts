/** Marking the cells that have issues with conditional formats of our own, and taking the marks away again. */

import { checkTables, type Issue } from '../../src/core';
import { ExcelActionError } from '../../src/excel';
import type { WorkbookModel } from '../../src/preview/excel-model';
import { adapterFor, EXAMPLE_AS_OF, exampleModel } from './support';

const OURS = /^=N\("KPI Align issue mark: (error|warning)"\)=0$/;
const isOurs = (format: { rule: unknown }) => OURS.test(String((format.rule as { formula?: string } | null)?.formula));

async function checked(model: WorkbookModel) {
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  return { workbook, tables, report: checkTables(tables, { asOf: EXAMPLE_AS_OF }) };
}

/** The person's own formatting on 'Team Sales'!J9 (an issue's cell): a number format, a colour rule, a custom rule of theirs. */
async function userFormatting(model: WorkbookModel): Promise<void> {
  await model.host.run(async (context) => {
    const cell = context.workbook.worksheets.getItem('Team Sales').getRange('J9');
    cell.numberFormat = [['#,##0']];
    const byValue = cell.conditionalFormats.add('CellValue').cellValue;
    byValue.format.fill.color = '#0000FF';
    byValue.rule = { formula1: '="TBD"', operator: 'EqualTo' };
    const custom = context.workbook.worksheets.getItem('Team Sales').getRange('A2:A5').conditionalFormats.add('Custom').custom;
    custom.rule.formula = '=N("my own rule")=0';
    custom.format.fill.color = '#00FF00';
    await context.sync();
  });
}

/** The cells that error and warning issues of this workbook point at, as "Sheet!A1" without quotes. */
function markedCells(issues: readonly Issue[]): Map<string, string> {
  const cells = new Map<string, string>();
  for (const issue of issues) {
    if (issue.severity === 'info' || !issue.cell || issue.workbook !== null) continue;
    const key = issue.cell.replace(/'/g, '');
    if (cells.get(key) !== 'error') cells.set(key, issue.severity);
  }
  return cells;
}

/** The cells of a one-column address: "F4:F6" → F4, F5, F6. */
function cellsOf(address: string): string[] {
  const [from, to = from] = address.split(':');
  const column = from.replace(/\d+/g, '');
  const first = Number(from.replace(/\D+/g, ''));
  const last = Number(to.replace(/\D+/g, ''));
  return Array.from({ length: last - first + 1 }, (_, index) => `${column}${first + index}`);
}

describe('markIssueCells', () => {
  test('cells of one severity down a column share one rule; a gap, another column or another severity starts a new one', async () => {
    const model = exampleModel();
    const { workbook, report } = await checked(model);
    const error = report.issues.find((issue) => issue.severity === 'error' && issue.sheet === 'Team Sales')!;
    const at = (cell: string, severity: 'error' | 'warning' = 'error') => ({ ...error, severity, cell: `'Team Sales'!${cell}` });
    const outcome = await workbook.markIssueCells([at('F4'), at('F5'), at('F6'), at('F8'), at('G5'), at('F7', 'warning'), at('F5', 'warning')]);
    expect(outcome).toEqual({ cells: 6, ranges: 4, skipped: 0 });
    const ours = model.snapshot().conditionalFormats.filter(isOurs).map((format) => `${format.address} ${String((format.rule as { formula: string }).formula).includes('error') ? 'error' : 'warning'}`);
    expect(ours.sort()).toEqual(['F4:F6 error', 'F7 warning', 'F8 error', 'G5 error']);
  });

  test('marks each cell with an error red and with a warning amber, in three syncs', async () => {
    const model = exampleModel();
    const { workbook, report } = await checked(model);
    const expected = markedCells(report.issues);
    expect(expected.size).toBeGreaterThan(5);
    model.stats.reset();
    const outcome = await workbook.markIssueCells(report.issues);
    expect(model.stats.syncs).toBe(3);
    const ours = model.snapshot().conditionalFormats.filter(isOurs);
    expect(outcome).toEqual({ cells: expected.size, ranges: ours.length, skipped: 0 });
    const covered = ours.flatMap((format) => cellsOf(format.address).map((cell) => `${format.sheet}!${cell}`));
    expect(covered.sort()).toEqual([...expected.keys()].sort());
    for (const format of ours) {
      const severity = expected.get(`${format.sheet}!${cellsOf(format.address)[0]}`);
      expect(format).toMatchObject({ type: 'Custom', rule: { formula: `=N("KPI Align issue mark: ${severity}")=0` } });
      expect(format.fill).toBe(severity === 'error' ? '#FFC7CE' : '#FFEB9C');
    }
    // What a person sees: 'Team Sales'!J9 (TBD, an error) is red; a blank cell with an issue is tinted too.
    const teamSales = model.snapshot().sheets.find((sheet) => sheet.name === 'Team Sales')!;
    expect(teamSales.cells.J9).toMatchObject({ value: 'TBD', fill: '#FFC7CE', font: '#9C0006' });
  });

  test("the person's number formats and conditional formats are untouched, and marking again replaces the marks", async () => {
    const model = exampleModel();
    const { workbook, report } = await checked(model);
    await userFormatting(model);
    const before = model.snapshot();
    await workbook.markIssueCells(report.issues);
    const first = report.issues.filter((issue) => issue.severity === 'error').slice(0, 2);
    const outcome = await workbook.markIssueCells(first);
    const after = model.snapshot();
    expect(after.conditionalFormats.filter(isOurs)).toHaveLength(outcome.ranges);
    expect(outcome.cells).toBe(markedCells(first).size);
    expect(after.conditionalFormats.filter((format) => !isOurs(format))).toEqual(before.conditionalFormats);
    expect(after.sheets.find((sheet) => sheet.name === 'Team Sales')!.cells.J9.numberFormat).toBe('#,##0');
  });

  test('issues of another workbook, without a cell, of info severity or on a sheet that is gone are not marked', async () => {
    const model = exampleModel();
    const { workbook, report } = await checked(model);
    const error = report.issues.find((issue) => issue.severity === 'error' && issue.cell)!;
    const outcome = await workbook.markIssueCells([
      { ...error, workbook: 'team.xlsx' },
      { ...error, cell: null },
      { ...error, sheet: 'Gone', cell: 'Gone!A1' },
      { ...error, severity: 'info' },
      error,
    ]);
    expect(outcome).toEqual({ cells: 1, ranges: 1, skipped: 3 });
    expect(model.snapshot().conditionalFormats.filter(isOurs)).toHaveLength(1);
  });

  test('a protected sheet gets no marks and keeps the ones it has; its issues count as skipped', async () => {
    const model = exampleModel();
    const { workbook, report } = await checked(model);
    await workbook.markIssueCells(report.issues);
    const onTeamSales = model.snapshot().conditionalFormats.filter((format) => isOurs(format) && format.sheet === 'Team Sales');
    const teamSalesIssues = report.issues.filter((issue) => issue.severity !== 'info' && issue.sheet === 'Team Sales' && issue.cell);
    model.protectSheet('Team Sales');
    const outcome = await workbook.markIssueCells(report.issues);
    expect(outcome.skipped).toBe(teamSalesIssues.length);
    expect(model.snapshot().conditionalFormats.filter((format) => isOurs(format) && format.sheet === 'Team Sales')).toEqual(onTeamSales);
  });

  test('an Excel before conditional formats (ExcelApi 1.5) says so', async () => {
    const workbook = adapterFor(exampleModel({ supportedSets: { ExcelApi: '1.5' } }));
    expect(workbook.capabilities().markIssues.reason).toMatch(/Marking the cells that have issues needs a newer Excel \(ExcelApi 1\.6/);
    await expect(workbook.markIssueCells([])).rejects.toBeInstanceOf(ExcelActionError);
  });
});

describe('clearing the marks', () => {
  test('clearIssueMarks deletes exactly our rules and gives back the workbook as it was', async () => {
    const model = exampleModel();
    const { workbook, report } = await checked(model);
    await userFormatting(model);
    const before = model.snapshot();
    const { cells } = await workbook.markIssueCells(report.issues);
    model.stats.reset();
    expect(await workbook.clearIssueMarks()).toBe(cells);
    expect(model.stats.syncs).toBe(3);
    expect(model.snapshot()).toEqual(before);
    model.stats.reset();
    expect(await workbook.clearIssueMarks()).toBe(0);
    expect(model.stats.syncs).toBe(2);
  });

  test('removeResults takes the marks away with the columns, and leaves the person\'s formats', async () => {
    const model = exampleModel();
    const { workbook, tables, report } = await checked(model);
    await userFormatting(model);
    const before = model.snapshot();
    await workbook.writeResults(report, tables);
    await workbook.markIssueCells(report.issues);
    await workbook.removeResults();
    expect(model.snapshot()).toEqual(before);
  });
});
