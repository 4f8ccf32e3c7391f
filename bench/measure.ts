/** Timing and memory measurement shared by the benchmark sections. */

import { performance } from 'node:perf_hooks';

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** Calls per sample. */
  repeat: number;
}

/** Each sample lasts at least this long: shorter ones are mostly timer and scheduler noise. */
const MIN_SAMPLE_MS = 20;

/**
 * Runs `work` `warmUp` times untimed, then takes `runs` samples; milliseconds per call. Work that
 * takes less than MIN_SAMPLE_MS is repeated within each sample and the sample divided.
 */
export function time(work: () => unknown, runs: number, warmUp = 1): Timing {
  for (let index = 0; index < warmUp; index++) keep(work());
  const probe = performance.now();
  keep(work());
  const once = performance.now() - probe;
  const repeat = Math.max(1, Math.ceil(MIN_SAMPLE_MS / Math.max(once, 0.001)));
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    for (let call = 0; call < repeat; call++) keep(work());
    samples.push((performance.now() - start) / repeat);
  }
  samples.sort((a, b) => a - b);
  return { median: median(samples), min: samples[0], max: samples[samples.length - 1], runs, repeat };
}

export function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A place to put results so that the optimiser cannot drop the work that made them. */
export const sink: { value: unknown } = { value: null };
function keep(value: unknown): void {
  sink.value = value;
}

export interface MemoryUse {
  /** heapUsed right after one run, less heapUsed before it: what the run allocated and had not yet collected. A lower bound of its peak. */
  heapGrowth: number;
  /** With --expose-gc: heapUsed after a full collection with the result still held, less the baseline: the report's size. */
  retained: number | null;
  /** The process's peak resident set so far (sizes run smallest first, so this is the peak of the largest so far). */
  peakRss: number;
}

/** One run of `work`, measured; with `gc`, from a collected heap and with what the result retains. */
export function measureMemory(work: () => unknown, gc: (() => void) | null): MemoryUse {
  gc?.();
  const before = process.memoryUsage();
  const result = work();
  const after = process.memoryUsage();
  let retained: number | null = null;
  if (gc) {
    gc();
    retained = process.memoryUsage().heapUsed - before.heapUsed;
  }
  // Held until here so that the collection above cannot free it; released for the next measurement.
  keep(result);
  keep(null);
  return {
    heapGrowth: after.heapUsed - before.heapUsed,
    retained,
    peakRss: process.resourceUsage().maxRSS * 1024,
  };
}
