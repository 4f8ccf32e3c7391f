/**
 * Compares two cascade reports by what must not depend on where rows sit: each node's results by
 * ID, the summary, and the issue codes. Returns the differences as sentences, so that a failing
 * property says what changed rather than dumping two reports.
 */

import type { CascadeReport, NodeReport } from '../../src/core';

const TOLERANCE = 1e-9;

/**
 * Bucket of the weight rules of the root objectives. The spec reports them "on the first of them",
 * so which root carries them follows reading order; they are compared as one group instead.
 */
export const ROOT_GROUP = '<root objectives>';

type Outcome = Pick<NodeReport, 'progress' | 'score' | 'expected' | 'status' | 'contribution' | 'aligned' | 'path'>;

function outcome(node: NodeReport): Outcome {
  const { progress, score, expected, status, contribution, aligned, path } = node;
  return { progress, score, expected, status, contribution, aligned, path };
}

/** Each ID's issue codes, sorted; issues without an ID under "", root-group weight issues under ROOT_GROUP. */
export function issueCodesById(report: CascadeReport): Map<string, string[]> {
  const byId = new Map<string, string[]>();
  for (const issue of report.issues) {
    const rootGroup = issue.code.startsWith('weights-') && issue.message.includes('the root objectives');
    const key = rootGroup ? ROOT_GROUP : (issue.id ?? '');
    const codes = byId.get(key);
    if (codes) codes.push(issue.code);
    else byId.set(key, [issue.code]);
  }
  for (const codes of byId.values()) codes.sort();
  return byId;
}

function sameNumber(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= TOLERANCE;
  return a === b;
}

/** Deep equality with numbers within the tolerance. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' || typeof b === 'number') return sameNumber(a, b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => same(item, b[index]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return a === b;
}

export function differences(expected: CascadeReport, actual: CascadeReport): string[] {
  const found: string[] = [];
  const before = new Map(expected.nodes.map((node) => [node.id, node]));
  const after = new Map(actual.nodes.map((node) => [node.id, node]));
  if (before.size !== expected.nodes.length || after.size !== actual.nodes.length) found.push('IDs are not unique: compare by ID is meaningless');
  for (const [id, node] of before) {
    const other = after.get(id);
    if (!other) found.push(`node ${id} is missing`);
    else if (!same(outcome(node), outcome(other))) found.push(`node ${id}: ${JSON.stringify(outcome(node))} became ${JSON.stringify(outcome(other))}`);
  }
  for (const id of after.keys()) if (!before.has(id)) found.push(`node ${id} appeared`);

  const codesBefore = issueCodesById(expected);
  const codesAfter = issueCodesById(actual);
  for (const id of new Set([...codesBefore.keys(), ...codesAfter.keys()])) {
    const a = codesBefore.get(id) ?? [];
    const b = codesAfter.get(id) ?? [];
    if (!same(a, b)) found.push(`issues of ${id || '(no ID)'}: [${a.join(', ')}] became [${b.join(', ')}]`);
  }
  const allBefore = expected.issues.map((issue) => issue.code).sort();
  const allAfter = actual.issues.map((issue) => issue.code).sort();
  if (!same(allBefore, allAfter)) found.push(`issue codes: [${allBefore.join(', ')}] became [${allAfter.join(', ')}]`);

  if (!same(expected.summary, actual.summary)) found.push(`summary: ${JSON.stringify(expected.summary)} became ${JSON.stringify(actual.summary)}`);
  return found;
}

/** Throws with the differences, for use inside a property. */
export function expectSameResults(expected: CascadeReport, actual: CascadeReport): void {
  const found = differences(expected, actual);
  if (found.length > 0) throw new Error(`the results changed:\n  ${found.slice(0, 8).join('\n  ')}`);
}

/** The path of the first value in a report that JSON would not carry faithfully (NaN, ±Infinity, undefined, a class instance), or null. */
export function firstNonJson(value: unknown, path = 'report'): string | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = firstNonJson(value[index], `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  const prototype = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    for (const [key, item] of Object.entries(value as object)) {
      const found = firstNonJson(item, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return `${path} is ${value === undefined ? 'undefined' : typeof value}`;
}
