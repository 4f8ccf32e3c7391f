/**
 * What happens to a sheet when a table is created or gains or loses a column: cells move, other
 * tables and conditional formats beside it move with them, header cells and column names agree.
 *
 * A column added to a table inserts cells (shift right) over the table's rows, so cells to the right
 * of the table on those rows move one column right: Excel's error table says TableColumnCollection.add
 * works on "(number of table rows) x (16383 - (number of table columns))" cells. A deleted column
 * shifts them back, as "Delete Table Columns" does. Cells move with their data validation, and a
 * deleted column's validation goes with it (SheetState.insertCells, deleteCells). Assumed from the
 * Excel UI, not documented for the API: a table beside it that the shift would cut in two makes the
 * operation fail with InsertDeleteConflict; a column name already in use gets a number appended
 * ("Status2"), as when a header is typed twice. `Table.resize` (ExcelApi 1.13) moves nothing: the
 * table takes in or gives up cells; the model asks the new range to keep the table's top-left cell
 * (Excel asks only that it overlap the table and keep the header row).
 */

import { containsRect, MAX_COLUMNS, type Rect } from './addresses';
import { displayText, type Cell } from './cells';
import { ModelError } from './errors';
import type { SheetState } from './sheet';
import { headerRect, tableRect, type TableState, type WorkbookState } from './state';

/** Excel's rule for defined names and table names: a letter, "_" or "\" first, no spaces, not a cell reference. */
export function isValidName(name: string): boolean {
  return (
    name.length > 0 && name.length <= 255 &&
    /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[rRcC]$/.test(name) && !/^[rR]\d*[cC]\d*$/.test(name)
  );
}

export function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name) && name.toLowerCase() !== 'history';
}

/** Table names share one namespace with defined names. */
export function assertFreeTableName(state: WorkbookState, name: string, self: TableState | null, location: string): void {
  if (!isValidName(name)) throw new ModelError('InvalidArgument', location, `"${name}" is not a valid table name`);
  const other = state.tableNamed(name);
  if ((other && other !== self) || state.nameNamed(name)) throw new ModelError('InvalidArgument', location, `the name "${name}" is taken`);
}

function uniqueColumnName(wanted: string, taken: string[]): string {
  const used = new Set(taken.map((name) => name.toLowerCase()));
  if (!used.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!used.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

/** Header cells are the column names: blank ones become "Column1"…, repeats get a number. */
export function namesFromHeader(cells: (Cell | undefined)[], count: number): string[] {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = displayText(cells[i]).trim();
    names.push(uniqueColumnName(text === '' ? `Column${i + 1}` : text, names));
  }
  return names;
}

/** After header cells were written: the names follow, and the cells show the names (Excel keeps headers as text). */
export function syncHeaderNames(table: TableState): void {
  const header = headerRect(table);
  if (!header) return;
  const cells = table.columns.map((_, i) => table.sheet.get(header.top, header.left + i));
  table.columns = namesFromHeader(cells, table.columns.length);
  writeHeaderCells(table);
}

function writeHeaderCells(table: TableState): void {
  const header = headerRect(table);
  if (!header) return;
  table.columns.forEach((name, i) => {
    const previous = table.sheet.get(header.top, header.left + i);
    table.sheet.set(header.top, header.left + i, { ...previous, value: name, formula: undefined });
  });
}

export function addTable(state: WorkbookState, sheet: SheetState, rect: Rect, location: string): TableState {
  state.assertWritable(sheet, location);
  if (state.tablesOn(sheet).some((table) => overlaps(tableRect(table), rect))) throw new ModelError('MergedRangeConflict', location);
  let name = '';
  for (let n = 1; name === '' || state.tableNamed(name) || state.nameNamed(name); n++) name = `Table${n}`;
  const cells = Array.from({ length: rect.cols }, (_, i) => sheet.get(rect.top, rect.left + i));
  const table: TableState = {
    id: state.newId('{table-'),
    name,
    sheet,
    top: rect.top,
    left: rect.left,
    columns: namesFromHeader(cells, rect.cols),
    // A table always has a data row: one made of a header alone gets an empty row below it.
    bodyRows: Math.max(1, rect.rows - 1),
    showHeaders: true,
    showTotals: false,
  };
  writeHeaderCells(table);
  state.tables.push(table);
  state.record({ sheet, rect: tableRect(table), changeType: 'RangeEdited' });
  return table;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols;
}

/** The other tables and formats on rows top..bottom at or right of `col`; throws when one would be cut. */
function besideOnRows(state: WorkbookState, table: TableState, col: number) {
  const rows = tableRect(table);
  const strip: Rect = { top: rows.top, left: col, rows: rows.rows, cols: MAX_COLUMNS - col };
  const tables = state.tablesOn(table.sheet).filter((other) => other !== table && overlaps(tableRect(other), strip));
  for (const other of tables) {
    const r = tableRect(other);
    if (r.top < rows.top || r.top + r.rows > rows.top + rows.rows) throw new ModelError('InsertDeleteConflict', 'TableColumnCollection.add');
  }
  const formats = state.formats.filter((format) => format.sheet === table.sheet && overlaps(format.rect, strip));
  return { tables, formats, strip };
}

export function addColumn(state: WorkbookState, table: TableState, index: number | null, name: string | null, values: unknown[][] | null): void {
  const location = 'TableColumnCollection.add';
  state.assertWritable(table.sheet, location);
  const at = index === null || index === -1 ? table.columns.length : index;
  if (!Number.isInteger(at) || at < 0 || at > table.columns.length) throw new ModelError('InvalidArgument', location, `index ${index}`);
  const rows = tableRect(table);
  if (values && (values.length !== rows.rows || values.some((row) => !Array.isArray(row) || row.length !== 1))) {
    throw new ModelError('InvalidArgument', location, `values must be ${rows.rows} rows of 1 column`);
  }
  const col = table.left + at;
  // A loop, not Math.max(...): a table can have a million rows, past the argument limit.
  let lastUsed = 0;
  for (let r = 0; r < rows.rows; r++) lastUsed = Math.max(lastUsed, table.sheet.rows.get(rows.top + r)?.length ?? 0);
  if (lastUsed >= MAX_COLUMNS) throw new ModelError('NonBlankCellOffSheet', location);
  const { tables, formats } = besideOnRows(state, table, col);
  table.sheet.insertCells(col, rows.top, rows.rows);
  for (const other of tables) other.left++;
  for (const format of formats) {
    if (format.rect.left >= col) format.rect = { ...format.rect, left: format.rect.left + 1 };
    else format.rect = { ...format.rect, cols: format.rect.cols + 1 };
  }
  const headerValue = values && table.showHeaders ? String(values[0][0] ?? '') : '';
  const wanted = name ?? (headerValue !== '' ? headerValue : `Column${at + 1}`);
  table.columns.splice(at, 0, uniqueColumnName(wanted, table.columns));
  writeHeaderCells(table);
  if (values) {
    values.forEach((row, r) => {
      if (r === 0 && table.showHeaders) return;
      const value = row[0];
      if (value !== null && value !== undefined && value !== '') table.sheet.set(rows.top + r, col, { value: value as Cell['value'] });
    });
  }
  state.record({ sheet: table.sheet, rect: { top: rows.top, left: col, rows: rows.rows, cols: 1 }, changeType: 'ColumnInserted', tableId: table.id });
}

export function deleteColumn(state: WorkbookState, table: TableState, index: number): void {
  const location = 'TableColumn.delete';
  state.assertWritable(table.sheet, location);
  if (table.columns.length === 1) throw new ModelError('InvalidOperation', location, 'a table keeps at least one column');
  const rows = tableRect(table);
  const col = table.left + index;
  const gone: Rect = { top: rows.top, left: col, rows: rows.rows, cols: 1 };
  const { tables, formats } = besideOnRows(state, table, col);
  table.sheet.deleteCells(col, rows.top, rows.rows);
  for (const other of tables) other.left--;
  for (const format of formats) {
    if (containsRect(gone, format.rect)) state.formats.splice(state.formats.indexOf(format), 1);
    else if (format.rect.left > col) format.rect = { ...format.rect, left: format.rect.left - 1 };
    else format.rect = { ...format.rect, cols: format.rect.cols - 1 };
  }
  table.columns.splice(index, 1);
  state.record({ sheet: table.sheet, rect: gone, changeType: 'ColumnDeleted', tableId: table.id });
}

export function resizeTable(state: WorkbookState, table: TableState, rect: Rect): void {
  const location = 'Table.resize';
  state.assertWritable(table.sheet, location);
  const fixedRows = (table.showHeaders ? 1 : 0) + (table.showTotals ? 1 : 0);
  if (rect.top !== table.top || rect.left !== table.left || rect.rows <= fixedRows || rect.cols < 1) {
    throw new ModelError('InvalidArgument', location, 'the new range must keep the table\'s top-left cell and a data row');
  }
  if (state.tablesOn(table.sheet).some((other) => other !== table && overlaps(tableRect(other), rect))) throw new ModelError('MergedRangeConflict', location);
  const before = tableRect(table);
  const header = headerRect(table);
  const kept = table.columns.slice(0, Math.min(rect.cols, table.columns.length));
  const added = Array.from({ length: Math.max(0, rect.cols - table.columns.length) }, (_, i) => table.sheet.get(rect.top, rect.left + kept.length + i));
  table.columns = header ? [...kept, ...namesFromHeader([...kept.map((name) => ({ value: name })), ...added], rect.cols).slice(kept.length)] : [...kept, ...added.map((_, i) => `Column${kept.length + i + 1}`)];
  table.bodyRows = rect.rows - fixedRows;
  writeHeaderCells(table);
  const changed: Rect = { top: rect.top, left: rect.left, rows: Math.max(rect.rows, before.rows), cols: Math.max(rect.cols, before.cols) };
  state.record({ sheet: table.sheet, rect: changed, changeType: 'RangeEdited', tableId: table.id });
}
