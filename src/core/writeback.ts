/**
 * What is written back into each cascade table (spec section 6): one value per data row for each
 * computed column, derived from the report, so every host writes exactly the same cells.
 */

import { parseCellAddress } from './addresses';
import type { COMPUTED_HEADERS } from './headers';
import { reportIndex } from './report-index';
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
  const index = reportIndex(report);
  const workbook = source.workbook ?? null;
  const role = index.roleOf(workbook, source.sheet, source.table);
  if (role === null || role === 'skipped') return [];
  const headerRow = parseCellAddress(source.origin)?.row ?? 1;
  const rows = source.rows.map((_, row) => headerRow + 1 + row);
  const nodes = rows.map((row) => index.rowOf(workbook, source.sheet, source.table, row));
  return COMPUTED_COLUMNS.map(({ header, format, value }) => ({
    header,
    format,
    values: rows.map((row, position) => {
      const node = nodes[position];
      if (node) return value(node);
      return header === 'Issues' ? index.codesAt(workbook, source.sheet, source.table, row).join('; ') || null : null;
    }),
  }));
}
