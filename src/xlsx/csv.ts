/**
 * readCsvContents: a .csv file's bytes in, one plain sheet out (spec section 8, "Files"). It runs
 * in Node and the browser, like the rest of src/xlsx.
 *
 * - Encoding: a UTF-8 (or UTF-16) byte-order mark says so; otherwise the bytes are UTF-8 when they
 *   decode as UTF-8 without error (TextDecoder with fatal: true), else Windows-1252 (what Excel's
 *   "CSV (Comma delimited)" writes on a Western-European Windows). No other encoding is guessed.
 * - Delimiter: comma, semicolon or tab, whichever splits the first lines most consistently
 *   (detectDelimiter); comma when none splits them (a one-column file).
 * - Line ends CR, LF or CRLF (papaparse guesses which; CR alone is an old Mac export), quoted fields
 *   with delimiters, quotes ("") and line breaks inside.
 * - The sheet is named after the file, without folder or extension, as Excel names it when it
 *   opens the file (at most 31 characters), so a cell reads `[kpis.csv]kpis!B3` in both.
 * - Every cell is text (blank when empty): numbers, percentages and dates are read by the engine's
 *   one coercion path (src/core/values.ts), as for a text cell of a workbook. The one exception is
 *   the decimal comma of a semicolon file (see europeanNumber).
 * - The header row and the range are found as on a workbook's plain sheet (plain-range.ts).
 */
import Papa from 'papaparse';
import type { CellValue, SourceTable } from '../core/types';
import { cellAddress } from './cell-address';
import { readErrorReasons, WorkbookReadError } from './errors';
import { findPlainRange } from './plain-range';
import type { WorkbookContents } from './read';
import type { ScannedCell, ScannedRow } from './sheet-scan';

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Excel's longest sheet name; it cuts a longer file name to it when it opens a .csv. */
const SHEET_NAME_LIMIT = 31;

/** Ctrl-Z, with which DOS tools end a file; it is no part of the data. */
const END_OF_FILE = 0x1a;

/** Whether a character is one no text file holds: NUL and the other controls (tab, line ends and form feed aside), C1 ones included. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code <= 0x9f);
}

export interface CsvText {
  text: string;
  encoding: CsvEncoding;
}

/** The file's text, decoded as described above; throws WorkbookReadError when it is empty or not text. */
export function decodeCsv(bytes: Uint8Array, fileName: string): CsvText {
  const { text, encoding } = decode(bytes);
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === END_OF_FILE) end--;
  const data = text.slice(0, end);
  if (data.trim() === '') throw new WorkbookReadError('empty', readErrorReasons.emptyFile(fileName));
  let controls = 0;
  for (let i = 0; i < data.length; i++) if (isControl(data.charCodeAt(i))) controls++;
  if (data.includes('\u0000') || controls > data.length / 100) {
    throw new WorkbookReadError('not-text', readErrorReasons.notText(fileName));
  }
  return { text: data, encoding };
}

function decode(bytes: Uint8Array): CsvText {
  const starts = (...marks: number[]) => marks.every((mark, i) => bytes[i] === mark);
  if (starts(0xef, 0xbb, 0xbf)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (starts(0xff, 0xfe)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (starts(0xfe, 0xff)) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 by hand: Node's TextDecoder decodes the label as ISO-8859-1 (0x80 is a control
 * character there, not €), the browser's does not; the table gives both the same text. The five
 * bytes 1252 leaves undefined keep their code point, as the WHATWG decoder does.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...chunk).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
  }
  return text;
}

export interface CsvRows {
  rows: string[][];
  delimiter: CsvDelimiter;
}

/** The rows of the text, every field as written (quotes removed); an empty line is a row of one empty field. */
export function parseCsv(text: string): CsvRows {
  const delimiter = detectDelimiter(text);
  // Papaparse's errors (a quote never closed, rows of unequal length) still come with the rows as
  // Excel would show them, so they are not refusals.
  return { rows: Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data, delimiter };
}

/** Lines the delimiter is chosen on; enough for a title line or two and a header, cheap on a large file. */
const DETECTION_ROWS = 30;

/**
 * The delimiter that splits the first non-empty lines into the same number of fields most often
 * (the share of lines with the commonest count, which must be two or more), then the one with more
 * fields, then comma, semicolon, tab in that order. Papaparse's own guess is not used: a trailing
 * line end or a blank line counts against the right delimiter there, and a semicolon file's decimal
 * commas then win.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; share: number; fields: number } = { delimiter: ',', share: 0, fields: 0 };
  for (const delimiter of CSV_DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: DETECTION_ROWS, skipEmptyLines: 'greedy' }).data;
    const counts = new Map<number, number>();
    for (const row of rows) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
    let fields = 0;
    let lines = 0;
    for (const [count, times] of counts) if (times > lines || (times === lines && count > fields)) [fields, lines] = [count, times];
    if (fields < 2) continue;
    const share = lines / rows.length;
    if (share > best.share || (share === best.share && fields > best.fields)) best = { delimiter, share, fields };
  }
  return best.delimiter;
}

/** The file name without folder and extension, cut to Excel's 31 characters. */
export function csvSheetName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const name = base.replace(/\.[^.]*$/, '') || base;
  return name.slice(0, SHEET_NAME_LIMIT);
}

/**
 * A number written with a decimal comma, as a semicolon file from a European locale holds it:
 * "85,5", "1.200,50", "-3,2 %", "€ 1.200,00", "(12,5)", and "1.200.000" (two dot groups cannot be a
 * decimal). Null for anything else, which stays as written: "1.5" and "1.200" are read by the
 * engine as 1.5 and 1.2 (a file that mixes both conventions is ambiguous, and the dot reading is the
 * one the engine has everywhere else).
 */
const EUROPEAN_NUMBER = /^(\(?\s*[-+−]?\s*[$€£¥]?\s*[-+−]?\s*)(\d{1,3}(?:\.\d{3})+,\d+|\d+,\d+|\d{1,3}(?:\.\d{3}){2,})(\s*%?\s*[$€£¥]?\s*%?\s*\)?)$/;

export function europeanNumber(text: string): string | null {
  const match = EUROPEAN_NUMBER.exec(text.trim());
  if (!match) return null;
  const [, before, digits, after] = match;
  return `${before}${digits.replace(/\./g, '').replace(',', '.')}${after}`;
}

export interface CsvContents extends WorkbookContents {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
}

/** The one plain sheet of a .csv file. Throws only WorkbookReadError (an empty file, or not text). */
export function readCsvContents(bytes: Uint8Array, fileName: string): CsvContents {
  const { text, encoding } = decodeCsv(bytes, fileName);
  const { rows, delimiter } = parseCsv(text);
  const sheet = csvSheetName(fileName);
  const cell = (field: string): CellValue => {
    if (field === '') return null;
    return delimiter === ';' ? europeanNumber(field) ?? field : field;
  };
  const grid = rows.map((fields) => fields.map(cell));
  const table = plainTable(grid, sheet, fileName);
  return { tables: table ? [table] : [], settings: null, uncalculated: [], sheets: [sheet], encoding, delimiter };
}

/** The grid's plain range as one SourceTable, found by the rule a workbook's plain sheet follows. */
function plainTable(grid: CellValue[][], sheet: string, workbook: string): SourceTable | null {
  const scanned: ScannedRow[] = grid.map((values, i) => ({
    r: i + 1, start: 0, end: 0, tagEnd: 0, selfClosing: false, hasRef: true,
    cells: values.flatMap((value, c) => (value === null ? [] : [textCell(c + 1, String(value))])),
  }));
  const range = findPlainRange(scanned, new Set(), (cell) => cell.value);
  if (!range) return null;
  const { left, right, headerRow, lastRow } = range;
  const line = (r: number) => Array.from({ length: right - left + 1 }, (_, i) => grid[r - 1]?.[left - 1 + i] ?? null);
  const rows: CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) rows.push(line(r));
  return { workbook, sheet, table: null, origin: cellAddress(left, headerRow), header: line(headerRow), rows };
}

/** A cell in the shape the plain-range rule reads (it looks only at the column and whether it is filled). */
function textCell(col: number, value: string): ScannedCell {
  return { col, start: 0, end: 0, hasRef: true, type: 'str', style: 0, value, inline: null, formula: false };
}

/** Whether bytes are a workbook package (a zip, "PK") or an old binary/encrypted one, whatever the file's name. */
export function isWorkbookBytes(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const compound = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || compound;
}

/** How a file is read: as a .csv when it is named so and is not a workbook in disguise, else as a workbook. */
export function isCsvFile(bytes: Uint8Array, fileName: string): boolean {
  return /\.csv$/i.test(fileName) && !isWorkbookBytes(bytes);
}
