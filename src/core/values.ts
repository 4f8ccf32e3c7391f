/**
 * The one coercion path from raw cell values to typed field values (spec section 3).
 * A parser returns the value, null for a blank cell, or INVALID when the cell holds something
 * that is not blank and cannot be read; the caller turns INVALID into the field's issue.
 */

import { isoFromSerial, LAST_SERIAL, serialFromDate, serialFromIso } from './dates';
import type { CellValue } from './types';
import {
  DIRECTION_WORDS, Direction, FREQUENCY_WORDS, Frequency, LEVEL_WORDS, PERSPECTIVE_WORDS,
  ROLLUP_WORDS, Rollup, vocabularyKey,
} from './vocabulary';

export const INVALID: unique symbol = Symbol('invalid');
export type Invalid = typeof INVALID;
export type Parsed<T> = T | null | Invalid;

/** Texts that mean "no value" in every field. The en dash is accepted beside the spec's hyphen and em dash. */
const BLANK_MARKERS = new Set(['', '-', '—', '–', 'n/a']);

/** The longest blank marker, in characters. */
const LONGEST_MARKER = 3;

export function isBlank(value: CellValue): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Most cells are words or numbers without surrounding spaces: too long to be a marker.
  if (value.length > LONGEST_MARKER && value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32) return false;
  return BLANK_MARKERS.has(value.trim().toLowerCase());
}

/** The text a report shows for a cell: as the cell shows it, trimmed. */
export function displayText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const serial = serialFromDate(value);
    return serial === null ? '' : isoFromSerial(serial);
  }
  return Number.isFinite(value) ? String(value) : '';
}

/** IDs compare trimmed and case-insensitively; the number 12 and the text "12" are one ID. */
export function idKey(value: CellValue): string {
  return keyOfId(displayText(value));
}

/** The comparison key of an ID already shown as text. */
export function keyOfId(id: string): string {
  return id.toLowerCase();
}

const NUMBER_TEXT =
  /^(\()?\s*([-+−])?\s*[$€£¥]?\s*([-+−])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*(%)?\s*[$€£¥]?\s*(%)?\s*(\))?$/;

function parseNumberText(text: string): number | Invalid {
  const match = NUMBER_TEXT.exec(text.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!match) return INVALID;
  const [, open, sign, innerSign, digits, exponent, percent, trailingPercent, close] = match;
  if (Boolean(open) !== Boolean(close)) return INVALID;
  if (sign && innerSign) return INVALID;
  if (open && (sign || innerSign)) return INVALID;
  if (percent && trailingPercent) return INVALID;
  let value = Number(digits.replace(/,/g, '') + (exponent ?? ''));
  if (!Number.isFinite(value)) return INVALID;
  if (percent || trailingPercent) value /= 100;
  const negative = Boolean(open) || sign === '-' || sign === '−' || innerSign === '-' || innerSign === '−';
  return negative ? -value : value;
}

export function parseNumber(value: CellValue): Parsed<number> {
  if (typeof value === 'number') return Number.isFinite(value) ? value : INVALID;
  if (isBlank(value)) return null;
  if (typeof value === 'string') return parseNumberText(value);
  if (value instanceof Date) return serialFromDate(value) ?? INVALID;
  return INVALID;
}

/** Dates: date cells, Excel serial numbers (1900 system), ISO text. */
export function parseDate(value: CellValue): Parsed<number> {
  if (typeof value === 'number') return inExcelRange(value) ? value : INVALID;
  if (value instanceof Date) {
    const serial = serialFromDate(value);
    return serial !== null && inExcelRange(serial) ? serial : INVALID;
  }
  if (isBlank(value)) return null;
  if (typeof value === 'string') {
    const serial = serialFromIso(value.trim());
    return serial !== null && inExcelRange(serial) ? serial : INVALID;
  }
  return INVALID;
}

/** Excel's dates run from serial 1 (1900-01-01) to 9999-12-31. */
function inExcelRange(serial: number): boolean {
  return serial >= 1 && serial < LAST_SERIAL + 1;
}

/** Each vocabulary's answers by the text as written: a scorecard repeats a handful of words thousands of times. */
const wordCache = new WeakMap<Map<string, unknown>, Map<string, unknown>>();
const WORD_CACHE_LIMIT = 1000;

function parseWord<T>(words: Map<string, T>, value: CellValue): Parsed<T> {
  if (isBlank(value)) return null;
  if (typeof value !== 'string') return INVALID;
  let cache = wordCache.get(words) as Map<string, Parsed<T>> | undefined;
  if (!cache) wordCache.set(words, (cache = new Map()));
  let parsed = cache.get(value);
  if (parsed === undefined) {
    parsed = words.get(vocabularyKey(value)) ?? INVALID;
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(value, parsed);
  }
  return parsed;
}

/** A level's rank: 0 objective … 4 individual. */
export const parseLevel = (value: CellValue): Parsed<number> => parseWord(LEVEL_WORDS, value);
export const parseDirection = (value: CellValue): Parsed<Direction> => parseWord(DIRECTION_WORDS, value);
export const parseRollup = (value: CellValue): Parsed<Rollup> => parseWord(ROLLUP_WORDS, value);
export const parseFrequency = (value: CellValue): Parsed<Frequency> => parseWord(FREQUENCY_WORDS, value);

/** The four standard perspectives by their canonical names; any other text is kept as written. */
export function parsePerspective(value: CellValue): string | null {
  if (isBlank(value)) return null;
  const text = displayText(value);
  return PERSPECTIVE_WORDS.get(vocabularyKey(text)) ?? text;
}

/** Free text (name, owner, unit): trimmed, or null when blank. */
export function parseText(value: CellValue): string | null {
  return isBlank(value) ? null : displayText(value);
}
