/**
 * The engine's public data shapes: plain tables in, a report out.
 * Nothing here knows about Excel, files or the DOM.
 */

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

export type Severity = 'error' | 'warning' | 'info';

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

export interface Issue extends Location {
  code: string;
  severity: Severity;
  message: string;
  id: string | null;
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
  issues: string[];
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
