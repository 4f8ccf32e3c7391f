/** A1-style addresses, as Excel writes them. */

/** 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** "AA12" → { column: 27, row: 12 }; null when the text is not a single-cell address. */
export function parseCellAddress(address: string): { column: number; row: number } | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!match) return null;
  let column = 0;
  for (const char of match[1].toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return { column, row: Number(match[2]) };
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain word. */
export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

export function cellReference(sheet: string, column: number, row: number): string {
  return `${sheetReference(sheet)}!${columnLetters(column)}${row}`;
}

/** "'Team Sales'!D7" → the sheet's name (unquoted) and "D7"; a reference without a sheet has sheet null. */
export function splitSheetReference(reference: string): { sheet: string | null; local: string } {
  const bang = reference.lastIndexOf('!');
  if (bang < 0) return { sheet: null, local: reference.trim() };
  const prefix = reference.slice(0, bang).trim();
  const sheet = /^'.*'$/.test(prefix) ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  return { sheet, local: reference.slice(bang + 1).trim() };
}

/** Rows and columns of a range, 1-based and inclusive. */
export interface CellArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The inverse of cellReference, for cells and ranges: "'Team Sales'!D7:E9" → its sheet and area; null when it is not a range. */
export function parseReference(reference: string): { sheet: string | null; area: CellArea } | null {
  const { sheet, local } = splitSheetReference(reference);
  const [from, to = from] = local.split(':');
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b) return null;
  return {
    sheet,
    area: { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) },
  };
}
