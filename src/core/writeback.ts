/**
 * What is written back into each cascade table (spec section 6): for each written column
 * (written-columns.ts), one value per data row, derived from the report, so every host writes
 * exactly the same cells.
 */

import { parseCellAddress } from './addresses';
import { reportIndex } from './report-index';
import type { CascadeReport, CellValue, SourceTable } from './types';
import { WRITTEN_COLUMNS, type WrittenColumn } from './written-columns';

export type { ColumnFormat } from './written-columns';

/** A written column's descriptor with its cells for one table. */
export interface ComputedColumn extends Omit<WrittenColumn, 'value' | 'otherRow'> {
  /** One value per data row of the table, in its order; null leaves the cell empty. */
  values: CellValue[];
}

/**
 * The computed columns for one source table, or an empty list when the table is not part of the
 * cascade. Rows that are not nodes (blank rows, rows without an ID) get only what a column gives
 * them (the Issues column: their issue codes). `columns` is for tests that add one.
 */
export function computedColumns(
  report: CascadeReport, source: SourceTable, columns: readonly WrittenColumn[] = WRITTEN_COLUMNS,
): ComputedColumn[] {
  const index = reportIndex(report);
  const workbook = source.workbook ?? null;
  const role = index.roleOf(workbook, source.sheet, source.table);
  if (role === null || role === 'skipped') return [];
  const headerRow = parseCellAddress(source.origin)?.row ?? 1;
  const rows = source.rows.map((_, row) => headerRow + 1 + row);
  const nodes = rows.map((row) => index.rowOf(workbook, source.sheet, source.table, row));
  return columns.map(({ value, otherRow, ...column }) => ({
    ...column,
    values: rows.map((row, position) => {
      const node = nodes[position];
      if (node) return value(node);
      return otherRow?.(index.codesAt(workbook, source.sheet, source.table, row)) ?? null;
    }),
  }));
}
