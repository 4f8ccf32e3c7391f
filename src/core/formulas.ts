/**
 * The scalar formulas of spec section 4: progress and its inverse, score, expected progress and
 * status. Pure functions of numbers, shared by the cascade engine, KPI.REQUIRED's search and the
 * custom functions.
 */

import type { Status } from './types';
import type { Direction } from './vocabulary';

/** Scores and ratios within this distance of a threshold count as reaching it (floating-point sums). */
const EPSILON = 1e-9;

export interface ProgressInput {
  direction: Direction;
  actual: number | null;
  target: number | null;
  baseline: number | null;
  targetMin?: number | null;
  targetMax?: number | null;
  tolerance?: number | null;
}

/** Why a node has no progress, when the reason is an error of its own. */
export type ProgressProblem = 'baseline-required' | 'zero-span' | 'invalid-band';

export type ProgressResult =
  | { progress: number }
  | { progress: null; problem?: ProgressProblem; baseline?: number };

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Raw progress p (may be negative or above 1). */
export function computeProgress(input: ProgressInput): ProgressResult {
  if (input.direction === 'range') return rangeProgress(input);
  const { actual, target, baseline, direction } = input;
  if (target === null) return { progress: null };
  if (baseline === null && !(target > 0)) return { progress: null, problem: 'baseline-required' };
  const base = baseline ?? (direction === 'higher' ? 0 : 2 * target);
  if (target === base) return { progress: null, problem: 'zero-span', baseline: base };
  if (actual === null) return { progress: null };
  return finite(direction === 'higher' ? (actual - base) / (target - base) : (base - actual) / (base - target));
}

/** Values near the largest double can overflow to Infinity or NaN: such a node has no progress. */
function finite(progress: number): ProgressResult {
  return Number.isFinite(progress) ? { progress } : { progress: null };
}

/** The band a range KPI aims for: [min, max]; one side may be open when only one bound is given. */
export function rangeBand(input: ProgressInput): { low: number; high: number } | null {
  const { target, targetMin = null, targetMax = null, tolerance = null } = input;
  if (targetMin !== null || targetMax !== null) {
    return { low: targetMin ?? -Infinity, high: targetMax ?? Infinity };
  }
  if (target === null) return null;
  const spread = tolerance ?? 0;
  return { low: target - spread, high: target + spread };
}

function rangeProgress(input: ProgressInput): ProgressResult {
  const band = rangeBand(input);
  if (band === null) return { progress: null };
  if (band.low > band.high) return { progress: null, problem: 'invalid-band' };
  const { actual } = input;
  if (actual === null) return { progress: null };
  if (actual >= band.low && actual <= band.high) return { progress: 1 };
  const distance = actual < band.low ? band.low - actual : actual - band.high;
  const scale = rangeScale(input.target, band);
  if (scale === 0) return { progress: 0 };
  return finite(Math.max(0, 1 - distance / scale));
}

/**
 * The distance outside its band over which a range KPI's progress falls from 1 to 0: the band's
 * width, or for a band that is a single value or open on one side, a tenth of its reference value
 * (the target, else the band's middle or its one finite bound). 0 when that reference is 0: any
 * distance outside then gives progress 0.
 */
function rangeScale(target: number | null, band: { low: number; high: number }): number {
  const width = band.high - band.low;
  const reference = target ?? (Number.isFinite(width) ? (band.low + band.high) / 2 : Number.isFinite(band.low) ? band.low : band.high);
  return Number.isFinite(width) && width > 0 ? width : reference !== 0 ? Math.abs(reference) * 0.1 : 0;
}

/**
 * The inverse of `computeProgress`: for a KPI's baseline, target or band, the actual at which its raw
 * progress is q. Null where no actual has progress (no target or band, or the errors computeProgress
 * reports: baseline-required, zero-span, invalid-band).
 *
 * Higher and lower are straight lines through the baseline (q = 0) and the target (q = 1), so every q
 * has its actual. A range KPI's progress lies between 0 and 1, reached on either side of the band: the
 * side is the one the input's actual is on (a KPI above its band comes down to it), below when the
 * actual is blank or inside. A q of 1 or more gives the band's edge, and so does every q when the
 * scale is 0 (outside such a band, progress is 0 however near).
 */
export function actualForProgress(input: ProgressInput): ((q: number) => number) | null {
  if (input.direction === 'range') return rangeActualForProgress(input);
  const { target, baseline, direction } = input;
  if (target === null) return null;
  if (baseline === null && !(target > 0)) return null;
  const base = baseline ?? (direction === 'higher' ? 0 : 2 * target);
  if (target === base) return null;
  return (q) => base + q * (target - base);
}

function rangeActualForProgress(input: ProgressInput): ((q: number) => number) | null {
  const band = rangeBand(input);
  if (band === null || band.low > band.high) return null;
  const scale = rangeScale(input.target, band);
  const { actual } = input;
  const above = (actual !== null && actual > band.high) || !Number.isFinite(band.low);
  return above ? (q) => band.high + (1 - Math.min(q, 1)) * scale : (q) => band.low - (1 - Math.min(q, 1)) * scale;
}

/** A score from a raw progress: clamped to [0, cap]. */
export function scoreFromProgress(progress: number | null, cap: number): number | null {
  return progress === null ? null : clamp(progress, 0, cap);
}

/** Expected progress at the as-of date; 1 without both dates or when due ≤ start. */
export function expectedProgress(start: number | null, due: number | null, asOf: number): number {
  if (start === null || due === null || due <= start) return 1;
  return clamp((asOf - start) / (due - start), 0, 1);
}

export interface StatusThresholds {
  onTrack: number;
  atRisk: number;
}

export function statusOf(score: number | null, expected: number, thresholds: StatusThresholds): Status {
  if (score === null) return 'No data';
  if (score >= 1 - EPSILON) return 'Achieved';
  if (expected === 0) return 'On track';
  const ratio = score / expected;
  if (ratio >= thresholds.onTrack - EPSILON) return 'On track';
  if (ratio >= thresholds.atRisk - EPSILON) return 'At risk';
  return 'Off track';
}
