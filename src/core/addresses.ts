/**
 * A1 addresses and sheet references, as Excel writes and reads them: the one place the engine, the
 * .xlsx reader and writer and the add-in turn "'Team Sales'!$D$7:E9" into rows and columns and back.
 * Columns and rows are 1-based, as Excel numbers them.
 *
 * What counts as an address (decided as Excel does, and checked against the Excel model's own
 * parser in test/core/a1-agreement.test.ts):
 * - one to three letters (any case) for columns A..XFD, then one to seven digits for rows
 *   1..1048576, each optionally after `$`: "A0", "XFE1", "AAAA1" and "A1048577" are not cells;
 * - spaces around an address or around either end of a range are dropped (" A1 ", "A1 : B2"), as
 *   the Excel model does for `getRange`: addresses reach us typed into settings or pasted; a space
 *   inside one ("A 1", "$ A1") is never accepted;
 * - whole columns or rows ("A:C", "2:5") are not ranges here: no host needs them.
 */

export const MAX_COLUMN = 16_384; // XFD
export const MAX_ROW = 1_048_576;

/** Rows and columns of a range, 1-based and inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 → "A", 27 → "AA", 16384 → "XFD". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

const DOLLAR = 36;
const LOWER_CASE_BIT = 32;

/** "XFD" → 16384 (any case); null when the text is not a column of the grid. */
export function columnNumber(letters: string): number | null {
  return /^[A-Za-z]+$/.test(letters) ? (parseCellAddress(`${letters}1`)?.column ?? null) : null;
}

/** Whether text starting and ending with these characters may have whitespace to trim (all whitespace is below 33 or above 126). */
function mayNeedTrim(code: number): boolean {
  return !(code > 32 && code < 127);
}

/**
 * "AA12" or "$AA$12" → { column: 27, row: 12 }; null when the text is not a single cell of the grid.
 * A hand scanner rather than a regular expression, trimming only when an end is not plain ASCII:
 * the .xlsx reader calls it for every cell.
 */
export function parseCellAddress(address: string): { column: number; row: number } | null {
  const text = mayNeedTrim(address.charCodeAt(0)) || mayNeedTrim(address.charCodeAt(address.length - 1)) ? address.trim() : address;
  let i = text.charCodeAt(0) === DOLLAR ? 1 : 0;
  const lettersStart = i;
  let column = 0;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i) & ~LOWER_CASE_BIT;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > MAX_COLUMN) return null;
  }
  if (i === lettersStart) return null;
  if (text.charCodeAt(i) === DOLLAR) i++;
  if (text.length === i || text.length - i > 7) return null;
  let row = 0;
  for (; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    row = row * 10 + digit;
  }
  return row >= 1 && row <= MAX_ROW ? { column, row } : null;
}

/** 27, 12 → "AA12". */
export function cellAddress(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** "B2:J8", "$B$2:$J$8" or a single cell (a one-cell range) → its area; null when it is not a range. */
export function parseRangeAddress(text: string): CellArea | null {
  const [first, second = first, extra] = text.split(':');
  if (extra !== undefined) return null;
  const a = parseCellAddress(first);
  const b = parseCellAddress(second);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

/** An area as Excel writes it: "B2:J8", or "B2" for a single cell. */
export function rangeAddress(area: CellArea): string {
  const start = cellAddress(area.left, area.top);
  const end = cellAddress(area.right, area.bottom);
  return start === end ? start : `${start}:${end}`;
}

/** A word Excel writes without quotes: letters, digits, `_` and `.`, not starting with a digit or `.`. */
const PLAIN_SHEET_NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** "C3", "ab12": read as a cell (Excel quotes these even past XFD). */
const A1_LIKE = /^[A-Za-z]{1,3}\d+$/;
/** "R", "C", "r2", "RC", "R1C1", "R2C": read as an R1C1 reference. */
const R1C1_LIKE = /^(?:[Rr]\d*)?(?:[Cc]\d*)?$/;

/**
 * A sheet name as Excel writes it before "!": quoted (inner quotes doubled) unless it is a plain word
 * that cannot be read as a reference. A sheet named "C" unquoted, `C!A1`, reads as column C.
 */
export function sheetReference(sheet: string): string {
  return PLAIN_SHEET_NAME.test(sheet) && !A1_LIKE.test(sheet) && !R1C1_LIKE.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** "Team Sales", "D7:E9" → "'Team Sales'!D7:E9": the inverse of splitSheetReference. */
export function joinSheetReference(sheet: string, local: string): string {
  return `${sheetReference(sheet)}!${local}`;
}

export function cellReference(sheet: string, column: number, row: number): string {
  return joinSheetReference(sheet, cellAddress(column, row));
}

/** "'Team Sales'!D7" → the sheet's name (unquoted) and "D7"; a reference without a sheet has sheet null. */
export function splitSheetReference(reference: string): { sheet: string | null; local: string } {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: reference.trim() };
  const prefix = reference.slice(0, bang).trim();
  const sheet = /^'.*'$/.test(prefix) ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  return { sheet, local: reference.slice(bang + 1).trim() };
}

/** The inverse of cellReference, for cells and ranges: "'Team Sales'!D7:E9" → its sheet and area; null when it is not a range. */
export function parseReference(reference: string): { sheet: string | null; area: CellArea } | null {
  const { sheet, local } = splitSheetReference(reference);
  const area = parseRangeAddress(local);
  return area ? { sheet, area } : null;
}
