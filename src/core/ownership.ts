/**
 * Which columns KPI Align created. The workbook itself records it, so that a rerun
 * updates our columns in place and never overwrites a column that a person made,
 * even one with the same header. The checker (src/xlsx) and the Excel add-in (src/excel) share this marker.
 *
 * The marker: one hidden, workbook-level defined name per table we wrote to,
 * named `_KPIAlign_Owned_<n>` (n = 1, 2, ...), whose formula is a text constant
 *
 *     "Sheet|Table|Header1,Header2,..."
 *
 * Table is empty for a plain sheet range. Inside each field a backslash escapes
 * `\`, `|` and `,` (sheet names may contain `|` and `,`). In the formula, `"` is
 * doubled as Excel requires, and because Excel limits a string constant to 255
 * characters, a longer text is cut into 255-character pieces joined with `&`:
 * `"first 255 characters"&"the rest"`. In workbook.xml the formula is XML-escaped
 * like any element text, so `&` is written `&amp;`.
 */

export const OWNED_NAME_PREFIX = '_KPIAlign_Owned_';
const MAX_STRING_CONSTANT = 255;

export interface OwnedColumns {
  sheet: string;
  /** The table's name, or null for a plain sheet range. */
  table: string | null;
  headers: string[];
}

/** A marker found in the workbook: its defined name and what it says. */
export interface OwnershipMarker extends OwnedColumns {
  definedName: string;
  /** False when another program showed the name; the next write hides it again. */
  hidden?: boolean;
}

function escapeField(text: string): string {
  return text.replace(/[\\|,]/g, (ch) => `\\${ch}`);
}

/** Splits on the separators that are not escaped; the parts keep their escapes. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unescapeField(text: string): string {
  return text.replace(/\\([\s\S])/g, '$1');
}

export function markerText(owned: OwnedColumns): string {
  const headers = owned.headers.map(escapeField).join(',');
  return [escapeField(owned.sheet), escapeField(owned.table ?? ''), headers].join('|');
}

export function parseMarkerText(text: string): OwnedColumns | null {
  const fields = splitUnescaped(text, '|');
  if (fields.length !== 3 || fields[0] === '') return null;
  const table = unescapeField(fields[1]);
  const headers = fields[2] === '' ? [] : splitUnescaped(fields[2], ',').map(unescapeField);
  return { sheet: unescapeField(fields[0]), table: table === '' ? null : table, headers };
}

/** The defined name's formula: quoted 255-character pieces joined with `&` (never splitting a surrogate pair). */
export function markerFormula(owned: OwnedColumns): string {
  const text = markerText(owned);
  const pieces: string[] = [];
  for (let start = 0; start < text.length || pieces.length === 0; ) {
    let end = Math.min(start + MAX_STRING_CONSTANT, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(`"${text.slice(start, end).replace(/"/g, '""')}"`);
    start = end;
  }
  return pieces.join('&');
}

/** Reads a marker formula back: the pieces' texts concatenated. Null when it is not made of string constants. */
export function parseMarkerFormula(formula: string): OwnedColumns | null {
  const piece = /\s*"((?:[^"]|"")*)"\s*(&|$)/y;
  piece.lastIndex = /^\s*=?/.exec(formula)![0].length; // the add-in's API may show a leading "="
  let text = '';
  for (;;) {
    const match = piece.exec(formula);
    if (match === null) return null;
    text += match[1].replace(/""/g, '"');
    if (match[2] === '') return parseMarkerText(text);
  }
}

export function isMarkerName(name: string): boolean {
  return name.toLowerCase().startsWith(OWNED_NAME_PREFIX.toLowerCase());
}

/** Sheet names compare case-insensitively in Excel, and so do table names. */
export function sameName(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return a.toLowerCase() === b.toLowerCase();
}

export function findMarker(
  markers: readonly OwnershipMarker[],
  sheet: string,
  table: string | null,
): OwnershipMarker | null {
  return markers.find((marker) => sameName(marker.sheet, sheet) && sameName(marker.table, table)) ?? null;
}

/** The next free marker name: one more than the highest number in use. */
export function nextMarkerName(markers: readonly OwnershipMarker[]): string {
  let highest = 0;
  for (const marker of markers) {
    const n = Number(marker.definedName.slice(OWNED_NAME_PREFIX.length));
    if (Number.isInteger(n) && n > highest) highest = n;
  }
  return `${OWNED_NAME_PREFIX}${highest + 1}`;
}
