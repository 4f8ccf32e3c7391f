/**
 * The cascade as the tree shows it: one item per node under its linked parent, root objectives
 * first, then everything that hangs loose (unaligned KPIs, broken links, duplicate IDs) under one
 * "Not aligned" branch. Pure, so that it is tested without React.
 */

import { columnLetters, parseCellAddress, reportIndex, rowKey, type CascadeReport, type NodeReport, type SourceTable } from '../core';

export interface CascadeItem {
  value: string;
  parentValue?: string;
  /** null for the "Not aligned" branch. */
  node: NodeReport | null;
  childCount: number;
}

export const UNALIGNED_BRANCH = 'kpi-align:not-aligned';

/** Depth-first: every item follows its parent, and a parent's children follow it together. */
export function cascadeItems(report: CascadeReport): CascadeItem[] {
  const index = reportIndex(report);
  const tops = report.nodes.filter((node) => index.parentOf(node) === null);
  const items: CascadeItem[] = [];
  const visit = (top: NodeReport, parentValue: string | undefined) => {
    // An explicit stack, not recursion: a chain can be thousands of links deep.
    const stack: { node: NodeReport; parentValue: string | undefined }[] = [{ node: top, parentValue }];
    while (stack.length > 0) {
      const { node, parentValue: parent } = stack.pop() as { node: NodeReport; parentValue: string | undefined };
      const value = nodeValue(node);
      const kids = index.childrenOf(node);
      items.push({ value, parentValue: parent, node, childCount: kids.length });
      for (let position = kids.length - 1; position >= 0; position--) stack.push({ node: kids[position], parentValue: value });
    }
  };
  const aligned = tops.filter((node) => node.aligned);
  const loose = tops.filter((node) => !node.aligned);
  for (const node of aligned) visit(node, undefined);
  if (loose.length > 0) {
    items.push({ value: UNALIGNED_BRANCH, node: null, childCount: loose.length });
    for (const node of loose) visit(node, UNALIGNED_BRANCH);
  }
  return items;
}

export function nodeValue(node: NodeReport): string {
  return rowKey(node.workbook, node.sheet, node.table, node.row);
}

/** The root objectives' values: the tree opens showing the first level below them. */
export function rootValues(items: readonly CascadeItem[]): string[] {
  return items.filter((item) => item.parentValue === undefined && item.childCount > 0).map((item) => item.value);
}

/** The worksheet range of a node's table row ("A7:S7"), or its first cell when the table is not known. */
export function nodeRowAddress(node: NodeReport, tables: readonly SourceTable[]): string {
  const table = tables.find(
    (candidate) => candidate.sheet === node.sheet && candidate.table === node.table && (candidate.workbook ?? null) === node.workbook,
  );
  const origin = table ? parseCellAddress(table.origin) : null;
  if (!table || !origin) return `A${node.row}`;
  const last = origin.column + Math.max(table.header.length, 1) - 1;
  return `${columnLetters(origin.column)}${node.row}:${columnLetters(last)}${node.row}`;
}
