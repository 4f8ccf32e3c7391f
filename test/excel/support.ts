/** Shared by the adapter's tests: the example scorecard in the Excel model, and an adapter that does not really wait. */

import { generateCascade } from '../../bench/generate-cascade';
import { serialFromIso, type CellValue, type SourceTable } from '../../src/core';
import { createKpiAlignWorkbook } from '../../src/excel';
import type { RetryOptions } from '../../src/excel/office-errors';
import { createWorkbookModel, workbookSpecFromTables, type ModelOptions, type WorkbookModel } from '../../src/preview/excel-model';
import example from '../../examples/scorecard.json';

export const EXAMPLE_TABLES = example.tables as SourceTable[];
export const EXAMPLE_AS_OF = example.asOf;

export function exampleModel(options?: ModelOptions): WorkbookModel {
  return createWorkbookModel(workbookSpecFromTables(EXAMPLE_TABLES), options);
}

export function generatedModel(rows: number, options?: ModelOptions): { model: WorkbookModel; tables: SourceTable[] } {
  const tables = generateCascade({ nodes: rows, seed: 20261123 });
  return { model: createWorkbookModel(workbookSpecFromTables(tables), options), tables };
}

/** Records the waits instead of waiting. */
export function instantRetry(): RetryOptions & { waited: number[] } {
  const waited: number[] = [];
  return { delaysMs: [500, 1500], sleep: async (ms) => void waited.push(ms), waited };
}

export function adapterFor(model: WorkbookModel, retry: RetryOptions = instantRetry()) {
  return createKpiAlignWorkbook(model.host, { retry });
}

/** The JSON's tables as Excel hands them back: ISO dates are serial numbers, an empty text an empty cell. */
export function asExcelReadsThem(tables: readonly SourceTable[]): SourceTable[] {
  const cell = (value: CellValue) => (value === '' ? null : typeof value === 'string' && serialFromIso(value) !== null ? serialFromIso(value) : value);
  return tables.map((table) => ({
    sheet: table.sheet,
    table: table.table,
    origin: table.origin,
    header: table.header,
    rows: table.rows.map((row) => row.map(cell)),
  }));
}

export const largest = (values: number[]) => Math.max(0, ...values);
export const FIVE_MB = 5 * 1024 * 1024;
