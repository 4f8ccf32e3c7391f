/** The model behaves as Excel's proxies do: load before read, counted syncs, Excel's errors. */

import { createWorkbookModel, ModelError, type WorkbookModel } from '../../../src/preview/excel-model';

const SHEET = { name: 'Data', cells: { A1: 'ID', B1: 'Value', A2: 'K1', B2: 5, A3: 'K2', B3: 7 } };

function model(options?: Parameters<typeof createWorkbookModel>[1]): WorkbookModel {
  return createWorkbookModel({ sheets: [SHEET, { name: 'Other' }], tables: [] }, options);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as ModelError).code;
  }
  throw new Error('expected Excel to refuse');
}

test('a property can be read only after it was loaded and synced; reading it earlier throws PropertyNotLoaded', async () => {
  const { host, stats } = model();
  await host.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    range.load('values');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    expect(stats.syncs).toBe(0);
    await context.sync();
    expect(range.values).toEqual([['ID', 'Value'], ['K1', 5], ['K2', 7]]);
    expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
  expect(stats.syncs).toBe(1);
});

test('each sync is counted with the bytes of its request and of its response', async () => {
  const { host, stats } = model();
  await host.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Data').getRange('C1:C2');
    range.values = [['x'.repeat(1000)], [2]];
    await context.sync();
    range.load('values');
    await context.sync();
  });
  expect(stats.syncs).toBe(2);
  expect(stats.requests[0]).toBeGreaterThan(1000);
  expect(stats.responses[0]).toBeLessThan(10);
  expect(stats.responses[1]).toBeGreaterThan(1000);
  expect(stats.payloads).toEqual([stats.requests[0] + stats.responses[0], stats.requests[1] + stats.responses[1]]);
});

test('values must have the range’s exact shape (InvalidArgument); what ran before in the batch stays done', async () => {
  const workbook = model();
  const code = await codeOf(workbook.host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Data');
    sheet.getRange('D1').values = [['done']];
    sheet.getRange('D2:E2').values = [['only one']];
    sheet.getRange('D3').values = [['never']];
    await context.sync();
  }));
  expect(code).toBe('InvalidArgument');
  const cells = workbook.snapshot().sheets[0].cells;
  expect(cells.D1).toEqual({ value: 'done' });
  expect(cells.D3).toBeUndefined();
});

test('values are read as if typed: numbers, formulas, an apostrophe keeps text, Text format keeps text, null keeps the cell', async () => {
  const workbook = model();
  await workbook.host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Other');
    sheet.getRange('A2').numberFormat = [['@']];
    sheet.getRange('A1:G1').values = [['12', '=1+1', "'=1+1", '-2', '-x', 'TRUE', '2026-03-31']];
    sheet.getRange('A2').values = [['=kept']];
    sheet.getRange('B2:C2').values = [['x', 'y']];
    sheet.getRange('B2:C2').values = [[null, '']];
    await context.sync();
  });
  const cells = workbook.snapshot().sheets[1].cells;
  expect(cells.A1).toEqual({ value: 12 });
  expect(cells.B1).toMatchObject({ formula: '=1+1' });
  expect(cells.C1).toEqual({ value: '=1+1', quotePrefix: true });
  expect(cells.D1).toEqual({ value: -2 });
  expect(cells.E1).toMatchObject({ formula: '=-x' });
  expect(cells.F1).toEqual({ value: true });
  expect(cells.G1).toEqual({ value: 46112, numberFormat: 'yyyy-mm-dd' });
  expect(cells.A2).toEqual({ value: '=kept', numberFormat: '@' });
  expect(cells.B2).toEqual({ value: 'x' });
  expect(cells.C2).toBeUndefined();
});

test('getItemOrNullObject gives a null object, known after the sync', async () => {
  const { host } = model();
  await host.run(async (context) => {
    const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
    const present = context.workbook.worksheets.getItemOrNullObject('Data').load('name');
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
    expect(present.name).toBe('Data');
  });
  expect(await codeOf(host.run(async (context) => context.workbook.worksheets.getItem('Nope').load('name') && context.sync()))).toBe('ItemNotFound');
});

test('collections give their items after a load by path, navigation properties included', async () => {
  const workbook = createWorkbookModel({
    sheets: [{ name: 'S' }],
    tables: [{ name: 'T', sheet: 'S', origin: 'B2', header: ['ID', 'Name'], rows: [['a', 'x'], ['b', 'y']] }],
  });
  await workbook.host.run(async (context) => {
    const tables = context.workbook.tables.load('items/name,items/worksheet/name,items/rows/count,items/columns/items/name');
    await context.sync();
    const [table] = tables.items;
    expect([table.name, table.worksheet.name, table.rows.count, table.columns.items.map((column) => column.name)]).toEqual(['T', 'S', 2, ['ID', 'Name']]);
    expect(() => table.showHeaders).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
});

test('a table grows when a column is added: the header is named, cells on its rows move right', async () => {
  const workbook = createWorkbookModel({
    sheets: [{ name: 'S', cells: { D2: 'beside', D9: 'below' } }],
    tables: [{ name: 'T', sheet: 'S', origin: 'A1', header: ['ID', 'Name'], rows: [['a', 'x'], ['b', 'y']] }],
  });
  await workbook.host.run(async (context) => {
    const table = context.workbook.tables.getItem('T');
    table.columns.add(undefined, undefined, 'Name');
    table.columns.add(undefined, undefined, 'Score');
    const body = table.getDataBodyRange().load('address');
    await context.sync();
    expect(body.address).toBe('S!A2:D3');
  });
  const snapshot = workbook.snapshot();
  expect(snapshot.tables[0]).toMatchObject({ address: 'A1:D3', columns: ['ID', 'Name', 'Name2', 'Score'] });
  expect(snapshot.sheets[0].cells).toMatchObject({ C1: { value: 'Name2' }, D1: { value: 'Score' }, F2: { value: 'beside' }, D9: { value: 'below' } });
});

test('defined names: formula as entered, hidden, text constants of at most 255 characters', async () => {
  const workbook = model();
  await workbook.host.run(async (context) => {
    const item = context.workbook.names.add('_Marker', '="a|b"&"c"');
    item.visible = false;
    await context.sync();
    const names = context.workbook.names.load('items/name,items/formula,items/visible,items/value');
    await context.sync();
    expect(names.items.map((name) => [name.name, name.formula, name.visible, name.value])).toEqual([['_Marker', '="a|b"&"c"', false, 'a|bc']]);
  });
  expect(await codeOf(workbook.host.run(async (context) => (context.workbook.names.add('_Long', `="${'x'.repeat(256)}"`), context.sync())))).toBe('InvalidArgument');
  expect(await codeOf(workbook.host.run(async (context) => (context.workbook.names.add('_marker', '="again"'), context.sync())))).toBe('ItemAlreadyExists');
});

test('an API this Excel lacks fails with ApiNotFound when the request runs', async () => {
  const old = createWorkbookModel({ sheets: [SHEET] }, { supportedSets: { ExcelApi: '1.3' } });
  expect(old.host.isSetSupported('ExcelApi', '1.3')).toBe(true);
  expect(old.host.isSetSupported('ExcelApi', '1.4')).toBe(false);
  expect(await codeOf(old.host.run(async (context) => (context.workbook.names.add('x', '=1'), context.sync())))).toBe('ApiNotFound');
  expect(await codeOf(old.host.run(async (context) => (context.workbook.application.suspendApiCalculationUntilNextSync(), context.sync())))).toBe('ApiNotFound');
});

test('in cell-edit mode every sync fails with InvalidOperationInCellEditMode and nothing runs', async () => {
  const workbook = model();
  workbook.setCellEditMode(true);
  const run = workbook.host.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('Z1').values = [['x']];
    await context.sync();
  });
  expect(await codeOf(run)).toBe('InvalidOperationInCellEditMode');
  expect(workbook.snapshot().sheets[0].cells.Z1).toBeUndefined();
});

test('a protected sheet can be read but refuses changes with AccessDenied', async () => {
  const workbook = model();
  workbook.protectSheet('Data');
  await workbook.host.run(async (context) => {
    const protection = context.workbook.worksheets.getItem('Data').protection.load('protected');
    await context.sync();
    expect(protection.protected).toBe(true);
  });
  const write = workbook.host.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A1').values = [['x']];
    await context.sync();
  });
  expect(await codeOf(write)).toBe('AccessDenied');
});

test('Excel on the web’s 5 MB: a larger request runs nothing, a larger response delivers nothing', async () => {
  const workbook = createWorkbookModel({ sheets: [SHEET] }, { payloadLimitBytes: 1000 });
  expect(await codeOf(workbook.host.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('C1').values = [['x'.repeat(2000)]];
    await context.sync();
  }))).toBe('RequestPayloadSizeLimitExceeded');
  expect(workbook.snapshot().sheets[0].cells.C1).toBeUndefined();
  await workbook.host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Data');
    sheet.getRange('C1').values = [['y'.repeat(600)]];
    await context.sync();
    sheet.getRange('C2').values = [['z'.repeat(600)]];
    await context.sync();
    const range = sheet.getRange('C1:C2').load('values');
    await expect(context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
  expect(createWorkbookModel({ sheets: [SHEET] }, { payloadLimitBytes: null }).stats.syncs).toBe(0);
});

test('Excel.run syncs what is still queued when the batch ends; subscribers hear of changes, not of reads', async () => {
  const workbook = model();
  let heard = 0;
  const unsubscribe = workbook.subscribe(() => heard++);
  await workbook.host.run(async (context) => {
    context.workbook.worksheets.getItem('Data').getRange('A9').values = [['late']];
  });
  expect(workbook.snapshot().sheets[0].cells.A9).toEqual({ value: 'late' });
  expect(workbook.stats.syncs).toBe(1);
  expect(heard).toBe(1);
  await workbook.host.run(async (context) => (context.workbook.worksheets.getItem('Data').getRange('A9').load('values'), context.sync()));
  expect(heard).toBe(1);
  unsubscribe();
});

test('worksheet.onChanged hears a person’s edit; calculation suspension is recorded per sync', async () => {
  const workbook = model();
  const events: unknown[] = [];
  await workbook.host.run(async (context) => {
    context.workbook.worksheets.getItem('Data').onChanged.add(async (event) => void events.push(event));
    context.workbook.application.suspendApiCalculationUntilNextSync();
    await context.sync();
  });
  await workbook.editCell('Data', 'B2', 6);
  expect(events).toEqual([expect.objectContaining({ type: 'WorksheetChanged', changeType: 'RangeEdited', address: 'B2', source: 'Local' })]);
  expect(workbook.stats.calculationSuspended).toEqual([true]);
});
