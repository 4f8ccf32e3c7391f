/// <reference types="office-js" />
/**
 * What the task pane asks of Excel, as plain data. `src/excel` is the only code that calls
 * `Excel.run`; everything here crosses the boundary as plain values (no proxies).
 */

import type { CascadeReport, ChoiceList, ImportPlan, Issue, OwnerSummary, SettingsInput, SourceTable, TeamLevel, TeamSheetPlan } from '../core';

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
  /** New team sheet: a sheet, a table, dropdowns (data validation) and the hidden lists sheet. */
  teamSheet: Feature;
  /** Import team workbooks: `insertWorksheetsFromBase64` (ExcelApi 1.13). */
  importSheets: Feature;
  /** Mark the cells that have issues (conditional formats of our own). */
  markIssues: Feature;
  /** Write owner report sheets. */
  ownerReport: Feature;
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

/** A team workbook ready to insert: its bytes (base64) already carry the sheet and table names the plan chose. */
export interface PreparedImport {
  file: string;
  base64: string;
  /** The sheets to insert, by their names in `base64`. */
  sheets: string[];
}

export interface ImportOutcome {
  /** The sheets inserted, by their names in this workbook. */
  sheets: string[];
}

export interface MarkOutcome {
  /** Cells marked. */
  cells: number;
  /** The conditional-format rules that mark them: one per run of cells of one severity down a column. */
  ranges: number;
  /** Issues whose cell is not in this workbook or no longer exists, left unmarked. */
  skipped: number;
}

/** One sheet per owner, or one sheet with a block per owner. */
export type OwnerReportLayout = 'sheet-per-owner' | 'one-sheet';

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
  /** The sheet and table names in the workbook now (a new team sheet and an import must not clash with them). */
  listNames(): Promise<{ sheets: string[]; tables: string[] }>;
  /** Creates the plan's sheet and table with its dropdowns and help, and creates or refreshes the lists sheet; all or nothing. */
  createTeamSheet(plan: TeamSheetPlan): Promise<void>;
  /**
   * Rewrites the dropdowns' choices on the lists sheet, for the level its Parent list was made for
   * (its heading records it; Team when it cannot be read): `listsFor` gives the lists of a level.
   * False, and nothing written, when the workbook has no lists sheet.
   */
  refreshChoiceLists(listsFor: (level: TeamLevel) => ChoiceList[]): Promise<boolean>;
  /** Inserts the prepared workbooks' sheets; all or nothing: a failure removes what was inserted. */
  importSheets(imports: PreparedImport[], plan: ImportPlan, onProgress?: ProgressListener): Promise<ImportOutcome>;
  /** Marks the cells of these issues (replacing earlier marks) without touching the user's formats. */
  markIssueCells(issues: Issue[]): Promise<MarkOutcome>;
  /** Removes every mark of ours; returns how many ranges were unmarked. `removeResults` does this too. */
  clearIssueMarks(): Promise<number>;
  /** Writes the owner report sheets (replacing an earlier report of ours); returns the sheets written. */
  writeOwnerReport(owners: OwnerSummary[], layout: OwnerReportLayout, asOf: string): Promise<{ sheets: string[] }>;
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
