/**
 * Removes exactly what writing added: the columns each marker lists that still exist in its table
 * (their cells, formats and Status colours go with them) and the markers themselves. Sync 1 loads
 * the markers and every table's columns; sync 2 deletes. A table on a protected sheet keeps its
 * columns and its marker, and the outcome says why. A marker whose table is gone is deleted.
 *
 * When our columns are the table's last ones (as writing leaves them) and ExcelApi 1.13 is there,
 * the table gives them up through `Table.resize` and their cells are cleared, so nothing beside the
 * table moves, the mirror of how they were added; their data validation (the guard write.ts sets) is
 * cleared by name, since `Range.clear`'s documentation does not say whether "All" takes it. Otherwise
 * each column is deleted, which shifts what lies right of it on the table's rows back left (with
 * their validation; a deleted column's goes with it); writing without `resize` made sure nothing lay
 * there, but a person may have added a column after ours since.
 */

import { sameName } from '../core';
import { say } from './messages';
import { isOwned, markersFrom } from './ownership';
import type { ProgressListener, RemoveOutcome } from './types';

export async function removeColumns(context: Excel.RequestContext, canResize: boolean, onProgress: ProgressListener): Promise<RemoveOutcome> {
  onProgress(0, 0, 'Looking for KPI Align’s columns…');
  const names = context.workbook.names.load('items/name,items/formula,items/visible');
  const tables = context.workbook.tables.load('items/name,items/showHeaders,items/worksheet/name,items/worksheet/protection/protected,items/columns/items/name');
  await context.sync();

  const skipped: { table: string; reason: string }[] = [];
  const outcome: RemoveOutcome = { tables: [], columns: 0, skipped };
  let changes = 0;
  for (const marker of markersFrom(names.items.map((item) => ({ name: item.name, formula: item.formula, visible: item.visible })))) {
    if (marker.table === null) {
      skipped.push({ table: marker.sheet, reason: say.plainRange(marker.sheet) });
      continue;
    }
    const table = tables.items.find((candidate) => sameName(candidate.worksheet.name, marker.sheet) && sameName(candidate.name, marker.table));
    if (table?.worksheet.protection.protected) {
      skipped.push({ table: table.name, reason: say.protectedSheetRemove(table.worksheet.name, table.name) });
      continue;
    }
    if (table) {
      const names = table.columns.items.map((column) => column.name);
      const ours = names.filter((name) => isOwned(name, marker.headers));
      const last = ours.length > 0 && ours.length < names.length && names.slice(-ours.length).every((name) => isOwned(name, marker.headers));
      if (canResize && table.showHeaders && last) {
        table.resize(table.getRange().getResizedRange(0, -ours.length));
        const given = table.getRange().getColumnsAfter(ours.length);
        given.clear('All');
        given.dataValidation.clear();
      } else {
        for (const name of ours) table.columns.getItem(name).delete();
      }
      if (ours.length > 0) outcome.tables.push(table.name);
      outcome.columns += ours.length;
    }
    context.workbook.names.getItem(marker.definedName).delete();
    changes++;
  }
  if (changes > 0) {
    onProgress(1, 2, 'Removing the columns…');
    await context.sync();
    onProgress(2, 2, 'Results removed');
  }
  return outcome;
}
