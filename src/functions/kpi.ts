/**
 * The custom functions' logic, free of Excel: arguments in, a value or an error value out.
 * `functions.ts` wraps each in a JSDoc-tagged declaration for Excel's metadata.
 */

import {
  choicesText, computeProgress, parseWrittenNumber, parseWrittenTarget, DIRECTIONS, displayText, expectedProgress, idKey, INVALID, parseDate, parseDirection, parseNumber,
  explainsMissingScore, resolveSettings, rulesWhere, scoreFromProgress, statusOf, todaySerial,
} from '../core';
import type { CellValue, Direction, Issue, NodeReport, Status } from '../core';
import { tidy } from '../core';
import { Cascade, cascadeOf, Reading, Scope } from './cascade-args';
import { ArgumentProblem, FunctionErrorValue, invalidValue, notAvailable } from './errors';

export type Answer = number | string | boolean | FunctionErrorValue;

// ---------------------------------------------------------------- arguments

/** Excel passes an omitted optional argument as null (or undefined); an empty cell as "" or 0 as its type says. */
function omitted(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

function textOf(value: unknown): string {
  return displayText(value as CellValue);
}

function argumentProblem(message: string): ArgumentProblem {
  return new ArgumentProblem(invalidValue(message));
}

/** A number argument: a number, or text the spec reads as one (12%, $1,200, (300)); null when blank. */
export function numberArgument(value: unknown, name: string): number | null {
  if (omitted(value)) return null;
  if (typeof value === 'boolean') throw argumentProblem(`The ${name} is ${value ? 'TRUE' : 'FALSE'}, not a number.`);
  const parsed = parseNumber(value as CellValue);
  if (parsed === INVALID) throw argumentProblem(`The ${name} "${textOf(value)}" is not a number.`);
  return parsed;
}

/** A measured value (actual, baseline) as the engine reads its cell: a number with K/M/B and a unit word allowed (`8 days`, `$1.2M`). */
function measuredArgument(value: unknown, name: string): number | null {
  if (omitted(value)) return null;
  if (typeof value === 'boolean') throw argumentProblem(`The ${name} is ${value ? 'TRUE' : 'FALSE'}, not a number.`);
  const parsed = parseWrittenNumber(value as CellValue);
  if (parsed === INVALID) throw argumentProblem(`The ${name} "${textOf(value)}" is not a number.`);
  return parsed?.value ?? null;
}

/** A target as the engine reads its cell (spec section 8): `≤3%`, `$15K+`, `± 4.5%` say a direction and a tolerance too. */
function targetArgument(value: unknown): { target: number | null; direction: Direction | null; tolerance: number | null } {
  if (omitted(value)) return { target: null, direction: null, tolerance: null };
  if (typeof value === 'boolean') throw argumentProblem(`The target is ${value ? 'TRUE' : 'FALSE'}, not a number.`);
  const parsed = parseWrittenTarget(value as CellValue);
  if (parsed === INVALID) throw argumentProblem(`The target "${textOf(value)}" is not a number.`);
  if (parsed === null) return { target: null, direction: null, tolerance: null };
  return { target: parsed.value, direction: parsed.direction, tolerance: parsed.tolerance };
}

function dateArgument(value: unknown, name: string): number | null {
  if (omitted(value)) return null;
  const parsed = parseDate(value as CellValue);
  if (parsed === INVALID || typeof value === 'boolean') throw argumentProblem(`The ${name} "${textOf(value)}" is not a date; give a date cell, a date serial or text such as 2026-12-31.`);
  return parsed;
}

/** The directions as a team sheet's dropdown offers them, each quoted as a formula would take it. */
const DIRECTION_CHOICES = choicesText(DIRECTIONS.map((term) => `"${term.name}"`));

function directionArgument(value: unknown) {
  if (omitted(value)) return 'higher' as const;
  const parsed = typeof value === 'string' ? parseDirection(value) : INVALID;
  if (parsed === INVALID) {
    throw argumentProblem(`The direction "${textOf(value)}" is not one KPI Align knows; use ${DIRECTION_CHOICES}.`);
  }
  return parsed ?? 'higher';
}

function capArgument(value: unknown): number {
  const cap = numberArgument(value, 'cap') ?? 1;
  if (!(cap >= 1 && cap <= 2)) throw argumentProblem(`The cap ${cap} must be between 1 and 2 (1 means scores stop at 100%).`);
  return cap;
}

function ratioArgument(value: unknown, name: string): number | null {
  const ratio = numberArgument(value, name);
  if (ratio !== null && !(ratio >= 0 && ratio <= 1)) throw argumentProblem(`The ${name} ${ratio} must be between 0 and 1 (0% to 100%).`);
  return ratio;
}

// ---------------------------------------------------------------- scalar formulas (spec section 4)

function progressOf(actual: unknown, target: unknown, baseline: unknown, direction: unknown): number | FunctionErrorValue {
  const written = targetArgument(target);
  // As in a table: the direction argument wins when given, the target's comparator when it is blank;
  // the two disagreeing is the table's invalid-direction.
  const given = omitted(direction) ? null : directionArgument(direction);
  if (given !== null && written.direction !== null && given !== written.direction) {
    return invalidValue(`invalid-direction: the direction "${textOf(direction)}" disagrees with the target "${textOf(target)}", which says ${written.direction}.`);
  }
  const input = {
    direction: given ?? written.direction ?? 'higher',
    actual: measuredArgument(actual, 'actual'),
    target: written.target,
    baseline: measuredArgument(baseline, 'baseline'),
    tolerance: written.tolerance,
  };
  const result = computeProgress(input);
  if (result.progress !== null) return result.progress;
  if ('problem' in result && result.problem === 'baseline-required') {
    return invalidValue(`baseline-required: with no baseline the target must be above 0 (it is ${input.target}); give a baseline.`);
  }
  if ('problem' in result && result.problem === 'zero-span') {
    return invalidValue(`zero-span: the target equals the baseline (${result.baseline}), so there is no distance to make progress over.`);
  }
  if (input.target === null) return notAvailable('No data: the target is blank.');
  return notAvailable('No data: the actual is blank.');
}

export function progress(actual: unknown, target: unknown, baseline?: unknown, direction?: unknown): Answer {
  const result = progressOf(actual, target, baseline, direction);
  return typeof result === 'number' ? (tidy(result) as number) : result;
}

export function score(actual: unknown, target: unknown, baseline?: unknown, direction?: unknown, cap?: unknown): Answer {
  const limit = capArgument(cap);
  const result = progressOf(actual, target, baseline, direction);
  return typeof result === 'number' ? (tidy(scoreFromProgress(result, limit)) as number) : result;
}

export function expected(start: unknown, due: unknown, asOf?: unknown): Answer {
  const startDate = dateArgument(start, 'start date');
  const dueDate = dateArgument(due, 'due date');
  const asOfDate = dateArgument(asOf, 'as-of date') ?? todaySerial();
  return tidy(expectedProgress(startDate, dueDate, asOfDate)) as number;
}

export function status(scoreValue: unknown, expectedValue?: unknown, onTrack?: unknown, atRisk?: unknown): Answer {
  const thresholds = resolveSettings({ onTrack: numberArgument(onTrack, 'on-track ratio') ?? undefined, atRisk: numberArgument(atRisk, 'at-risk ratio') ?? undefined });
  if (!thresholds.ok) return invalidValue(thresholds.errors.join(' '));
  const pace = ratioArgument(expectedValue, 'expected progress') ?? 1;
  const result: Status = statusOf(numberArgument(scoreValue, 'score'), pace, thresholds.settings);
  return result;
}

// ---------------------------------------------------------------- the cascade functions

const LINK_RULES = rulesWhere('breaksLink');

/** The node's own error that explains a missing value, as a #VALUE! naming its code; null when there is none. */
export function ownError(cascade: Cascade, node: NodeReport, explains: (issue: Issue) => boolean): FunctionErrorValue | null {
  const issue = cascade.issuesOf(node).find((candidate) => candidate.severity === 'error' && explains(candidate));
  return issue ? invalidValue(`${issue.code}: ${issue.message}`) : null;
}

const explainsAlignment = (issue: Issue): boolean => LINK_RULES.has(issue.code);

/** Finds the node an ID names; an error value for a blank, unknown or duplicated ID. */
export function findNode(cascade: Cascade, id: unknown): NodeReport | FunctionErrorValue {
  if (omitted(id)) return invalidValue('The id is blank: give the ID of a KPI or objective, such as "F1", or a range of IDs.');
  if (typeof id !== 'string' && typeof id !== 'number') return invalidValue(`The id "${textOf(id)}" is not an ID; give text or a number, such as "F1".`);
  const nodes = cascade.byKey.get(idKey(id));
  if (!nodes) return notAvailable(`No KPI or objective has the ID "${textOf(id)}" in the cascade ranges.`);
  if (nodes.length > 1) {
    return ownError(cascade, nodes[0], (issue) => issue.code === 'duplicate-id') ?? invalidValue(`duplicate-id: ${nodes.length} rows have the ID "${textOf(id)}".`);
  }
  return nodes[0];
}

function isNode(found: NodeReport | FunctionErrorValue): found is NodeReport {
  return typeof (found as NodeReport).kind === 'string';
}

/** Answers per ID: one answer for one ID, the same shape as the range for a range of IDs (blank cells stay blank). */
export function perId(
  id: unknown, cascadeArgument: unknown, reading: Reading, scope: Scope, answer: (node: NodeReport, cascade: Cascade) => Answer,
): Answer[][] {
  const ids = Array.isArray(id) ? (id as unknown[][]) : [[id]];
  const single = ids.length === 1 && Array.isArray(ids[0]) && ids[0].length === 1;
  const cascade = cascadeOf(cascadeArgument, reading, single ? { id: ids[0][0], scope } : undefined);
  return ids.map((row) => row.map((cell) => {
    if (!single && omitted(cell)) return '';
    const found = findNode(cascade, cell);
    return isNode(found) ? answer(found, cascade) : found;
  }));
}

export function rollup(id: unknown, cascade: unknown): Answer[][] {
  return perId(id, cascade, 'score', 'subtree', (node, computed) => {
    if (node.score !== null) return node.score;
    return ownError(computed, node, explainsMissingScore)
      ?? notAvailable(`No data: ${node.id} has no score (no actual and target to measure, and no child with a score).`);
  });
}

export function contribution(id: unknown, cascade: unknown): Answer[][] {
  return perId(id, cascade, 'structure', 'lineage', (node, computed) => {
    if (node.contribution !== null) return node.contribution;
    return ownError(computed, node, explainsAlignment)
      ?? notAvailable(`No data: ${node.id} is not aligned to a root objective, so it contributes nothing to the organisation.`);
  });
}

export function path(id: unknown, cascade: unknown): Answer[][] {
  return perId(id, cascade, 'structure', 'lineage', (node) => node.path);
}

export function aligned(id: unknown, cascade: unknown): Answer[][] {
  return perId(id, cascade, 'structure', 'lineage', (node) => node.aligned);
}

export function children(id: unknown, cascadeArgument: unknown): Answer[][] {
  if (Array.isArray(id) && (id.length !== 1 || (id[0] as unknown[]).length !== 1)) {
    return [[invalidValue('KPI.CHILDREN takes one id, not a range: its answer is already a list.')]];
  }
  const single = Array.isArray(id) ? (id as unknown[][])[0][0] : id;
  const cascade = cascadeOf(cascadeArgument, 'structure', { id: single, scope: 'lineage' });
  const found = findNode(cascade, single);
  if (!isNode(found)) return [[found]];
  const list = cascade.childrenOf(found);
  if (list.length === 0) return [[notAvailable(`No data: ${found.id} has no children linked to it.`)]];
  return list.map((child) => [child.id]);
}

export const ISSUE_HEADER = ['Code', 'Severity', 'ID', 'Cell', 'Message'];

/** Rules that depend on the as-of date, today for a function: left out, so that the answer depends only on the arguments. */
const DATED_RULES = rulesWhere('dependsOnAsOf');

export function issues(cascadeArgument: unknown): Answer[][] {
  const cascade = cascadeOf(cascadeArgument, 'all');
  const rows: Answer[][] = [ISSUE_HEADER];
  for (const issue of cascade.report.issues) {
    if (DATED_RULES.has(issue.code)) continue;
    rows.push([issue.code, issue.severity, issue.id ?? '', issue.cell ?? '', issue.message]);
  }
  return rows;
}
