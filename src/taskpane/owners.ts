/**
 * The owners of a report. Listing them is quick (a pass over the report); the required actual of a
 * KPI behind is a KPI.REQUIRED search (up to 80 engine runs on the parent's subtree), so the Owners
 * tab asks for it only for the owner on screen, and the owner report for everyone.
 */

import {
  isBehind, ownerSummaries, requiredActuals, withRequiredActual, type CascadeReport, type OwnerSummary, type RequiredActual, type SourceTable,
} from '../core';

export { ownersWithRequired } from '../core';

export type RequiredOf = (id: string) => RequiredActual;

/** Every owner and their KPIs, without required actuals. */
export function ownersOf(report: CascadeReport): OwnerSummary[] {
  return ownerSummaries(report);
}

/** The search for required actuals over the checked tables, at the report's settings (the cascade is read once, on first use). */
export function requiredOf(report: CascadeReport, tables: readonly SourceTable[]): RequiredOf {
  return requiredActuals(tables, report);
}

/** One owner with the required actual of each KPI behind. */
export function withRequired(owner: OwnerSummary, required: RequiredOf): OwnerSummary {
  return {
    ...owner,
    kpis: owner.kpis.map((kpi) => (isBehind(kpi.status) ? withRequiredActual(kpi, required(kpi.id)) : kpi)),
  };
}
