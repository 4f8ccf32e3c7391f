/**
 * The engine's public data shapes: plain tables in, a report out.
 * Nothing here knows about Excel, files or the DOM.
 */

import type { IssueDetails, RuleCode } from './rules';

/** A raw cell value as a host reads it. Dates may arrive as Date objects or as Excel serial numbers. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One rectangular block of cells headed by a header row: an Excel table, or a plain sheet's used range. */
export interface SourceTable {
  /** The workbook's file name (checker) or undefined (the add-in has only one workbook). */
  workbook?: string;
  sheet: string;
  /** The Excel table's name, or null for a plain sheet whose first non-empty row is the header row. */
  table: string | null;
  /** The address of the header row's first cell, such as "B3". */
  origin: string;
  header: CellValue[];
  /** Data rows below the header, each as wide as the header (shorter rows are padded with blanks). */
  rows: CellValue[][];
}

export interface Settings {
  /** The as-of date as an Excel serial day number (1900 date system). */
  asOf: number;
  onTrack: number;
  atRisk: number;
  scoreCap: number;
}

/** The severities, the most serious first: every list of issues by severity follows this order. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Sorts the more serious first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

export type NodeKind = 'objective' | 'kpi';

export type Status = 'Achieved' | 'On track' | 'At risk' | 'Off track' | 'No data';

export const STATUSES: readonly Status[] = ['Achieved', 'On track', 'At risk', 'Off track', 'No data'];

export type TableRole = 'objectives' | 'kpis' | 'mixed' | 'skipped';

/** Where something is in the workbook. Row is the worksheet row number; cell is "Sheet!D7". */
export interface Location {
  workbook: string | null;
  sheet: string;
  table: string | null;
  row: number | null;
  column: string | null;
  cell: string | null;
}

/**
 * A problem a rule found, as a value. `details` are what its message was built from, typed by the
 * rule (narrow with `isIssueOf(issue, 'cycle')`); they stay out of the checker's JSON issues (spec 7).
 */
export interface Issue<C extends RuleCode = RuleCode> extends Location {
  code: C;
  severity: Severity;
  message: string;
  id: string | null;
  details: IssueDetails<C>;
}

export interface TableReport {
  workbook: string | null;
  sheet: string;
  table: string | null;
  rows: number;
  role: TableRole;
}

export interface NodeReport {
  id: string;
  name: string | null;
  kind: NodeKind;
  level: string | null;
  parent: string | null;
  workbook: string | null;
  sheet: string;
  table: string | null;
  row: number;
  progress: number | null;
  score: number | null;
  expected: number | null;
  status: Status;
  contribution: number | null;
  aligned: boolean;
  path: string;
  issues: RuleCode[];
  /** The Owner cell, trimmed; null when blank or when the table has no Owner column. Not in the checker's JSON nodes (spec 7). */
  owner: string | null;
  /** The node's ID cell, "'Team Sales'!A7". Not in the checker's JSON nodes (spec 7). */
  cell: string | null;
  /**
   * The node the engine linked this one to, as that node's position in the report's `nodes`; null
   * when it is not linked (a blank Parent, or a link the engine cut: unknown-parent, cycle,
   * level-inverted, duplicate-id). A position, not the parent itself, keeps the report plain data
   * (no cycles, so it survives JSON and structured cloning), and needs no lookup table, unlike a
   * row key. Hosts read it through `reportIndex(report).parentOf`. Not in the checker's JSON nodes (spec 7).
   */
  linkedParent: number | null;
  /**
   * The rank of the node's level as the engine placed it: 0 objective … 4 individual (LEVEL_NAMES),
   * 0 for an objective whose Level is blank, null for a KPI whose Level is blank or unreadable.
   * Not in the checker's JSON nodes (spec 7).
   */
  levelRank: number | null;
}

export interface Summary {
  objectives: number;
  kpis: number;
  aligned: number;
  coverage: number | null;
  orgScore: number | null;
  byPerspective: Record<string, number | null>;
  status: Record<Status, number>;
  errors: number;
  warnings: number;
  infos: number;
}

export interface CascadeReport {
  /** ISO date, YYYY-MM-DD. */
  asOf: string;
  settings: { onTrack: number; atRisk: number; scoreCap: number };
  tables: TableReport[];
  nodes: NodeReport[];
  issues: Issue[];
  summary: Summary;
}

/** One KPI in an owner's summary (the owners view, the owner report, `check --owners`). */
export interface OwnerKpi {
  id: string;
  name: string | null;
  level: string | null;
  workbook: string | null;
  sheet: string;
  table: string | null;
  row: number;
  /** The KPI's ID cell, "'Team Sales'!A7". */
  cell: string | null;
  status: Status;
  score: number | null;
  expected: number | null;
  contribution: number | null;
  /** For a KPI behind (At risk or Off track): the actual that brings its parent's score to 1 (KPI.REQUIRED); null otherwise or when no value can. */
  required: number | null;
  /** Why `required` is null for a KPI behind, in a sentence; null when it has a value or the KPI is not behind. */
  requiredNote: string | null;
  /** The codes of the KPI's own issues. */
  issues: RuleCode[];
}

/** Everything one owner answers for. Owners compare trimmed and case-insensitively; `owner` is the first spelling met. */
export interface OwnerSummary {
  /** The owner as written, or "(no owner)" for KPIs whose Owner is blank. */
  owner: string;
  kpis: OwnerKpi[];
  status: Record<Status, number>;
  /** KPIs At risk or Off track. */
  behind: number;
  /** The mean score of the owner's KPIs that have one; null when none has. */
  averageScore: number | null;
}

/** What an import problem is about (see import-plan.ts). */
export type ImportProblemCode = 'unreadable' | 'duplicate-id' | 'unknown-parent' | 'table-clash' | 'sheet-clash' | 'no-tables' | 'lists-sheet';

/** A problem an import would bring in, found before anything changes. */
export interface ImportProblem {
  severity: Severity;
  code: ImportProblemCode;
  file: string;
  /** The cell in the incoming workbook, "'Team Sales'!A7", when there is one. */
  cell: string | null;
  message: string;
}

/** What an import would bring in: per file, its sheets and tables with the names they get here. */
export interface ImportPlan {
  files: {
    file: string;
    sheets: { from: string; to: string }[];
    tables: { sheet: string; from: string | null; to: string | null; rows: number }[];
  }[];
  problems: ImportProblem[];
  /** False when a problem of severity error stops the import (an unreadable file, IDs that clash with the cascade). */
  canImport: boolean;
}
