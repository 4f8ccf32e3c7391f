/**
 * Where the cascade is on a sheet without Excel tables. The reader and the writer
 * share this, so that the rows the engine computed are the rows written back.
 *
 * - The header row is the first row with two or more filled cells; rows above it
 *   with a single cell are titles or notes ("FY26 Scorecard" in A1). A sheet where
 *   no row has two cells uses its first filled row.
 * - The columns run from the leftmost to the rightmost filled cell at or below the
 *   header row, so that every row lines up under the header.
 * - The data rows run to the last row with a filled cell, not counting the columns
 *   KPI Align itself wrote (a rerun must not keep stale rows alive). Empty rows
 *   in between are kept as blank rows so row numbers stay right.
 */
import type { CellValue } from '../core/types';
import { isFilled, type ScannedCell, type ScannedRow } from './sheet-scan';

export interface PlainRange {
  headerRow: number;
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
 */
export function findPlainRange(
  rows: readonly ScannedRow[],
  ownedHeaders: ReadonlySet<string>,
  valueOf: (cell: ScannedCell) => CellValue,
): PlainRange | null {
  const filled = rows.filter((row) => filledCount(row) > 0).sort((a, b) => a.r - b.r);
  if (filled.length === 0) return null;
  const header = filled.find((row) => filledCount(row) >= 2) ?? filled[0];

  let left = Infinity;
  let right = 0;
  for (const row of filled) {
    if (row.r < header.r) continue;
    for (const cell of row.cells) {
      if (!isFilled(cell)) continue;
      left = Math.min(left, cell.col);
      right = Math.max(right, cell.col);
    }
  }

  const ownedColumns = new Set<number>();
  for (const cell of header.cells) {
    const key = headerKey(valueOf(cell));
    if (key !== null && ownedHeaders.has(key)) ownedColumns.add(cell.col);
  }

  let lastRow = header.r;
  for (const row of filled) {
    if (row.r > lastRow && row.cells.some((cell) => isFilled(cell) && !ownedColumns.has(cell.col))) {
      lastRow = row.r;
    }
  }
  return { headerRow: header.r, left, right, lastRow, ownedColumns };
}
