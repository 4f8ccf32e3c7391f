/**
 * A cascade checked over a host's tables, with what the lookups of the custom functions and the
 * required-actual search need: the report, its nodes by ID, the engine's links and issues (through
 * the report's one index) and where each node's row is in the tables. The functions build one from
 * their ranges; the checker and the task pane from their own tables, at their own settings.
 */

import { parseCellAddress } from './addresses';
import { checkTables } from './engine';
import { reportIndex } from './report-index';
import type { CascadeReport, Issue, NodeReport, Settings, SourceTable } from './types';
import { idKey } from './values';

export interface CheckedCascade {
  report: CascadeReport;
  /** The tables the engine read: from ranges, only the cells of the reading's columns; from a host, its own tables. */
  tables: readonly SourceTable[];
  /** Report nodes by ID key; more than one means `duplicate-id`. */
  byKey: Map<string, NodeReport[]>;
  /** Each node's own issues, by its row. */
  issuesOf(node: NodeReport): readonly Issue[];
  /** A node's linked children, in reading order, as the engine linked them. */
  childrenOf(node: NodeReport): readonly NodeReport[];
  /** The node a node is linked to, or null when the engine left it unlinked. */
  parentOf(node: NodeReport): NodeReport | null;
  /** Where a node's row is in `tables`: the table's index and the row's index among its data rows. */
  locate(node: NodeReport): { table: number; rowIndex: number };
  /** The settings the cascade was computed with. */
  settings: Settings;
}

export function checkedCascade(tables: readonly SourceTable[], settings: Settings): CheckedCascade {
  const report = checkTables(tables, settings);
  const byKey = new Map<string, NodeReport[]>();
  for (const node of report.nodes) {
    const key = idKey(node.id);
    const same = byKey.get(key);
    if (same) same.push(node);
    else byKey.set(key, [node]);
  }
  const indexed = reportIndex(report);
  const tableKey = (workbook: string | null | undefined, sheet: string, table: string | null) => `${workbook ?? ''}\u0000${sheet}\u0000${table ?? ''}`;
  const tableIndex = new Map(tables.map((table, index) => [tableKey(table.workbook, table.sheet, table.table), index]));
  const headerRows = tables.map((table) => parseCellAddress(table.origin)?.row ?? 1);
  return {
    report,
    tables,
    byKey,
    issuesOf: indexed.issuesOf,
    childrenOf: indexed.childrenOf,
    parentOf: indexed.parentOf,
    locate(node) {
      const table = tableIndex.get(tableKey(node.workbook, node.sheet, node.table)) ?? -1;
      return { table, rowIndex: table < 0 ? -1 : node.row - headerRows[table] - 1 };
    },
    settings,
  };
}
