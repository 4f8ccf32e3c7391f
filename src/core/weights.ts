/**
 * Effective weights among siblings (spec section 4, "Effective weight") and the weight rules,
 * reported once per group on the parent's row (for the root objectives, on the first of them).
 */

import { fieldLocation, IssueList } from './issues';
import { CascadeNode, subjectOf } from './nodes';

/** Sets `siblingWeight` on every node of the group to its share w̃ (the group's shares sum to 1). */
export function weighSiblings(group: CascadeNode[], owner: CascadeNode | null, issues: IssueList): void {
  if (group.length === 0) return;
  const explicit = group.filter((node) => node.weight !== null);
  const explicitSum = explicit.reduce((sum, node) => sum + (node.weight as number), 0);
  const fill = explicit.length > 0 ? explicitSum / explicit.length : 1;
  const total = explicitSum + fill * (group.length - explicit.length);
  for (const node of group) {
    node.siblingWeight = total > 0 ? (node.weight ?? fill) / total : 1 / group.length;
  }

  const reportOn = owner ?? group[0];
  const location = fieldLocation(reportOn.table, reportOn.rowIndex, 'id');
  const groupName = owner ? `the children of ${subjectOf(owner)}` : 'the root objectives';
  const count = group.length;
  if (explicit.length > 0 && total === 0) {
    issues.add('weights-zero', location, reportOn.id, { group: groupName, count });
  } else if (explicit.length === count) {
    const isFraction = Math.abs(explicitSum - 1) <= 0.001;
    const isPercent = Math.abs(explicitSum - 100) <= 0.1;
    if (!isFraction && !isPercent) issues.add('weights-not-100', location, reportOn.id, { group: groupName, sum: explicitSum, count });
  } else if (explicit.length > 0) {
    const blank = group.filter((node) => node.weight === null).map((node) => node.id);
    issues.add('weights-partial', location, reportOn.id, { group: groupName, blank, count });
  }
}
