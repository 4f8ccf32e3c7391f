/**
 * The inverse of each progress formula (`actualForProgress`): the actual it gives, put back into
 * `computeProgress`, has the progress asked for wherever the formula reaches that progress.
 */

import fc from 'fast-check';
import { actualForProgress, computeProgress, ProgressInput } from '../../src/core';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS) || 200 };

/** Whole numbers and halves, as scorecards hold them: far from the edges of doubles, where no formula is exact. */
const value = fc.integer({ min: -20_000, max: 20_000 }).map((n) => n / 2);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

function progressOf(input: ProgressInput, actual: number): number | null {
  return computeProgress({ ...input, actual }).progress;
}

/** Equal to within a billionth of the larger of the values that went into the formula. */
function expectNear(actual: number | null, expected: number, magnitude: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, magnitude));
}

describe('actualForProgress, higher and lower is better', () => {
  test('a few actuals by hand', () => {
    const higher = { direction: 'higher' as const, actual: null, target: 100, baseline: null };
    expect(actualForProgress(higher)?.(0.8)).toBe(80);
    expect(actualForProgress({ ...higher, baseline: 50 })?.(0.4)).toBe(70);
    // Lower is better without a baseline measures from twice the target: 4 days, from 8.
    const lower = { direction: 'lower' as const, actual: null, target: 4, baseline: null };
    expect(actualForProgress(lower)?.(0.5)).toBe(6);
    expect(actualForProgress(lower)?.(1.25)).toBe(3);
    expect(actualForProgress({ ...lower, target: 5, baseline: 10 })?.(0.6)).toBe(7);
  });

  test('no actual has progress where computeProgress has none: no target, baseline required, zero span', () => {
    expect(actualForProgress({ direction: 'higher', actual: 1, target: null, baseline: 0 })).toBeNull();
    expect(actualForProgress({ direction: 'higher', actual: 1, target: 0, baseline: null })).toBeNull();
    expect(actualForProgress({ direction: 'lower', actual: 1, target: -3, baseline: null })).toBeNull();
    expect(actualForProgress({ direction: 'higher', actual: 1, target: 10, baseline: 10 })).toBeNull();
  });

  test('computeProgress(actualForProgress(q)) is q, for every q, regression and overshoot included', () => {
    fc.assert(
      fc.property(fc.constantFrom('higher' as const, 'lower' as const), value, maybe(value), fc.double({ min: -3, max: 3, noNaN: true }), (direction, target, baseline, q) => {
        const input: ProgressInput = { direction, actual: null, target, baseline };
        const actualAt = actualForProgress(input);
        const defined = computeProgress({ ...input, actual: 0 }).progress !== null;
        expect(actualAt !== null).toBe(defined);
        if (actualAt) expectNear(progressOf(input, actualAt(q)), q, Math.abs(target) + Math.abs(baseline ?? 2 * target));
      }),
      RUNS,
    );
  });
});

describe('actualForProgress, range', () => {
  const range = { direction: 'range' as const, baseline: null };

  test('from the side the actual is on; at 1 and above, the band\'s edge', () => {
    // Band [95, 100], width 5: progress 0.6 is 2 outside it.
    const band = { ...range, target: null, targetMin: 95, targetMax: 100 };
    expect(actualForProgress({ ...band, actual: 90 })?.(0.6)).toBeCloseTo(93);
    expect(actualForProgress({ ...band, actual: 104 })?.(0.6)).toBeCloseTo(102);
    expect(actualForProgress({ ...band, actual: null })?.(0.6)).toBeCloseTo(93);
    expect(actualForProgress({ ...band, actual: 104 })?.(1)).toBe(100);
    expect(actualForProgress({ ...band, actual: 104 })?.(1.2)).toBe(100);
    // A band open below is reached from above; a bare target is measured in tenths of it.
    expect(actualForProgress({ ...range, actual: null, target: null, targetMax: 50 })?.(0.5)).toBeCloseTo(52.5);
    expect(actualForProgress({ ...range, actual: 40, target: 50 })?.(0.4)).toBeCloseTo(47);
  });

  test('a zero-width band around 0 has progress only inside it: every q gives its edge', () => {
    const actualAt = actualForProgress({ ...range, actual: 3, target: 0 });
    expect(actualAt?.(0.5)).toBe(0);
    expect(computeProgress({ ...range, actual: actualAt?.(0.5) ?? null, target: 0 }).progress).toBe(1);
  });

  test('no band, or an invalid one: no actual', () => {
    expect(actualForProgress({ ...range, actual: 3, target: null })).toBeNull();
    expect(actualForProgress({ ...range, actual: 3, target: null, targetMin: 5, targetMax: 2 })).toBeNull();
  });

  const band = fc.record({
    actual: maybe(value),
    target: maybe(value),
    targetMin: maybe(value),
    targetMax: maybe(value),
    tolerance: maybe(fc.integer({ min: 0, max: 200 })),
  });

  test('computeProgress(actualForProgress(q)) is q between 0 and 1, on the side of the actual', () => {
    fc.assert(
      fc.property(band, fc.double({ min: 0, max: 1, noNaN: true }), (cells, q) => {
        const input: ProgressInput = { ...range, ...cells };
        const actualAt = actualForProgress(input);
        const result = computeProgress({ ...input, actual: cells.actual ?? 0 });
        expect(actualAt !== null).toBe(result.progress !== null);
        if (!actualAt) return;
        const found = actualAt(q);
        const progress = progressOf(input, found);
        // A band with no scale (a reference of 0) has progress 1 at its edge and 0 anywhere outside.
        const scaled = progressOf(input, actualAt(0.5)) !== 1;
        const magnitude = Math.max(...[cells.target, cells.targetMin, cells.targetMax, cells.tolerance].map((cell) => Math.abs(cell ?? 0)));
        if (scaled) expectNear(progress, q, magnitude);
        else expect(progress).toBe(1);
        if (cells.actual !== null && progressOf(input, cells.actual) !== 1 && q < 1) {
          // The same side of the band as the actual: between them, progress never reaches 1.
          const low = Math.min(found, cells.actual);
          const high = Math.max(found, cells.actual);
          expect(progressOf(input, (low + high) / 2)).not.toBe(1);
        }
      }),
      RUNS,
    );
  });
});
