/**
 * What is written back into each cascade table (spec section 6): for each written column
 * (written-columns.ts), one value per data row, derived from the report, so every host writes
 * exactly the same cells.
 */

import { parseCellAddress } from './addresses';
import { rowKey } from './engine';
import type { CascadeReport, CellValue, NodeReport, SourceTable } from './types';
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
  const index = indexOf(report);
  const workbook = source.workbook ?? null;
  const role = index.roles.get(rowKey(workbook, source.sheet, source.table, null));
  if (role === undefined || role === 'skipped') return [];
  const headerRow = parseCellAddress(source.origin)?.row ?? 1;
  const keys = source.rows.map((_, row) => rowKey(workbook, source.sheet, source.table, headerRow + 1 + row));
  return columns.map(({ value, otherRow, ...column }) => ({
    ...column,
    values: keys.map((key) => {
      const node = index.nodes.get(key);
      if (node) return value(node);
      return otherRow?.(index.codes.get(key) ?? []) ?? null;
    }),
  }));
}

interface ReportIndex {
  roles: Map<string, string>;
  nodes: Map<string, NodeReport>;
  codes: Map<string, string[]>;
}

/** Rows of a report by their key, built once per report however many tables are written. */
const indexes = new WeakMap<CascadeReport, ReportIndex>();

function indexOf(report: CascadeReport): ReportIndex {
  let index = indexes.get(report);
  if (index) return index;
  index = { roles: new Map(), nodes: new Map(), codes: new Map() };
  for (const table of report.tables) index.roles.set(rowKey(table.workbook, table.sheet, table.table, null), table.role);
  for (const node of report.nodes) index.nodes.set(rowKey(node.workbook, node.sheet, node.table, node.row), node);
  for (const issue of report.issues) {
    const key = rowKey(issue.workbook, issue.sheet, issue.table, issue.row);
    const codes = index.codes.get(key);
    if (!codes) index.codes.set(key, [issue.code]);
    else if (!codes.includes(issue.code)) codes.push(issue.code);
  }
  indexes.set(report, index);
  return index;
}
