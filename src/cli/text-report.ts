/** The report for a person at a terminal: the summary first, then the issues grouped by severity and rule. */

import { SEVERITIES, type CascadeReport, type Issue, type Location, type RuleCode, type Severity, type Status } from '../core';
import { paint, Terminal, Colour } from './terminal';

const SEVERITY_HEADINGS: Record<Severity, { title: string; colour: Colour }> = {
  error: { title: 'Errors', colour: 'red' },
  warning: { title: 'Warnings', colour: 'yellow' },
  info: { title: 'Notes', colour: 'cyan' },
};

export const STATUS_COLOUR: Record<Status, Colour> = {
  Achieved: 'green', 'On track': 'green', 'At risk': 'yellow', 'Off track': 'red', 'No data': 'grey',
};

export function percent(value: number | null): string {
  return value === null ? 'no data' : `${(value * 100).toFixed(1)}%`;
}

function bar(value: number | null, width = 20): string {
  if (value === null) return ' '.repeat(width);
  const filled = Math.round(Math.min(1, Math.max(0, value)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Where an issue or a KPI is, with the workbook in Excel's [book.xlsx] notation when several were checked. */
export function place(where: Pick<Location, 'workbook' | 'sheet' | 'row' | 'cell'>, manyWorkbooks: boolean): string {
  const cell = where.cell ?? `${where.sheet}${where.row ? ` row ${where.row}` : ''}`;
  return manyWorkbooks && where.workbook ? `[${where.workbook}]${cell}` : cell;
}

/** The report as text; `sections` (such as the owners, already rendered) come between the summary and the issues. */
export function renderTextReport(report: CascadeReport, terminal: Terminal, sections: readonly string[] = []): string {
  const lines: string[] = [];
  const { summary } = report;
  const workbooks = new Set(report.tables.map((table) => table.workbook));
  const cascadeTables = report.tables.filter((table) => table.role !== 'skipped');
  const bold = (text: string) => paint(terminal, 'bold', text);

  lines.push(bold(`KPI Align: ${plural(summary.objectives, 'objective')} and ${plural(summary.kpis, 'KPI')} in ${plural(cascadeTables.length, 'table')}, as of ${report.asOf}`));
  lines.push('');
  lines.push(`  Org score      ${bold(percent(summary.orgScore))}`);
  lines.push(`  Coverage       ${percent(summary.coverage)} of KPIs aligned (${summary.aligned} of ${summary.kpis})`);
  const perspectives = Object.entries(summary.byPerspective);
  if (perspectives.length > 0) {
    const width = Math.max(...perspectives.map(([name]) => name.length));
    perspectives.forEach(([name, score], index) => {
      const label = index === 0 ? '  Perspectives   ' : '                 ';
      lines.push(`${label}${name.padEnd(width)}  ${bar(score)} ${percent(score)}`);
    });
  }
  const statuses = (Object.entries(summary.status) as [Status, number][])
    .map(([status, count]) => paint(terminal, STATUS_COLOUR[status], `${status} ${count}`));
  lines.push(`  Status         ${statuses.join(' · ')}`);
  lines.push('');
  for (const section of sections) lines.push(section, '');

  for (const severity of SEVERITIES) {
    const { title, colour } = SEVERITY_HEADINGS[severity];
    const issues = report.issues.filter((issue) => issue.severity === severity);
    if (issues.length === 0) continue;
    lines.push(paint(terminal, colour, bold(`${title} (${issues.length})`)));
    const byCode = new Map<RuleCode, Issue[]>();
    for (const issue of issues) {
      const group = byCode.get(issue.code);
      if (group) group.push(issue);
      else byCode.set(issue.code, [issue]);
    }
    for (const [code, group] of byCode) {
      lines.push(`  ${paint(terminal, colour, code)} (${group.length})`);
      const placed = group.map((issue) => [place(issue, workbooks.size > 1), issue.message] as const);
      // A loop, not Math.max(...): a rule can have hundreds of thousands of issues, past the argument limit.
      let width = 0;
      for (const [where] of placed) width = Math.max(width, Math.min(28, where.length));
      for (const [where, message] of placed) lines.push(`    ${paint(terminal, 'grey', where.padEnd(width))}  ${message}`);
    }
    lines.push('');
  }

  const skipped = report.tables.filter((table) => table.role === 'skipped');
  if (cascadeTables.length === 0) lines.push('No cascade table found: a table needs an ID column and one of Parent, Level, Perspective or Target.');
  if (skipped.length > 0) {
    lines.push(paint(terminal, 'grey', `Skipped (not cascade tables): ${skipped.map((table) => table.table ?? `sheet ${table.sheet}`).join(', ')}`));
  }
  lines.push(`${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'note')}.`);
  return `${lines.join('\n')}\n`;
}
