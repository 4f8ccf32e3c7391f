/**
 * Numbers written as text the way scorecards write them (spec section 8, "Targets written as text"):
 * `≤3%`, `<21%`, `>= 500`, `at most 8`, `above 3.37`, `$15K+`, `1.2M`, `8 days`, `± 4.5%`.
 *
 * A measured value (baseline, actual, a band bound) may carry a K, M or B multiplier and a trailing unit
 * word; a target may also carry the comparator that says which way is better and a `±` tolerance.
 * Everything the plain number parser reads (spec section 3) is read first and unchanged; this grammar is
 * tried only on text that parser rejects, so a cell it reads keeps its meaning.
 */

import type { CellValue } from './types';
import { INVALID, parseNumber, type Parsed } from './values';
import type { Direction } from './vocabulary';

/** A number as written, with the unit word that followed it. */
export interface WrittenNumber {
  value: number;
  /** The trailing unit word (`8 days` → "days"), or null. */
  unit: string | null;
}

/** A target as written: the number, and what its comparator or `±` says. */
export interface WrittenTarget extends WrittenNumber {
  /** The direction the comparator implies (`≤` lower, `≥` and a trailing `+` higher, `±` range), or null. */
  direction: Direction | null;
  /** The distance either side of the target that `±` gives, or null. */
  tolerance: number | null;
}

/** Multipliers after a number. A lone M is a million, never metres: a finance sheet writes `1.2M` for money. */
const MULTIPLIERS: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};

const LOWER_PREFIX = /^(?:≤|<=|=<|⩽|≦|<|at most|no more than|not more than|less than|fewer than|below|under|up to|not to exceed|max\.?|maximum)(?=[\s\d$€£¥.(+\-−]|$)\s*:?\s*/i;
const HIGHER_PREFIX = /^(?:≥|>=|=>|⩾|≧|>|at least|no less than|not less than|more than|greater than|above|over|min\.?|minimum)(?=[\s\d$€£¥.(+\-−]|$)\s*:?\s*/i;
const LOWER_SUFFIX = /\s+(?:or (?:less|fewer|lower|below|under)|and (?:below|under))$/i;
const HIGHER_SUFFIX = /\s*(?:\+|\s(?:or (?:more|higher|above|greater|over)|and (?:above|over)))$/i;
const PLUS_MINUS = /^(.*?)\s*(?:±|\+\/-|\+-)\s*(.+)$/;

/** The number (ending in a digit), a multiplier, a percent sign, a `+`, then up to three unit words (Latin letters: no `\p{L}` in ES2016, where the functions run). */
const QUANTITY =
  /^(.*?\d)\s*(?:(k|thousand|mn|mm|m|million|bn|b|billion)(?![A-Za-z0-9\u00c0-\u024f]))?\s*(%)?\s*(\+)?\s*([A-Za-z\u00c0-\u024f][\w\u00c0-\u024f/.'’-]*(?:\s+[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f/.'’-]*){0,2})?$/i;

interface Quantity extends WrittenNumber {
  percent: boolean;
  plus: boolean;
}

/** Non-breaking spaces as spaces, "per cent" as %, inner spaces collapsed. */
function normalised(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s*\b(?:per ?cent|pct)\b\.?/gi, '%').replace(/\s+/g, ' ').trim();
}

/** A number with an optional multiplier, percent sign, trailing `+` and unit word. */
function quantity(text: string): Quantity | Invalid {
  const plain = parseNumber(text);
  if (typeof plain === 'number') return { value: plain, unit: null, percent: text.includes('%'), plus: false };
  const match = QUANTITY.exec(text);
  if (!match) return INVALID;
  const [, digits, multiplier, percent, plus, unit] = match;
  if (multiplier && percent) return INVALID;
  const number = parseNumber(percent ? `${digits}%` : digits);
  if (typeof number !== 'number') return INVALID;
  const value = multiplier ? number * MULTIPLIERS[multiplier.toLowerCase()] : number;
  if (!Number.isFinite(value)) return INVALID;
  return { value, unit: unit ?? null, percent: Boolean(percent), plus: Boolean(plus) };
}

type Invalid = typeof INVALID;

/**
 * What the plain number parser makes of a cell, when that settles it: a number, or blank (its blank
 * markers and placeholders stay blank here). Undefined when it is text that parser rejects.
 */
function plainReading(value: CellValue): Parsed<WrittenNumber> | undefined {
  const parsed = parseNumber(value);
  if (parsed === null) return null;
  if (parsed !== INVALID) return { value: parsed, unit: null };
  return typeof value === 'string' ? undefined : INVALID;
}

/** A baseline, actual or band bound: a number, with a multiplier and a unit word if written. No comparator, no `±`. */
export function parseWrittenNumber(value: CellValue): Parsed<WrittenNumber> {
  const plain = plainReading(value);
  if (plain !== undefined) return plain;
  const read = quantity(normalised(value as string));
  if (read === INVALID || read.plus) return INVALID;
  return { value: read.value, unit: read.unit };
}

/** A tolerance: a written number, a leading `±` allowed (a tolerance is a distance either side already). */
export function parseWrittenTolerance(value: CellValue): Parsed<WrittenNumber> {
  const plain = plainReading(value);
  if (plain !== undefined) return plain;
  return parseWrittenNumber((value as string).replace(/^\s*(?:±|\+\/-|\+-)\s*/, ''));
}

/** A target: a written number, with the direction its comparator implies and the tolerance its `±` gives. */
export function parseWrittenTarget(value: CellValue): Parsed<WrittenTarget> {
  const plain = plainReading(value);
  if (plain !== undefined) return plain === null || plain === INVALID ? plain : { ...plain, direction: null, tolerance: null };
  const text = normalised(value as string);
  const plusMinus = PLUS_MINUS.exec(text);
  if (plusMinus) return targetWithTolerance(plusMinus[1], plusMinus[2]);
  let direction: Direction | null = null;
  let rest = text;
  for (const [pattern, implied] of [[LOWER_PREFIX, 'lower'], [HIGHER_PREFIX, 'higher'], [LOWER_SUFFIX, 'lower'], [HIGHER_SUFFIX, 'higher']] as const) {
    if (!pattern.test(rest)) continue;
    // Two comparators (`≥ 5 or less`) contradict each other.
    if (direction !== null && direction !== implied) return INVALID;
    direction = implied;
    rest = rest.replace(pattern, '');
  }
  const read = quantity(rest);
  if (read === INVALID) return INVALID;
  if (read.plus) {
    if (direction === 'lower') return INVALID;
    direction = 'higher';
  }
  return { value: read.value, unit: read.unit, direction, tolerance: null };
}

/**
 * `T ± t`: a range at T. A bare `± t` (or `within ± t`) is a range at 0, as a variance KPI writes it. A
 * percent tolerance on a target that is not a percent is a share of the target (`200 ± 5%` is ± 10); on
 * a percent target it is percentage points (`3% ± 0.5%` is ± 0.005).
 */
function targetWithTolerance(left: string, right: string): Parsed<WrittenTarget> {
  const bare = left === '' || /^within$/i.test(left);
  const target = bare ? { value: 0, unit: null, percent: true, plus: false } : quantity(left);
  const tolerance = quantity(right);
  if (target === INVALID || tolerance === INVALID || target.plus || tolerance.plus) return INVALID;
  const distance = tolerance.percent && !target.percent ? Math.abs(target.value) * tolerance.value : Math.abs(tolerance.value);
  return { value: target.value, unit: target.unit ?? tolerance.unit, direction: 'range', tolerance: distance };
}
