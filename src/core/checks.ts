/** The rules that look at the computed cascade as a whole (spec section 5): alignment, coverage, hygiene. */

import { addMonths, isoFromSerial } from './dates';
import { cellLocation, describeCell, fieldLocation, IssueList } from './issues';
import { CascadeNode, subjectOf } from './nodes';
import type { CascadeTable } from './tables';
import type { Settings } from './types';
import { FREQUENCY_PERIOD, PERSPECTIVES } from './vocabulary';
import { topDownOrder } from './compute';

export function checkCascade(nodes: CascadeNode[], tables: CascadeTable[], settings: Settings, issues: IssueList): void {
  const kpiBelow = nodesWithKpiBelow(nodes);
  for (const node of nodes) {
    const subject = subjectOf(node);
    const at = (field: Parameters<typeof fieldLocation>[2]) => {
      const location = fieldLocation(node.table, node.rowIndex, field);
      return { location, cell: describeCell(location) };
    };
    if (node.kind === 'kpi' && node.parentText === null) {
      const { location, cell } = at('parent');
      issues.add('unaligned', location, node.id, { subject, cell });
    }
    if (node.kind === 'objective' && !kpiBelow.has(node)) {
      const { location, cell } = at('id');
      issues.add('objective-uncovered', location, node.id, { subject, cell });
    }
    if (node.table.columns.owner !== undefined && node.owner === null) {
      const { location, cell } = at('owner');
      issues.add('missing-owner', location, node.id, { subject, cell });
    }
    if (node.kind === 'kpi' && node.children.length === 0 && !hasTarget(node)) {
      const { location, cell } = at('target');
      issues.add('missing-target', location, node.id, { subject, cell });
    }
    const parentDue = node.parent?.effectiveDue ?? null;
    if (node.due !== null && parentDue !== null && node.due > parentDue) {
      const { location, cell } = at('due');
      issues.add('due-after-parent', location, node.id, {
        subject, cell, due: isoFromSerial(node.due), parent: subjectOf(node.parent as CascadeNode), parentDue: isoFromSerial(parentDue),
      });
    }
    checkStaleActual(node, settings, issues);
  }
  checkConflictingDirections(nodes, issues);
  checkPerspectives(nodes, tables, issues);
}

/** A target, or for a range KPI a band bound, is what a leaf KPI is measured against. */
function hasTarget(node: CascadeNode): boolean {
  return node.target !== null || (node.direction === 'range' && (node.targetMin !== null || node.targetMax !== null));
}

/** The nodes that have at least one KPI linked somewhere beneath them. */
function nodesWithKpiBelow(nodes: CascadeNode[]): Set<CascadeNode> {
  const covered = new Set<CascadeNode>();
  const order = topDownOrder(nodes);
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index];
    if (node.parent && (node.kind === 'kpi' || covered.has(node))) covered.add(node.parent);
  }
  return covered;
}

/** An actual is stale once the as-of date is past Updated plus one Frequency period. */
function checkStaleActual(node: CascadeNode, settings: Settings, issues: IssueList): void {
  if (node.updated === null || node.frequency === null || node.actual === null) return;
  const period = FREQUENCY_PERIOD[node.frequency];
  const nextUpdate = period.months ? addMonths(node.updated, period.months) : node.updated + (period.days as number);
  if (settings.asOf <= nextUpdate) return;
  const location = fieldLocation(node.table, node.rowIndex, 'updated');
  issues.add('stale-actual', location, node.id, {
    subject: subjectOf(node),
    cell: describeCell(location),
    updated: isoFromSerial(node.updated),
    frequency: node.frequency,
    nextUpdate: isoFromSerial(nextUpdate),
    asOf: isoFromSerial(settings.asOf),
  });
}

/** KPIs that share a name should share a direction: each one that differs from another is reported. */
function checkConflictingDirections(nodes: CascadeNode[], issues: IssueList): void {
  const byName = new Map<string, CascadeNode[]>();
  for (const node of nodes) {
    if (node.kind !== 'kpi' || node.name === null || node.direction === null) continue;
    const key = node.name.toLowerCase().replace(/\s+/g, ' ');
    const group = byName.get(key);
    if (group) group.push(node);
    else byName.set(key, [node]);
  }
  for (const group of byName.values()) {
    if (new Set(group.map((node) => node.direction)).size < 2) continue;
    for (const node of group) {
      const others = group.filter((other) => other.direction !== node.direction).map((other) => `${other.id} (${other.direction})`);
      const location = fieldLocation(node.table, node.rowIndex, 'direction');
      issues.add('conflicting-direction', location, node.id, {
        subject: subjectOf(node), cell: describeCell(location), name: node.name as string, direction: node.direction as string, others,
      });
    }
  }
}

/** Once for the whole cascade, on the Perspective header of the first objectives table that has one. */
function checkPerspectives(nodes: CascadeNode[], tables: CascadeTable[], issues: IssueList): void {
  const named = new Set(nodes.filter((node) => node.kind === 'objective' && node.perspective !== null).map((node) => node.perspective));
  if (named.size === 0) return;
  const missing = PERSPECTIVES.filter((perspective) => !named.has(perspective));
  if (missing.length === 0) return;
  const table = nodes.find((node) => node.kind === 'objective' && node.perspective !== null)?.table ?? tables[0];
  issues.add('perspective-missing', cellLocation(table, null, table.columns.perspective ?? null), null, { missing: [...missing] });
}
