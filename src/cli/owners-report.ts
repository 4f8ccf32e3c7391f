/** `check --owners` as text: per owner, the status counts, then each KPI behind with what it needs. */

import { isBehind, STATUSES } from '../core';
import type { OwnerKpi, OwnerSummary } from '../core';
import { paint, Terminal } from './terminal';
import { percent, place, STATUS_COLOUR } from './text-report';

/** An actual as a person would read it: plain digits, at most 12 significant. */
function actualText(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function requiredText(kpi: OwnerKpi): string {
  if (kpi.required !== null) return `required actual ${actualText(kpi.required)}`;
  return `no required actual${kpi.requiredNote ? `: ${kpi.requiredNote}` : ''}`;
}

/** The owners section of the text report, its lines joined (no trailing newline). */
export function renderOwners(owners: readonly OwnerSummary[], terminal: Terminal, manyWorkbooks: boolean): string {
  const lines = [paint(terminal, 'bold', `Owners (${owners.length})`)];
  if (owners.length === 0) lines.push('  No KPIs.');
  for (const summary of owners) {
    const counts = STATUSES.filter((status) => summary.status[status] > 0)
      .map((status) => paint(terminal, STATUS_COLOUR[status], `${status} ${summary.status[status]}`));
    const kpis = `${summary.kpis.length} KPI${summary.kpis.length === 1 ? '' : 's'}`;
    lines.push(`  ${paint(terminal, 'bold', summary.owner)}  ${kpis}: ${counts.join(' · ')}; average score ${percent(summary.averageScore)}`);
    const behind = summary.kpis.filter((kpi) => isBehind(kpi.status));
    const placed = behind.map((kpi) => [place(kpi, manyWorkbooks), kpi] as const);
    const width = Math.min(28, Math.max(0, ...placed.map(([where]) => where.length)));
    for (const [where, kpi] of placed) {
      const status = paint(terminal, STATUS_COLOUR[kpi.status], kpi.status);
      lines.push(`    ${paint(terminal, 'grey', where.padEnd(width))}  ${kpi.id} ${status}, score ${percent(kpi.score)}, contribution ${percent(kpi.contribution)}, ${requiredText(kpi)}`);
    }
  }
  return lines.join('\n');
}
