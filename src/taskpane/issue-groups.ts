/** Issues as the Issues panel shows them: filtered by a typed text, grouped by severity, then by rule. */

import { SEVERITIES, splitSheetReference, type Issue, type RuleCode, type Severity } from '../core';

export interface RuleGroup {
  code: RuleCode;
  issues: Issue[];
}

export interface SeverityGroup {
  severity: Severity;
  /** "Errors", "Warnings", "Info". */
  title: string;
  count: number;
  rules: RuleGroup[];
}

const SEVERITY_TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/**
 * Whether an issue matches the filter text: every word of it must appear in the issue's code,
 * message, ID, sheet, table or cell (case-insensitive), so "team j9" finds 'Team Sales'!J9.
 */
export function issueMatches(issue: Issue, filter: string): boolean {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [issue.code, issue.severity, issue.message, issue.id, issue.sheet, issue.table, issue.cell]
    .filter((part): part is string => !!part)
    .join('\n')
    .toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Severity groups in the order error, warning, info (empty ones left out); rules in order of first appearance. */
export function groupIssues(issues: readonly Issue[], filter = ''): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const rules = new Map<RuleCode, Issue[]>();
    let count = 0;
    for (const issue of issues) {
      if (issue.severity !== severity || !issueMatches(issue, filter)) continue;
      const list = rules.get(issue.code);
      if (list) list.push(issue);
      else rules.set(issue.code, [issue]);
      count++;
    }
    if (count > 0) groups.push({ severity, title: SEVERITY_TITLES[severity], count, rules: [...rules].map(([code, list]) => ({ code, issues: list })) });
  }
  return groups;
}

/** "'Team Sales'!J9" → { sheet: "Team Sales", address: "J9" }; the sheet comes from the issue itself. */
export function issueTarget(issue: Issue): { sheet: string; address: string } | null {
  if (!issue.cell) return null;
  return { sheet: issue.sheet, address: splitSheetReference(issue.cell).local };
}
