/** One worksheet's cells: rows of sparse arrays, so that inserting or deleting cells in a row is one splice. */

import { MAX_COLUMNS, type Rect } from './addresses';
import { isUsed, type Cell } from './cells';
import type { ValidationSettings } from './data-validation';

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

  /** Excel's "insert cells, shift right" over rows top..top+rows-1: cells at `col` and right of it move one column right. */
  insertCells(col: number, top: number, rows: number): void {
    for (let row = top; row < top + rows; row++) {
      const line = this.rows.get(row);
      if (line && line.length > col) {
        line.splice(col, 0, undefined);
        line.length = Math.min(line.length, MAX_COLUMNS);
      }
    }
  }

  /** Excel's "delete cells, shift left" over the same rows. */
  deleteCells(col: number, top: number, rows: number): void {
    for (let row = top; row < top + rows; row++) {
      const line = this.rows.get(row);
      if (line && line.length > col) line.splice(col, 1);
    }
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
      for (let col = from; col < to; col++) {
        if (!isUsed(line[col], valuesOnly)) continue;
        top = Math.min(top, row);
        bottom = Math.max(bottom, row);
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
    }
    return bottom < 0 ? null : { top, left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}
