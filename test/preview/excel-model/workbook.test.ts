/** Building a model workbook, its snapshot, conditional formats, tables made and shrunk, the controls. */

import type { SourceTable } from '../../../src/core';
import { createWorkbookModel, workbookSpecFromTables } from '../../../src/preview/excel-model';
import example from '../../../examples/scorecard.json';

test('the example lays out one sheet per table, dates as serial numbers with a date format', () => {
  const snapshot = createWorkbookModel(workbookSpecFromTables(example.tables as SourceTable[])).snapshot();
  expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(['Objectives', 'Department KPIs', 'Team Sales', 'Team Operations', 'Individual Goals']);
  expect(snapshot.tables.map((table) => `${table.name} ${table.address}`)).toEqual([
    'Objectives A1:J9', 'DeptKPIs A1:S21', 'TeamSales A1:P11', 'TeamOps A1:R13', 'IndividualGoals A1:O18',
  ]);
  expect(snapshot.sheets[0].cells.A1).toEqual({ value: 'ID' });
  expect(snapshot.sheets[0].cells.J2).toEqual({ value: 46387, numberFormat: 'yyyy-mm-dd' });
  expect(snapshot).toMatchObject({ activeSheet: 'Objectives', selection: 'Objectives!A1' });
});

test('a deleted table column takes its cells and its conditional formats; cells beside move back', async () => {
  const workbook = createWorkbookModel({
    sheets: [{ name: 'S', cells: { E2: 'beside' } }],
    tables: [{ name: 'T', sheet: 'S', origin: 'A1', header: ['ID', 'Status', 'Note'], rows: [['a', 'At risk', 'n'], ['b', 'On track', 'm']] }],
  });
  const before = workbook.snapshot();
  await workbook.host.run(async (context) => {
    const table = context.workbook.tables.getItem('T');
    table.columns.add(undefined, undefined, 'Extra');
    const status = table.columns.getItem('Extra').getDataBodyRange();
    status.values = [['At risk'], ['x']];
    const rule = status.conditionalFormats.add('ContainsText').textComparison;
    rule.format.fill.color = '#FFEB9C';
    rule.format.font.color = '#9C5700';
    rule.rule = { operator: 'Contains', text: 'risk' };
    await context.sync();
  });
  const written = workbook.snapshot();
  expect(written.sheets[0].cells.D2).toEqual({ value: 'At risk', fill: '#FFEB9C', font: '#9C5700' });
  expect(written.sheets[0].cells.F2).toEqual({ value: 'beside' });
  expect(written.conditionalFormats).toHaveLength(1);
  await workbook.host.run(async (context) => {
    context.workbook.tables.getItem('T').columns.getItem('Extra').delete();
    await context.sync();
  });
  expect(workbook.snapshot()).toEqual(before);
});

test('clearAll removes the rules inside the range and leaves others', async () => {
  const workbook = createWorkbookModel({ sheets: [{ name: 'S' }] });
  await workbook.host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('S');
    sheet.getRange('A1:A5').conditionalFormats.add('CellValue').cellValue.rule = { formula1: '="x"', operator: 'EqualTo' };
    sheet.getRange('A1:C5').conditionalFormats.add('CellValue').cellValue.rule = { formula1: '="y"', operator: 'EqualTo' };
    await context.sync();
    sheet.getRange('A1:A5').conditionalFormats.clearAll();
    const left = sheet.getRange('A1:C5').conditionalFormats.load('items/type');
    await context.sync();
    expect(left.items.map((format) => format.type)).toEqual(['CellValue']);
  });
  expect(workbook.snapshot().conditionalFormats.map((format) => format.address)).toEqual(['A1:C5']);
});

test('sheets and tables made through the API: names checked, headers become column names', async () => {
  const workbook = createWorkbookModel();
  await workbook.host.run(async (context) => {
    const sheet = context.workbook.worksheets.add('KPIs');
    sheet.getRange('B2:C3').values = [['ID', ''], ['K1', 5]];
    const table = sheet.tables.add('B2:C3', true);
    table.name = 'KPIs';
    const columns = table.columns.load('items/name');
    await context.sync();
    expect(columns.items.map((column) => column.name)).toEqual(['ID', 'Column2']);
  });
  await expect(workbook.host.run(async (context) => (context.workbook.worksheets.add('kpis'), context.sync()))).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  await expect(workbook.host.run(async (context) => (context.workbook.worksheets.add('a/b'), context.sync()))).rejects.toMatchObject({ code: 'InvalidArgument' });
  await expect(workbook.host.run(async (context) => (context.workbook.tables.add('KPIs!C3:D4', true), context.sync()))).rejects.toMatchObject({ code: 'MergedRangeConflict' });
  expect(workbook.snapshot().tables).toEqual([{ name: 'KPIs', sheet: 'KPIs', address: 'B2:C3', columns: ['ID', 'Column2'], showHeaders: true }]);
});

test('editing a header cell renames the column; filtering hides rows and shows them again', async () => {
  const workbook = createWorkbookModel({
    sheets: [{ name: 'S' }],
    tables: [{ name: 'T', sheet: 'S', origin: 'A1', header: ['ID', 'Owner'], rows: [['a', 'Ana'], ['b', 'Ben'], ['c', 'Ana']] }],
  });
  await workbook.editCell('S', 'B1', 'Responsible');
  expect(workbook.snapshot().tables[0].columns).toEqual(['ID', 'Responsible']);
  workbook.filterRows('T', (row) => row.Responsible === 'Ana');
  expect(workbook.snapshot().sheets[0].hiddenRows).toEqual([3]);
  await workbook.host.run(async (context) => {
    const rows = context.workbook.worksheets.getItem('S').getRange('A2:A4').load('rowHidden,values');
    await context.sync();
    expect([rows.rowHidden, rows.values]).toEqual([null, [['a'], ['b'], ['c']]]);
  });
  workbook.filterRows('T', () => true);
  expect(workbook.snapshot().sheets[0].hiddenRows).toEqual([]);
});

test('Table.resize (ExcelApi 1.13) takes in cells on the right, named by their headers, and gives them up; nothing moves', async () => {
  const workbook = createWorkbookModel({
    sheets: [{ name: 'S', cells: { C1: 'Score', F2: 'note' } }],
    tables: [{ name: 'T', sheet: 'S', origin: 'A1', header: ['ID', 'Name'], rows: [['a', 'x'], ['b', 'y']] }],
  }, { supportedSets: { ExcelApi: '1.13' } });
  await workbook.host.run(async (context) => {
    const table = context.workbook.tables.getItem('T');
    table.resize(table.getRange().getResizedRange(0, 2));
    await context.sync();
  });
  expect(workbook.snapshot().tables[0]).toMatchObject({ address: 'A1:D3', columns: ['ID', 'Name', 'Score', 'Column4'] });
  expect(workbook.snapshot().sheets[0].cells.F2).toEqual({ value: 'note' });
  await workbook.host.run(async (context) => {
    const table = context.workbook.tables.getItem('T');
    table.resize('A1:B3');
    table.getRange().getColumnsAfter(2).clear('All');
    await context.sync();
  });
  expect(workbook.snapshot().tables[0]).toMatchObject({ address: 'A1:B3', columns: ['ID', 'Name'] });
  expect(Object.keys(workbook.snapshot().sheets[0].cells).sort()).toEqual(['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'F2']);
  const old = createWorkbookModel({ sheets: [{ name: 'S' }], tables: [{ name: 'T', sheet: 'S', origin: 'A1', header: ['ID'], rows: [['a']] }] });
  await expect(old.host.run(async (context) => (context.workbook.tables.getItem('T').resize('A1:B2'), context.sync()))).rejects.toMatchObject({ code: 'ApiNotFound' });
});
