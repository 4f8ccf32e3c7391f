/**
 * One index over a report: the cascade's graph as the engine linked it, and the issues of each
 * worksheet row. Every host (the checker's --write, the task pane, the custom functions) reads links
 * and issues through it, so none works them out again from a node's Parent, Path or issue codes.
 * A report is never changed once `checkTables` returns it, so its index is built once, part by part
 * as it is first asked for, however many tables are written or IDs looked up.
 */

import { rowKey } from './engine';
import type { CascadeReport, Issue, NodeReport, TableRole } from './types';

export interface ReportIndex {
  /** The node this one is linked to; null when it has no Parent or the engine cut the link. */
  parentOf(node: NodeReport): NodeReport | null;
  /** The nodes linked to this one, in report order (reading order). */
  childrenOf(node: NodeReport): readonly NodeReport[];
  /** The issues on the node's row, in report order. */
  issuesOf(node: NodeReport): readonly Issue[];
  /** The node on a worksheet row; null for a row that is not a node (blank, without an ID, not in the cascade). */
  rowOf(workbook: string | null | undefined, sheet: string, table: string | null, row: number): NodeReport | null;
  /** The role the engine gave a table; null for a table the report does not list. */
  roleOf(workbook: string | null | undefined, sheet: string, table: string | null): TableRole | null;
  /** The codes of the issues on a worksheet row, node or not, each once, in report order. */
  codesAt(workbook: string | null | undefined, sheet: string, table: string | null, row: number): readonly string[];
}

const NONE: readonly never[] = [];

const indexes = new WeakMap<CascadeReport, ReportIndex>();

/** The report's index, built on first use and kept as long as the report is. */
export function reportIndex(report: CascadeReport): ReportIndex {
  let index = indexes.get(report);
  if (!index) {
    index = buildIndex(report);
    indexes.set(report, index);
  }
  return index;
}

const nodeKey = (node: NodeReport) => rowKey(node.workbook, node.sheet, node.table, node.row);

function buildIndex(report: CascadeReport): ReportIndex {
  const nodes = report.nodes;
  let children: Map<NodeReport, NodeReport[]> | null = null;
  let rows: Map<string, NodeReport> | null = null;
  let roles: Map<string, TableRole> | null = null;
  let issues: Map<string, Issue[]> | null = null;
  let codes: Map<string, string[]> | null = null;

  const childrenMap = () => {
    if (!children) {
      children = new Map();
      for (const node of nodes) {
        if (node.linkedParent === null) continue;
        const parent = nodes[node.linkedParent];
        const list = children.get(parent);
        if (list) list.push(node);
        else children.set(parent, [node]);
      }
    }
    return children;
  };
  const rowMap = () => (rows ??= new Map(nodes.map((node) => [nodeKey(node), node])));
  const roleMap = () => (roles ??= new Map(report.tables.map((table) => [rowKey(table.workbook, table.sheet, table.table, null), table.role])));
  const issueMap = () => {
    if (!issues) {
      issues = new Map();
      for (const issue of report.issues) {
        const key = rowKey(issue.workbook, issue.sheet, issue.table, issue.row);
        const list = issues.get(key);
        if (list) list.push(issue);
        else issues.set(key, [issue]);
      }
    }
    return issues;
  };
  const codeMap = () => {
    if (!codes) {
      codes = new Map();
      for (const [key, list] of issueMap()) codes.set(key, [...new Set(list.map((issue) => issue.code))]);
    }
    return codes;
  };

  return {
    parentOf: (node) => (node.linkedParent === null ? null : nodes[node.linkedParent] ?? null),
    childrenOf: (node) => childrenMap().get(node) ?? NONE,
    issuesOf: (node) => issueMap().get(nodeKey(node)) ?? NONE,
    rowOf: (workbook, sheet, table, row) => rowMap().get(rowKey(workbook ?? null, sheet, table, row)) ?? null,
    roleOf: (workbook, sheet, table) => roleMap().get(rowKey(workbook ?? null, sheet, table, null)) ?? null,
    codesAt: (workbook, sheet, table, row) => codeMap().get(rowKey(workbook ?? null, sheet, table, row)) ?? NONE,
  };
}
