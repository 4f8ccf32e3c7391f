/** Small builders for engine tests: a cascade written as rows, the way a person would type it. */

import { checkTables, CascadeReport, CellValue, NodeReport, SettingsInput, SourceTable } from '../../src/core';

export function table(name: string, header: string[], rows: CellValue[][], options: Partial<SourceTable> = {}): SourceTable {
  return { sheet: options.sheet ?? name, table: name, origin: 'A1', header, rows, ...options };
}

/** Settings every engine test uses unless it says otherwise: a fixed as-of date. */
export const AS_OF: SettingsInput = { asOf: '2026-07-01' };

export function check(tables: SourceTable[], settings: SettingsInput = {}): CascadeReport {
  return checkTables(tables, { ...AS_OF, ...settings });
}

export function node(report: CascadeReport, id: string): NodeReport {
  const found = report.nodes.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no node ${id} in the report`);
  return found;
}

export function codes(report: CascadeReport): string[] {
  return report.issues.map((issue) => issue.code);
}

/** The issues of one code as "id@cell" strings, for compact assertions. */
export function where(report: CascadeReport, code: string): string[] {
  return report.issues.filter((issue) => issue.code === code).map((issue) => `${issue.id}@${issue.cell}`);
}

export type Row = Record<string, CellValue>;

/** A table from rows written as objects: the header is every key, in the order first seen. */
export function tableOf(name: string, rows: Row[], options: Partial<SourceTable> = {}): SourceTable {
  const header: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!header.includes(key)) header.push(key);
  return table(name, header, rows.map((row) => header.map((key) => row[key] ?? null)), options);
}

/** A sound scorecard with nothing to report: four perspectives, one KPI under each objective. */
export function soundScorecard(): { objectives: Row[]; kpis: Row[] } {
  return {
    objectives: [
      { ID: 'F1', Name: 'Grow revenue', Perspective: 'Financial', Owner: 'Ann', Weight: 40 },
      { ID: 'C1', Name: 'Delight customers', Perspective: 'Customer', Owner: 'Bo', Weight: 30 },
      { ID: 'P1', Name: 'Ship on time', Perspective: 'Internal Process', Owner: 'Cy', Weight: 20 },
      { ID: 'L1', Name: 'Grow skills', Perspective: 'Learning & Growth', Owner: 'Di', Weight: 10 },
    ],
    kpis: [
      { ID: 'K1', Name: 'Revenue', Level: 'Department', Parent: 'F1', Owner: 'Ann', Unit: '$k', Direction: 'higher', Target: 100, Actual: 80 },
      { ID: 'K2', Name: 'NPS', Level: 'Department', Parent: 'C1', Owner: 'Bo', Unit: 'pts', Direction: 'higher', Target: 50, Actual: 50 },
      { ID: 'K3', Name: 'Cycle time', Level: 'Department', Parent: 'P1', Owner: 'Cy', Unit: 'days', Direction: 'lower', Baseline: 10, Target: 5, Actual: 7 },
      { ID: 'K4', Name: 'Training hours', Level: 'Department', Parent: 'L1', Owner: 'Di', Unit: 'h', Direction: 'higher', Target: 40, Actual: 30 },
    ],
  };
}

export function checkScorecard(card: { objectives: Row[]; kpis: Row[] }, settings: SettingsInput = {}): CascadeReport {
  return check([tableOf('Objectives', card.objectives), tableOf('KPIs', card.kpis)], settings);
}
