/**
 * The computation over the linked forest (spec section 4): scores bottom-up with each node's rollup
 * method, then alignment, contribution, pacing, status and path top-down.
 */

import { computeProgress, expectedProgress, ProgressProblem, scoreFromProgress, statusOf } from './formulas';
import { IssueList } from './issues';
import type { CascadeNode } from './nodes';
import type { Settings } from './types';
import { weighSiblings } from './weights';

/** Parents before children, roots in reading order: an order that needs no recursion however deep the cascade. */
export function topDownOrder(nodes: CascadeNode[]): CascadeNode[] {
  const order = nodes.filter((node) => node.parent === null);
  for (let index = 0; index < order.length; index++) {
    for (const child of order[index].children) order.push(child);
  }
  return order;
}

/** Paths longer than this show the top of the chain, an ellipsis and the last steps. */
export const PATH_STEPS = 20;

/** Root objectives: objectives whose Parent cell is blank, the top of every aligned chain. */
export function rootObjectives(nodes: CascadeNode[]): CascadeNode[] {
  return nodes.filter((node) => node.kind === 'objective' && node.parentText === null);
}

export function computeCascade(nodes: CascadeNode[], settings: Settings, issues: IssueList): void {
  const order = topDownOrder(nodes);
  const roots = rootObjectives(nodes);
  weighSiblings(roots, null, issues);
  for (const node of order) weighSiblings(node.children, node, issues);

  for (let index = order.length - 1; index >= 0; index--) scoreNode(order[index], settings, issues);

  for (const root of roots) {
    root.aligned = true;
    root.contribution = root.siblingWeight;
  }
  for (const node of order) {
    const parent = node.parent;
    if (parent) {
      node.depth = parent.depth + 1;
      node.top = parent.top;
      node.aligned = parent.aligned;
      node.contribution = parent.aligned ? (parent.contribution as number) * node.siblingWeight : null;
      node.path = node.depth < PATH_STEPS ? `${parent.path} > ${node.id}` : elidedPath(node);
    }
    node.effectiveStart = node.start ?? parent?.effectiveStart ?? null;
    node.effectiveDue = node.due ?? parent?.effectiveDue ?? null;
    node.expected = expectedProgress(node.effectiveStart, node.effectiveDue, settings.asOf);
    node.status = statusOf(node.score, node.expected, settings);
  }
}

/**
 * The path of a node deeper than PATH_STEPS: the top of its chain, "…", and its last steps. A chain
 * that deep is almost always a Parent column pasted one row off, and full paths would grow with
 * the square of its length.
 */
function elidedPath(node: CascadeNode): string {
  const steps: string[] = [];
  let step = node;
  for (let taken = 0; taken < PATH_STEPS - 2; taken++) {
    steps.push(step.id);
    step = step.parent as CascadeNode;
  }
  return `${node.top.id} > … > ${steps.reverse().join(' > ')}`;
}

/** A node's own progress and its score from its children, once every child is scored. */
function scoreNode(node: CascadeNode, settings: Settings, issues: IssueList): void {
  node.effectiveActual = node.rollup === 'sum' ? sumOfChildren(node, issues) ?? node.actual : node.actual;
  if (node.direction !== null) {
    const result = computeProgress({
      direction: node.direction,
      actual: node.effectiveActual,
      target: node.target,
      baseline: node.baseline,
      targetMin: node.targetMin,
      targetMax: node.targetMax,
      tolerance: node.tolerance,
    });
    node.progress = result.progress;
    if ('problem' in result && result.problem) reportProgressProblem(node, result.problem, result.baseline, issues);
  }
  const own = scoreFromProgress(node.progress, settings.scoreCap);
  node.score = node.rollup === 'sum' || node.rollup === 'none' ? own : rollUp(node) ?? own;
}

/** The score from the children that have one, by the node's rollup method; null when no child counts. */
function rollUp(node: CascadeNode): number | null {
  const scored = node.children.filter((child) => child.score !== null);
  if (scored.length === 0) return null;
  const scores = scored.map((child) => child.score as number);
  switch (node.rollup) {
    case 'average':
      return scores.reduce((sum, score) => sum + score, 0) / scores.length;
    case 'min':
      return scores.reduce((least, score) => Math.min(least, score));
    case 'max':
      return scores.reduce((greatest, score) => Math.max(greatest, score));
    default:
      return weightedScore(scored);
  }
}

/** Σ w̃ s / Σ w̃ over the nodes with a score and a share above zero; null when none counts. */
export function weightedScore(nodes: CascadeNode[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const node of nodes) {
    if (node.score === null || !(node.siblingWeight > 0)) continue;
    weighted += node.siblingWeight * node.score;
    weights += node.siblingWeight;
  }
  return weights > 0 ? weighted / weights : null;
}

/** A sum node's effective actual: the total of its children's effective actuals, or null when none has one. */
function sumOfChildren(node: CascadeNode, issues: IssueList): number | null {
  const supplying = node.children.filter((child) => child.effectiveActual !== null);
  reportUnitMismatch(node, issues);
  if (supplying.length === 0) return null;
  const sum = supplying.reduce((total, child) => total + (child.effectiveActual as number), 0);
  if (node.actual !== null) {
    issues.addFor(node, 'manual-and-rollup', 'actual', { actual: node.actual, sum });
  }
  return sum;
}

function reportUnitMismatch(node: CascadeNode, issues: IssueList): void {
  const units = new Map<string, string>();
  for (const unit of [node.unit, ...node.children.map((child) => child.unit)]) {
    if (unit !== null && !units.has(unit.toLowerCase())) units.set(unit.toLowerCase(), unit);
  }
  if (units.size <= 1) return;
  issues.addFor(node, 'unit-mismatch', 'unit', { units: [...units.values()] });
}

function reportProgressProblem(node: CascadeNode, problem: ProgressProblem, baseline: number | undefined, issues: IssueList): void {
  if (problem === 'invalid-band') {
    issues.addFor(node, 'invalid-band', 'targetMin', { min: node.targetMin as number, max: node.targetMax as number });
  } else if (problem === 'zero-span') {
    issues.addFor(node, 'zero-span', 'target', { target: node.target as number, baseline: baseline as number });
  } else {
    // A missing baseline is fixed in the Baseline cell, where the table has one.
    const field = node.table.columns.baseline !== undefined ? 'baseline' : 'target';
    issues.addFor(node, 'baseline-required', field, { target: node.target as number });
  }
}
