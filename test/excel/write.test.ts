/** writeResults and removeResults against the example scorecard in the model. */

import { checkTables, computedColumns, COMPUTED_HEADERS, markerFormula, STATUS_COLORS, WRITTEN_COLUMNS, type SourceTable } from '../../src/core';
import { PERCENT_FORMAT } from '../../src/excel';
import { createWorkbookModel, workbookSpecFromTables } from '../../src/preview/excel-model';
import { columnCells, columnValues, tableOf } from './grid';
import { adapterFor, EXAMPLE_AS_OF, exampleModel } from './support';

async function checked(model = exampleModel({ supportedSets: { ExcelApi: API } })) {
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  const report = checkTables(tables, { asOf: EXAMPLE_AS_OF });
  return { model, workbook, tables, report };
}

/** The same behaviour whether new columns join a table through columns.add (ExcelApi 1.12) or Table.resize (1.13). */
let API = '1.12';

describe.each(['1.12', '1.13'])('ExcelApi %s', (version) => {
  beforeAll(() => {
    API = version;
  });

  test('every cascade table gets the eight columns, with the values computedColumns gives', async () => {
    const { model, workbook, tables, report } = await checked();
    const outcome = await workbook.writeResults(report, tables);
    expect(outcome).toEqual({ tables: tables.map((table) => table.table), skipped: [], rows: 67 });
    const snapshot = model.snapshot();
    for (const source of tables) {
      for (const column of computedColumns(report, source)) {
        expect(columnValues(snapshot, source.table as string, column.header)).toEqual(column.values.map((value) => value ?? null));
      }
    }
  });

  test('ratios are formatted as percentages, texts stay text, Aligned is TRUE/FALSE', async () => {
    const { model, workbook, tables, report } = await checked();
    await workbook.writeResults(report, tables);
    const snapshot = model.snapshot();
    for (const { header } of WRITTEN_COLUMNS.filter((column) => column.format === 'percent')) {
      const cells = columnCells(snapshot, 'TeamSales', header);
      expect(cells.every((cell) => cell?.numberFormat === PERCENT_FORMAT)).toBe(true);
    }
    expect(columnValues(snapshot, 'TeamSales', 'Aligned').every((value) => typeof value === 'boolean')).toBe(true);
    const paths = columnCells(snapshot, 'TeamSales', 'Path');
    expect(paths.every((cell) => cell?.formula === undefined && typeof cell?.value === 'string')).toBe(true);
  });

  test('a text that starts with = + - or @ stays text', async () => {
    const source: SourceTable = {
      sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Parent', 'Level', 'Target', 'Actual'],
      rows: [['=1+1', null, 'Objective', null, null], ['-2', '=1+1', 'Department', 100, 50], ['@x', '-2', 'Team', 10, 5], ['+3', '@x', 'Team', 10, 5]],
    };
    // A spec holds what cells store: these are texts, as a person's quote-prefixed entries are.
    const model = createWorkbookModel(workbookSpecFromTables([source]), { supportedSets: { ExcelApi: API } });
    const { workbook, tables, report } = await checked(model);
    expect(tables[0].rows.map((row) => row[0])).toEqual(['=1+1', '-2', '@x', '+3']);
    await workbook.writeResults(report, tables);
    const paths = columnCells(model.snapshot(), 'KPIs', 'Path');
    expect(paths.map((cell) => cell?.value)).toEqual(['=1+1', '=1+1 > -2', '=1+1 > -2 > @x', '=1+1 > -2 > @x > +3']);
    expect(paths.every((cell) => cell?.formula === undefined)).toBe(true);
  });

  test('the Status column is coloured by conditional formats, fill and font together', async () => {
    const { model, workbook, tables, report } = await checked();
    await workbook.writeResults(report, tables);
    const snapshot = model.snapshot();
    const statuses = columnCells(snapshot, 'DeptKPIs', 'Status');
    for (const cell of statuses) {
      const colors = STATUS_COLORS[cell?.value as keyof typeof STATUS_COLORS];
      expect(cell).toMatchObject({ fill: colors.fill, font: colors.font });
    }
    expect(snapshot.conditionalFormats.filter((format) => format.sheet === 'Department KPIs')).toHaveLength(5);
  });

  test('calculation is suspended in every sync that writes', async () => {
    const { model, workbook, tables, report } = await checked();
    model.stats.reset();
    await workbook.writeResults(report, tables);
    expect(model.stats.calculationSuspended).toEqual([false, true]);
  });

  test('writing again rewrites the same columns in place: the workbook is the same', async () => {
    const { model, workbook, tables, report } = await checked();
    await workbook.writeResults(report, tables);
    const once = model.snapshot();
    const again = await workbook.readCascade();
    expect(again.map((table) => table.rows)).toEqual(tables.map((table) => table.rows.map((row) => [...row, ...Array(COMPUTED_HEADERS.length).fill(null)])));
    await workbook.writeResults(checkTables(again, { asOf: EXAMPLE_AS_OF }), again);
    expect(model.snapshot()).toEqual(once);
  });

  test("a person's Status column is never written; ours is \"Status (KPI Align)\"", async () => {
    const source: SourceTable = {
      sheet: 'KPIs', table: 'KPIs', origin: 'B2', header: ['ID', 'Parent', 'Target', 'Actual', 'Status'],
      rows: [['A', null, 10, 5, 'my words'], ['B', 'A', 10, 8, 'keep me']],
    };
    const model = createWorkbookModel(workbookSpecFromTables([source]), { supportedSets: { ExcelApi: API } });
    const { workbook, tables, report } = await checked(model);
    await workbook.writeResults(report, tables);
    const snapshot = model.snapshot();
    expect(columnValues(snapshot, 'KPIs', 'Status')).toEqual(['my words', 'keep me']);
    expect(columnValues(snapshot, 'KPIs', 'Status (KPI Align)')).toEqual(report.nodes.map((node) => node.status));
    expect(tableOf(snapshot, 'KPIs').table.columns).toHaveLength(5 + COMPUTED_HEADERS.length);
    // A rerun finds "Status (KPI Align)" in the marker and rewrites it; the person's column stays.
    await workbook.writeResults(report, await workbook.readCascade());
    expect(tableOf(model.snapshot(), 'KPIs').table.columns).toHaveLength(5 + COMPUTED_HEADERS.length);
    expect(columnValues(model.snapshot(), 'KPIs', 'Status')).toEqual(['my words', 'keep me']);
  });

  test('a marker written by the checker is recognised: its columns are rewritten, not added again', async () => {
    const spec = workbookSpecFromTables([
      { sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Parent', 'Target', 'Actual', 'Score', 'Path'], rows: [['A', null, 10, 5, 0.1, 'old']] },
    ]);
    spec.names = [{ name: '_KPIAlign_Owned_1', formula: `=${markerFormula({ sheet: 'KPIs', table: 'KPIs', headers: ['Score', 'Path'] })}`, visible: false }];
    const model = createWorkbookModel(spec, { supportedSets: { ExcelApi: API } });
    const { workbook, tables, report } = await checked(model);
    await workbook.writeResults(report, tables);
    const snapshot = model.snapshot();
    const added = COMPUTED_HEADERS.filter((header) => header !== 'Score' && header !== 'Path');
    expect(tableOf(snapshot, 'KPIs').table.columns).toEqual(['ID', 'Parent', 'Target', 'Actual', 'Score', 'Path', ...added]);
    expect(columnValues(snapshot, 'KPIs', 'Score')).toEqual([0.5]);
    expect(columnValues(snapshot, 'KPIs', 'Path')).toEqual(['A']);
    expect(snapshot.names).toEqual([
      { name: '_KPIAlign_Owned_1', visible: false, formula: `=${markerFormula({ sheet: 'KPIs', table: 'KPIs', headers: ['Score', 'Path', ...added] })}` },
    ]);
  });

  test('remove results gives back the workbook as it was before writing', async () => {
    const { model, workbook, tables, report } = await checked();
    const before = model.snapshot();
    await workbook.writeResults(report, tables);
    await workbook.writeResults(report, tables);
    const outcome = await workbook.removeResults();
    expect(outcome).toEqual({ tables: tables.map((table) => table.table), columns: 5 * COMPUTED_HEADERS.length, skipped: [] });
    expect(model.snapshot()).toEqual(before);
    expect(await workbook.removeResults()).toEqual({ tables: [], columns: 0, skipped: [] });
  });

  test('remove leaves a person\'s columns and other names alone', async () => {
    const source: SourceTable = { sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Parent', 'Target', 'Actual', 'Status'], rows: [['A', null, 10, 5, 'mine']] };
    const spec = workbookSpecFromTables([source]);
    spec.names = [{ name: 'Budget', formula: '=KPIs!$C$2' }];
    const model = createWorkbookModel(spec, { supportedSets: { ExcelApi: API } });
    const before = model.snapshot();
    const { workbook, tables, report } = await checked(model);
    await workbook.writeResults(report, tables);
    await workbook.removeResults();
    expect(model.snapshot()).toEqual(before);
  });
});

describe('cells to the right of a table, beyond where the new columns go', () => {
  const source: SourceTable = { sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Parent', 'Target', 'Actual'], rows: [['A', null, 10, 5], ['B', 'A', 10, 8]] };
  const withNote = () => {
    const spec = workbookSpecFromTables([source]);
    spec.sheets[0].cells = { P2: 'a note', P3: { formula: '=C3*2', value: 20 } };
    return spec;
  };

  test('ExcelApi 1.13: the table takes in the columns by resizing; the note does not move; remove gives back the workbook', async () => {
    const model = createWorkbookModel(withNote(), { supportedSets: { ExcelApi: '1.13' } });
    const before = model.snapshot();
    const { workbook, tables, report } = await checked(model);
    expect((await workbook.writeResults(report, tables)).tables).toEqual(['KPIs']);
    const written = model.snapshot();
    expect(written.tables[0].address).toBe('A1:L3');
    expect(written.sheets[0].cells.P2).toEqual({ value: 'a note' });
    expect(written.sheets[0].cells.P3).toEqual({ value: 20, formula: '=C3*2' });
    await workbook.removeResults();
    expect(model.snapshot()).toEqual(before);
  });

  test('ExcelApi 1.12: adding columns would move the note, so the table is left unchanged, with a reason', async () => {
    const model = createWorkbookModel(withNote(), { supportedSets: { ExcelApi: '1.12' } });
    const before = model.snapshot();
    const { workbook, tables, report } = await checked(model);
    const outcome = await workbook.writeResults(report, tables);
    expect(outcome.skipped).toEqual([{ table: 'KPIs', reason: expect.stringContaining('has cells to its right on the same rows (as far as column P)') }]);
    expect(model.snapshot()).toEqual(before);
  });
});

test('progress: an unknown total while looking, then one step a sync, ending at the total', async () => {
  const { workbook, tables, report } = await checked(exampleModel());
  const steps: [number, number, string][] = [];
  await workbook.writeResults(report, tables, (done, total, step) => steps.push([done, total, step]));
  expect(steps).toEqual([
    [0, 0, 'Looking at the tables…'],
    [1, 2, 'Writing Objectives, DeptKPIs, TeamSales, TeamOps, IndividualGoals…'],
    [2, 2, 'Results written'],
  ]);
});
