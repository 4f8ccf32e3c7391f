/** The sample scorecard, the settings kept in the workbook, watching for changes, going to a cell. */

import { checkTables, parseSettingsFormula, SETTINGS_NAME } from '../../src/core';
import { createKpiAlignWorkbook, ExcelActionError } from '../../src/excel';
import { createWorkbookModel } from '../../src/preview/excel-model';
import { adapterFor, asExcelReadsThem, EXAMPLE_AS_OF, EXAMPLE_TABLES, exampleModel } from './support';

describe('insert the sample scorecard', () => {
  test('into an empty workbook: real tables, one sheet each, that read back as the JSON', async () => {
    const model = createWorkbookModel();
    const workbook = adapterFor(model);
    await workbook.insertSampleScorecard({ tables: EXAMPLE_TABLES });
    const snapshot = model.snapshot();
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual(EXAMPLE_TABLES.map((table) => table.sheet));
    expect(snapshot.tables.map((table) => [table.name, table.sheet])).toEqual(EXAMPLE_TABLES.map((table) => [table.table, table.sheet]));
    expect(snapshot.activeSheet).toBe('Objectives');
    expect(snapshot.sheets[0].cells.I2).toMatchObject({ value: 46023, numberFormat: 'yyyy-mm-dd' });
    const tables = await workbook.readCascade();
    expect(tables).toEqual(asExcelReadsThem(EXAMPLE_TABLES));
    expect(checkTables(tables, { asOf: EXAMPLE_AS_OF })).toEqual(checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF }));
  });

  test('an empty workbook with several empty sheets keeps them, after the sample', async () => {
    const model = createWorkbookModel({ sheets: [{ name: 'Sheet1' }, { name: 'Sheet2', cells: { A1: { numberFormat: '0.00' } } }] });
    await adapterFor(model).insertSampleScorecard({ tables: EXAMPLE_TABLES.slice(0, 2) });
    expect(model.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Objectives', 'Sheet2', 'Department KPIs']);
  });

  test('refuses a workbook that has data or tables, and changes nothing', async () => {
    for (const model of [createWorkbookModel({ sheets: [{ name: 'Sheet1' }, { name: 'Budget', cells: { C3: 5 } }] }), exampleModel()]) {
      const before = model.snapshot();
      const error = await adapterFor(model).insertSampleScorecard({ tables: EXAMPLE_TABLES }).catch((raw: unknown) => raw);
      expect(error).toBeInstanceOf(ExcelActionError);
      expect((error as ExcelActionError).kind).toBe('not-empty');
      expect((error as ExcelActionError).message).toMatch(/new blank workbook/);
      expect(model.snapshot()).toEqual(before);
    }
  });
});

describe('settings kept in the workbook', () => {
  test('round trip through a hidden name the checker can read', async () => {
    const model = createWorkbookModel();
    const workbook = adapterFor(model);
    expect(await workbook.readSettings()).toEqual({});
    await workbook.saveSettings({ asOf: '2026-09-30', onTrack: 0.85, atRisk: 0.6, scoreCap: 1.2 });
    expect(await workbook.readSettings()).toEqual({ asOf: '2026-09-30', onTrack: 0.85, atRisk: 0.6, scoreCap: 1.2 });
    const [name] = model.snapshot().names;
    expect(name).toEqual({ name: SETTINGS_NAME, visible: false, formula: '="asOf=2026-09-30;onTrack=0.85;atRisk=0.6;scoreCap=1.2"' });
    expect(parseSettingsFormula(name.formula)).toEqual({ asOf: '2026-09-30', onTrack: 0.85, atRisk: 0.6, scoreCap: 1.2 });
  });

  test('saving again updates the one name; a blank as-of date means today', async () => {
    const model = createWorkbookModel();
    const workbook = adapterFor(model);
    await workbook.saveSettings({ asOf: '2026-09-30' });
    await workbook.saveSettings({ onTrack: 0.95 });
    expect(await workbook.readSettings()).toEqual({ onTrack: 0.95 });
    expect(model.snapshot().names).toHaveLength(1);
  });
});

describe('watching the tables', () => {
  test('a person editing a cell calls the listener; after removal it is not called', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const calls: number[] = [];
    const stop = await workbook.onCascadeChanged(() => calls.push(1));
    expect(model.eventHandlerCount()).toBe(1);
    await model.editCell('Team Sales', 'J2', 18000);
    expect(calls).toHaveLength(1);
    await model.editCell('Team Sales', 'Z40', 'outside any table');
    expect(calls).toHaveLength(1);
    await stop();
    expect(model.eventHandlerCount()).toBe(0);
    await model.editCell('Team Sales', 'J3', 1);
    expect(calls).toHaveLength(1);
  });

  test("writing the results raises the event too, as Excel does for an add-in's changes", async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const tables = await workbook.readCascade();
    let calls = 0;
    await workbook.onCascadeChanged(() => calls++);
    await workbook.writeResults(checkTables(tables, { asOf: EXAMPLE_AS_OF }), tables);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBeGreaterThan(0);
  });

  test('without runInContext the handler is removed by syncing its own context', async () => {
    const model = exampleModel();
    const host = { run: model.host.run, isSetSupported: model.host.isSetSupported };
    const stop = await createKpiAlignWorkbook(host).onCascadeChanged(() => undefined);
    await stop();
    expect(model.eventHandlerCount()).toBe(0);
  });
});

describe('going to a cell', () => {
  test('activates the sheet and selects the cell, with the sheet in the address or apart', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    await workbook.selectCell('ignored', "'Team Operations'!C5");
    expect(model.snapshot()).toMatchObject({ activeSheet: 'Team Operations', selection: "'Team Operations'!C5" });
    await workbook.selectCell('Objectives', 'B3');
    expect(model.snapshot()).toMatchObject({ activeSheet: 'Objectives', selection: 'Objectives!B3' });
  });

  test('a sheet that is gone, or an address that is not one, is a sentence', async () => {
    const workbook = adapterFor(exampleModel());
    await expect(workbook.selectCell('Gone', 'A1')).rejects.toMatchObject({ kind: 'changed', message: expect.stringContaining('"Gone" is no longer') });
    await expect(workbook.selectCell('Objectives', 'not a cell')).rejects.toMatchObject({ message: expect.stringContaining('not a cell address') });
  });
});

test('the sample uses an empty sheet that already has a table\'s name', async () => {
  const model = createWorkbookModel({ sheets: [{ name: 'Team Sales' }, { name: 'Notes' }] });
  await adapterFor(model).insertSampleScorecard({ tables: EXAMPLE_TABLES.slice(0, 3) });
  expect(model.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Team Sales', 'Objectives', 'Department KPIs']);
  expect(model.snapshot().tables.map((table) => `${table.sheet}/${table.name}`)).toEqual(['Objectives/Objectives', 'Department KPIs/DeptKPIs', 'Team Sales/TeamSales']);
});
