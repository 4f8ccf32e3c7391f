/**
 * Importing team workbooks: the sheets of each prepared file (already renamed to the plan's names,
 * src/xlsx/rename.ts) go in through `Workbook.insertWorksheetsFromBase64`, one file per sync, at
 * the end of the workbook. All or nothing: when a file fails, the sheets of the files before it are
 * deleted again (their tables go with them) and the error names the file and the reason.
 *
 * The plan was made from the workbook as it was; the names it chose are checked again first (sync 1),
 * and if a sheet, table or defined name now holds one of them, nothing is inserted ('changed').
 * Excel would rename a clashing sheet silently, and the plan's names are what the person agreed to.
 */

import { sameName, type ImportPlan } from '../core';
import { say } from './messages';
import { toActionError } from './office-errors';
import { ExcelActionError, type ImportOutcome, type PreparedImport, type ProgressListener } from './types';

export async function importSheets(
  context: Excel.RequestContext,
  imports: readonly PreparedImport[],
  plan: ImportPlan,
  onProgress: ProgressListener,
): Promise<ImportOutcome> {
  if (!plan.canImport) throw new ExcelActionError(say.importBlocked(), 'unexpected');
  const planned = imports.map((item) => {
    const file = plan.files.find((candidate) => candidate.file === item.file);
    if (!file) throw new ExcelActionError(say.importNotPlanned(item.file), 'unexpected');
    return file;
  });
  const steps = imports.length + 1;
  onProgress(0, steps, 'Checking the names of the sheets and tables…');
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  const names = context.workbook.names.load('items/name');
  await context.sync();

  const before = sheets.items.map((sheet) => sheet.name);
  const takenNames = [...tables.items.map((table) => table.name), ...names.items.map((item) => item.name)];
  imports.forEach((item, index) => {
    const sheet = item.sheets.find((name) => before.some((taken) => sameName(taken, name)));
    if (sheet !== undefined) throw new ExcelActionError(say.importNameTaken('sheet', sheet), 'changed');
    const table = planned[index].tables.find((entry) => entry.to !== null && takenNames.some((taken) => sameName(taken, entry.to)));
    if (table) throw new ExcelActionError(say.importNameTaken('table', table.to as string), 'changed');
  });

  const inserted: string[] = [];
  for (const [index, item] of imports.entries()) {
    onProgress(index + 1, steps, `Importing ${item.file}…`);
    try {
      context.workbook.insertWorksheetsFromBase64(item.base64, { sheetNamesToInsert: item.sheets, positionType: 'End' });
      await context.sync();
    } catch (error) {
      const cause = toActionError(error, 'import');
      // Whatever of this file made it in goes too: every sheet by a planned name that was not there before.
      const left = await undo(context, [...inserted, ...item.sheets]);
      if (left.length > 0) throw new ExcelActionError(say.importLeftOver(item.file, cause.message, left), 'unexpected');
      throw new ExcelActionError(say.importFailed(item.file, cause.message), cause.kind);
    }
    inserted.push(...item.sheets);
  }
  onProgress(steps, steps, `Imported ${inserted.length} sheet${inserted.length === 1 ? '' : 's'}`);
  return { sheets: inserted };
}

/** Deletes the sheets by these names that exist now; returns the ones that could not be deleted. */
async function undo(context: Excel.RequestContext, names: string[]): Promise<string[]> {
  try {
    const sheets = context.workbook.worksheets.load('items/name');
    await context.sync();
    const present = sheets.items.filter((sheet) => names.some((name) => sameName(name, sheet.name)));
    for (const sheet of present) sheet.delete();
    if (present.length > 0) await context.sync();
    return [];
  } catch {
    return names;
  }
}
