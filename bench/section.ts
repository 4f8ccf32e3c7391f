/**
 * What one benchmark section is: a named measurement that returns rows of numbers and the goals
 * it was checked against. `run.ts` runs the sections in order and prints them; a new benchmark
 * is a new file exporting a `BenchmarkSection`, added to the list there.
 */

export interface BenchContext {
  /** `global.gc`, when node runs with --expose-gc: memory is then measured after a full collection. */
  gc: (() => void) | null;
  /** Sizes asked for on the command line (--sizes=1000,10000), or null for each section's own. */
  sizes: number[] | null;
}

/** One printed column: a key of the rows, its heading, and how to show its number. */
export interface Column {
  key: string;
  heading: string;
  format: (value: number) => string;
}

export type Row = Record<string, number | null>;

/** A target the numbers are held against: printed as PASS or MISS, never asserted. */
export interface Goal {
  description: string;
  met: boolean;
  measured: string;
}

export interface SectionResult {
  title: string;
  columns: Column[];
  rows: Row[];
  goals: Goal[];
  notes: string[];
}

export interface BenchmarkSection {
  /** A short key, used by --section=NAME and in the JSON line. */
  name: string;
  run(context: BenchContext): SectionResult | Promise<SectionResult>;
}

export const formats = {
  integer: (value: number) => Math.round(value).toLocaleString('en-US'),
  ms: (value: number) => (value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)),
  ratio: (value: number) => `${value.toFixed(1)}x`,
  mb: (value: number) => (value / 1024 / 1024).toFixed(1),
};
