/** What real Excel does to an add-in: cell-edit mode, filtered tables, protected sheets, old versions, cells in the way, size limits. */

import { checkTables, computedColumns } from '../../src/core';
import { createKpiAlignWorkbook, ExcelActionError } from '../../src/excel';
import { createWorkbookModel, workbookSpecFromTables } from '../../src/preview/excel-model';
import { columnValues } from './grid';
import { adapterFor, asExcelReadsThem, EXAMPLE_AS_OF, EXAMPLE_TABLES, exampleModel, generatedModel, instantRetry } from './support';

async function failure(promise: Promise<unknown>): Promise<ExcelActionError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ExcelActionError);
    return error as ExcelActionError;
  }
  throw new Error('expected a failure');
}

describe('cell-edit mode', () => {
  test('is waited out for two seconds over three tries, then the person is told what to do', async () => {
    const model = exampleModel();
    const retry = instantRetry();
    model.setCellEditMode(true);
    const error = await failure(adapterFor(model, retry).readCascade());
    expect(error.kind).toBe('cell-edit-mode');
    expect(error.message).toMatch(/finish editing the cell \(press Enter or Esc\) and try again/i);
    expect(retry.waited).toEqual([500, 1500]);
    expect(model.stats.syncs).toBe(3);
  });

  test('ending while the adapter waits lets the action go through', async () => {
    const model = exampleModel();
    model.setCellEditMode(true);
    const retry = { delaysMs: [500, 1500], sleep: async () => model.setCellEditMode(false) };
    const workbook = adapterFor(model, retry);
    const tables = await workbook.readCascade();
    model.setCellEditMode(true);
    const outcome = await workbook.writeResults(checkTables(tables, { asOf: EXAMPLE_AS_OF }), tables);
    expect(outcome.tables).toHaveLength(5);
  });
});

test('a filtered table gets its values in the right rows, hidden rows included, and stays filtered', async () => {
  const model = exampleModel();
  model.filterRows('DeptKPIs', (_, index) => index % 3 === 0);
  const hidden = model.snapshot().sheets.find((sheet) => sheet.name === 'Department KPIs')!.hiddenRows;
  expect(hidden.length).toBeGreaterThan(5);
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  expect(tables).toEqual(asExcelReadsThem(EXAMPLE_TABLES));
  const report = checkTables(tables, { asOf: EXAMPLE_AS_OF });
  await workbook.writeResults(report, tables);
  const snapshot = model.snapshot();
  const source = tables.find((table) => table.table === 'DeptKPIs')!;
  for (const column of computedColumns(report, source)) {
    expect(columnValues(snapshot, 'DeptKPIs', column.header)).toEqual(column.values.map((value) => value ?? null));
  }
  expect(snapshot.sheets.find((sheet) => sheet.name === 'Department KPIs')!.hiddenRows).toEqual(hidden);
});

describe('protected sheets', () => {
  test('a table on a protected sheet is left alone with a reason; the others are written', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const tables = await workbook.readCascade();
    model.protectSheet('Team Sales');
    const before = model.snapshot().sheets.find((sheet) => sheet.name === 'Team Sales');
    const outcome = await workbook.writeResults(checkTables(tables, { asOf: EXAMPLE_AS_OF }), tables);
    expect(outcome.tables).toEqual(['Objectives', 'DeptKPIs', 'TeamOps', 'IndividualGoals']);
    expect(outcome.skipped).toEqual([{ table: 'TeamSales', reason: expect.stringMatching(/sheet "Team Sales" is protected.*Unprotect the sheet/) }]);
    expect(model.snapshot().sheets.find((sheet) => sheet.name === 'Team Sales')).toEqual(before);
  });

  test('removing leaves the protected table and its marker, and says why', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const tables = await workbook.readCascade();
    await workbook.writeResults(checkTables(tables, { asOf: EXAMPLE_AS_OF }), tables);
    model.protectSheet('Objectives');
    const outcome = await workbook.removeResults();
    expect(outcome.tables).toEqual(['DeptKPIs', 'TeamSales', 'TeamOps', 'IndividualGoals']);
    expect(outcome.skipped).toEqual([{ table: 'Objectives', reason: expect.stringMatching(/protected/) }]);
    expect(model.snapshot().names).toHaveLength(1);
  });

  test('a sheet protected while the write runs: Excel refuses (AccessDenied), and the person is told to unprotect it', async () => {
    const model = exampleModel();
    const tables = await adapterFor(model).readCascade();
    // Someone protects the sheet between the adapter's first and second sync.
    const host = {
      ...model.host,
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
        model.host.run((context) => {
          const sync = context.sync.bind(context);
          let syncs = 0;
          context.sync = async () => {
            if (++syncs === 2) model.protectSheet('Objectives');
            return sync();
          };
          return batch(context);
        }),
    };
    const error = await failure(createKpiAlignWorkbook(host).writeResults(checkTables(tables, { asOf: EXAMPLE_AS_OF }), tables));
    expect(error.kind).toBe('protected');
    expect(error.message).toMatch(/Unprotect it/);
  });
});

describe('an older Excel', () => {
  test('ExcelApi 1.4 reads, selects and inserts, and says why it cannot write, remove, keep settings or watch', async () => {
    const model = exampleModel({ supportedSets: { ExcelApi: '1.4' } });
    const workbook = adapterFor(model);
    const capabilities = workbook.capabilities();
    expect(Object.fromEntries(Object.entries(capabilities).map(([name, feature]) => [name, feature.available]))).toEqual({
      read: true, write: false, remove: false, select: true, settings: false, autoCheck: false, insertSample: true,
      teamSheet: false, importSheets: false, markIssues: false, ownerReport: false,
    });
    expect(capabilities.write.reason).toMatch(/ExcelApi 1\.7/);
    const tables = await workbook.readCascade();
    expect(tables).toHaveLength(5);
    model.stats.reset();
    for (const attempt of [
      workbook.writeResults(checkTables(tables, { asOf: EXAMPLE_AS_OF }), tables),
      workbook.removeResults(),
      workbook.readSettings(),
      workbook.saveSettings({ onTrack: 0.8 }),
      workbook.onCascadeChanged(() => undefined),
    ]) {
      expect((await failure(attempt)).kind).toBe('unsupported');
    }
    expect(model.stats.syncs).toBe(0);
    await workbook.selectCell('Team Sales', 'D7');
    expect(model.snapshot().selection).toBe("'Team Sales'!D7");
  });

  test('ExcelApi 1.1 cannot even read, and says so', async () => {
    const workbook = adapterFor(exampleModel({ supportedSets: { ExcelApi: '1.1' } }));
    expect((await failure(workbook.readCascade())).message).toMatch(/Reading the tables needs a newer Excel/);
  });
});

test('cells in the way of the new columns: that table is left unchanged, with the cells named', async () => {
  const spec = workbookSpecFromTables([
    { sheet: 'Objectives', table: 'Objectives', origin: 'A1', header: ['ID', 'Level', 'Parent'], rows: [['O1', 'Objective', null]] },
    { sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Parent', 'Target', 'Actual'], rows: [['K1', 'O1', 10, 5], ['K2', 'O1', 10, 7]] },
  ]);
  spec.sheets[1].cells = { G3: 'a note' };
  const model = createWorkbookModel(spec);
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  const outcome = await workbook.writeResults(checkTables(tables), tables);
  expect(outcome.tables).toEqual(['Objectives']);
  expect(outcome.skipped).toEqual([{ table: 'KPIs', reason: expect.stringContaining('There are filled cells in KPIs!G3, where the new columns') }]);
  expect(model.snapshot().tables[1].columns).toEqual(['ID', 'Parent', 'Target', 'Actual']);
});

test('a table that gained rows since the check is not written; one that is gone stops the write', async () => {
  const model = exampleModel();
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  const report = checkTables(tables, { asOf: EXAMPLE_AS_OF });
  const shorter = tables.map((table) => (table.table === 'TeamOps' ? { ...table, rows: table.rows.slice(1) } : table));
  const outcome = await workbook.writeResults(report, shorter);
  expect(outcome.skipped).toEqual([{ table: 'TeamOps', reason: expect.stringContaining('has 12 rows now, not the 11 that were checked') }]);
  const gone = tables.map((table) => (table.table === 'TeamOps' ? { ...table, table: 'Renamed' } : table));
  const error = await failure(workbook.writeResults(checkTables(gone, { asOf: EXAMPLE_AS_OF }), gone));
  expect(error.kind).toBe('changed');
});

test('a response Excel refuses as too large is asked for again in halves', async () => {
  const { model, tables } = generatedModel(1000, { payloadLimitBytes: 50_000 });
  const read = await adapterFor(model).readCascade();
  expect(read.map((table) => table.rows)).toEqual(asExcelReadsThem(tables).map((table) => table.rows));
  expect(model.stats.syncs).toBeGreaterThan(4);
});

test('a request Excel refuses as too large becomes a sentence about the 5 MB limit', async () => {
  const { model } = generatedModel(1000, { payloadLimitBytes: 100_000 });
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  const error = await failure(workbook.writeResults(checkTables(tables, { asOf: '2026-07-01' }), tables));
  expect(error.kind).toBe('payload');
  expect(error.message).toMatch(/5 MB/);
});
