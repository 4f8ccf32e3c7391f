/**
 * KPI.REQUIRED: the actual value a KPI must reach for its parent's score to reach 1, everything else
 * unchanged. The engine is the judge: the parent's subtree is copied out of the cascade (it alone
 * decides the parent's score) and the KPI's actual is searched for by bisection, each step a run of
 * `checkTables` on that subtree. A search that cannot bring the parent to 1 gives #N/A.
 */

import { checkTables, fieldForHeader, idKey, INVALID, ownerSummaries, parseDirection, parseNumber, parseRollup, settingsOrThrow } from '../core';
import type { CascadeReport, CellValue, NodeReport, OwnerSummary, RequiredActual, Settings, SourceTable } from '../core';
import { rangeBand } from '../core';
import { Cascade, cascadeOfTables } from './cascade-args';
import { isFunctionError, notAvailable } from './errors';
import { Answer, explainsScore, findNode, ownError, perId } from './kpi';

type Field = NonNullable<ReturnType<typeof fieldForHeader>>;

/** Bisection steps: enough to close any interval of doubles. */
const STEPS = 80;
/** Doublings tried when the search has no natural bounds (a parent that sums its children's actuals). */
const DOUBLINGS = 64;

export function required(id: unknown, cascade: unknown): Answer[][] {
  return perId(id, cascade, 'score', 'parent-subtree', (node, computed) => requiredActual(computed, node));
}

/**
 * KPI.REQUIRED for a host that holds the engine's tables and its report (the checker, the task pane):
 * the search runs on the host's own tables, with their names and the report's settings (its score
 * cap above all), so that it answers for the cascade the report shows. For an ID, the actual needed,
 * or null with the reason (the message KPI.REQUIRED's #N/A or #VALUE! would carry). The engine runs
 * on the tables once, at the first ID asked for.
 */
export function requiredActuals(tables: readonly SourceTable[], report: CascadeReport): (id: string) => RequiredActual {
  let cascade: Cascade | null = null;
  return (id) => {
    cascade ??= cascadeOfTables([...tables], settingsOf(report));
    const found = findNode(cascade, id);
    return requiredOf(isFunctionError(found) ? found : requiredActual(cascade, found));
  };
}

/** The owners of a checked cascade, each KPI behind with its required actual: `check --owners` and the owner report. */
export function ownersWithRequired(report: CascadeReport, tables: readonly SourceTable[]): OwnerSummary[] {
  const required = requiredActuals(tables, report);
  return ownerSummaries(report, (node) => required(node.id));
}

/** The settings a report was computed with (its as-of date does not enter a score). */
function settingsOf(report: CascadeReport): Settings {
  return settingsOrThrow({ asOf: report.asOf, ...report.settings });
}

function requiredOf(answer: Answer): RequiredActual {
  if (typeof answer === 'number') return { value: answer, note: null };
  if (isFunctionError(answer)) return { value: null, note: answer.message ?? answer.code };
  return { value: null, note: `KPI.REQUIRED gave "${String(answer)}", not a number.` };
}

interface Row {
  table: number;
  rowIndex: number;
}

function columnOf(table: SourceTable, field: Field): number {
  return table.header.findIndex((cell) => fieldForHeader(cell) === field);
}

function cellOf(cascade: Cascade, row: Row, field: Field): CellValue {
  const table = cascade.tables[row.table];
  const column = columnOf(table, field);
  return column < 0 ? null : table.rows[row.rowIndex][column];
}

function numberOf(cascade: Cascade, row: Row, field: Field): number | null {
  const parsed = parseNumber(cellOf(cascade, row, field));
  return parsed === INVALID ? null : parsed;
}

function requiredActual(cascade: Cascade, node: NodeReport): Answer {
  const parent = cascade.parentOf(node);
  if (!parent) return notAvailable(`No data: ${node.id} has no parent linked to it, so there is no parent score to reach.`);
  const parentScore = subtreeScore(cascade, parent, node);
  const parentRow = cascade.locate(parent);
  const parentRollup = parseRollup(cellOf(cascade, parentRow, 'rollup'));
  if (parentRollup === 'sum') return solveForSum(cascade, node, parent, parentScore);

  const error = ownError(cascade, node, explainsScore);
  if (error) return error;
  const actualAt = actualForProgress(cascade, cascade.locate(node));
  if (!actualAt) return notAvailable(`No data: ${node.id} has no target, so no actual gives it progress.`);
  const best = parentScore(actualAt(cascade.settings.scoreCap));
  if (best < 1) {
    return notAvailable(`Even at its best, ${node.id} leaves ${parent.id} at a score of ${formatScore(best)}: no actual brings ${parent.id} to 100%.`);
  }
  if (parentScore(actualAt(0)) >= 1) return answer(actualAt(0));
  let low = 0;
  let high = cascade.settings.scoreCap;
  for (let step = 0; step < STEPS && high - low > 0; step++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (parentScore(actualAt(middle)) >= 1) high = middle;
    else low = middle;
  }
  return answer(actualAt(high), (value) => parentScore(value) >= 1);
}

/** The actual at which the node's own progress is q, by its direction (spec 4, "Progress"); null without a target. */
function actualForProgress(cascade: Cascade, row: Row): ((q: number) => number) | null {
  const direction = parseDirection(cellOf(cascade, row, 'direction'));
  const target = numberOf(cascade, row, 'target');
  const baseline = numberOf(cascade, row, 'baseline');
  if (direction !== 'range') {
    if (target === null) return null;
    const base = baseline ?? (direction === 'lower' ? 2 * target : 0);
    return (q) => base + q * (target - base);
  }
  const input = {
    direction, actual: numberOf(cascade, row, 'actual'), target, baseline,
    targetMin: numberOf(cascade, row, 'targetMin'), targetMax: numberOf(cascade, row, 'targetMax'),
    tolerance: Math.abs(numberOf(cascade, row, 'tolerance') ?? 0),
  };
  const band = rangeBand(input);
  if (band === null) return null;
  const width = band.high - band.low;
  const reference = target ?? (Number.isFinite(width) ? (band.low + band.high) / 2 : Number.isFinite(band.low) ? band.low : band.high);
  const scale = Number.isFinite(width) && width > 0 ? width : reference !== 0 ? Math.abs(reference) * 0.1 : 0;
  // From the side the actual is on: a KPI above its band comes down to it.
  const above = (input.actual !== null && input.actual > band.high) || !Number.isFinite(band.low);
  return above ? (q) => band.high + (1 - Math.min(q, 1)) * scale : (q) => band.low - (1 - Math.min(q, 1)) * scale;
}

/** A parent that sums its children's actuals: search outward from the current actual, then bisect. */
function solveForSum(cascade: Cascade, node: NodeReport, parent: NodeReport, parentScore: (actual: number) => number): Answer {
  const row = cascade.locate(node);
  const start = numberOf(cascade, row, 'actual') ?? 0;
  const unit = Math.max(Math.abs(start), Math.abs(numberOf(cascade, cascade.locate(parent), 'target') ?? 0), 1);
  const parentDirection = parseDirection(cellOf(cascade, cascade.locate(parent), 'direction'));
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
      if (!found) return notAvailable(`${parent.id} reaches a score of 1 whatever ${node.id}'s actual is.`);
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
    return answer(start + sign * high, (value) => parentScore(value) >= 1);
  }
  return notAvailable(`No actual of ${node.id} brings ${parent.id}'s sum to a score of 1.`);
}

/**
 * The answer as a person would write it: the shortest rounding within a billionth of the value found
 * that still brings the parent to 1 (the search ends a hair from the threshold, such as 99.9999999999
 * for 100, because the report rounds scores to 12 digits).
 */
function answer(value: number, reaches?: (value: number) => boolean): number {
  const tolerance = 1e-9 * Math.max(Math.abs(value), 1);
  for (let digits = 1; digits <= 15; digits++) {
    const rounded = Number(value.toPrecision(digits));
    if (Math.abs(rounded - value) <= tolerance && (!reaches || reaches(rounded))) return rounded;
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
function subtreeScore(cascade: Cascade, parent: NodeReport, node: NodeReport): (actual: number) => number {
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
