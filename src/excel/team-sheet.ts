/**
 * A new team sheet (src/core/team-sheet.ts): the sheet, its table, a dropdown and a help message
 * per column, and the hidden lists sheet whose columns the dropdowns offer through hidden names.
 *
 * Sync 1 lists the sheets, tables and names (a clash stops here, with nothing changed). Sync 2
 * builds everything: the lists and their names first, since Excel refuses a list rule whose name does
 * not exist yet, then the sheet, the table and the validation. A request is not a transaction, so
 * when sync 2 fails, two more syncs take out what it added (the new sheet, a lists sheet it made, the
 * names it made) and the error says so. A lists sheet that was already there may keep the refreshed
 * choices: they are what the next refresh would write anyway.
 */

import { levelOfParentHeading, LISTS_SHEET, sameName, sheetReference, type ChoiceList, type TeamLevel, type TeamSheetPlan } from '../core';
import { columnLetters } from '../core';
import { say } from './messages';
import { officeErrorCode, toActionError } from './office-errors';
import { ExcelActionError } from './types';

/** One sync: every sheet (hidden ones too) and every table. */
export async function listNames(context: Excel.RequestContext): Promise<{ sheets: string[]; tables: string[] }> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  await context.sync();
  return { sheets: sheets.items.map((sheet) => sheet.name), tables: tables.items.map((table) => table.name) };
}

export async function createTeamSheet(context: Excel.RequestContext, plan: TeamSheetPlan): Promise<void> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  const names = context.workbook.names.load('items/name');
  await context.sync();
  if (sheets.items.some((sheet) => sameName(sheet.name, plan.sheet))) throw new ExcelActionError(say.sheetExists(plan.sheet), 'changed');
  if ([...tables.items, ...names.items].some((item) => sameName(item.name, plan.table))) throw new ExcelActionError(say.tableExists(plan.table), 'changed');

  const listsExisted = sheets.items.some((sheet) => sameName(sheet.name, LISTS_SHEET));
  const existingNames = names.items.map((item) => item.name);
  const createdNames = plan.lists.map((list) => list.name).filter((name) => !existingNames.some((other) => sameName(other, name)));
  try {
    const lists = listsExisted ? context.workbook.worksheets.getItem(LISTS_SHEET) : context.workbook.worksheets.add(LISTS_SHEET);
    if (!listsExisted) lists.visibility = 'Hidden';
    writeLists(context, lists, plan.lists, existingNames);
    buildSheet(context, plan);
    await context.sync();
  } catch (error) {
    // Excel in cell-edit mode refuses the whole request, so nothing was added: the action is simply tried again.
    if (officeErrorCode(error) === 'InvalidOperationInCellEditMode') throw error;
    const cause = toActionError(error, 'team-sheet');
    try {
      await undo(context, plan.sheet, listsExisted ? null : LISTS_SHEET, createdNames);
    } catch {
      throw new ExcelActionError(say.teamSheetLeftOver(cause.message, plan.sheet), cause.kind);
    }
    throw new ExcelActionError(say.teamSheetUndone(cause.message), cause.kind);
  }
}

/**
 * Three syncs: finds the lists sheet, reads the level its Parent list was made for (the heading in
 * A1, "Parent choices (Department)"; Team when unreadable), then rewrites the lists of that level and
 * re-points their names. False, with nothing written, when there is no lists sheet (one sync).
 */
export async function refreshChoiceLists(context: Excel.RequestContext, listsFor: (level: TeamLevel) => ChoiceList[]): Promise<boolean> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(LISTS_SHEET);
  const names = context.workbook.names.load('items/name');
  await context.sync();
  if (sheet.isNullObject) return false;
  const heading = sheet.getRange('A1').load('values');
  await context.sync();
  writeLists(context, sheet, listsFor(levelOfParentHeading(heading.values[0][0]) ?? 'Team'), names.items.map((item) => item.name));
  await context.sync();
  return true;
}

/**
 * Each list in its column of the lists sheet (heading in row 1, choices below, as text), behind a
 * hidden name that covers exactly its choices; an empty list covers one empty cell.
 */
function writeLists(context: Excel.RequestContext, sheet: Excel.Worksheet, lists: readonly ChoiceList[], existingNames: readonly string[]): void {
  sheet.getRange().clear('Contents');
  for (const list of lists) {
    const letters = columnLetters(list.column + 1);
    const cells = [list.heading, ...list.values].map((text) => [`'${text}`]);
    sheet.getRange(`${letters}1:${letters}${cells.length}`).values = cells;
    const formula = `=${sheetReference(LISTS_SHEET)}!$${letters}$2:$${letters}$${Math.max(2, cells.length)}`;
    const exists = existingNames.some((name) => sameName(name, list.name));
    const item = exists ? context.workbook.names.getItem(list.name) : context.workbook.names.add(list.name, formula);
    if (exists) item.formula = formula;
    item.visible = false;
  }
}

/** The sheet with its header and first row as a table, a help message on every column, a dropdown where the plan has a list. */
function buildSheet(context: Excel.RequestContext, plan: TeamSheetPlan): void {
  const sheet = context.workbook.worksheets.add(plan.sheet);
  const last = columnLetters(plan.header.length);
  const address = `A1:${last}2`;
  sheet.getRange(address).values = [plan.header.map((text) => `'${text}`), plan.firstRow.map((cell) => (cell === null ? '' : `'${cell}`))];
  const table = sheet.tables.add(address, true);
  table.name = plan.table;
  for (const help of plan.help) {
    const index = plan.header.indexOf(help.header);
    if (index < 0) continue;
    const validation = table.getDataBodyRange().getColumn(index).dataValidation;
    validation.clear();
    if (help.list) {
      validation.rule = { list: { source: `=${help.list}`, inCellDropDown: true } };
      validation.errorAlert = {
        showAlert: true,
        style: help.strict ? 'Stop' : 'Warning',
        title: help.title.slice(0, 32),
        message: (help.strict ? 'Pick a value from the list.' : 'This value is not in the list. Keep it only if you are sure.').slice(0, 225),
      };
    }
    validation.prompt = { showPrompt: true, title: help.title.slice(0, 32), message: help.message.slice(0, 255) };
  }
  sheet.activate();
  sheet.getRange('A2').select();
}

/** Takes out what a failed build added: two syncs (which of them exist, then delete those). */
async function undo(context: Excel.RequestContext, sheetName: string, listsSheet: string | null, names: readonly string[]): Promise<void> {
  const sheets = [sheetName, ...(listsSheet ? [listsSheet] : [])].map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  const items = names.map((name) => context.workbook.names.getItemOrNullObject(name));
  await context.sync();
  for (const item of items) if (!item.isNullObject) item.delete();
  for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
  await context.sync();
}
