/**
 * A1 addresses and ranges in the reader's and writer's own shapes ({ col, row }, CellRange). The
 * addressing itself, with Excel's limits and what counts as an address, is core's (src/core/addresses.ts).
 */

import { cellAddress, columnLetters, MAX_COLUMN, MAX_ROW, parseCellAddress as parseCell, parseRangeAddress, rangeAddress, type CellArea } from '../core/addresses';

export { cellAddress, columnLetters, MAX_COLUMN, MAX_ROW };

export interface CellPosition {
  col: number;
  row: number;
}

/** Rows and columns of a range, 1-based and inclusive: core's CellArea. */
export type CellRange = CellArea;

/** Parses "B3" or "$B$3"; null when it is not a cell of the grid. */
export function parseCellAddress(text: string): CellPosition | null {
  const cell = parseCell(text);
  return cell && { col: cell.column, row: cell.row };
}

/** Parses "B2:J8" (or a single cell, a one-cell range); null when it is not a range. */
export const parseRange: (text: string) => CellRange | null = parseRangeAddress;

/** "B2:J8", or "B2" for a one-cell range. */
export const formatRange: (range: CellRange) => string = rangeAddress;

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
