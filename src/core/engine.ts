/**
 * The engine: plain tables in, a cascade report out (spec sections 1–5 and 7).
 * It never throws on a workbook's contents: every problem becomes an issue in the report.
 */

import { checkCascade } from './checks';
import { computeCascade, rootObjectives, weightedScore } from './compute';
import { isoFromSerial } from './dates';
import { fieldLocation, IssueList } from './issues';
import { linkNodes } from './links';
import { CascadeNode, readNodes } from './nodes';
import { settingsOrThrow, SettingsInput } from './settings';
import { analyseTable, CascadeTable } from './tables';
import {
  CascadeReport, Issue, NodeReport, Settings, SourceTable, STATUSES, Status, Summary, TableReport, TableRole,
} from './types';

/** Checks and computes the cascade held in the given tables (of one or several workbooks). */
export function checkTables(sources: readonly SourceTable[], settingsInput?: Settings | SettingsInput): CascadeReport {
  const settings = isResolved(settingsInput) ? settingsInput : settingsOrThrow(settingsInput);
  const issues = new IssueList();
  const tables = sources.map((source) => analyseTable(source, issues));
  const allNodes = tables.filter((table) => table.participates).flatMap((table) => readNodes(table, issues));
  const { nodes } = linkNodes(allNodes, issues, tables.filter((table) => !table.participates));
  computeCascade(nodes, settings, issues);
  checkCascade(nodes, tables, settings, issues);

  const sortedIssues = sortIssues(issues.items, tables);
  return {
    asOf: isoFromSerial(settings.asOf),
    settings: { onTrack: settings.onTrack, atRisk: settings.atRisk, scoreCap: settings.scoreCap },
    tables: tables.map((table) => tableReport(table, allNodes)),
    nodes: nodeReports(allNodes),
    issues: sortedIssues,
    summary: summarise(allNodes, nodes, sortedIssues),
  };
}

function isResolved(input: Settings | SettingsInput | undefined): input is Settings {
  return !!input && typeof input.asOf === 'number' && input.onTrack !== undefined && input.atRisk !== undefined && input.scoreCap !== undefined;
}

/** The key of a worksheet row, shared by issues and nodes. */
export function rowKey(workbook: string | null, sheet: string, table: string | null, row: number | null): string {
  return `${workbook ?? ''}\u0000${sheet}\u0000${table ?? ''}\u0000${row ?? ''}`;
}

/** Issues in workbook order: table by table, row by row, left to right. */
function sortIssues(issues: Issue[], tables: CascadeTable[]): Issue[] {
  const tableOrder = new Map(tables.map((table, index) => [rowKey(table.workbook, table.sheet, table.name, null), index]));
  const order = (issue: Issue) => tableOrder.get(rowKey(issue.workbook, issue.sheet, issue.table, null)) ?? tables.length;
  return issues
    .map((issue, index) => ({ issue, index, table: order(issue) }))
    .sort((a, b) => a.table - b.table || (a.issue.row ?? 0) - (b.issue.row ?? 0) || a.index - b.index)
    .map(({ issue }) => issue);
}

function tableReport(table: CascadeTable, nodes: CascadeNode[]): TableReport {
  let role: TableRole = 'skipped';
  if (table.participates) {
    const mine = nodes.filter((node) => node.table === table);
    const objectives = mine.filter((node) => node.kind === 'objective').length;
    if (mine.length === 0) role = table.objectiveNamed ? 'objectives' : 'kpis';
    else role = objectives === mine.length ? 'objectives' : objectives === 0 ? 'kpis' : 'mixed';
  }
  table.role = role;
  return { workbook: table.workbook, sheet: table.sheet, table: table.name, rows: table.source.rows.length, role };
}

/**
 * Report numbers rounded to 12 significant digits: exact to any finance purpose, and free of binary
 * noise such as 0.8000000000000002. Dividing a whole number by an exact power of ten gives the
 * nearest double to the decimal, so the common case needs no string conversion.
 */
export function tidy(value: number | null): number | null {
  if (value === null || value === 0 || !Number.isFinite(value)) return value;
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -10 || exponent > 10) return Number(value.toPrecision(12));
  const scale = 10 ** (11 - exponent);
  return Math.round(value * scale) / scale;
}

/** The report's nodes in reading order, each naming its linked parent by position among them. */
function nodeReports(allNodes: CascadeNode[]): NodeReport[] {
  const position = new Map(allNodes.map((node, index) => [node, index]));
  return allNodes.map((node) => nodeReport(node, node.parent ? (position.get(node.parent) as number) : null));
}

function nodeReport(node: CascadeNode, linkedParent: number | null): NodeReport {
  const table = node.table;
  return {
    id: node.id,
    name: node.name,
    kind: node.kind,
    level: node.levelText,
    parent: node.parentText,
    workbook: table.workbook,
    sheet: table.sheet,
    table: table.name,
    row: node.row,
    progress: tidy(node.progress),
    score: tidy(node.score),
    expected: tidy(node.expected),
    status: node.status,
    contribution: tidy(node.contribution),
    aligned: node.aligned,
    path: node.path,
    issues: node.issueCodes,
    owner: node.owner,
    cell: fieldLocation(table, node.rowIndex, 'id').cell,
    linkedParent,
    levelRank: node.levelRank,
  };
}

function summarise(allNodes: CascadeNode[], nodes: CascadeNode[], issues: Issue[]): Summary {
  const kpis = allNodes.filter((node) => node.kind === 'kpi');
  const aligned = kpis.filter((node) => node.aligned).length;
  const roots = rootObjectives(nodes);
  const perspectives = new Set(roots.map((root) => root.perspective).filter((p): p is string => p !== null));
  // fromEntries makes own properties even of names such as "__proto__".
  const byPerspective = Object.fromEntries(
    [...perspectives].map((perspective) => [perspective, tidy(weightedScore(roots.filter((root) => root.perspective === perspective)))]),
  );
  const status = Object.fromEntries(STATUSES.map((name) => [name, 0])) as Record<Status, number>;
  for (const node of allNodes) status[node.status]++;
  const count = (severity: Issue['severity']) => issues.filter((issue) => issue.severity === severity).length;
  return {
    objectives: allNodes.length - kpis.length,
    kpis: kpis.length,
    aligned,
    coverage: kpis.length > 0 ? tidy(aligned / kpis.length) : null,
    orgScore: tidy(weightedScore(roots)),
    byPerspective,
    status,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
  };
}
