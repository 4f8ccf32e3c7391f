/** The owner report: a sheet per owner or one sheet, replacing an earlier report of ours and never a person's sheet. */

import { STATUSES, type OwnerKpi, type OwnerSummary, type Status } from '../../src/core';
import { createWorkbookModel, type WorkbookModel } from '../../src/preview/excel-model';
import { adapterFor } from './support';

function kpi(id: string, status: Status, extra: Partial<OwnerKpi> = {}): OwnerKpi {
  return {
    id, name: `KPI ${id}`, level: 'Team', workbook: null, sheet: 'Team Sales', table: 'TeamSales', row: 2, cell: `'Team Sales'!A2`,
    status, score: 0.5, expected: 0.75, contribution: 0.125, required: null, requiredNote: null, issues: [], ...extra,
  };
}

function owner(name: string, kpis: OwnerKpi[]): OwnerSummary {
  const status = Object.fromEntries(STATUSES.map((value) => [value, kpis.filter((item) => item.status === value).length])) as Record<Status, number>;
  const scores = kpis.flatMap((item) => (item.score === null ? [] : [item.score]));
  return {
    owner: name, kpis, status, behind: status['At risk'] + status['Off track'],
    averageScore: scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length,
  };
}

const OWNERS = [
  owner('Ann Lee', [
    kpi('SAL-01', 'Off track', { score: 0.25, required: 1800, issues: ['stale-actual', 'invalid-number'] }),
    kpi('SAL-02', 'On track', { score: 0.75 }),
  ]),
  owner('Bo: Chen/Ops', [kpi('OPS-01', 'At risk', { score: null, expected: null, contribution: null, requiredNote: 'No actual can bring the parent to 100%.' })]),
];

const sheet = (model: WorkbookModel, name: string) => model.snapshot().sheets.find((entry) => entry.name === name)!;
const reportNames = (model: WorkbookModel) => model.snapshot().names.filter((item) => item.name.startsWith('_KPIAlign_Report_'));

describe('one sheet per owner', () => {
  test('a sheet named after each owner (forbidden characters taken out) with title, date, counts and KPIs, in two syncs', async () => {
    const model = createWorkbookModel();
    model.stats.reset();
    const outcome = await adapterFor(model).writeOwnerReport(OWNERS, 'sheet-per-owner', '2026-09-30');
    expect(model.stats.syncs).toBe(2);
    expect(outcome.sheets).toEqual(['Owner - Ann Lee', 'Owner - Bo Chen Ops']);
    expect(model.snapshot().activeSheet).toBe('Owner - Ann Lee');
    const cells = sheet(model, 'Owner - Ann Lee').cells;
    expect(cells.A1.value).toBe('Owner report: Ann Lee');
    expect([cells.A2.value, cells.B2]).toEqual(['As of', { value: 46295, numberFormat: 'yyyy-mm-dd' }]);
    expect(['A4', 'B4', 'C4', 'D4', 'E4', 'F4'].map((at) => cells[at].value)).toEqual([...STATUSES, 'Average score']);
    expect(['A5', 'B5', 'C5', 'D5', 'E5'].map((at) => cells[at].value)).toEqual([0, 1, 0, 1, 0]);
    expect(cells.F5).toEqual({ value: 0.5, numberFormat: '0.0%' });
    expect(['A7', 'B7', 'C7', 'D7', 'E7', 'F7', 'G7', 'H7', 'I7'].map((at) => cells[at].value)).toEqual(
      ['ID', 'Name', 'Status', 'Score', 'Expected', 'Contribution', 'Required actual', 'Note', 'Issues'],
    );
    expect(cells.A8.value).toBe('SAL-01');
    expect(cells.C8.value).toBe('Off track');
    expect(cells.D8).toEqual({ value: 0.25, numberFormat: '0.0%' });
    expect(cells.F8).toEqual({ value: 0.125, numberFormat: '0.0%' });
    expect(cells.G8.value).toBe(1800);
    expect(cells.G8.numberFormat).toBeUndefined();
    expect(cells.I8.value).toBe('stale-actual, invalid-number');
    // The Status cells of the KPI rows, and only those, take the written results' colours.
    expect(cells.C8).toMatchObject({ fill: '#FFC7CE', font: '#9C0006' });
    expect(cells.C9).toMatchObject({ fill: '#C6EFCE', font: '#006100' });
    expect(cells.C4.fill).toBeUndefined();
    const rules = model.snapshot().conditionalFormats.filter((format) => format.sheet === 'Owner - Ann Lee');
    expect(rules.map((format) => format.address)).toEqual(Array(5).fill('C8:C9'));
    const bo = sheet(model, 'Owner - Bo Chen Ops').cells;
    expect(bo.D8?.value ?? '').toBe('');
    expect(bo.H8.value).toBe('No actual can bring the parent to 100%.');
    expect(reportNames(model)).toEqual([
      { name: '_KPIAlign_Report_1', visible: false, formula: "='Owner - Ann Lee'!$A$1" },
      { name: '_KPIAlign_Report_2', visible: false, formula: "='Owner - Bo Chen Ops'!$A$1" },
    ]);
  });

  test('a long owner name is cut to 31 characters, and two owners that would share a name get (2)', async () => {
    const model = createWorkbookModel();
    const long = 'Maximilian Alexander Fitzgerald-Smythe';
    const outcome = await adapterFor(model).writeOwnerReport([owner(long, [kpi('A', 'No data')]), owner(`${long} Jr`, [kpi('B', 'No data')])], 'sheet-per-owner', '2026-09-30');
    expect(outcome.sheets).toEqual(['Owner - Maximilian Alexander Fi', 'Owner - Maximilian Alexande (2)']);
    expect(outcome.sheets.every((name) => name.length <= 31)).toBe(true);
  });

  test("a person's sheet with an owner sheet's name is kept; the report takes another name", async () => {
    const model = createWorkbookModel({ sheets: [{ name: 'Owner - Ann Lee', cells: { A1: 'my notes' } }] });
    const before = sheet(model, 'Owner - Ann Lee');
    const workbook = adapterFor(model);
    const outcome = await workbook.writeOwnerReport(OWNERS, 'sheet-per-owner', '2026-09-30');
    expect(outcome.sheets[0]).toBe('Owner - Ann Lee (2)');
    await workbook.writeOwnerReport(OWNERS, 'sheet-per-owner', '2026-10-31');
    expect(sheet(model, 'Owner - Ann Lee')).toEqual(before);
    expect(model.snapshot().sheets.map((entry) => entry.name)).toEqual(['Owner - Ann Lee', 'Owner - Ann Lee (2)', 'Owner - Bo Chen Ops']);
  });
});

describe('writing again', () => {
  test('replaces the earlier sheets under the same names, with one name each', async () => {
    const model = createWorkbookModel();
    const workbook = adapterFor(model);
    await workbook.writeOwnerReport(OWNERS, 'sheet-per-owner', '2026-09-30');
    const outcome = await workbook.writeOwnerReport(OWNERS.slice(0, 1), 'sheet-per-owner', '2026-10-31');
    expect(outcome.sheets).toEqual(['Owner - Ann Lee']);
    expect(model.snapshot().sheets.map((entry) => entry.name)).toEqual(['Sheet1', 'Owner - Ann Lee']);
    expect(sheet(model, 'Owner - Ann Lee').cells.B2.value).toBe(46326);
    expect(reportNames(model)).toHaveLength(1);
  });

  test('a report sheet the person renamed is still ours and is replaced; the one-sheet layout replaces a sheet per owner', async () => {
    const model = createWorkbookModel();
    const workbook = adapterFor(model);
    await workbook.writeOwnerReport(OWNERS, 'sheet-per-owner', '2026-09-30');
    await model.host.run(async (context) => {
      context.workbook.worksheets.getItem('Owner - Ann Lee').name = 'Ann';
      await context.sync();
    });
    const outcome = await workbook.writeOwnerReport(OWNERS, 'one-sheet', '2026-09-30');
    expect(outcome.sheets).toEqual(['Owner report']);
    expect(model.snapshot().sheets.map((entry) => entry.name)).toEqual(['Sheet1', 'Owner report']);
    expect(reportNames(model)).toEqual([{ name: '_KPIAlign_Report_1', visible: false, formula: "='Owner report'!$A$1" }]);
  });

  test('when the report sheets are the only visible ones, the new sheets come first so the old can go', async () => {
    const model = createWorkbookModel();
    const workbook = adapterFor(model);
    await workbook.writeOwnerReport(OWNERS, 'one-sheet', '2026-09-30');
    await model.host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').delete();
      await context.sync();
    });
    await workbook.writeOwnerReport(OWNERS, 'one-sheet', '2026-10-31');
    expect(model.snapshot().sheets.map((entry) => entry.name)).toEqual(['Owner report']);
  });
});

test('one sheet: a block per owner under one title', async () => {
  const model = createWorkbookModel();
  await adapterFor(model).writeOwnerReport(OWNERS, 'one-sheet', '2026-09-30');
  const cells = sheet(model, 'Owner report').cells;
  expect(cells.A1.value).toBe('Owner report');
  expect(cells.A4.value).toBe('Ann Lee');
  expect(cells.A8.value).toBe('ID');
  expect([cells.A9.value, cells.A10.value]).toEqual(['SAL-01', 'SAL-02']);
  expect(cells.A12.value).toBe('Bo: Chen/Ops');
  expect(cells.A17.value).toBe('OPS-01');
  expect(cells.C17.value).toBe('At risk');
});

test('no owners: one sheet that says no KPIs were checked', async () => {
  const model = createWorkbookModel();
  const outcome = await adapterFor(model).writeOwnerReport([], 'sheet-per-owner', '2026-09-30');
  expect(outcome.sheets).toEqual(['Owner report']);
  expect(sheet(model, 'Owner report').cells.A4.value).toBe('No KPIs were checked.');
});

test('an Excel without NamedItem.formula (ExcelApi 1.6) says it needs 1.7', () => {
  const workbook = adapterFor(createWorkbookModel(undefined, { supportedSets: { ExcelApi: '1.6' } }));
  expect(workbook.capabilities().ownerReport.reason).toMatch(/^Writing the owner report needs a newer Excel \(ExcelApi 1\.7/);
});
