/**
 * What a model workbook starts with: sheets with cells, tables, defined names. `workbookSpecFromTables`
 * lays the engine's plain tables out one sheet each, as a person would have them in Excel: ISO
 * dates stored as serial numbers with a date format, header row at the table's origin.
 */

import type { SourceTable } from '../../core';
import { parseCell, parseRange } from './addresses';
import { ISO_DATE_FORMAT, serialFromIsoDate, type Cell, type Scalar } from './cells';
import type { SheetState } from './sheet';
import { tableRect, type WorkbookState } from './state';
import { addTable, assertFreeTableName, isValidSheetName } from './table-ops';

export interface CellSpec {
  value?: Scalar;
  formula?: string;
  numberFormat?: string;
}

export interface SheetSpec {
  name: string;
  /** Cells by A1 address: a value, or a value with a formula and a number format. */
  cells?: Record<string, Scalar | CellSpec>;
  protected?: boolean;
}

export interface TableSpec {
  name: string;
  sheet: string;
  /** The header row's first cell, "A1". */
  origin: string;
  header: string[];
  rows: (Scalar | null)[][];
  /** Number formats by column header, applied to the column's data cells. */
  numberFormats?: Record<string, string>;
}

export interface NameSpec {
  name: string;
  formula: string;
  visible?: boolean;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  tables?: TableSpec[];
  names?: NameSpec[];
  activeSheet?: string;
}

/** A blank workbook has one empty sheet, as Excel's has. */
export const BLANK_WORKBOOK: WorkbookSpec = { sheets: [{ name: 'Sheet1' }] };

function cellFromSpec(spec: Scalar | CellSpec): Cell | undefined {
  if (typeof spec !== 'object') return spec === '' ? undefined : { value: spec };
  const cell: Cell = { value: spec.value ?? (spec.formula ? '#NAME?' : '') };
  if (spec.formula) cell.formula = spec.formula;
  if (spec.numberFormat && spec.numberFormat !== 'General') cell.format = spec.numberFormat;
  return cell.value === '' && !cell.formula && !cell.format ? undefined : cell;
}

export function buildState(state: WorkbookState, spec: WorkbookSpec): void {
  if (spec.sheets.length === 0) throw new Error('A workbook has at least one sheet.');
  for (const sheetSpec of spec.sheets) {
    if (!isValidSheetName(sheetSpec.name) || state.sheetNamed(sheetSpec.name)) throw new Error(`The sheet name "${sheetSpec.name}" is not valid or is used twice.`);
    const sheet = state.addSheet(sheetSpec.name);
    sheet.protected = sheetSpec.protected ?? false;
    for (const [address, cellSpec] of Object.entries(sheetSpec.cells ?? {})) {
      const at = parseCell(address);
      if (!at) throw new Error(`"${address}" is not a cell address.`);
      sheet.set(at.row, at.col, cellFromSpec(cellSpec));
    }
  }
  for (const tableSpec of spec.tables ?? []) addSpecTable(state, tableSpec);
  for (const name of spec.names ?? []) state.names.push({ name: name.name, formula: name.formula, visible: name.visible ?? true, comment: '' });
  const active = spec.activeSheet ? state.sheetNamed(spec.activeSheet) : state.sheets[0];
  if (!active) throw new Error(`No sheet "${spec.activeSheet}".`);
  state.activeSheet = active;
  state.selection = { sheet: active, rect: { top: 0, left: 0, rows: 1, cols: 1 } };
}

function addSpecTable(state: WorkbookState, spec: TableSpec): void {
  const sheet = state.sheetNamed(spec.sheet);
  const origin = parseCell(spec.origin);
  if (!sheet || !origin) throw new Error(`Table "${spec.name}": no sheet "${spec.sheet}" or a bad origin "${spec.origin}".`);
  const write = (row: number, col: number, value: Scalar | null) => {
    if (value !== null && value !== '') sheet.set(row, col, { ...sheet.get(row, col), value });
  };
  spec.header.forEach((header, c) => write(origin.row, origin.col + c, header));
  spec.rows.forEach((row, r) => spec.header.forEach((_, c) => write(origin.row + 1 + r, origin.col + c, row[c] ?? null)));
  const rect = { top: origin.row, left: origin.col, rows: spec.rows.length + 1, cols: spec.header.length };
  const protectedSheet = sheet.protected;
  sheet.protected = false;
  assertFreeTableName(state, spec.name, null, `table "${spec.name}"`);
  const table = addTable(state, sheet, rect, `table "${spec.name}"`);
  sheet.protected = protectedSheet;
  table.name = spec.name;
  for (const [header, format] of Object.entries(spec.numberFormats ?? {})) formatColumn(sheet, rect, spec.header.indexOf(header), format);
  if (tableRect(table).rows !== rect.rows) throw new Error(`Table "${spec.name}" needs at least one data row.`);
}

function formatColumn(sheet: SheetState, rect: { top: number; left: number; rows: number }, index: number, format: string): void {
  if (index < 0) return;
  for (let r = rect.top + 1; r < rect.top + rect.rows; r++) {
    const previous = sheet.get(r, rect.left + index);
    sheet.set(r, rect.left + index, { ...(previous ?? { value: '' }), format });
  }
}

/**
 * The engine's tables as a workbook: one table per entry, on the sheet it names, at its origin.
 * Dates (Date objects and ISO text) become serial numbers formatted "yyyy-mm-dd", as Excel stores them.
 */
export function workbookSpecFromTables(tables: readonly SourceTable[]): WorkbookSpec {
  const sheets: SheetSpec[] = [];
  const specs: TableSpec[] = [];
  tables.forEach((table, index) => {
    if (!sheets.some((sheet) => sheet.name.toLowerCase() === table.sheet.toLowerCase())) sheets.push({ name: table.sheet });
    if (!parseRange(table.origin)) throw new Error(`Table "${table.table}": bad origin "${table.origin}".`);
    const dateColumns = new Set<number>();
    const rows = table.rows.map((row) =>
      table.header.map((_, c) => {
        const value = row[c];
        if (value === null || value === undefined) return null;
        if (value instanceof Date) {
          dateColumns.add(c);
          return serialFromIsoDate(value.toISOString().slice(0, 10));
        }
        if (typeof value === 'string') {
          const serial = serialFromIsoDate(value);
          if (serial !== null) {
            dateColumns.add(c);
            return serial;
          }
        }
        return value;
      }),
    );
    const header = table.header.map((cell) => (cell === null || cell === undefined ? '' : String(cell)));
    specs.push({
      name: table.table ?? `Table${index + 1}`,
      sheet: table.sheet,
      origin: table.origin,
      header,
      rows,
      numberFormats: Object.fromEntries([...dateColumns].map((c) => [header[c], ISO_DATE_FORMAT])),
    });
  });
  return { sheets: sheets.length > 0 ? sheets : BLANK_WORKBOOK.sheets, tables: specs };
}
