/**
 * What a cell holds, and what Excel stores when a value arrives through `Range.values`.
 *
 * Excel's documentation says only that a text starting with "=", "+" or "-" is read as a formula
 * (Range.values remarks). The rest below follows what Excel does when the same text is typed,
 * which is how `values` behaves in practice: numbers, percentages, TRUE/FALSE and ISO dates become
 * values, a leading apostrophe keeps the rest as text (and marks the cell quote-prefixed), a cell
 * formatted as Text ("@") keeps any text as it is. Locale-specific dates ("3/4") and currencies are
 * not modelled. The model does not calculate: a formula keeps the value "#NAME?" until a test sets one.
 */

export type Scalar = string | number | boolean;

export interface Cell {
  value: Scalar;
  formula?: string;
  /** The number format; absent means "General". */
  format?: string;
  /** Set when the text was entered after an apostrophe (Excel's quotePrefix). */
  quotePrefix?: boolean;
}

export const GENERAL = 'General';
export const ISO_DATE_FORMAT = 'yyyy-mm-dd';
const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial day number (1900 date system) of an ISO date, or null. */
export function serialFromIsoDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const serial = (ms - EPOCH) / MS_PER_DAY;
  // Excel counts a 29 February 1900 that never was, so earlier serials are one lower.
  return serial < 61 ? serial - 1 : serial;
}

/** Numbers as Excel reads typed text: "12", "-3.5", "1e3", "12%" (a percentage). */
function typedNumber(text: string): { value: number; percent: boolean } | null {
  const match = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match) return null;
  const value = Number(match[1]);
  if (!Number.isFinite(value)) return null;
  return match[2] ? { value: value / 100, percent: true } : { value, percent: false };
}

/**
 * The cell after `input` is written into it through `values`; `undefined` when the cell becomes
 * empty (formats stay), `null` when the input leaves it unchanged (Excel skips null entries).
 */
export function enteredCell(input: unknown, previous: Cell | undefined): Cell | undefined | null {
  if (input === null || input === undefined) return null;
  const keep = previous?.format !== undefined ? { format: previous.format } : {};
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input, ...keep };
  const text = String(input);
  if (text === '') return previous?.format !== undefined ? { value: '', ...keep } : undefined;
  if (previous?.format === '@') return { value: text, ...keep };
  if (text.startsWith("'")) return { value: text.slice(1), quotePrefix: true, ...keep };
  const number = typedNumber(text);
  if (number) return { value: number.value, ...(number.percent && !previous?.format ? { format: '0%' } : keep) };
  if (text.startsWith('=') && text.length > 1) return { value: '#NAME?', formula: text, ...keep };
  if (/^[+\-@]/.test(text)) return { value: '#NAME?', formula: `=${text}`, ...keep };
  if (/^(true|false)$/i.test(text)) return { value: text.toUpperCase() === 'TRUE', ...keep };
  const serial = serialFromIsoDate(text);
  if (serial !== null) return { value: serial, format: previous?.format ?? ISO_DATE_FORMAT };
  return { value: text, ...keep };
}

/** Whether the cell counts for a used range: with `valuesOnly`, only a value does; otherwise a format does too. */
export function isUsed(cell: Cell | undefined, valuesOnly: boolean): boolean {
  if (!cell) return false;
  return cell.value !== '' || cell.formula !== undefined || (!valuesOnly && cell.format !== undefined);
}

/** The text Excel shows, near enough for text rules of conditional formats. */
export function displayText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}
