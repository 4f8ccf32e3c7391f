/**
 * Where a table's computed columns go: the table's extent, which existing
 * columns are ours (updated in place) and which are appended on its right, and
 * whether anything is in the way of the appended ones.
 */
import { placeComputedColumns } from '../core/ownership';
import type { CellValue } from '../core/types';
import { cellAddress, formatRange, MAX_COLUMN, parseRange, rangesOverlap, type CellRange } from './cell-address';
import { cellValue } from './cell-values';
import { writeNoteMessages as say } from './write-notes';
import { plainRangeOf, type LoadedSheet } from './read';
import { isFilled, type ScannedCell } from './sheet-scan';
import { dataRows, type TableInfo } from './tables';
import type { CellContext, WorkbookInfo } from './workbook';

export interface Target {
  sheet: LoadedSheet;
  table: TableInfo | null;
  /** The header row, or null for a table whose header row is turned off. */
  headerRow: number | null;
  firstRow: number;
  lastRow: number;
  /** The rows new columns span: the whole table with its totals row, or header..last data row. */
  top: number;
  bottom: number;
  right: number;
  /** The existing columns and their headers (a table's column names; a plain sheet's header cells). */
  columns: { col: number; name: string }[];
  /** The style index of the last header cell, copied to our header cells (null: none). */
  headerStyle: number | null;
}

export interface ResolvedColumn {
  col: number;
  name: string;
  appended: boolean;
}

function headerText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  return value instanceof Date ? value.toISOString() : String(value);
}

/** The target of a write, or the reason it cannot be written. */
export function locateTarget(
  sheet: LoadedSheet,
  tableName: string | null,
  info: WorkbookInfo,
  context: CellContext,
): Target | string {
  const sheetName = sheet.entry.name;
  const headerCells = (row: number) => sheet.rowsByNumber.get(row)?.cells ?? [];
  /** The style of the rightmost header cell at or left of `right`. */
  const lastStyle = (row: number, right: number) => {
    let last: ScannedCell | null = null;
    for (const cell of headerCells(row)) if (cell.col <= right && (!last || cell.col > last.col)) last = cell;
    return last && last.style > 0 ? last.style : null;
  };
  if (tableName !== null) {
    const table = sheet.tables.find((candidate) => candidate.name.toLowerCase() === tableName.toLowerCase());
    if (!table) return say.tableMissing(tableName, sheetName);
    if (table.tableType !== 'worksheet') return say.dataSourceTable(tableName);
    const { first, last } = dataRows(table);
    const headerRow = table.headerRowCount > 0 ? table.ref.top : null;
    return {
      sheet,
      table,
      headerRow,
      firstRow: first,
      lastRow: last,
      top: table.ref.top,
      bottom: table.ref.bottom,
      right: table.ref.right,
      columns: table.columns.map((column, i) => ({ col: table.ref.left + i, name: column.name })),
      headerStyle: headerRow === null ? null : lastStyle(headerRow, table.ref.right),
    };
  }
  if (sheet.tables.length > 0) return say.sheetHasTables(sheetName);
  const range = plainRangeOf(sheet, info, context);
  if (!range) return say.emptySheet(sheetName);
  return {
    sheet,
    table: null,
    headerRow: range.headerRow,
    firstRow: range.headerRow + 1,
    lastRow: range.lastRow,
    top: range.headerRow,
    bottom: range.lastRow,
    right: range.right,
    columns: headerCells(range.headerRow)
      .filter((cell) => cell.col >= range.left && cell.col <= range.right && isFilled(cell))
      .map((cell) => ({ col: cell.col, name: headerText(cellValue(cell, context)) })),
    headerStyle: lastStyle(range.headerRow, range.right),
  };
}

/** Our column for each header, by the rule the add-in follows too (core's placeComputedColumns). */
export function resolveColumns(target: Target, headers: string[], owned: readonly string[]): ResolvedColumn[] {
  let next = target.right;
  const placements = placeComputedColumns(target.columns.map((column) => column.name), headers, owned);
  return placements.map(({ name, existingIndex }) =>
    existingIndex === null ? { col: ++next, name, appended: true } : { col: target.columns[existingIndex].col, name, appended: false },
  );
}

/** Why the appended columns cannot be written, or null when their cells are free. */
export function findObstacle(target: Target, count: number, claimed: readonly CellRange[]): string | null {
  if (count === 0) return null;
  const region: CellRange = { left: target.right + 1, right: target.right + count, top: target.top, bottom: target.bottom };
  const what = target.table ? `table "${target.table.name}"` : `sheet "${target.sheet.entry.name}"`;
  if (region.right > MAX_COLUMN) return say.noRoom(what, count);
  for (let r = region.top; r <= region.bottom; r++) {
    const cell = target.sheet.rowsByNumber
      .get(r)
      ?.cells.find((candidate) => candidate.col >= region.left && candidate.col <= region.right && isFilled(candidate));
    if (cell) return say.cellInTheWay(target.sheet.entry.name, cellAddress(cell.col, r), what);
  }
  const other = target.sheet.tables.find((table) => table !== target.table && rangesOverlap(table.ref, region));
  if (other) return say.tableInTheWay(other.name, what);
  for (const merge of target.sheet.part.text.matchAll(/<(?:[\w.-]+:)?mergeCell(?=[\s>/])[^>]*?\bref="([^"]+)"/g)) {
    const range = parseRange(merge[1]);
    if (range && rangesOverlap(range, region)) return say.mergeInTheWay(formatRange(range), what);
  }
  if (claimed.some((range) => rangesOverlap(range, region))) return say.writtenTwice(what);
  return null;
}
