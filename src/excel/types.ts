/// <reference types="office-js" />
/**
 * What the task pane asks of Excel, as plain data. `src/excel` is the only code that calls
 * `Excel.run`; everything here crosses the boundary as plain values (no proxies).
 */

import type { CascadeReport, SettingsInput, SourceTable } from '../core';

/** The part of the Office host the adapter needs, injected so that tests and the preview can supply a model. */
export interface OfficeHost {
  /** `Excel.run` (or the model's). */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * `Excel.run(context, batch)`: a batch in the context of an earlier one, which is how Office.js
   * removes an event handler. Without it the adapter syncs that context directly.
   */
  runInContext?<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported`. */
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** A feature of the pane and whether this Excel can do it; `reason` says why not, for the user. */
export interface Feature {
  available: boolean;
  reason?: string;
}

export interface Capabilities {
  read: Feature;
  write: Feature;
  remove: Feature;
  select: Feature;
  settings: Feature;
  autoCheck: Feature;
  insertSample: Feature;
}

/** Progress of long work, for the pane's progress bar: done of total steps, and what is being done. */
export type ProgressListener = (done: number, total: number, step: string) => void;

export interface WriteOutcome {
  /** Tables written, by name. */
  tables: string[];
  /** Tables left alone, each with the sentence that says why (a protected sheet, a cell in the way…). */
  skipped: { table: string; reason: string }[];
  rows: number;
}

export interface RemoveOutcome {
  /** Tables whose KPI Align columns were deleted, by name. */
  tables: string[];
  columns: number;
  /**
   * Tables (or checker-written plain sheets) whose columns were left, each with the sentence that
   * says why. Always present in what the adapter returns; optional so that older fakes still fit.
   */
  skipped?: { table: string; reason: string }[];
}

/** The sample scorecard's data (examples/scorecard.json). */
export interface SampleScorecard {
  tables: SourceTable[];
}

export interface KpiAlignWorkbook {
  capabilities(): Capabilities;
  /** Every Excel table of every sheet, as the engine's plain tables, in a fixed number of syncs. */
  readCascade(): Promise<SourceTable[]>;
  /** Writes the computed columns into every cascade table (only into columns KPI Align created). */
  writeResults(report: CascadeReport, tables: SourceTable[], onProgress?: ProgressListener): Promise<WriteOutcome>;
  /** Deletes exactly the columns KPI Align created, leaving the workbook as it was before. */
  removeResults(onProgress?: ProgressListener): Promise<RemoveOutcome>;
  /** Activates the sheet and selects the cell or range ("'Team Sales'!D7" or sheet + "D7"). */
  selectCell(sheet: string, address: string): Promise<void>;
  readSettings(): Promise<SettingsInput>;
  saveSettings(settings: SettingsInput): Promise<void>;
  /** Builds the sample scorecard as real Excel tables (refuses, with a reason, when the workbook is not empty). */
  insertSampleScorecard(sample: SampleScorecard): Promise<void>;
  /** Calls `listener` when a cascade table's cells change; returns a function that stops listening. */
  onCascadeChanged(listener: () => void): Promise<() => Promise<void>>;
}

/**
 * A failure the user can act on: `message` says what happened and what to do. Every failure of the
 * adapter reaches the pane as one of these; anything else is a bug.
 */
export class ExcelActionError extends Error {
  constructor(
    message: string,
    readonly kind: 'cell-edit-mode' | 'protected' | 'unsupported' | 'not-empty' | 'busy' | 'payload' | 'changed' | 'unexpected',
  ) {
    super(message);
    this.name = 'ExcelActionError';
  }
}
