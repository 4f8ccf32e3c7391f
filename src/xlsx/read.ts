/**
 * readWorkbook: an .xlsx file's bytes in, the engine's plain tables out. Each
 * Excel table is one SourceTable; a worksheet without tables is one SourceTable
 * over its used range (see plain-range.ts). Empty sheets, chart sheets and dialog
 * sheets give nothing.
 */
import { cellReference } from '../core/addresses';
import type { SettingsInput } from '../core/settings';
import type { CellValue, SourceTable } from '../core/types';
import { cellAddress, parseRange, type CellRange } from './cell-address';
import { cellValue } from './cell-values';
import { WorkbookReadError } from './errors';
import { sameName } from '../core/ownership';
import { LISTS_SHEET } from '../core/team-sheet';
import { damaged, openPackage, readPart, type XlsxPackage } from './package';
import { findPlainRange, type PlainRange } from './plain-range';
import { scanSheet, type ScannedRow, type SheetScan } from './sheet-scan';
import { dataRows, readSheetTables, type TableInfo } from './tables';
import { readCellContext, readWorkbookInfo, type CellContext, type WorkbookInfo, type WorksheetEntry } from './workbook';
import type { PartText } from './xml-text';

export interface LoadedSheet {
  entry: WorksheetEntry;
  part: PartText;
  scan: SheetScan;
  rowsByNumber: Map<number, ScannedRow>;
  tables: TableInfo[];
}

export function loadSheet(pkg: XlsxPackage, entry: WorksheetEntry): LoadedSheet | null {
  const part = readPart(pkg, entry.path);
  if (part === null) return null;
  const scan = scanSheet(part.text);
  const rowsByNumber = new Map<number, ScannedRow>();
  for (const row of scan.rows) rowsByNumber.set(row.r, row);
  return { entry, part, scan, rowsByNumber, tables: readSheetTables(pkg, entry.path, part.text) };
}

/** The plain range of a sheet without tables, counting the columns the marker says are ours. */
export function plainRangeOf(sheet: LoadedSheet, info: WorkbookInfo, context: CellContext): PlainRange | null {
  const marker = info.markers.find((candidate) => candidate.table === null && sameName(candidate.sheet, sheet.entry.name));
  const owned = new Set((marker?.headers ?? []).map((header) => header.trim().toLowerCase()));
  return findPlainRange(sheet.scan.rows, owned, (cell) => cellValue(cell, context), mergedRanges(sheet.part.text));
}

/** The sheet's merged ranges (`<mergeCell ref="C4:D4"/>`): a merged header cell may have its sub-header below it. */
function mergedRanges(text: string): CellRange[] {
  const ranges: CellRange[] = [];
  for (const merge of text.matchAll(/<(?:[\w.-]+:)?mergeCell(?=[\s>/])[^>]*?\bref="([^"]+)"/g)) {
    const range = parseRange(merge[1]);
    if (range) ranges.push(range);
  }
  return ranges;
}

/**
 * Reads every cascade candidate of the workbook. Throws only WorkbookReadError:
 * content the reader does not expect is skipped, never a crash.
 */
export function readWorkbook(bytes: Uint8Array, workbookName: string): SourceTable[] {
  return readWorkbookContents(bytes, workbookName).tables;
}

export interface WorkbookContents {
  tables: SourceTable[];
  /** The settings the add-in stored in the workbook, or null when it has none. */
  settings: SettingsInput | null;
  /**
   * Formula cells with no calculated value ("Sheet!A1"), which read as blank: the file was written by
   * a program that does not calculate (openpyxl, for one) and never opened in Excel since.
   */
  uncalculated: string[];
  /** Every worksheet's name in tab order, LISTS_SHEET included (an import plan says it is left out). */
  sheets: string[];
}

/** The cascade candidates and the stored settings of a workbook. Throws only WorkbookReadError. */
export function readWorkbookContents(bytes: Uint8Array, workbookName: string): WorkbookContents {
  try {
    const pkg = openPackage(bytes, workbookName);
    const info = readWorkbookInfo(pkg);
    const context = readCellContext(pkg, info);
    const tables: SourceTable[] = [];
    const uncalculated: string[] = [];
    for (const entry of info.worksheets) {
      // Our dropdowns' choices (a team template's hidden sheet) are not part of the cascade.
      if (sameName(entry.name, LISTS_SHEET)) continue;
      const sheet = loadSheet(pkg, entry);
      if (!sheet) continue;
      tables.push(...sourceTablesOf(sheet, info, context, workbookName));
      for (const row of sheet.scan.rows) {
        for (const cell of row.cells) {
          if (cell.formula && cell.inline === null && (cell.value === null || cell.value === '')) uncalculated.push(cellReference(entry.name, cell.col, row.r));
        }
      }
    }
    return { tables, settings: info.settings, uncalculated, sheets: info.worksheets.map((entry) => entry.name) };
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw damaged(workbookName, (error as Error).message);
  }
}

function sourceTablesOf(sheet: LoadedSheet, info: WorkbookInfo, context: CellContext, workbook: string): SourceTable[] {
  const source = (table: string | null, left: number, right: number, headerRow: number, header: CellValue[], last: number) => ({
    workbook,
    sheet: sheet.entry.name,
    table,
    origin: cellAddress(left, headerRow),
    header,
    rows: readRows(sheet, context, left, right, headerRow + 1, last),
  });
  if (sheet.tables.length > 0) {
    return sheet.tables.map((table) => {
      // Without a header row, the origin is the row above the data, so data row i stays at origin + 1 + i.
      const headerRow = table.headerRowCount > 0 ? table.ref.top : table.ref.top - 1;
      const header = tableHeader(sheet, context, table);
      return source(table.name, table.ref.left, table.ref.right, headerRow, header, dataRows(table).last);
    });
  }
  const range = plainRangeOf(sheet, info, context);
  if (!range) return [];
  const { left, right, headerRow, header, lastRow } = range;
  return [source(null, left, right, headerRow, header, lastRow)];
}

/** The header cells, falling back to the table's column names where a cell is empty (or there is no header row). */
function tableHeader(sheet: LoadedSheet, context: CellContext, table: TableInfo): CellValue[] {
  const { left, right, top } = table.ref;
  const cells =
    table.headerRowCount > 0
      ? readRows(sheet, context, left, right, top, top)[0]
      : new Array<CellValue>(right - left + 1).fill(null);
  return cells.map((value, i) => (value === null || value === '' ? table.columns[i]?.name ?? null : value));
}

/** Rows first..last, columns left..right, as values; missing cells are null. */
function readRows(
  sheet: LoadedSheet,
  context: CellContext,
  left: number,
  right: number,
  first: number,
  last: number,
): CellValue[][] {
  const width = right - left + 1;
  const rows: CellValue[][] = [];
  for (let r = first; r <= last; r++) {
    const values = new Array<CellValue>(width).fill(null);
    for (const cell of sheet.rowsByNumber.get(r)?.cells ?? []) {
      if (cell.col >= left && cell.col <= right) values[cell.col - left] = cellValue(cell, context);
    }
    rows.push(values);
  }
  return rows;
}
