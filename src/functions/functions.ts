/**
 * KPI Align's custom functions (namespace KPI): thin wrappers over `kpi.ts` and `required.ts`.
 * Each is a plain exported `function` with `@customfunction` JSDoc, from which
 * custom-functions-metadata-plugin generates functions.json at build. An error value is thrown, as
 * Excel expects, so that it shows in the cell with its message; nothing else escapes.
 */

// The metadata generator maps `any` to Excel's "any" (a number, text, boolean or blank as the cell holds it); it does not know `unknown`.
/* eslint-disable @typescript-eslint/no-explicit-any */

import './es2016';
import { ArgumentProblem, invalidValue, isFunctionError } from './errors';
import * as kpi from './kpi';
import { required as requiredActual } from './required';

/** Runs a function's logic: error values are thrown for Excel, anything unexpected becomes #VALUE! with its reason. */
function run<T>(compute: () => T): T {
  let result: T;
  try {
    result = compute();
  } catch (problem) {
    if (problem instanceof ArgumentProblem) throw problem.value;
    throw invalidValue(`KPI Align could not compute this: ${problem instanceof Error ? problem.message : String(problem)}`);
  }
  if (isFunctionError(result)) throw result;
  // One answer in a matrix: a single cell, shown as Excel shows any error.
  if (Array.isArray(result) && result.length === 1 && result[0].length === 1 && isFunctionError(result[0][0])) throw result[0][0];
  return result;
}

/**
 * Progress toward a target: 1 means the target is met; it can be below 0 or above 1.
 * @customfunction PROGRESS
 * @param actual The value achieved so far, such as 17100 or "92%".
 * @param target The value to reach.
 * @param [baseline] Where the KPI started. Leave blank to measure from 0 (higher is better) or from twice the target (lower is better).
 * @param [direction] Which way is better: "Higher is better" (the default), "Lower is better" or "Range" (the target exactly).
 * @returns The raw progress, such as 0.78 for 78%.
 */
export function progress(actual: any, target: any, baseline?: any, direction?: any): any {
  return run(() => kpi.progress(actual, target, baseline, direction));
}

/**
 * The KPI's score: its progress kept between 0 and the cap.
 * @customfunction SCORE
 * @param actual The value achieved so far.
 * @param target The value to reach.
 * @param [baseline] Where the KPI started. Leave blank to measure from 0 (higher is better) or from twice the target (lower is better).
 * @param [direction] Which way is better: "Higher is better" (the default), "Lower is better" or "Range".
 * @param [cap] The highest score allowed, from 1 (100%, the default) to 2 (200%).
 * @returns The score, from 0 to the cap.
 */
export function score(actual: any, target: any, baseline?: any, direction?: any, cap?: any): any {
  return run(() => kpi.score(actual, target, baseline, direction, cap));
}

/**
 * How far along the period is: the progress expected by the as-of date.
 * @customfunction EXPECTED
 * @param start The date the period starts.
 * @param due The date the target is due.
 * @param [asOf] The date to measure at; today when left out. Pass TODAY() to have it follow the date.
 * @returns The expected progress, from 0 at the start to 1 at the due date.
 */
export function expected(start: any, due: any, asOf?: any): any {
  return run(() => kpi.expected(start, due, asOf));
}

/**
 * The status of a score against the progress expected by now.
 * @customfunction STATUS
 * @param score The score, such as 0.85. A blank score is "No data".
 * @param [expected] The progress expected by now, from 0 to 1; 1 (the end of the period) when left out.
 * @param [onTrack] The share of the expected progress that counts as on track; 0.9 when left out.
 * @param [atRisk] The share of the expected progress below which a KPI is off track; 0.7 when left out.
 * @returns Achieved, On track, At risk, Off track or No data.
 */
export function status(score: any, expected?: any, onTrack?: any, atRisk?: any): any {
  return run(() => kpi.status(score, expected, onTrack, atRisk));
}

/**
 * The score of a KPI or objective as the cascade rolls it up from its children.
 * @customfunction ROLLUP
 * @param id The ID of a KPI or objective, such as "F1", or a range of IDs to get one score per ID.
 * @param cascade The cascade tables, each with its header row, such as Objectives[#All], DeptKPIs[#All].
 * @returns The score, from 0 to 1.
 */
export function rollup(id: any[][], cascade: any[][][]): any[][] {
  return run(() => kpi.rollup(id, cascade));
}

/**
 * The share of the organisation's score that a KPI or objective carries through its weights.
 * @customfunction CONTRIBUTION
 * @param id The ID of a KPI or objective, or a range of IDs.
 * @param cascade The cascade tables, each with its header row, such as Objectives[#All], DeptKPIs[#All].
 * @returns The contribution, from 0 to 1; the contributions of all aligned leaves add up to 1.
 */
export function contribution(id: any[][], cascade: any[][][]): any[][] {
  return run(() => kpi.contribution(id, cascade));
}

/**
 * The chain of IDs from the top of the cascade down to a KPI, such as "F1 > FIN-01 > SAL-02".
 * @customfunction PATH
 * @param id The ID of a KPI or objective, or a range of IDs.
 * @param cascade The cascade tables, each with its header row, such as Objectives[#All], DeptKPIs[#All].
 * @returns The alignment path.
 */
export function path(id: any[][], cascade: any[][][]): any[][] {
  return run(() => kpi.path(id, cascade));
}

/**
 * Whether a KPI or objective is aligned: its chain of parents ends at a root objective.
 * @customfunction ALIGNED
 * @param id The ID of a KPI or objective, or a range of IDs.
 * @param cascade The cascade tables, each with its header row, such as Objectives[#All], DeptKPIs[#All].
 * @returns TRUE or FALSE.
 */
export function aligned(id: any[][], cascade: any[][][]): any[][] {
  return run(() => kpi.aligned(id, cascade));
}

/**
 * The IDs of the KPIs linked directly below a KPI or objective, one per row.
 * @customfunction CHILDREN
 * @param id The ID of one KPI or objective.
 * @param cascade The cascade tables, each with its header row, such as Objectives[#All], DeptKPIs[#All].
 * @returns The children's IDs, spilled down.
 */
export function children(id: any[][], cascade: any[][][]): any[][] {
  return run(() => kpi.children(id, cascade));
}

/**
 * Every problem KPI Align finds in the cascade, as a table: Code, Severity, ID, Cell, Message.
 * @customfunction ISSUES
 * @param cascade The cascade tables, each with its header row, such as Objectives[#All], DeptKPIs[#All].
 * @returns A table with a header row and one row per issue.
 */
export function issues(cascade: any[][][]): any[][] {
  return run(() => kpi.issues(cascade));
}

/**
 * The actual a KPI must reach for its parent's score to reach 1, everything else unchanged.
 * @customfunction REQUIRED
 * @param id The ID of a KPI, or a range of IDs.
 * @param cascade The cascade tables, each with its header row, such as Objectives[#All], DeptKPIs[#All].
 * @returns The actual needed, or #N/A when no value of this KPI can bring its parent to 1.
 */
export function required(id: any[][], cascade: any[][][]): any[][] {
  return run(() => requiredActual(id, cascade));
}
