/** A new team sheet: the sheet, its table, dropdowns and help, the hidden lists sheet and its names; all or nothing. */

import { checkTables, choiceLists, LIST_NAMES, LISTS_SHEET, parentChoices, planTeamSheet, type TeamSheetPlan } from '../../src/core';
import { createKpiAlignWorkbook, ExcelActionError, type KpiAlignWorkbook } from '../../src/excel';
import { createWorkbookModel, type WorkbookModel } from '../../src/preview/excel-model';
import { adapterFor, EXAMPLE_AS_OF, EXAMPLE_TABLES, exampleModel } from './support';

async function planFor(workbook: KpiAlignWorkbook, team: string): Promise<TeamSheetPlan> {
  const tables = await workbook.readCascade();
  const names = await workbook.listNames();
  const result = planTeamSheet(checkTables(tables, { asOf: EXAMPLE_AS_OF }), { team, level: 'Team', ...names });
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

async function failure(promise: Promise<unknown>): Promise<ExcelActionError> {
  const error = await promise.then(() => null, (raw: unknown) => raw);
  expect(error).toBeInstanceOf(ExcelActionError);
  return error as ExcelActionError;
}

const sheetOf = (model: WorkbookModel, name: string) => model.snapshot().sheets.find((sheet) => sheet.name === name);

/** A host whose n-th sync (counted over every batch) fails with `code` before it runs. */
function failingSync(model: WorkbookModel, failAt: number[], code = 'GeneralException') {
  let syncs = 0;
  return {
    ...model.host,
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
      model.host.run((context) => {
        const sync = context.sync.bind(context);
        context.sync = async () => {
          if (failAt.includes(++syncs)) throw Object.assign(new Error('The request failed.'), { code });
          return sync();
        };
        return batch(context);
      }),
  };
}

test('listNames gives every sheet (hidden ones too) and every table, in one sync', async () => {
  const model = exampleModel();
  model.stats.reset();
  const names = await adapterFor(model).listNames();
  expect(names.sheets).toEqual(['Objectives', 'Department KPIs', 'Team Sales', 'Team Operations', 'Individual Goals']);
  expect(names.tables).toEqual(['Objectives', 'DeptKPIs', 'TeamSales', 'TeamOps', 'IndividualGoals']);
  expect(model.stats.syncs).toBe(1);
});

describe('createTeamSheet', () => {
  test('adds the sheet, its table with the header and a blank row, activated, in two syncs', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = await planFor(workbook, 'Support');
    model.stats.reset();
    await workbook.createTeamSheet(plan);
    expect(model.stats.syncs).toBe(2);
    const snapshot = model.snapshot();
    const table = snapshot.tables.find((candidate) => candidate.name === plan.table)!;
    expect(table).toMatchObject({ sheet: 'Team Support', address: 'A1:S2', columns: plan.header });
    expect(snapshot.activeSheet).toBe('Team Support');
    expect(snapshot.selection).toBe("'Team Support'!A2");
    const sheet = sheetOf(model, 'Team Support')!;
    expect(sheet.visibility).toBe('Visible');
    expect(sheet.cells.A1.value).toBe('ID');
    expect(sheet.cells.A2).toBeUndefined();
    // The engine reads the new table as a KPI table with no KPIs yet.
    const tables = await workbook.readCascade();
    expect(tables.find((candidate) => candidate.table === plan.table)).toMatchObject({ sheet: 'Team Support', header: plan.header, rows: [plan.header.map(() => null)] });
  });

  test('every column has its help as the input message; list columns a dropdown from a hidden name, strict or warning', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = await planFor(workbook, 'Support');
    await workbook.createTeamSheet(plan);
    const validations = sheetOf(model, 'Team Support')!.validations;
    expect(Object.keys(validations)).toHaveLength(plan.header.length);
    const at = (header: string) => validations[`${String.fromCharCode(65 + plan.header.indexOf(header))}2`];
    expect(at('ID')).toMatchObject({ type: 'None', rule: null, prompt: { showPrompt: true, title: 'ID', message: expect.stringContaining('unique') } });
    expect(at('Level')).toMatchObject({
      type: 'List',
      rule: { list: { source: `=${LIST_NAMES.level}`, inCellDropDown: true } },
      errorAlert: { showAlert: true, style: 'Stop', title: 'Level' },
    });
    expect(at('Parent')).toMatchObject({ type: 'List', rule: { list: { source: `=${LIST_NAMES.parent}` } }, errorAlert: { style: 'Warning' } });
    for (const help of plan.help) expect(at(help.header).prompt.message).toBe(help.message);
  });

  test('the lists sheet is hidden, holds each list under its heading, and each hidden name covers exactly its choices', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = await planFor(workbook, 'Support');
    await workbook.createTeamSheet(plan);
    const lists = sheetOf(model, LISTS_SHEET)!;
    expect(lists.visibility).toBe('Hidden');
    for (const list of plan.lists) {
      const letter = String.fromCharCode(65 + list.column);
      const column = [list.heading, ...list.values].map((_, row) => lists.cells[`${letter}${row + 1}`]?.value);
      expect(column).toEqual([list.heading, ...list.values]);
      const name = model.snapshot().names.find((item) => item.name === list.name);
      expect(name).toEqual({ name: list.name, visible: false, formula: `='KPI Align Lists'!$${letter}$2:$${letter}$${Math.max(2, list.values.length + 1)}` });
    }
    expect(plan.lists.find((list) => list.name === LIST_NAMES.parent)!.values).toContain('FIN-01');
    // The tabs show the visible sheets only, as Excel does.
    expect(model.snapshot().sheets.filter((sheet) => sheet.visibility === 'Visible').map((sheet) => sheet.name)).not.toContain(LISTS_SHEET);
  });

  test('a second team sheet shares the lists sheet and names, refreshed, not doubled', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    await workbook.createTeamSheet(await planFor(workbook, 'Support'));
    const plan = await planFor(workbook, 'Finance');
    await workbook.createTeamSheet(plan);
    const snapshot = model.snapshot();
    expect(snapshot.sheets.map((sheet) => sheet.name).filter((name) => name === LISTS_SHEET)).toHaveLength(1);
    expect(snapshot.names.filter((item) => item.name.startsWith('_KPIAlign_List_'))).toHaveLength(plan.lists.length);
    expect(snapshot.tables.map((table) => table.sheet)).toEqual(expect.arrayContaining(['Team Support', 'Team Finance']));
  });

  test('a sheet of that name already there: a clear sentence, and nothing changes', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = await planFor(workbook, 'Support');
    await model.host.run(async (context) => {
      context.workbook.worksheets.add('Team Support');
      await context.sync();
    });
    const before = model.snapshot();
    const error = await failure(workbook.createTeamSheet(plan));
    expect(error.message).toBe('There is already a sheet named "Team Support", so the team sheet was not added. Choose another team name, or rename that sheet, and try again.');
    expect(model.snapshot()).toEqual(before);
  });

  test('a table or defined name of the table\'s name already there: a clear sentence, and nothing changes', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = { ...(await planFor(workbook, 'Support')), table: 'TeamOps' };
    const before = model.snapshot();
    const error = await failure(workbook.createTeamSheet(plan));
    expect(error.message).toMatch(/The name "TeamOps" is already used by a table or a defined name/);
    expect(model.snapshot()).toEqual(before);
  });

  test('Excel refusing a step half way (a table name it will not take): what was added is taken out again', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = { ...(await planFor(workbook, 'Support')), table: 'Not a name' };
    const before = model.snapshot();
    const error = await failure(workbook.createTeamSheet(plan));
    expect(error.message).toMatch(/Nothing was added: the team sheet and its lists were taken out again\.$/);
    expect(model.snapshot()).toEqual(before);
  });

  test('a protected lists sheet: Excel refuses, the person is told to unprotect it, and the new sheet is gone again', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    await workbook.createTeamSheet(await planFor(workbook, 'Support'));
    const plan = await planFor(workbook, 'Finance');
    model.protectSheet(LISTS_SHEET);
    const before = model.snapshot();
    const error = await failure(workbook.createTeamSheet(plan));
    expect(error.kind).toBe('protected');
    expect(error.message).toMatch(/Unprotect it .* Nothing was added/);
    expect(model.snapshot()).toEqual(before);
  });

  test('when taking out fails too, the person is told what to delete by hand', async () => {
    const model = exampleModel();
    const plan = await planFor(adapterFor(model), 'Support');
    const workbook = createKpiAlignWorkbook(failingSync(model, [2, 3]));
    const error = await failure(workbook.createTeamSheet(plan));
    expect(error.message).toMatch(/could not take out what it had added: delete the sheet "Team Support"/);
  });

  test('cell-edit mode during the build is waited out and the whole action runs again', async () => {
    const model = exampleModel();
    const plan = await planFor(adapterFor(model), 'Support');
    const workbook = createKpiAlignWorkbook(failingSync(model, [2], 'InvalidOperationInCellEditMode'), { retry: { delaysMs: [0], sleep: async () => undefined } });
    await workbook.createTeamSheet(plan);
    expect(model.snapshot().tables.map((table) => table.name)).toContain(plan.table);
  });

  test('an Excel without data validation (ExcelApi 1.7) is told it needs 1.8, and nothing is sent', async () => {
    const model = exampleModel({ supportedSets: { ExcelApi: '1.7' } });
    const workbook = adapterFor(model);
    expect(workbook.capabilities().teamSheet).toEqual({ available: false, reason: expect.stringMatching(/^Adding a team sheet with dropdowns needs a newer Excel \(ExcelApi 1\.8/) });
    const plan = await planFor(adapterFor(exampleModel()), 'Support');
    model.stats.reset();
    expect((await failure(workbook.createTeamSheet(plan))).kind).toBe('unsupported');
    expect(model.stats.syncs).toBe(0);
  });
});

describe('refreshChoiceLists', () => {
  test('without a lists sheet: false, and nothing is written', async () => {
    const model = createWorkbookModel();
    const before = model.snapshot();
    model.stats.reset();
    const lists = choiceLists(checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF }), 'Team');
    expect(await adapterFor(model).refreshChoiceLists(() => lists)).toBe(false);
    expect(model.stats.syncs).toBe(1);
    expect(model.snapshot()).toEqual(before);
  });

  test('rewrites the lists (a shorter one leaves no stale choices) and re-points the names, in three syncs', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = await planFor(workbook, 'Support');
    await workbook.createTeamSheet(plan);
    const lists = plan.lists.map((list) => (list.name === LIST_NAMES.parent ? { ...list, values: ['OBJ-1', '2027'] } : list));
    model.stats.reset();
    expect(await workbook.refreshChoiceLists(() => lists)).toBe(true);
    expect(model.stats.syncs).toBe(3);
    const cells = sheetOf(model, LISTS_SHEET)!.cells;
    expect([cells.A2?.value, cells.A3?.value, cells.A4]).toEqual(['OBJ-1', '2027', undefined]);
    expect(model.snapshot().names.find((item) => item.name === LIST_NAMES.parent)).toEqual({ name: LIST_NAMES.parent, visible: false, formula: "='KPI Align Lists'!$A$2:$A$3" });
  });

  test('an empty list covers one empty cell, so the dropdown offers nothing rather than an error', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = await planFor(workbook, 'Support');
    await workbook.createTeamSheet(plan);
    await workbook.refreshChoiceLists(() => plan.lists.map((list) => ({ ...list, values: list.name === LIST_NAMES.parent ? [] : list.values })));
    expect(model.snapshot().names.find((item) => item.name === LIST_NAMES.parent)!.formula).toBe("='KPI Align Lists'!$A$2:$A$2");
    expect(sheetOf(model, LISTS_SHEET)!.cells.A2).toBeUndefined();
  });

  test("keeps the level the lists were made for: a Department sheet's Parent list stays Department after a check", async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const report = checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF });
    const names = await workbook.listNames();
    const planned = planTeamSheet(report, { team: 'Finance Ops', level: 'Department', ...names });
    if (!planned.ok) throw new Error(planned.error);
    await workbook.createTeamSheet(planned.plan);
    const asked: string[] = [];
    await workbook.refreshChoiceLists((level) => {
      asked.push(level);
      return choiceLists(report, level);
    });
    expect(asked).toEqual(['Department']);
    const cells = sheetOf(model, LISTS_SHEET)!.cells;
    expect(cells.A1?.value).toBe('Parent choices (Department)');
    const department = parentChoices(report, 'Department');
    expect(department).not.toEqual(parentChoices(report, 'Team'));
    expect(department.map((_, index) => cells[`A${index + 2}`]?.value)).toEqual(department);
  });

  test('a heading someone overwrote falls back to Team', async () => {
    const model = exampleModel();
    const workbook = adapterFor(model);
    const plan = await planFor(workbook, 'Support');
    await workbook.createTeamSheet(plan);
    await model.host.run(async (context) => {
      context.workbook.worksheets.getItem(LISTS_SHEET).getRange('A1').values = [['my notes']];
      await context.sync();
    });
    const asked: string[] = [];
    await workbook.refreshChoiceLists((level) => {
      asked.push(level);
      return plan.lists;
    });
    expect(asked).toEqual(['Team']);
  });
});
