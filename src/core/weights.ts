/**
 * Effective weights among siblings (spec section 4, "Effective weight") and the weight rules,
 * reported once per group on the parent's row (for the root objectives, on the first of them).
 */

import { IssueList } from './issues';
import type { CascadeNode } from './nodes';
import { subjectOf } from './rules';

/** Sets `siblingWeight` on every node of the group to its share w̃ (the group's shares sum to 1). */
export function weighSiblings(group: CascadeNode[], owner: CascadeNode | null, issues: IssueList): void {
  if (group.length === 0) return;
  let explicitCount = 0;
  let largest = 0;
  for (const node of group) {
    if (node.weight === null) continue;
    explicitCount++;
    largest = Math.max(largest, node.weight);
  }
  // Weights are summed in units of the largest, so that weights near the largest double cannot overflow.
  const unit = largest > 0 ? largest : 1;
  let explicitSum = 0;
  for (const node of group) if (node.weight !== null) explicitSum += node.weight / unit;
  const fill = explicitCount > 0 ? explicitSum / explicitCount : 1;
  const total = explicitSum + fill * (group.length - explicitCount);
  for (const node of group) {
    node.siblingWeight = total > 0 ? (node.weight === null ? fill : node.weight / unit) / total : 1 / group.length;
  }
  reportWeights(group, owner, explicitCount, explicitSum * unit, total, issues);
}

function reportWeights(group: CascadeNode[], owner: CascadeNode | null, explicitCount: number, sum: number, total: number, issues: IssueList): void {
  const reportOn = owner ?? group[0];
  const groupName = owner ? `the children of ${subjectOf(owner)}` : 'the root objectives';
  const count = group.length;
  if (explicitCount > 0 && total === 0) {
    issues.addFor(reportOn, 'weights-zero', 'id', { group: groupName, count });
  } else if (explicitCount === count) {
    const isFraction = Math.abs(sum - 1) <= 0.001;
    const isPercent = Math.abs(sum - 100) <= 0.1;
    if (!isFraction && !isPercent) issues.addFor(reportOn, 'weights-not-100', 'id', { group: groupName, sum, count });
  } else if (explicitCount > 0) {
    const blank = group.filter((node) => node.weight === null).map((node) => node.id);
    issues.addFor(reportOn, 'weights-partial', 'id', { group: groupName, blank, count });
  }
}
