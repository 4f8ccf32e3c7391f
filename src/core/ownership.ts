/**
 * Which columns KPI Align created. The workbook itself records it, so that a rerun
 * updates our columns in place and never overwrites a column that a person made,
 * even one with the same header. The checker (src/xlsx) and the Excel add-in (src/excel) share this marker.
 *
 * The marker: one hidden, workbook-level defined name per table we wrote to,
 * named `_KPIAlign_Owned_<n>` (n = 1, 2, ...; OWNED_NAME_PREFIX in footprint.ts),
 * whose formula is a text constant
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

import { OWNED_HEADER_KEY, OWNED_NAME_PREFIX } from './footprint';

export { OWNED_NAME_PREFIX } from './footprint';

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

/** The defined name's formula for a marker. */
export function markerFormula(owned: OwnedColumns): string {
  return textConstantFormula(markerText(owned));
}

/** Reads a marker formula back. Null when it is not made of string constants or does not say what a marker says. */
export function parseMarkerFormula(formula: string): OwnedColumns | null {
  const text = textOfConstantFormula(formula);
  return text === null ? null : parseMarkerText(text);
}

/**
 * A text as a formula of string constants: quoted pieces of at most 255 characters (Excel's limit
 * for one constant) joined with `&`, `"` doubled, never splitting a surrogate pair.
 */
export function textConstantFormula(text: string): string {
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

/** The text of a formula made of string constants joined with `&` (with or without a leading "="); null otherwise. */
export function textOfConstantFormula(formula: string): string | null {
  const piece = /\s*"((?:[^"]|"")*)"\s*(&|$)/y;
  piece.lastIndex = /^\s*=?/.exec(formula)![0].length; // the add-in's API shows a leading "="
  let text = '';
  for (;;) {
    const match = piece.exec(formula);
    if (match === null) return null;
    text += match[1].replace(/""/g, '"');
    if (match[2] === '') return text;
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

/** Where each computed column goes: an existing column of ours (its index among the existing ones), or a new one. */
export interface ColumnPlacement {
  name: string;
  /** The index in `existing` of our column, or null for a new column appended on the right (in this order). */
  existingIndex: number | null;
}

const columnKey = (name: string) => name.trim().toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The one rule, shared by the checker and the add-in, for which columns are ours: an existing column
 * that the marker lists (under its own header or a renamed "Header (KPI Align)") is reused; otherwise a
 * new column is appended, renamed "Header (KPI Align)" (then "… 2", …) when a person's column already
 * has the header, since a table's column names must be unique.
 */
export function placeComputedColumns(existing: readonly string[], headers: readonly string[], owned: readonly string[]): ColumnPlacement[] {
  const ownedKeys = new Set(owned.map(columnKey));
  const taken = new Set(existing.map(columnKey));
  return headers.map((header) => {
    const ours = new RegExp(`^${escapeRegExp(columnKey(header))}( \\(${OWNED_HEADER_KEY.toLowerCase()}( \\d+)?\\))?$`);
    const mine = existing.findIndex((name) => ownedKeys.has(columnKey(name)) && ours.test(columnKey(name)));
    if (mine >= 0) return { name: existing[mine], existingIndex: mine };
    let name = header;
    for (let n = 1; taken.has(columnKey(name)); n++) name = `${header} (${OWNED_HEADER_KEY}${n === 1 ? '' : ` ${n}`})`;
    taken.add(columnKey(name));
    return { name, existingIndex: null };
  });
}

/** What the marker lists after a write: our columns that still exist, then the ones written now, in a stable order. */
export function ownedHeadersAfterWrite(existing: readonly string[], previous: readonly string[], written: readonly string[]): string[] {
  const present = new Set(existing.map(columnKey));
  const headers = previous.filter((header) => present.has(columnKey(header)));
  for (const name of written) if (!headers.some((header) => columnKey(header) === columnKey(name))) headers.push(name);
  return headers;
}
