/** The rules that look at the computed cascade as a whole (spec section 5): alignment, coverage, hygiene. */

import { topDownOrder } from './compute';
import { addMonths, isoFromSerial } from './dates';
import { cellLocation, IssueList } from './issues';
import type { CascadeNode } from './nodes';
import { subjectOf } from './rules';
import type { CascadeTable } from './tables';
import type { Settings } from './types';
import { FREQUENCY_PERIOD, PERSPECTIVES } from './vocabulary';

export function checkCascade(nodes: CascadeNode[], tables: CascadeTable[], settings: Settings, issues: IssueList): void {
  const kpiBelow = nodesWithKpiBelow(nodes);
  for (const node of nodes) {
    if (node.kind === 'kpi' && node.parentText === null) issues.addFor(node, 'unaligned', 'parent', {});
    if (node.kind === 'objective' && !kpiBelow.has(node)) issues.addFor(node, 'objective-uncovered', 'id', {});
    if (node.table.columns.owner !== undefined && node.owner === null) issues.addFor(node, 'missing-owner', 'owner', {});
    if (node.kind === 'kpi' && node.children.length === 0 && !hasTarget(node)) issues.addFor(node, 'missing-target', 'target', {});
    const parentDue = node.parent?.effectiveDue ?? null;
    if (node.due !== null && parentDue !== null && node.due > parentDue) {
      issues.addFor(node, 'due-after-parent', 'due', {
        due: isoFromSerial(node.due), parent: subjectOf(node.parent as CascadeNode), parentDue: isoFromSerial(parentDue),
      });
    }
    if (node.updated !== null && node.frequency !== null && node.actual !== null) checkStaleActual(node, settings, issues);
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
  const updated = node.updated as number;
  const period = FREQUENCY_PERIOD[node.frequency as NonNullable<CascadeNode['frequency']>];
  // A month is at least 28 days: most fresh actuals are settled without calendar arithmetic.
  if (period.months && settings.asOf <= updated + 28 * period.months) return;
  const nextUpdate = period.months ? addMonths(updated, period.months) : updated + (period.days as number);
  if (settings.asOf <= nextUpdate) return;
  issues.addFor(node, 'stale-actual', 'updated', {
    updated: isoFromSerial(updated),
    frequency: node.frequency as string,
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
    if (group.length < 2 || new Set(group.map((node) => node.direction)).size < 2) continue;
    for (const node of group) {
      const others = group.filter((other) => other.direction !== node.direction).map((other) => `${other.id} (${other.direction})`);
      issues.addFor(node, 'conflicting-direction', 'direction', { name: node.name as string, direction: node.direction as string, others });
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
