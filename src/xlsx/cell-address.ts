/** A1-style addresses and ranges. Columns and rows are 1-based, as Excel numbers them. */

import { columnLetters } from '../core/addresses';

export { columnLetters };

export const MAX_COLUMN = 16384; // XFD
export const MAX_ROW = 1048576;

export interface CellPosition {
  col: number;
  row: number;
}

export interface CellRange {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function cellAddress(col: number, row: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Parses "B3" or "$B$3"; null when it is not a cell address. */
export function parseCellAddress(text: string): CellPosition | null {
  let i = 0;
  let col = 0;
  let row = 0;
  if (text[i] === '$') i++;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i) & ~32; // upper-case a letter
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  if (text[i] === '$') i++;
  const digitsStart = i;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) break;
    row = row * 10 + (code - 48);
  }
  if (col === 0 || i === digitsStart || i !== text.length || row === 0) return null;
  return { col, row };
}

/** Parses "B2:J8" (or a single cell, a one-cell range); null when it is not a range. */
export function parseRange(text: string): CellRange | null {
  const [first, second = first, extra] = text.trim().split(':');
  if (extra !== undefined) return null;
  const a = parseCellAddress(first);
  const b = parseCellAddress(second);
  if (!a || !b) return null;
  return {
    left: Math.min(a.col, b.col),
    top: Math.min(a.row, b.row),
    right: Math.max(a.col, b.col),
    bottom: Math.max(a.row, b.row),
  };
}

export function formatRange(range: CellRange): string {
  const start = cellAddress(range.left, range.top);
  const end = cellAddress(range.right, range.bottom);
  return start === end ? start : `${start}:${end}`;
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
