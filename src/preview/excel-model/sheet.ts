/** One worksheet's cells: rows of sparse arrays, so that inserting or deleting cells in a row is one splice. */

import { MAX_COLUMNS, type Rect } from './addresses';
import { isUsed, type Cell } from './cells';
import type { ValidationSettings } from './data-validation';

/** The key of a cell in SheetState.validations. */
export const validationKey = (row: number, col: number) => `${row}:${col}`;

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export class SheetState {
  readonly rows = new Map<number, (Cell | undefined)[]>();
  readonly hiddenRows = new Set<number>();
  protected = false;
  visibility: SheetVisibility = 'Visible';
  /** Data validation by cell ("row:col"); cells that share one setting share the object. */
  readonly validations = new Map<string, ValidationSettings>();

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(row: number, col: number): Cell | undefined {
    return this.rows.get(row)?.[col];
  }

  set(row: number, col: number, cell: Cell | undefined): void {
    let line = this.rows.get(row);
    if (!line) {
      if (cell === undefined) return;
      this.rows.set(row, (line = []));
    }
    line[col] = cell;
    if (cell === undefined && line.every((entry) => entry === undefined)) this.rows.delete(row);
  }

  /**
   * Excel's "insert cells, shift right" over rows top..top+rows-1: cells at `col` and right of it move
   * one column right, their validation with them. A new cell inside a run of cells set together (its
   * neighbours on both sides share one validation) joins it; at a run's edge it gets none. Assumed,
   * not documented: Excel widens a validated range that an insertion falls inside, as it does a reference.
   */
  insertCells(col: number, top: number, rows: number): void {
    for (let row = top; row < top + rows; row++) {
      const line = this.rows.get(row);
      if (line && line.length > col) {
        line.splice(col, 0, undefined);
        line.length = Math.min(line.length, MAX_COLUMNS);
      }
    }
    this.moveValidations(top, rows, col, 1);
    for (let row = top; row < top + rows; row++) {
      const left = col > 0 ? this.validations.get(validationKey(row, col - 1)) : undefined;
      if (left && left === this.validations.get(validationKey(row, col + 1))) this.validations.set(validationKey(row, col), left);
    }
  }

  /** Excel's "delete cells, shift left" over the same rows: the cells at `col` go, validation and all. */
  deleteCells(col: number, top: number, rows: number): void {
    for (let row = top; row < top + rows; row++) {
      const line = this.rows.get(row);
      if (line && line.length > col) line.splice(col, 1);
    }
    this.moveValidations(top, rows, col, -1);
  }

  /**
   * The validation of the cells right of `col` on rows top..top+rows-1 moves `by` columns: right by
   * one for an insertion (off the sheet's edge it is gone), left by one for a deletion (the
   * validation of the deleted cells at `col` is gone).
   */
  private moveValidations(top: number, rows: number, col: number, by: 1 | -1): void {
    const moved: [number, number, ValidationSettings][] = [];
    for (const [key, settings] of this.validations) {
      const [row, column] = key.split(':').map(Number);
      if (row < top || row >= top + rows || column < col) continue;
      this.validations.delete(key);
      if (by === -1 && column === col) continue;
      if (column + by < MAX_COLUMNS) moved.push([row, column + by, settings]);
    }
    for (const [row, column, settings] of moved) this.validations.set(validationKey(row, column), settings);
  }

  /** The bounding rectangle of the used cells inside `within` (or the whole sheet), or null. */
  usedRect(valuesOnly: boolean, within?: Rect): Rect | null {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    for (const [row, line] of this.rows) {
      if (within && (row < within.top || row >= within.top + within.rows)) continue;
      const from = within ? within.left : 0;
      const to = within ? Math.min(line.length, within.left + within.cols) : line.length;
      // Only a row's first and last used cells matter: scan in from both ends (a full row stops at once).
      let first = from;
      while (first < to && !isUsed(line[first], valuesOnly)) first++;
      if (first >= to) continue;
      let last = to - 1;
      while (last > first && !isUsed(line[last], valuesOnly)) last--;
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, first);
      right = Math.max(right, last);
    }
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}
