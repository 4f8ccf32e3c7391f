/**
 * The workbook behind the proxies: sheets, tables, defined names, conditional formats, the
 * selection, and what changed since the last notification. Proxies read and change it only while
 * a sync runs, in the order their actions were queued, as Excel does.
 */

import { containsCell, intersects, type Rect } from './addresses';
import { ModelError } from './errors';
import { SheetState } from './sheet';

export interface TableState {
  id: string;
  name: string;
  sheet: SheetState;
  top: number;
  left: number;
  columns: string[];
  bodyRows: number;
  showHeaders: boolean;
  showTotals: boolean;
}

export interface NameState {
  name: string;
  formula: string;
  visible: boolean;
  comment: string;
}

export type ConditionalRule =
  | { operator: string; text: string }
  | { operator: string; formula1: string; formula2?: string }
  /** A custom rule: a formula that is true for the cells to format. */
  | { formula: string };

export interface ConditionalFormatState {
  id: string;
  sheet: SheetState;
  rect: Rect;
  type: 'ContainsText' | 'CellValue' | 'Custom';
  rule: ConditionalRule | null;
  fill: string | null;
  font: string | null;
}

export type ChangeType = 'RangeEdited' | 'ColumnInserted' | 'ColumnDeleted';

export interface Change {
  sheet: SheetState;
  rect: Rect;
  changeType: ChangeType;
  /** The table a column was added to or deleted from (its rectangle no longer tells). */
  tableId?: string;
}

export type EventTarget = { kind: 'tables' } | { kind: 'table'; id: string } | { kind: 'worksheet'; id: string };

export interface EventRegistration {
  target: EventTarget;
  handler: (args: Record<string, unknown>) => unknown;
}

export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly names: NameState[] = [];
  readonly formats: ConditionalFormatState[] = [];
  readonly registrations: EventRegistration[] = [];
  activeSheet!: SheetState;
  selection!: { sheet: SheetState; rect: Rect };
  cellEditMode = false;
  private lastId = 0;
  private changes: Change[] = [];
  private dirty = false;
  private readonly listeners = new Set<() => void>();

  newId(prefix: string): string {
    return `${prefix}${++this.lastId}`;
  }

  addSheet(name: string): SheetState {
    const sheet = new SheetState(this.newId('{sheet-'), name);
    this.sheets.push(sheet);
    if (!this.activeSheet) {
      this.activeSheet = sheet;
      this.selection = { sheet, rect: { top: 0, left: 0, rows: 1, cols: 1 } };
    }
    return sheet;
  }

  sheetNamed(name: string): SheetState | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === key);
  }

  tableNamed(name: string): TableState | undefined {
    const key = name.toLowerCase();
    return this.tables.find((table) => table.name.toLowerCase() === key);
  }

  nameNamed(name: string): NameState | undefined {
    const key = name.toLowerCase();
    return this.names.find((item) => item.name.toLowerCase() === key);
  }

  tablesOn(sheet: SheetState): TableState[] {
    return this.tables.filter((table) => table.sheet === sheet);
  }

  tableAt(sheet: SheetState, row: number, col: number): TableState | undefined {
    return this.tablesOn(sheet).find((table) => containsCell(tableRect(table), row, col));
  }

  /** Protected sheets refuse every change to their cells and tables with AccessDenied. */
  assertWritable(sheet: SheetState, location: string): void {
    if (sheet.protected) throw new ModelError('AccessDenied', location, `the sheet "${sheet.name}" is protected`);
  }

  /** A change to values or structure: re-render the preview and, for cell changes, fire onChanged. */
  record(change: Change | null): void {
    this.dirty = true;
    if (change) this.changes.push(change);
  }

  /** A change that fires no onChanged event (formats, names, selection). */
  touch(): void {
    this.dirty = true;
  }

  /** Hands the changes since the last call to `dispatch`, then tells subscribers. */
  flush(dispatch: (changes: Change[]) => void): void {
    if (!this.dirty) return;
    const changes = this.changes;
    this.changes = [];
    this.dirty = false;
    if (changes.length > 0) dispatch(changes);
    for (const listener of [...this.listeners]) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** The whole table: header row (when shown), data rows, totals row (when shown). */
export function tableRect(table: TableState): Rect {
  const rows = (table.showHeaders ? 1 : 0) + table.bodyRows + (table.showTotals ? 1 : 0);
  return { top: table.top, left: table.left, rows, cols: table.columns.length };
}

export function headerRect(table: TableState): Rect | null {
  return table.showHeaders ? { top: table.top, left: table.left, rows: 1, cols: table.columns.length } : null;
}

export function bodyRect(table: TableState): Rect {
  return { top: table.top + (table.showHeaders ? 1 : 0), left: table.left, rows: table.bodyRows, cols: table.columns.length };
}

/** The formats lying on a rectangle of a sheet. */
export function formatsOn(state: WorkbookState, sheet: SheetState, rect: Rect): ConditionalFormatState[] {
  return state.formats.filter((format) => format.sheet === sheet && intersects(format.rect, rect));
}
