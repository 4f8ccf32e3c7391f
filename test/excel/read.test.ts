/** readCascade: every table of every sheet as the engine's plain tables, in a fixed, small number of syncs. */

import { checkTables } from '../../src/core';
import { createWorkbookModel, workbookSpecFromTables } from '../../src/preview/excel-model';
import { adapterFor, asExcelReadsThem, EXAMPLE_AS_OF, EXAMPLE_TABLES, exampleModel, FIVE_MB, generatedModel, largest } from './support';

test('the example scorecard reads back as its JSON tables, dates as serial numbers', async () => {
  const model = exampleModel();
  const tables = await adapterFor(model).readCascade();
  expect(tables).toEqual(asExcelReadsThem(EXAMPLE_TABLES));
  expect(tables.every((table) => !('workbook' in table))).toBe(true);
});

test("the engine's report on what was read equals its report on the JSON", async () => {
  const tables = await adapterFor(exampleModel()).readCascade();
  expect(checkTables(tables, { asOf: EXAMPLE_AS_OF })).toEqual(checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF }));
});

test('10 rows: two syncs', async () => {
  const { model } = generatedModel(10);
  model.stats.reset();
  await adapterFor(model).readCascade();
  expect(model.stats.syncs).toBe(2);
});

test('50,000 rows: three syncs, none near 5 MB', async () => {
  const { model, tables } = generatedModel(50_000);
  model.stats.reset();
  const read = await adapterFor(model).readCascade();
  expect(read.map((table) => table.rows.length)).toEqual(tables.map((table) => table.rows.length));
  expect(model.stats.syncs).toBeLessThanOrEqual(3);
  expect(largest(model.stats.responses)).toBeLessThan(0.9 * FIVE_MB);
}, 60_000);

test('tables come in sheet order, then top to bottom, whatever order they were made in', async () => {
  const spec = workbookSpecFromTables([
    { sheet: 'B', table: 'Lower', origin: 'A10', header: ['ID', 'Parent'], rows: [['X', null]] },
    { sheet: 'B', table: 'Upper', origin: 'A1', header: ['ID', 'Parent'], rows: [['Y', null]] },
  ]);
  spec.sheets.unshift({ name: 'A' });
  const tables = await adapterFor(createWorkbookModel(spec)).readCascade();
  expect(tables.map((table) => [table.sheet, table.table, table.origin])).toEqual([['B', 'Upper', 'A1'], ['B', 'Lower', 'A10']]);
});

test('an empty workbook reads as no tables, in one sync', async () => {
  const model = createWorkbookModel();
  expect(await adapterFor(model).readCascade()).toEqual([]);
  expect(model.stats.syncs).toBe(1);
});
