/**
 * The required actual (KPI.REQUIRED): the actual a KPI must reach for its parent's score to reach 1,
 * everything else unchanged. The engine is the judge: the parent's subtree is copied out of the
 * cascade (it alone decides the parent's score) and the KPI's actual is searched for by bisection,
 * each step a run of `checkTables` on that subtree. Where the parent averages its children's scores,
 * the search runs over the KPI's own progress, turned into an actual by the inverse of its progress
 * formula (`actualForProgress`); where it sums their actuals, over the actual itself.
 *
 * Host-neutral: the custom function turns an answer into a number or an Excel error, the checker and
 * the task pane into a value or a note (`requiredActuals`).
 */

import { checkedCascade, type CheckedCascade } from './checked-cascade';
import { checkTables } from './engine';
import { actualForProgress } from './formulas';
import { explainsMissingScore } from './rules';
import { fieldForHeader, type Field } from './headers';
import type { RequiredActual } from './owners';
import { settingsOrThrow } from './settings';
import type { CascadeReport, CellValue, Issue, NodeReport, Settings, SourceTable } from './types';
import { readRow } from './nodes';
import { displayText, idKey, parseRollup } from './values';

/** Bisection steps: enough to close any interval of doubles. */
const STEPS = 80;
/** Doublings tried when the search has no natural bounds (a parent that sums its children's actuals). */
const DOUBLINGS = 64;

/** What the search reads of a checked cascade: the tables the engine read, its settings and its links. */
export interface RequiredCascade {
  readonly tables: readonly SourceTable[];
  readonly settings: Settings;
  /** The node a node is linked to, or null. */
  parentOf(node: NodeReport): NodeReport | null;
  /** A node's linked children, in reading order. */
  childrenOf(node: NodeReport): readonly NodeReport[];
  /** Where a node's row is in `tables`: the table's index and the row's index among its data rows. */
  locate(node: NodeReport): { table: number; rowIndex: number };
  /** The node's own issues. */
  issuesOf(node: NodeReport): readonly Issue[];
}

/**
 * The actual needed, or why there is none: `no-answer` when no actual brings the parent to 1 or there
 * is no parent (KPI.REQUIRED's #N/A), `own-error` when an error of the KPI's own row leaves it without
 * progress (its #VALUE!, naming the rule).
 */
export type RequiredAnswer = { value: number } | { value: null; reason: 'no-answer' | 'own-error'; message: string };

const noAnswer = (message: string): RequiredAnswer => ({ value: null, reason: 'no-answer', message });

/** The actual the node needs for its parent's score to reach 1. */
export function requiredActual(cascade: RequiredCascade, node: NodeReport): RequiredAnswer {
  const parent = cascade.parentOf(node);
  if (!parent) return noAnswer(`No data: ${node.id} has no parent linked to it, so there is no parent score to reach.`);
  const parentScore = subtreeScore(cascade, parent, node);
  const parentRollup = parseRollup(cellOf(cascade, cascade.locate(parent), 'rollup'));
  if (parentRollup === 'sum') return solveForSum(cascade, node, parent, parentScore);

  const error = cascade.issuesOf(node).find((issue) => issue.severity === 'error' && explainsMissingScore(issue));
  if (error) return { value: null, reason: 'own-error', message: `${error.code}: ${error.message}` };
  const actualAt = actualForProgress(progressInputOf(cascade, cascade.locate(node)));
  if (!actualAt) return noAnswer(`No data: ${node.id} has no target, so no actual gives it progress.`);
  const best = parentScore(actualAt(cascade.settings.scoreCap));
  if (best < 1) {
    return noAnswer(`Even at its best, ${node.id} leaves ${parent.id} at a score of ${formatScore(best)}: no actual brings ${parent.id} to 100%.`);
  }
  if (parentScore(actualAt(0)) >= 1) return { value: rounded(actualAt(0)) };
  let low = 0;
  let high = cascade.settings.scoreCap;
  for (let step = 0; step < STEPS && high - low > 0; step++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (parentScore(actualAt(middle)) >= 1) high = middle;
    else low = middle;
  }
  return { value: rounded(actualAt(high), (value) => parentScore(value) >= 1) };
}

// ---------------------------------------------------------------- the node's cells

interface Row {
  table: number;
  rowIndex: number;
}

function columnOf(table: SourceTable, field: Field): number {
  return table.header.findIndex((cell) => fieldForHeader(cell) === field);
}

function cellOf(cascade: RequiredCascade, row: Row, field: Field): CellValue {
  const table = cascade.tables[row.table];
  const column = columnOf(table, field);
  return column < 0 ? null : table.rows[row.rowIndex][column];
}

/** The row as the engine reads it (`readRow`): a target written as text, a guessed direction and all. */
function rowOf(cascade: RequiredCascade, row: Row) {
  return readRow(cascade.tables[row.table], row.rowIndex);
}

/** The node's progress formula as the engine reads it: a blank Direction is higher is better, a tolerance has no sign. */
function progressInputOf(cascade: RequiredCascade, row: Row) {
  const node = rowOf(cascade, row);
  return {
    direction: node.direction ?? 'higher',
    actual: node.actual,
    target: node.target,
    baseline: node.baseline,
    targetMin: node.targetMin,
    targetMax: node.targetMax,
    tolerance: node.tolerance ?? 0,
  };
}

// ---------------------------------------------------------------- the search

/** A parent that sums its children's actuals: search outward from the current actual, then bisect. */
function solveForSum(cascade: RequiredCascade, node: NodeReport, parent: NodeReport, parentScore: (actual: number) => number): RequiredAnswer {
  const row = cascade.locate(node);
  const start = rowOf(cascade, row).actual ?? 0;
  const parentRow = rowOf(cascade, cascade.locate(parent));
  const unit = Math.max(Math.abs(start), Math.abs(parentRow.target ?? 0), 1);
  const parentDirection = parentRow.direction;
  const orientations = parentDirection === 'lower' ? [-1] : parentDirection === 'range' ? [1, -1] : [1];
  for (const sign of orientations) {
    const reaches = (t: number) => parentScore(start + sign * t) >= 1;
    let low: number;
    let high: number;
    if (reaches(0)) {
      // Already there: find where it stops being so, below.
      let step = unit;
      let found = false;
      for (let tries = 0; tries < DOUBLINGS && !found; tries++, step *= 2) found = !reaches(-step);
      if (!found) return noAnswer(`${parent.id} reaches a score of 1 whatever ${node.id}'s actual is.`);
      low = -step / 2;
      high = 0;
    } else {
      let step = unit;
      let found = false;
      for (let tries = 0; tries < DOUBLINGS && !found; tries++, step *= 2) found = reaches(step);
      if (!found) continue;
      low = step / 4 > unit ? step / 4 : 0;
      high = step / 2;
    }
    for (let step = 0; step < STEPS; step++) {
      const middle = (low + high) / 2;
      if (middle === low || middle === high) break;
      if (reaches(middle)) high = middle;
      else low = middle;
    }
    return { value: rounded(start + sign * high, (value) => parentScore(value) >= 1) };
  }
  return noAnswer(`No actual of ${node.id} brings ${parent.id}'s sum to a score of 1.`);
}

/**
 * The answer as a person would write it: the shortest rounding within a billionth of the value found
 * that still brings the parent to 1 (the search ends a hair from the threshold, such as 99.9999999999
 * for 100, because the report rounds scores to 12 digits).
 */
function rounded(value: number, reaches?: (value: number) => boolean): number {
  const tolerance = 1e-9 * Math.max(Math.abs(value), 1);
  for (let digits = 1; digits <= 15; digits++) {
    const candidate = Number(value.toPrecision(digits));
    if (Math.abs(candidate - value) <= tolerance && (!reaches || reaches(candidate))) return candidate;
  }
  return value;
}

/** A score as the reports show it: a percentage with one decimal, "62.0%". */
function formatScore(score: number): string {
  return `${(score * 100).toFixed(1)}%`;
}

/**
 * The parent's score as a function of the node's actual. The parent's subtree is copied with the
 * parent made a root (its own parent does not enter its score) and the node's actual replaced.
 */
function subtreeScore(cascade: RequiredCascade, parent: NodeReport, node: NodeReport): (actual: number) => number {
  const members: NodeReport[] = [parent];
  for (let index = 0; index < members.length; index++) members.push(...cascade.childrenOf(members[index]));
  const rowsByTable = new Map<number, number[]>();
  for (const member of members) {
    const { table, rowIndex } = cascade.locate(member);
    const list = rowsByTable.get(table) ?? [];
    list.push(rowIndex);
    rowsByTable.set(table, list);
  }
  const target = cascade.locate(node);
  const parentRow = cascade.locate(parent);
  let actualCell: CellValue[] = [];
  let actualColumn = 0;
  const tables: SourceTable[] = [...rowsByTable.entries()].map(([tableIndex, indices]) => {
    const source = cascade.tables[tableIndex];
    let header = source.header;
    let actual = columnOf(source, 'actual');
    if (tableIndex === target.table && actual < 0) {
      header = [...header, 'Actual'];
      actual = header.length - 1;
    }
    const parentColumn = columnOf(source, 'parent');
    const rows = indices.sort((a, b) => a - b).map((rowIndex) => {
      const cells = [...source.rows[rowIndex]];
      while (cells.length < header.length) cells.push(null);
      if (tableIndex === parentRow.table && rowIndex === parentRow.rowIndex && parentColumn >= 0) cells[parentColumn] = null;
      if (tableIndex === target.table && rowIndex === target.rowIndex) {
        actualCell = cells;
        actualColumn = actual;
      }
      return cells;
    });
    return { ...source, header, rows };
  });
  const parentKey = idKey(parent.id);
  return (actual: number) => {
    actualCell[actualColumn] = actual;
    const report = checkTables(tables, cascade.settings);
    const found = report.nodes.find((candidate) => idKey(candidate.id) === parentKey);
    return found?.score ?? -Infinity;
  };
}

// ---------------------------------------------------------------- hosts that hold the tables

/**
 * The required actual for a host that holds the engine's tables and its report (the checker, the
 * task pane): the search runs on the host's own tables, with their names and the report's settings
 * (its score cap above all), so that it answers for the cascade the report shows. For an ID, the
 * actual needed, or null with the reason (the message KPI.REQUIRED's #N/A or #VALUE! carries). The
 * engine runs on the tables once, at the first ID asked for.
 */
export function requiredActuals(tables: readonly SourceTable[], report: CascadeReport): (id: string) => RequiredActual {
  let cascade: CheckedCascade | null = null;
  return (id) => {
    cascade ??= checkedCascade(tables, settingsOrThrow({ asOf: report.asOf, ...report.settings }));
    const nodes = cascade.byKey.get(idKey(id));
    if (!nodes) return { value: null, note: `No KPI or objective has the ID "${displayText(id)}" in the cascade ranges.` };
    if (nodes.length > 1) {
      const duplicate = cascade.issuesOf(nodes[0]).find((issue) => issue.severity === 'error' && issue.code === 'duplicate-id');
      return { value: null, note: duplicate ? `${duplicate.code}: ${duplicate.message}` : `duplicate-id: ${nodes.length} rows have the ID "${displayText(id)}".` };
    }
    const answer = requiredActual(cascade, nodes[0]);
    return answer.value === null ? { value: null, note: answer.message } : { value: answer.value, note: null };
  };
}
