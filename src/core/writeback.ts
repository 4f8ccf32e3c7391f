/**
 * What is written back into each cascade table (spec section 6): one value per data row for each
 * computed column, derived from the report, so every host writes exactly the same cells.
 */

import { parseCellAddress } from './addresses';
import { rowKey } from './engine';
import type { COMPUTED_HEADERS } from './headers';
import type { CascadeReport, CellValue, NodeReport, SourceTable } from './types';

export type ColumnFormat = 'percent' | 'text' | 'boolean';

export interface ComputedColumn {
  header: (typeof COMPUTED_HEADERS)[number];
  format: ColumnFormat;
  /** One value per data row of the table, in its order; null leaves the cell empty. */
  values: CellValue[];
}

type Cells = (node: NodeReport) => CellValue;

export const COMPUTED_COLUMNS: readonly { header: ComputedColumn['header']; format: ColumnFormat; value: Cells }[] = [
  { header: 'Progress', format: 'percent', value: (node) => node.progress },
  { header: 'Score', format: 'percent', value: (node) => node.score },
  { header: 'Expected', format: 'percent', value: (node) => node.expected },
  { header: 'Status', format: 'text', value: (node) => node.status },
  { header: 'Contribution', format: 'percent', value: (node) => node.contribution },
  { header: 'Aligned', format: 'boolean', value: (node) => node.aligned },
  { header: 'Path', format: 'text', value: (node) => node.path },
  { header: 'Issues', format: 'text', value: (node) => node.issues.join('; ') || null },
];

/**
 * The computed columns for one source table, or an empty list when the table is not part of the
 * cascade. Rows that are not nodes (blank rows, rows without an ID) get only their issue codes.
 */
export function computedColumns(report: CascadeReport, source: SourceTable): ComputedColumn[] {
  const index = indexOf(report);
  const workbook = source.workbook ?? null;
  const role = index.roles.get(rowKey(workbook, source.sheet, source.table, null));
  if (role === undefined || role === 'skipped') return [];
  const headerRow = parseCellAddress(source.origin)?.row ?? 1;
  const keys = source.rows.map((_, row) => rowKey(workbook, source.sheet, source.table, headerRow + 1 + row));
  return COMPUTED_COLUMNS.map(({ header, format, value }) => ({
    header,
    format,
    values: keys.map((key) => {
      const node = index.nodes.get(key);
      if (node) return value(node);
      return header === 'Issues' ? index.codes.get(key)?.join('; ') ?? null : null;
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
