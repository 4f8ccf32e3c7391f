/** Importing team workbooks through the adapter, on the Excel model: planned names, all or nothing, a workbook that changed meanwhile. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkTables, LISTS_SHEET, planImport, serialFromDate, type CellValue, type ImportPlan, type SourceTable } from '../../src/core';
import { ExcelActionError, type KpiAlignWorkbook, type PreparedImport } from '../../src/excel';
import { createWorkbookModel, workbookSpecFromTables, type WorkbookModel } from '../../src/preview/excel-model';
import { prepareImport, readWorkbookContents } from '../../src/xlsx';
import { adapterFor, EXAMPLE_AS_OF, EXAMPLE_TABLES } from './support';

const EXCEL_2021 = { supportedSets: { ExcelApi: '1.13' } };

interface Chosen {
  file: string;
  bytes: Uint8Array;
}

function chosen(path: string): Chosen {
  return { file: path.split('/').pop() as string, bytes: new Uint8Array(readFileSync(join(__dirname, '../../examples', path))) };
}

async function planFor(workbook: KpiAlignWorkbook, files: Chosen[]): Promise<ImportPlan> {
  const [tables, names] = await Promise.all([workbook.readCascade(), workbook.listNames()]);
  const incoming = files.map(({ file, bytes }) => {
    const contents = readWorkbookContents(bytes, file);
    return { file, tables: contents.tables, sheets: contents.sheets };
  });
  return planImport({ tables, sheets: names.sheets, tableNames: names.tables }, incoming);
}

function prepare(files: Chosen[], plan: ImportPlan): PreparedImport[] {
  return plan.files.map((planned) => ({ file: planned.file, ...prepareImport(files.find((item) => item.file === planned.file)!.bytes, planned) }));
}

/** How Excel hands a file's cells back: dates as serial numbers, empty text as an empty cell. */
const asExcel = (value: CellValue) => (value instanceof Date ? serialFromDate(value) : value === '' ? null : value);

/** The example scorecard, plus a sheet and a table that take the names team-service.xlsx uses. */
function crowdedModel(): WorkbookModel {
  const spec = workbookSpecFromTables(EXAMPLE_TABLES);
  spec.sheets.push({ name: 'Team Service' });
  spec.tables = [...(spec.tables ?? []), { name: 'TeamService', sheet: 'Team Service', origin: 'A1', header: ['Notes'], rows: [['Kept as it is']] }];
  return createWorkbookModel(spec, EXCEL_2021);
}

async function failure(promise: Promise<unknown>): Promise<ExcelActionError> {
  const error = await promise.then(() => null, (raw: unknown) => raw);
  expect(error).toBeInstanceOf(ExcelActionError);
  return error as ExcelActionError;
}

describe('importing team-service.xlsx into a workbook that already uses its names', () => {
  test('its sheet and table arrive at the end under the planned names, with the same cells; the lists sheet stays out', async () => {
    const model = crowdedModel();
    const workbook = adapterFor(model);
    const files = [chosen('team/team-service.xlsx')];
    const plan = await planFor(workbook, files);
    expect(plan.files[0].sheets).toEqual([{ from: 'Team Service', to: 'Team Service (2)' }]);
    expect(plan.files[0].tables.map((table) => table.to)).toEqual(['TeamService_2']);

    const steps: string[] = [];
    const outcome = await workbook.importSheets(prepare(files, plan), plan, (done, total, step) => steps.push(`${done}/${total} ${step}`));
    expect(outcome).toEqual({ sheets: ['Team Service (2)'] });
    expect(steps).toEqual(['0/2 Checking the names of the sheets and tables…', '1/2 Importing team-service.xlsx…', '2/2 Imported 1 sheet']);

    const snapshot = model.snapshot();
    expect(snapshot.sheets.map((sheet) => sheet.name)).toEqual([...new Set(EXAMPLE_TABLES.map((table) => table.sheet)), 'Team Service', 'Team Service (2)']);
    expect(snapshot.sheets.map((sheet) => sheet.name)).not.toContain(LISTS_SHEET);
    expect(snapshot.tables.find((table) => table.name === 'TeamService')?.sheet).toBe('Team Service');
    const imported = snapshot.tables.find((table) => table.name === 'TeamService_2');
    expect(imported).toMatchObject({ sheet: 'Team Service (2)', address: 'A1:S6', showHeaders: true });

    const source = readWorkbookContents(files[0].bytes, 'team-service.xlsx').tables[0];
    const read = (await workbook.readCascade()).find((table) => table.table === 'TeamService_2') as SourceTable;
    expect(read.header).toEqual(source.header);
    expect(read.rows).toEqual(source.rows.map((row) => row.map(asExcel)));
    expect(snapshot.sheets.find((sheet) => sheet.name === 'Team Service (2)')?.cells.P2).toMatchObject({ numberFormat: 'yyyy-mm-dd' });
  });

  test('the cascade checks again with the imported rows: linked to their parents, no new problems', async () => {
    const model = crowdedModel();
    const workbook = adapterFor(model);
    const files = [chosen('team/team-service.xlsx')];
    const plan = await planFor(workbook, files);
    const before = checkTables(await workbook.readCascade(), { asOf: EXAMPLE_AS_OF });
    await workbook.importSheets(prepare(files, plan), plan);
    const after = checkTables(await workbook.readCascade(), { asOf: EXAMPLE_AS_OF });

    const service = after.nodes.filter((node) => node.table === 'TeamService_2');
    expect(service.map((node) => [node.id, node.sheet, node.parent])).toEqual([
      ['SVC-01', 'Team Service (2)', 'CX-02'],
      ['SVC-02', 'Team Service (2)', 'CX-02'],
      ['SVC-03', 'Team Service (2)', 'HR-03'],
      ['SVC-04', 'Team Service (2)', 'HR-03'],
      ['SVC-05', 'Team Service (2)', 'CX-02'],
    ]);
    expect(service.every((node) => node.path.includes(' > '))).toBe(true);
    const linkCodes = ['duplicate-id', 'unknown-parent', 'cycle', 'level-inverted'];
    expect(after.issues.filter((issue) => linkCodes.includes(issue.code))).toEqual(before.issues.filter((issue) => linkCodes.includes(issue.code)));
    expect(after.summary.kpis).toBe(before.summary.kpis + 5);
  });
});

describe('a team workbook saved by LibreOffice', () => {
  test('imports with the same cells as the openpyxl original, its lists sheet left out, its KPIs linked', async () => {
    const model = createWorkbookModel(workbookSpecFromTables(EXAMPLE_TABLES), EXCEL_2021);
    const workbook = adapterFor(model);
    const files = [chosen('team/team-service-libreoffice.xlsx')];
    const plan = await planFor(workbook, files);
    expect(plan.canImport).toBe(true);
    expect(plan.files[0].tables).toEqual([{ sheet: 'Team Service', from: 'TeamService', to: 'TeamService', rows: 5 }]);
    await workbook.importSheets(prepare(files, plan), plan);

    const original = readWorkbookContents(chosen('team/team-service.xlsx').bytes, 'team-service.xlsx').tables[0];
    const read = (await workbook.readCascade()).find((table) => table.table === 'TeamService') as SourceTable;
    expect(read.header).toEqual(original.header);
    expect(read.rows).toEqual(original.rows.map((row) => row.map(asExcel)));
    expect(model.snapshot().sheets.map((sheet) => sheet.name)).not.toContain(LISTS_SHEET);
    const after = checkTables(await workbook.readCascade(), { asOf: EXAMPLE_AS_OF });
    expect(after.nodes.filter((node) => node.table === 'TeamService').map((node) => [node.id, node.parent, node.aligned])).toEqual([
      ['SVC-01', 'CX-02', true],
      ['SVC-02', 'CX-02', true],
      ['SVC-03', 'HR-03', true],
      ['SVC-04', 'HR-03', true],
      ['SVC-05', 'CX-02', true],
    ]);
  });
});

describe('all or nothing', () => {
  test('when the second file fails (too large for Excel on the web), the first file’s sheets are taken out again', async () => {
    const model = createWorkbookModel(undefined, { ...EXCEL_2021, payloadLimitBytes: 20_000 });
    const workbook = adapterFor(model);
    const files = [chosen('team/team-service.xlsx'), chosen('scorecard.xlsx')];
    const plan = await planFor(workbook, files);
    expect(plan.canImport).toBe(true);
    const imports = prepare(files, plan);
    // The first file fits in one request, the second does not: the failure is the second's.
    expect(imports[0].base64.length).toBeLessThan(19_000);
    expect(imports[1].base64.length).toBeGreaterThan(20_000);
    const before = model.snapshot();

    const error = await failure(workbook.importSheets(imports, plan));
    expect(error.kind).toBe('payload');
    expect(error.message).toMatch(/^scorecard\.xlsx could not be imported, so nothing was imported \(the sheets already inserted from other files were removed\)\. The tables are too large/);
    expect(model.snapshot()).toEqual(before);
  });

  test('a damaged file: nothing stays, and the error names the file', async () => {
    const model = createWorkbookModel(undefined, EXCEL_2021);
    const workbook = adapterFor(model);
    const files = [chosen('team/team-service.xlsx'), chosen('team/team-marketing.xlsx')];
    const plan = await planFor(workbook, files);
    const imports = prepare(files, plan);
    const before = model.snapshot();
    const error = await failure(workbook.importSheets([imports[0], { ...imports[1], base64: imports[1].base64.slice(0, 400) }], plan));
    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(/^team-marketing\.xlsx could not be imported, so nothing was imported/);
    expect(model.snapshot()).toEqual(before);
  });
});

describe('the workbook changed after the plan', () => {
  async function plannedService(model: WorkbookModel) {
    const workbook = adapterFor(model);
    const files = [chosen('team/team-service.xlsx')];
    const plan = await planFor(workbook, files);
    return { workbook, plan, imports: prepare(files, plan) };
  }

  test('a sheet by a planned name appeared: nothing is inserted', async () => {
    const model = createWorkbookModel(workbookSpecFromTables(EXAMPLE_TABLES), EXCEL_2021);
    const { workbook, plan, imports } = await plannedService(model);
    await model.host.run(async (context) => {
      context.workbook.worksheets.add('team service');
      await context.sync();
    });
    const before = model.snapshot();
    const error = await failure(workbook.importSheets(imports, plan));
    expect(error.kind).toBe('changed');
    expect(error.message).toBe('This workbook now has a sheet named "Team Service", which the import planned to use, so nothing was imported. Choose the files again to make a new plan.');
    expect(model.snapshot()).toEqual(before);
  });

  test('a defined name took a planned table name: nothing is inserted', async () => {
    const model = createWorkbookModel(workbookSpecFromTables(EXAMPLE_TABLES), EXCEL_2021);
    const { workbook, plan, imports } = await plannedService(model);
    await model.host.run(async (context) => {
      context.workbook.names.add('TeamService', '=1');
      await context.sync();
    });
    const before = model.snapshot();
    const error = await failure(workbook.importSheets(imports, plan));
    expect(error.kind).toBe('changed');
    expect(error.message).toMatch(/a table named "TeamService"/);
    expect(model.snapshot()).toEqual(before);
  });
});

describe('refusals', () => {
  test('a plan with errors is not carried out', async () => {
    const model = createWorkbookModel(workbookSpecFromTables(EXAMPLE_TABLES), EXCEL_2021);
    const workbook = adapterFor(model);
    const files = [chosen('team/team-marketing.xlsx')];
    const plan = await planFor(workbook, files);
    expect(plan.canImport).toBe(false);
    const before = model.snapshot();
    const error = await failure(workbook.importSheets(prepare(files, plan), plan));
    expect(error.message).toMatch(/^The import plan has errors/);
    expect(model.snapshot()).toEqual(before);
  });

  test('a file the plan does not know is not imported', async () => {
    const model = createWorkbookModel(undefined, EXCEL_2021);
    const workbook = adapterFor(model);
    const files = [chosen('team/team-service.xlsx')];
    const plan = await planFor(workbook, files);
    const [prepared] = prepare(files, plan);
    const error = await failure(workbook.importSheets([{ ...prepared, file: 'other.xlsx' }], plan));
    expect(error.message).toMatch(/^other\.xlsx is not in the import plan/);
    expect(model.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });

  test('an Excel without ExcelApi 1.13 says so and changes nothing', async () => {
    const model = createWorkbookModel(undefined, { supportedSets: { ExcelApi: '1.12' } });
    const workbook = adapterFor(model);
    expect(workbook.capabilities().importSheets).toEqual({ available: false, reason: expect.stringMatching(/^Importing team workbooks needs a newer Excel \(ExcelApi 1\.13/) });
    const files = [chosen('team/team-service.xlsx')];
    const plan = planImport({ tables: [], sheets: ['Sheet1'], tableNames: [] }, [{ file: 'team-service.xlsx', ...readWorkbookContents(files[0].bytes, 'team-service.xlsx') }]);
    const error = await failure(workbook.importSheets(prepare(files, plan), plan));
    expect(error.kind).toBe('unsupported');
    expect(model.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });
});

describe('the model’s insertWorksheetsFromBase64', () => {
  const service = chosen('team/team-service.xlsx');
  const base64 = Buffer.from(service.bytes).toString('base64');

  test('inserts every sheet by default, at the end, and returns their ids once synced; the base64 is in the request', async () => {
    const model = createWorkbookModel(undefined, EXCEL_2021);
    model.stats.reset();
    const ids = await model.host.run(async (context) => {
      const result = context.workbook.insertWorksheetsFromBase64(base64);
      expect(() => result.value).toThrow(/property/);
      await context.sync();
      return result.value;
    });
    expect(ids).toHaveLength(2);
    expect(model.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1', 'Team Service', LISTS_SHEET]);
    expect(model.stats.requests[0]).toBeGreaterThan(base64.length);
  });

  test('a name that is taken fails with ItemAlreadyExists and inserts nothing (Excel would rename; see insert-sheets.ts)', async () => {
    const model = createWorkbookModel({ sheets: [{ name: 'Sheet1' }, { name: 'KPI ALIGN LISTS' }] }, EXCEL_2021);
    const before = model.snapshot();
    const error = await model.host
      .run(async (context) => {
        context.workbook.insertWorksheetsFromBase64(base64, { sheetNamesToInsert: ['Team Service', LISTS_SHEET], positionType: 'End' });
        await context.sync();
      })
      .catch((raw: { code?: string }) => raw);
    expect(error).toMatchObject({ code: 'ItemAlreadyExists' });
    expect(model.snapshot()).toEqual(before);
  });

  test('a sheet the file does not have, or bytes that are not a workbook, fail before anything is inserted', async () => {
    const model = createWorkbookModel(undefined, EXCEL_2021);
    const attempt = (text: string, names?: string[]) =>
      model.host
        .run(async (context) => {
          context.workbook.insertWorksheetsFromBase64(text, { sheetNamesToInsert: names });
          await context.sync();
        })
        .catch((raw: { code?: string }) => raw.code);
    expect(await attempt(base64, ['Team Sales'])).toBe('ItemNotFound');
    expect(await attempt(Buffer.from('not a workbook').toString('base64'))).toBe('InvalidArgument');
    expect(model.snapshot().sheets.map((sheet) => sheet.name)).toEqual(['Sheet1']);
  });

  test('needs ExcelApi 1.13', async () => {
    const model = createWorkbookModel();
    const code = await model.host
      .run(async (context) => {
        context.workbook.insertWorksheetsFromBase64(base64);
        await context.sync();
      })
      .catch((raw: { code?: string }) => raw.code);
    expect(code).toBe('ApiNotFound');
  });
});
