/**
 * The guard on KPI Align's columns: a data validation that refuses typing into the computed cells
 * (ExcelApi 1.8), set by writeResults and taken away by removeResults, leaving a person's own
 * validations where they are; and the model's custom rules and moving validation that this rests on.
 */

import { checkTables, columnLetters, COMPUTED_HEADERS, GUARD_TEXT, type SourceTable } from '../../src/core';
import { GUARD_FORMULA } from '../../src/excel/write';
import { createWorkbookModel, workbookSpecFromTables, type WorkbookModel, type WorkbookSnapshot } from '../../src/preview/excel-model';
import { columnValues, tableOf } from './grid';
import { adapterFor, EXAMPLE_AS_OF, exampleModel, generatedModel } from './support';

const OWNED: string[] = [...COMPUTED_HEADERS];

const GUARD = {
  type: 'Custom',
  rule: { custom: { formula: GUARD_FORMULA } },
  errorAlert: { showAlert: true, style: 'Stop', title: GUARD_TEXT.title, message: GUARD_TEXT.alert },
  prompt: { showPrompt: true, title: GUARD_TEXT.title, message: GUARD_TEXT.prompt },
  ignoreBlanks: true,
};

/** A person's dropdown with its own prompt and alert. */
const LEVELS = {
  rule: { list: { source: 'Objective,Department,Team', inCellDropDown: true } },
  prompt: { showPrompt: true, title: 'Level', message: 'Pick the level.' },
  errorAlert: { showAlert: true, style: 'Stop' as const, title: 'Level', message: 'Pick a level from the list.' },
};

async function written(model: WorkbookModel) {
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  const report = checkTables(tables, { asOf: EXAMPLE_AS_OF });
  const outcome = await workbook.writeResults(report, tables);
  return { workbook, tables, report, outcome };
}

/** A person sets a validation on a range, as through Data > Data Validation. */
async function personValidates(model: WorkbookModel, sheet: string, address: string, settings: typeof LEVELS = LEVELS): Promise<void> {
  await model.host.run(async (context) => {
    const validation = context.workbook.worksheets.getItem(sheet).getRange(address).dataValidation;
    validation.rule = settings.rule;
    validation.prompt = settings.prompt;
    validation.errorAlert = settings.errorAlert;
    await context.sync();
  });
}

/** "Sheet!B2" for every cell that has a validation, with it. */
function validations(snapshot: WorkbookSnapshot): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const sheet of snapshot.sheets) for (const [cell, settings] of Object.entries(sheet.validations)) found[`${sheet.name}!${cell}`] = settings;
  return found;
}

function guardedCells(snapshot: WorkbookSnapshot): string[] {
  return Object.entries(validations(snapshot)).filter(([, settings]) => (settings as { type: string }).type === 'Custom').map(([cell]) => cell).sort();
}

/** "Sheet!B2" for each data cell of the named columns of a table. */
function dataCells(snapshot: WorkbookSnapshot, tableName: string, headers: readonly string[]): string[] {
  const { table, first, last } = tableOf(snapshot, tableName);
  const cells: string[] = [];
  for (const header of headers) {
    const index = table.columns.indexOf(header);
    if (index < 0) continue;
    for (let row = first.row + 1; row <= last.row; row++) cells.push(`${table.sheet}!${columnLetters(first.column + index)}${row}`);
  }
  return cells;
}

describe.each(['1.12', '1.13'])('ExcelApi %s', (version) => {
  const model = () => exampleModel({ supportedSets: { ExcelApi: version } });

  test('every data cell of our eight columns, and nothing else, refuses typing with our prompt and alert', async () => {
    const workbook = model();
    const { tables } = await written(workbook);
    const snapshot = workbook.snapshot();
    const owned = tables.flatMap((source) => dataCells(snapshot, source.table as string, OWNED)).sort();
    expect(owned).toHaveLength(67 * OWNED.length);
    expect(Object.keys(validations(snapshot)).sort()).toEqual(owned);
    for (const cell of owned) expect(validations(snapshot)[cell]).toEqual(GUARD);
  });

  test("a person's validation on an input column stays as it is through write and remove", async () => {
    const workbook = model();
    await personValidates(workbook, 'Team Sales', 'C2:C11');
    const before = workbook.snapshot();
    const mine = validations(before);
    expect(Object.keys(mine)).toHaveLength(10);

    const { workbook: adapter } = await written(workbook);
    const after = validations(workbook.snapshot());
    for (const [cell, settings] of Object.entries(mine)) expect(after[cell]).toEqual(settings);
    expect(guardedCells(workbook.snapshot())).toHaveLength(67 * OWNED.length);

    await adapter.removeResults();
    expect(guardedCells(workbook.snapshot())).toEqual([]);
    expect(workbook.snapshot()).toEqual(before);
  });

  test('writing twice leaves the same guard on the same cells, nothing added', async () => {
    const workbook = model();
    const { workbook: adapter } = await written(workbook);
    const once = workbook.snapshot();
    const again = await adapter.readCascade();
    await adapter.writeResults(checkTables(again, { asOf: EXAMPLE_AS_OF }), again);
    expect(validations(workbook.snapshot())).toEqual(validations(once));
    expect(workbook.snapshot()).toEqual(once);
  });

  test("a person's column added after ours keeps its validation when ours are removed, and moves left with it", async () => {
    const workbook = model();
    const { workbook: adapter } = await written(workbook);
    await workbook.host.run(async (context) => {
      const table = context.workbook.tables.getItem('TeamSales');
      table.columns.add(undefined, undefined, 'Comment');
      const body = table.columns.getItem('Comment').getDataBodyRange();
      body.values = Array.from({ length: 10 }, (_, row) => [`note ${row + 1}`]);
      body.dataValidation.rule = LEVELS.rule;
      body.dataValidation.prompt = LEVELS.prompt;
      await context.sync();
    });
    const mine = validations(workbook.snapshot())['Team Sales!Y2'];
    expect(mine).toMatchObject({ type: 'List', prompt: LEVELS.prompt });

    await adapter.removeResults();
    const snapshot = workbook.snapshot();
    expect(guardedCells(snapshot)).toEqual([]);
    expect(tableOf(snapshot, 'TeamSales').table.columns.slice(-1)).toEqual(['Comment']);
    expect(columnValues(snapshot, 'TeamSales', 'Comment')).toEqual(Array.from({ length: 10 }, (_, row) => `note ${row + 1}`));
    const expected = Object.fromEntries(dataCells(snapshot, 'TeamSales', ['Comment']).map((cell) => [cell, mine]));
    expect(expected).toHaveProperty(['Team Sales!Q2']);
    expect(validations(snapshot)).toEqual(expected);
  });
});

describe("a person's validation right of the table, beyond where our columns go, on cells with no values", () => {
  const source: SourceTable = { sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Parent', 'Target', 'Actual'], rows: [['A', null, 10, 5], ['B', 'A', 10, 8]] };
  const setUp = async (version: string) => {
    const model = createWorkbookModel(workbookSpecFromTables([source]), { supportedSets: { ExcelApi: version } });
    await personValidates(model, 'KPIs', 'P2:P3');
    return model;
  };

  test('ExcelApi 1.12: adding our columns moves it right, removing them moves it back', async () => {
    const model = await setUp('1.12');
    const before = model.snapshot();
    const mine = validations(before)['KPIs!P2'];
    const { workbook, outcome } = await written(model);
    expect(outcome.tables).toEqual(['KPIs']);
    const moved = validations(model.snapshot());
    expect(Object.keys(moved).filter((cell) => (moved[cell] as { type: string }).type === 'List')).toEqual(['KPIs!X2', 'KPIs!X3']);
    expect(moved['KPIs!X2']).toEqual(mine);
    expect(guardedCells(model.snapshot())).toHaveLength(2 * OWNED.length);
    await workbook.removeResults();
    expect(model.snapshot()).toEqual(before);
  });

  test('ExcelApi 1.13: the table takes in our columns without moving it; removing leaves it', async () => {
    const model = await setUp('1.13');
    const before = model.snapshot();
    const { workbook } = await written(model);
    const after = validations(model.snapshot());
    expect(after['KPIs!P2']).toEqual(validations(before)['KPIs!P2']);
    expect(after['KPIs!P3']).toEqual(validations(before)['KPIs!P3']);
    expect(guardedCells(model.snapshot())).toHaveLength(2 * OWNED.length);
    await workbook.removeResults();
    expect(model.snapshot()).toEqual(before);
  });
});

test('ExcelApi 1.7: the results are written without a guard, and removed', async () => {
  const model = exampleModel({ supportedSets: { ExcelApi: '1.7' } });
  const before = model.snapshot();
  const { workbook, tables, report, outcome } = await written(model);
  expect(outcome).toEqual({ tables: tables.map((table) => table.table), skipped: [], rows: 67 });
  expect(columnValues(model.snapshot(), 'TeamSales', 'Status')).toEqual(report.nodes.filter((node) => node.sheet === 'Team Sales').map((node) => node.status));
  expect(validations(model.snapshot())).toEqual({});
  await workbook.removeResults();
  expect(model.snapshot()).toEqual(before);
});

test('the guard goes on in the last write sync, once the values are in; no sync is added for it', async () => {
  const { model } = generatedModel(12_000);
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  const report = checkTables(tables, { asOf: '2026-07-01' });
  const guardedAfterEachChange: number[] = [];
  const stop = model.subscribe(() => guardedAfterEachChange.push(guardedCells(model.snapshot()).length));
  model.stats.reset();
  await workbook.writeResults(report, tables);
  stop();
  expect(model.stats.syncs).toBeGreaterThanOrEqual(3);
  expect(guardedAfterEachChange).toHaveLength(model.stats.syncs - 1);
  expect(guardedAfterEachChange.slice(0, -1).every((count) => count === 0)).toBe(true);
  expect(guardedAfterEachChange[guardedAfterEachChange.length - 1]).toBe(12_000 * OWNED.length);
}, 60_000);

describe("the model's data validation", () => {
  const source: SourceTable = { sheet: 'S', table: 'T', origin: 'A1', header: ['A', 'B'], rows: [[1, 2], [3, 4]] };
  const run = (model: WorkbookModel, batch: (context: Excel.RequestContext) => void) =>
    model.host.run(async (context) => {
      batch(context);
      await context.sync();
    });

  test('a custom rule reads back as type Custom with its formula; one without "=" is refused', async () => {
    const model = createWorkbookModel(workbookSpecFromTables([source]), { supportedSets: { ExcelApi: '1.8' } });
    const loaded = await model.host.run(async (context) => {
      const validation = context.workbook.worksheets.getItem('S').getRange('A2:B3').dataValidation;
      validation.rule = { custom: { formula: '=FALSE' } };
      validation.load('type,rule');
      await context.sync();
      return { type: validation.type, rule: validation.rule };
    });
    expect(loaded).toEqual({ type: 'Custom', rule: { custom: { formula: '=FALSE' } } });
    await expect(run(model, (context) => {
      context.workbook.worksheets.getItem('S').getRange('C2').dataValidation.rule = { custom: { formula: 'FALSE' } };
    })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('a column inserted inside a run of cells validated together joins it; deleting a column takes its validation away', async () => {
    const model = createWorkbookModel(workbookSpecFromTables([source]), { supportedSets: { ExcelApi: '1.8' } });
    await personValidates(model, 'S', 'B2:C3');
    await run(model, (context) => void context.workbook.tables.getItem('T').columns.add(undefined, undefined, 'New'));
    // B2:C3 was one run across the insertion at C: it is B2:D3 now, C the new column.
    expect(Object.keys(validations(model.snapshot())).sort()).toEqual(['S!B2', 'S!B3', 'S!C2', 'S!C3', 'S!D2', 'S!D3']);
    await run(model, (context) => void context.workbook.tables.getItem('T').columns.getItem('A').delete());
    expect(Object.keys(validations(model.snapshot())).sort()).toEqual(['S!A2', 'S!A3', 'S!B2', 'S!B3', 'S!C2', 'S!C3']);
    await run(model, (context) => void context.workbook.tables.getItem('T').columns.getItem('B').delete());
    expect(Object.keys(validations(model.snapshot())).sort()).toEqual(['S!A2', 'S!A3', 'S!B2', 'S!B3']);
  });
});
