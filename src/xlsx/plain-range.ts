/**
 * Where the cascade is on a sheet without Excel tables. The reader and the writer
 * share this, so that the rows the engine computed are the rows written back.
 *
 * - The header row is core's decision (src/core/header-row.ts, spec section 8): the
 *   first row, within 30 of the first filled one, where two cells name fields and one
 *   is an ID or a name; titles and notes above it are ignored. A two-row header is
 *   reported at its second row (`headerRow`), where the data start below. A sheet
 *   with no such row is read from its first row with two filled cells, else its first
 *   row: that row cannot take part, so the engine skips the sheet and says why.
 * - The columns run from the leftmost to the rightmost filled cell at or below the
 *   header row, so that every row lines up under the header.
 * - The data rows run to the last row with a filled cell, not counting the columns
 *   KPI Align itself wrote (a rerun must not keep stale rows alive). Empty rows
 *   in between are kept as blank rows so row numbers stay right.
 */
import { fallbackHeaderRow, findHeaderRow, HEADER_SEARCH_ROWS } from '../core/header-row';
import type { CellValue } from '../core/types';
import type { CellRange } from './cell-address';
import { isFilled, type ScannedCell, type ScannedRow } from './sheet-scan';

export interface PlainRange {
  /** The row the header is reported at, below which the data start (a two-row header's second row). */
  headerRow: number;
  /** The header's cells, left to right, a sub-header's filled in. */
  header: CellValue[];
  left: number;
  right: number;
  /** The last data row; equal to headerRow when there is no data. */
  lastRow: number;
  /** Columns under a header that the ownership marker lists as ours. */
  ownedColumns: Set<number>;
}

function filledCount(row: ScannedRow): number {
  let count = 0;
  for (const cell of row.cells) if (isFilled(cell)) count++;
  return count;
}

export function headerKey(value: CellValue): string | null {
  return typeof value === 'string' ? value.trim().toLowerCase() : null;
}

/**
 * @param ownedHeaders the marker's headers for this sheet, lower-cased
 * @param valueOf reads a cell's value (the header cells are compared with ownedHeaders)
 * @param merges the sheet's merged ranges: a merged header cell may have its sub-header below it
 */
export function findPlainRange(
  rows: readonly ScannedRow[],
  ownedHeaders: ReadonlySet<string>,
  valueOf: (cell: ScannedCell) => CellValue,
  merges: readonly CellRange[] = [],
): PlainRange | null {
  const filled = rows.filter((row) => filledCount(row) > 0).sort((a, b) => a.r - b.r);
  if (filled.length === 0) return null;
  const first = filled[0].r;
  let gridLeft = Infinity;
  let gridRight = 0;
  for (const row of filled) {
    for (const cell of row.cells) {
      if (!isFilled(cell)) continue;
      gridLeft = Math.min(gridLeft, cell.col);
      gridRight = Math.max(gridRight, cell.col);
    }
  }
  // The rows the header is looked for in, and one more for a last row's sub-header.
  const grid: CellValue[][] = Array.from({ length: HEADER_SEARCH_ROWS + 1 }, () => new Array<CellValue>(gridRight - gridLeft + 1).fill(null));
  for (const row of filled) {
    if (row.r - first >= grid.length) break;
    for (const cell of row.cells) if (isFilled(cell)) grid[row.r - first][cell.col - gridLeft] = valueOf(cell);
  }
  const mergedAt = (rowIndex: number, columnIndex: number) => {
    const r = first + rowIndex;
    const col = gridLeft + columnIndex;
    return merges.some((range) => range.top <= r && r <= range.bottom && range.left <= col && col <= range.right);
  };
  const found = findHeaderRow(grid, mergedAt);
  const topIndex = found ? found.rowIndex : fallbackHeaderRow(grid);
  const top = first + topIndex;
  const headerRow = found ? first + found.originIndex : top;
  const gridHeader = found ? found.header : grid[topIndex];

  let left = Infinity;
  let right = 0;
  for (const row of filled) {
    if (row.r < top) continue;
    for (const cell of row.cells) {
      if (!isFilled(cell)) continue;
      left = Math.min(left, cell.col);
      right = Math.max(right, cell.col);
    }
  }
  const header = gridHeader.slice(left - gridLeft, right - gridLeft + 1);

  // Our columns are headed on the row the header is reported at, where the writer put them.
  const ownedColumns = new Set<number>();
  for (const cell of filled.find((row) => row.r === headerRow)?.cells ?? []) {
    const key = headerKey(valueOf(cell));
    if (key !== null && ownedHeaders.has(key)) ownedColumns.add(cell.col);
  }

  let lastRow = headerRow;
  for (const row of filled) {
    if (row.r > lastRow && row.cells.some((cell) => isFilled(cell) && !ownedColumns.has(cell.col))) {
      lastRow = row.r;
    }
  }
  return { headerRow, header, left, right, lastRow, ownedColumns };
}
