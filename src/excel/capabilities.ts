/**
 * Which features this Excel can do, from its requirement sets. The versions are those the Excel
 * JavaScript API reference gives for each member the feature uses; a missing set turns off only
 * the features that need it, each with a sentence the pane shows.
 *
 * - read, ExcelApi 1.2: `Table.worksheet` (1.2), `Range.getResizedRange` (1.2), collections loaded by
 *   path ("items/columns/items/name", 1.1). With 1.7 it also reads the ownership marker
 *   (`NamedItem.formula`) to skip KPI Align's own columns; without it they are read and ignored.
 * - write, ExcelApi 1.7: the marker is read and updated through `NamedItem.formula` (1.7); `names.add`,
 *   `TableColumnCollection.add` with a name and no index, `getUsedRangeOrNullObject` (1.4);
 *   conditional formats and `suspendApiCalculationUntilNextSync` (1.6); `Range.getColumnsAfter` (1.2).
 *   With ExcelApi 1.13 new columns join the table through `Table.resize`, which moves no cells
 *   (write-plan.ts); without it, a table with cells to its right is left unchanged. With ExcelApi 1.8
 *   our columns' cells also get a data validation that refuses typing (`Range.dataValidation`, 1.8);
 *   with 1.7 the results are written without it.
 * - remove, ExcelApi 1.7: `NamedItem.formula` (1.7), `NamedItem.delete` (1.4), `TableColumn.delete` (1.1);
 *   with 1.13, `Table.resize`, `Range.clear` and `DataValidation.clear` (1.8) when our columns are the
 *   table's last (a deleted column takes its validation with it).
 * - select, ExcelApi 1.1: `Worksheet.activate`, `Range.select`.
 * - settings, ExcelApi 1.7: a defined name read and written through `NamedItem.formula`.
 * - autoCheck, ExcelApi 1.7: `TableCollection.onChanged`.
 * - insertSample, ExcelApi 1.4: `Worksheet.getUsedRangeOrNullObject` (1.4), `tables.add` (1.1).
 * - teamSheet, ExcelApi 1.8: `Range.dataValidation` (1.8); `NamedItem.formula` (1.7) to re-point the
 *   lists' names; `Worksheet.visibility` and `Worksheet.delete` (1.1) for the hidden lists sheet and
 *   the undoing of a failed build; `getItemOrNullObject` (1.4).
 * - importSheets, ExcelApi 1.13: `Workbook.insertWorksheetsFromBase64`.
 * - markIssues, ExcelApi 1.6: custom conditional formats, `ConditionalFormat.customOrNullObject` and
 *   `ConditionalFormat.delete` (1.6); `WorksheetProtection.protected` (1.2).
 * - ownerReport, ExcelApi 1.7: our report sheets are recognised by hidden names read through
 *   `NamedItem.formula` (1.7); `Worksheet.delete` (1.1).
 */

import type { Capabilities, Feature, OfficeHost } from './types';
import { say } from './messages';

export const REQUIRED_EXCEL_API: Record<keyof Capabilities, string> = {
  read: '1.2',
  write: '1.7',
  remove: '1.7',
  select: '1.1',
  settings: '1.7',
  autoCheck: '1.7',
  insertSample: '1.4',
  teamSheet: '1.8',
  importSheets: '1.13',
  markIssues: '1.6',
  ownerReport: '1.7',
};

const FEATURE_NAMES: Record<keyof Capabilities, string> = {
  read: 'Reading the tables',
  write: 'Writing the results into the tables',
  remove: 'Removing the results',
  select: 'Going to a cell',
  settings: 'Keeping the settings in the workbook',
  autoCheck: 'Checking again when the tables change',
  insertSample: 'Inserting the sample scorecard',
  teamSheet: 'Adding a team sheet with dropdowns',
  importSheets: 'Importing team workbooks',
  markIssues: 'Marking the cells that have issues',
  ownerReport: 'Writing the owner report',
};

/** Whether the ownership marker can be read (to skip our own columns while reading). */
export const MARKER_EXCEL_API = '1.7';

/** `Range.dataValidation`: our columns' cells refuse typing (write.ts); below it they are written without. */
export const GUARD_EXCEL_API = '1.8';

/** `Table.resize`: columns join or leave a table without moving the cells beside it. */
export const RESIZE_EXCEL_API = '1.13';

export function capabilitiesOf(host: OfficeHost): Capabilities {
  const feature = (name: keyof Capabilities): Feature => {
    const version = REQUIRED_EXCEL_API[name];
    return host.isSetSupported('ExcelApi', version) ? { available: true } : { available: false, reason: say.unsupported(FEATURE_NAMES[name], version) };
  };
  return {
    read: feature('read'),
    write: feature('write'),
    remove: feature('remove'),
    select: feature('select'),
    settings: feature('settings'),
    autoCheck: feature('autoCheck'),
    insertSample: feature('insertSample'),
    teamSheet: feature('teamSheet'),
    importSheets: feature('importSheets'),
    markIssues: feature('markIssues'),
    ownerReport: feature('ownerReport'),
  };
}
