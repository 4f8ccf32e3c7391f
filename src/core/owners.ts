/**
 * Per-owner summaries: every KPI of the report grouped by the person in its Owner cell, with the
 * status counts and, for the KPIs behind, what it would take to catch up (docs/decisions.md, "Owners").
 */

import { tidy } from './engine';
import { requiredActuals } from './required';
import { STATUSES } from './types';
import type { CascadeReport, NodeReport, OwnerKpi, OwnerSummary, SourceTable, Status } from './types';
import { displayText } from './values';

/** The name listed for KPIs whose Owner cell is blank (or whose table has no Owner column). */
export const NO_OWNER = '(no owner)';

/** The required actual of a KPI behind: a value, or null with the reason in a sentence. */
export interface RequiredActual {
  value: number | null;
  note: string | null;
}

const BEHIND: ReadonlySet<Status> = new Set<Status>(['At risk', 'Off track']);

/** True for a KPI At risk or Off track. */
export function isBehind(status: Status): boolean {
  return BEHIND.has(status);
}

/** Owners are one person whatever the case or the spaces around the name. */
function ownerKey(owner: string | null): string {
  return owner === null ? '' : displayText(owner).toLowerCase();
}

/**
 * The KPIs of the report grouped by owner: owners by name, "(no owner)" last; each owner's KPIs in
 * reading order (table by table, row by row). `required` is asked only for KPIs behind.
 */
export function ownerSummaries(report: CascadeReport, required?: (node: NodeReport) => RequiredActual): OwnerSummary[] {
  const groups = new Map<string, { owner: string; kpis: OwnerKpi[] }>();
  for (const node of report.nodes) {
    if (node.kind !== 'kpi') continue;
    const key = ownerKey(node.owner);
    let group = groups.get(key);
    if (!group) {
      group = { owner: key === '' ? NO_OWNER : displayText(node.owner), kpis: [] };
      groups.set(key, group);
    }
    group.kpis.push(ownerKpi(node, required));
  }
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return [...groups.entries()]
    .sort(([a, first], [b, second]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0) || collator.compare(first.owner, second.owner) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => summary(group.owner, group.kpis));
}

/** The owners of a checked cascade, each KPI behind with its required actual: `check --owners` and the owner report. */
export function ownersWithRequired(report: CascadeReport, tables: readonly SourceTable[]): OwnerSummary[] {
  const required = requiredActuals(tables, report);
  return ownerSummaries(report, (node) => required(node.id));
}

/** The KPI with its required actual; the note is kept only when there is no value. */
export function withRequiredActual(kpi: OwnerKpi, needed: RequiredActual): OwnerKpi {
  return { ...kpi, required: needed.value, requiredNote: needed.value === null ? needed.note : null };
}

function ownerKpi(node: NodeReport, required?: (node: NodeReport) => RequiredActual): OwnerKpi {
  const kpi: OwnerKpi = {
    id: node.id,
    name: node.name,
    level: node.level,
    workbook: node.workbook,
    sheet: node.sheet,
    table: node.table,
    row: node.row,
    cell: node.cell,
    status: node.status,
    score: node.score,
    expected: node.expected,
    contribution: node.contribution,
    required: null,
    requiredNote: null,
    issues: node.issues,
  };
  return required && isBehind(node.status) ? withRequiredActual(kpi, required(node)) : kpi;
}

function summary(owner: string, kpis: OwnerKpi[]): OwnerSummary {
  const status = Object.fromEntries(STATUSES.map((name) => [name, 0])) as Record<Status, number>;
  for (const kpi of kpis) status[kpi.status]++;
  const scores = kpis.map((kpi) => kpi.score).filter((score): score is number => score !== null);
  return {
    owner,
    kpis,
    status,
    behind: status['At risk'] + status['Off track'],
    averageScore: scores.length > 0 ? tidy(scores.reduce((sum, score) => sum + score, 0) / scores.length) : null,
  };
}
