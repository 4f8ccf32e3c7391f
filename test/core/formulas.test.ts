import { computeProgress, expectedProgress, statusOf } from '../../src/core/formulas';

const higher = { direction: 'higher' as const, baseline: null };
const lower = { direction: 'lower' as const, baseline: null };

describe('progress, higher is better', () => {
  test('no baseline measures from zero', () => {
    expect(computeProgress({ ...higher, actual: 80, target: 100 })).toEqual({ progress: 0.8 });
  });
  test('a baseline measures the distance travelled', () => {
    expect(computeProgress({ ...higher, actual: 70, target: 100, baseline: 50 })).toEqual({ progress: 0.4 });
  });
  test('regression below the baseline is negative', () => {
    expect(computeProgress({ ...higher, actual: 40, target: 100, baseline: 50 })).toEqual({ progress: -0.2 });
  });
  test('above the target is above 1', () => {
    expect(computeProgress({ ...higher, actual: 130, target: 100 })).toEqual({ progress: 1.3 });
  });
  test('negative targets work with a baseline', () => {
    // A loss of 10 to be cut to a loss of 2; now at a loss of 5: 5 of 8 travelled.
    expect(computeProgress({ ...higher, actual: -5, target: -2, baseline: -10 })).toEqual({ progress: 0.625 });
  });
  test('without a baseline the target must be above zero', () => {
    expect(computeProgress({ ...higher, actual: 1, target: -2 })).toEqual({ progress: null, problem: 'baseline-required' });
    expect(computeProgress({ ...higher, actual: 1, target: 0 })).toEqual({ progress: null, problem: 'baseline-required' });
  });
  test('a target equal to the baseline is a zero span', () => {
    expect(computeProgress({ ...higher, actual: 5, target: 10, baseline: 10 })).toEqual({ progress: null, problem: 'zero-span', baseline: 10 });
  });
  test('no actual, no progress', () => {
    expect(computeProgress({ ...higher, actual: null, target: 10 })).toEqual({ progress: null });
  });
});

describe('progress, lower is better', () => {
  test('no baseline takes twice the target', () => {
    // Target 4 days, baseline 8: at 6 days, halfway.
    expect(computeProgress({ ...lower, actual: 6, target: 4 })).toEqual({ progress: 0.5 });
    expect(computeProgress({ ...lower, actual: 3, target: 4 })).toEqual({ progress: 1.25 });
    expect(computeProgress({ ...lower, actual: 9, target: 4 })).toEqual({ progress: -0.25 });
  });
  test('with a baseline', () => {
    expect(computeProgress({ ...lower, actual: 7, target: 5, baseline: 10 })).toEqual({ progress: 0.6 });
  });
  test('a zero target needs a baseline', () => {
    expect(computeProgress({ ...lower, actual: 1, target: 0 })).toEqual({ progress: null, problem: 'baseline-required' });
    expect(computeProgress({ ...lower, actual: 1, target: 0, baseline: 4 })).toEqual({ progress: 0.75 });
  });
});

describe('progress, range', () => {
  const range = { direction: 'range' as const, baseline: null };
  test('inside the band is 1', () => {
    expect(computeProgress({ ...range, actual: 97, target: null, targetMin: 95, targetMax: 100 })).toEqual({ progress: 1 });
    expect(computeProgress({ ...range, actual: 95, target: null, targetMin: 95, targetMax: 100 })).toEqual({ progress: 1 });
  });
  test('outside, the distance is measured in band widths', () => {
    // Band [95, 100], width 5: 2 below gives 1 - 2/5.
    expect(computeProgress({ ...range, actual: 93, target: null, targetMin: 95, targetMax: 100 }).progress).toBeCloseTo(0.6);
    expect(computeProgress({ ...range, actual: 110, target: null, targetMin: 95, targetMax: 100 })).toEqual({ progress: 0 });
  });
  test('target and tolerance make the band', () => {
    // Band [48, 52], width 4: 54 is 2 above, 1 - 2/4.
    expect(computeProgress({ ...range, actual: 54, target: 50, tolerance: 2 })).toEqual({ progress: 0.5 });
  });
  test('a bare target is a zero-width band measured in tenths of the target', () => {
    // Band [50, 50]: w = 5; 53 is 3 away, 1 - 3/5.
    expect(computeProgress({ ...range, actual: 53, target: 50 }).progress).toBeCloseTo(0.4);
    expect(computeProgress({ ...range, actual: 50, target: 50 })).toEqual({ progress: 1 });
  });
  test('a zero target with no width scores 0 outside', () => {
    expect(computeProgress({ ...range, actual: 0.1, target: 0 })).toEqual({ progress: 0 });
    expect(computeProgress({ ...range, actual: 0, target: 0 })).toEqual({ progress: 1 });
  });
  test('min above max is an invalid band', () => {
    expect(computeProgress({ ...range, actual: 3, target: null, targetMin: 5, targetMax: 2 })).toEqual({ progress: null, problem: 'invalid-band' });
  });
  test('one bound only leaves the other side open, measured in tenths of the target', () => {
    expect(computeProgress({ ...range, actual: 1000, target: 90, targetMin: 80 })).toEqual({ progress: 1 });
    // Below 80 by 4, w = 9: 1 - 4/9.
    expect(computeProgress({ ...range, actual: 76, target: 90, targetMin: 80 }).progress).toBeCloseTo(5 / 9);
  });
});

describe('expected progress', () => {
  test('linear between start and due, clamped', () => {
    expect(expectedProgress(100, 200, 125)).toBe(0.25);
    expect(expectedProgress(100, 200, 50)).toBe(0);
    expect(expectedProgress(100, 200, 250)).toBe(1);
  });
  test('without both dates, or due not after start, 1', () => {
    expect(expectedProgress(null, 200, 125)).toBe(1);
    expect(expectedProgress(100, null, 125)).toBe(1);
    expect(expectedProgress(200, 200, 125)).toBe(1);
    expect(expectedProgress(300, 200, 125)).toBe(1);
  });
});

describe('status', () => {
  const thresholds = { onTrack: 0.9, atRisk: 0.7 };
  test.each([
    [null, 0.5, 'No data'],
    [1, 0.5, 'Achieved'],
    [1.2, 1, 'Achieved'],
    [0, 0, 'On track'],
    [0.45, 0.5, 'On track'],
    [0.35, 0.5, 'At risk'],
    [0.34, 0.5, 'Off track'],
    [0.9, 1, 'On track'],
    [0.7, 1, 'At risk'],
    [0.6999, 1, 'Off track'],
    [0.1 + 0.2 + 0.6, 1, 'On track'],
  ])('score %p against expected %p is %p', (score, expected, status) => {
    expect(statusOf(score, expected, thresholds)).toBe(status);
  });
  test('floating-point sums that are 1 count as achieved', () => {
    expect(statusOf(0.1 * 3 + 0.7 - 1e-12, 1, thresholds)).toBe('Achieved');
  });
});
