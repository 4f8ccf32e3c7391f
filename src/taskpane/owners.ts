/** The owners of a report, each KPI behind with the actual it needs (KPI.REQUIRED's answer). */

import { ownerSummaries, type CascadeReport, type OwnerSummary, type SourceTable } from '../core';
import { requiredActuals } from '../functions/required';

export function ownersOf(report: CascadeReport, tables: readonly SourceTable[]): OwnerSummary[] {
  const required = requiredActuals(tables);
  return ownerSummaries(report, (node) => required(node.id));
}
