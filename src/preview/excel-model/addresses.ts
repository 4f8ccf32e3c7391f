/**
 * A1 addresses as Excel writes and reads them. Rows and columns are 0-based inside the model
 * and 1-based in addresses, as in Excel.
 *
 * A declared independent oracle: this file is written from Excel's behaviour and must not import
 * core, whose own A1 module (src/core/addresses.ts) the adapter and the .xlsx code use.
 * test/core/a1-agreement.test.ts checks that the two agree on every address; a difference there is
 * a question about Excel to settle, not a copy to align.
 */

export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** The grid of a worksheet since Excel 2007. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellName(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rectName(rect: Rect): string {
  const first = cellName(rect.top, rect.left);
  return rect.rows === 1 && rect.cols === 1 ? first : `${first}:${cellName(rect.top + rect.rows - 1, rect.left + rect.cols - 1)}`;
}

/** A sheet name as Excel writes it before "!": quoted unless it is a plain word that cannot be read as a cell. */
export function quoteSheet(name: string): string {
  // Excel quotes what reads as an A1 cell (C3) or an R1C1 reference (R, C, R2, RC, R1C1, r2c3).
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[rR]\d*([cC]\d*)?$/.test(name) && !/^[cC]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `Range.address`: "Sheet1!A1:B2", the sheet quoted when Excel quotes it. */
export function qualifiedAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectName(rect)}`;
}

export function parseCell(text: string): { row: number; col: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!match) return null;
  let col = 0;
  for (const char of match[1].toUpperCase()) col = col * 26 + (char.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return null;
  return { row: row - 1, col: col - 1 };
}

/** "A1", "A1:C3", "Sheet1!A1:C3" or "'Team Sales'!D7"; null when Excel would not read it as a range. */
export function parseRange(text: string): { sheet: string | null; rect: Rect } | null {
  let sheet: string | null = null;
  let rest = text.trim();
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    const prefix = rest.slice(0, bang);
    sheet = /^'.*'$/.test(prefix) ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
    rest = rest.slice(bang + 1);
  }
  const [from, to = from, extra] = rest.split(':');
  if (extra !== undefined) return null;
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) return null;
  const top = Math.min(a.row, b.row);
  const left = Math.min(a.col, b.col);
  return { sheet, rect: { top, left, rows: Math.abs(a.row - b.row) + 1, cols: Math.abs(a.col - b.col) + 1 } };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.top < b.top + b.rows && b.top < a.top + a.rows && a.left < b.left + b.cols && b.left < a.left + a.cols;
}

export function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top && inner.left >= outer.left &&
    inner.top + inner.rows <= outer.top + outer.rows && inner.left + inner.cols <= outer.left + outer.cols
  );
}

export function containsCell(rect: Rect, row: number, col: number): boolean {
  return row >= rect.top && row < rect.top + rect.rows && col >= rect.left && col < rect.left + rect.cols;
}

export function onGrid(rect: Rect): boolean {
  return rect.top >= 0 && rect.left >= 0 && rect.rows >= 1 && rect.cols >= 1 &&
    rect.top + rect.rows <= MAX_ROWS && rect.left + rect.cols <= MAX_COLUMNS;
}
