/**
 * Every sentence the adapter shows a person, in one place: what happened, then what to do.
 */

import { LISTS_SHEET } from '../core';

/** What the person asked for, as the sentences name it. */
export type ActionName = 'read' | 'write' | 'remove' | 'select' | 'read-settings' | 'save-settings' | 'sample' | 'watch'
  | 'team-sheet' | 'refresh-lists' | 'mark' | 'unmark' | 'owner-report' | 'import';

const DOING: Record<ActionName, string> = {
  read: 'read the workbook',
  write: 'write the results',
  remove: 'remove the results',
  select: 'go to the cell',
  'read-settings': 'read the settings stored in this workbook',
  'save-settings': 'save the settings in this workbook',
  sample: 'insert the sample scorecard',
  watch: 'watch the tables for changes',
  'team-sheet': 'add the team sheet',
  'refresh-lists': 'refresh the dropdown lists',
  mark: 'mark the cells that have issues',
  unmark: 'remove the issue marks',
  'owner-report': 'write the owner report',
  import: 'import the team workbooks',
};

export const say = {
  cellEditMode: (action: ActionName) =>
    `Excel is editing a cell, so KPI Align could not ${DOING[action]}. Finish editing the cell (press Enter or Esc) and try again.`,
  accessDenied: (action: ActionName) =>
    `Excel refused to let KPI Align ${DOING[action]}: a sheet or the workbook's structure is protected. Unprotect it (Review > Unprotect Sheet or Protect Workbook) and try again.`,
  apiMissing: (action: ActionName) =>
    `This version of Excel lacks a feature KPI Align needs to ${DOING[action]}. Use Excel for Microsoft 365, Excel 2021 or later, or Excel on the web.`,
  payload: (action: ActionName) =>
    `The tables are too large for KPI Align to ${DOING[action]} in Excel on the web, which limits each exchange to 5 MB. Try again in Excel for Windows or Mac, or split the cascade over several workbooks.`,
  changed: (action: ActionName) =>
    `The workbook changed while KPI Align tried to ${DOING[action]} (a sheet or table was renamed, moved or removed). Check again, then try once more.`,
  busy: (action: ActionName) =>
    `Excel is busy (a calculation, another add-in or a co-author is changing the workbook), so KPI Align could not ${DOING[action]}. Wait a moment and try again.`,
  unexpected: (action: ActionName, detail: string) =>
    `Excel could not ${DOING[action]}: ${detail} Try again; if it keeps happening, save the workbook, reopen it and try once more.`,

  unsupported: (feature: string, version: string) =>
    `${feature} needs a newer Excel (ExcelApi ${version}: Excel for Microsoft 365, Excel 2021 or later, or Excel on the web).`,

  protectedSheet: (sheet: string, table: string) =>
    `The sheet "${sheet}" is protected, so the results of table "${table}" were not written. Unprotect the sheet (Review > Unprotect Sheet) and write again.`,
  protectedSheetRemove: (sheet: string, table: string) =>
    `The sheet "${sheet}" is protected, so KPI Align's columns in table "${table}" were left in place. Unprotect the sheet (Review > Unprotect Sheet) and remove again.`,
  rowsChanged: (table: string, checked: number, now: number) =>
    `Table "${table}" has ${now} rows now, not the ${checked} that were checked, so its results were not written. Check again and write.`,
  cellsInTheWay: (sheet: string, address: string, table: string) =>
    `There are filled cells in ${sheet}!${address}, where the new columns of table "${table}" would go; table "${table}" was left unchanged. Move those cells and write again.`,
  cellsWouldMove: (sheet: string, column: string, table: string) =>
    `Table "${table}" on sheet "${sheet}" has cells to its right on the same rows (as far as column ${column}), and this version of Excel can add columns to a table only by moving them; table "${table}" was left unchanged. Move those cells, or write from Excel for Microsoft 365 or Excel on the web, which add the columns without moving anything.`,
  plainRange: (sheet: string) =>
    `The results on sheet "${sheet}" were written by the command-line checker into a plain range, not a table; the add-in leaves them. Delete those columns by hand if you no longer want them.`,

  notEmpty: (sheet: string) =>
    `The sample scorecard goes into an empty workbook, and this one has data (sheet "${sheet}"). Open a new blank workbook (File > New) and insert the sample there.`,
  notEmptyTables: () =>
    'The sample scorecard goes into an empty workbook, and this one has tables. Open a new blank workbook (File > New) and insert the sample there.',
  importBlocked: () =>
    'The import plan has errors (see the list), so nothing was imported. Fix them or take those files off the list, then import again.',
  importNameTaken: (kind: 'sheet' | 'table', name: string) =>
    `This workbook now has a ${kind} named "${name}", which the import planned to use, so nothing was imported. Choose the files again to make a new plan.`,
  importFailed: (file: string, reason: string) =>
    `${file} could not be imported, so nothing was imported (the sheets already inserted from other files were removed). ${reason}`,
  importLeftOver: (file: string, reason: string, sheets: string[]) =>
    `${file} could not be imported. ${reason} KPI Align could not take out the sheets it had already inserted: delete ${sheets.map((sheet) => `"${sheet}"`).join(', ')} and import again.`,
  importNotPlanned: (file: string) => `${file} is not in the import plan, so nothing was imported. Choose the files again to make a new plan.`,
  noSuchSheet: (sheet: string) => `The sheet "${sheet}" is no longer in this workbook. Check again to refresh the list.`,
  sheetExists: (sheet: string) =>
    `There is already a sheet named "${sheet}", so the team sheet was not added. Choose another team name, or rename that sheet, and try again.`,
  tableExists: (table: string) =>
    `The name "${table}" is already used by a table or a defined name in this workbook, so the team sheet was not added. Choose another team name and try again.`,
  teamSheetUndone: (cause: string) => `${cause.replace(/\.?$/, '.')} Nothing was added: the team sheet and its lists were taken out again.`,
  teamSheetLeftOver: (cause: string, sheet: string) =>
    `${cause.replace(/\.?$/, '.')} KPI Align could not take out what it had added: delete the sheet "${sheet}" (and the hidden sheet "${LISTS_SHEET}" if you have no other team sheet) and try again.`,
  badAddress: (address: string) => `"${address}" is not a cell address KPI Align can go to. Check again to refresh the list.`,
};
