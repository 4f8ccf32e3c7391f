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
