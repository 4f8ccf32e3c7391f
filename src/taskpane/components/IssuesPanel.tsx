/** Every issue, grouped by severity and rule, with a filter; choosing one selects its cell in the workbook. */

import {
  AnnounceProvider, Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, SearchBox, Subtitle2, Text, tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Issue } from '../../core';
import { plural } from '../format';
import { groupIssues, issueTarget, type RuleGroup } from '../issue-groups';
import { SeverityBadge } from './StatusBadge';

/**
 * A MessageBar announces itself when it appears; a list of hundreds would flood a screen reader.
 * The issues are a list to browse, so they stay silent and the status line announces the count.
 */
const SILENT = { announce: () => undefined };

/** Issues shown per rule before "Show all": a workbook with thousands stays quick to render. */
export const ISSUES_SHOWN_PER_RULE = 50;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, margin: 0 },
  rule: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  ruleHeading: { margin: 0, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase300 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
});

const INTENTS = { error: 'error', warning: 'warning', info: 'info' } as const;

export interface IssuesPanelProps {
  issues: readonly Issue[];
  onSelect(issue: Issue): void;
}

export function IssuesPanel({ issues, onSelect }: IssuesPanelProps) {
  const styles = useStyles();
  const [filter, setFilter] = useState('');
  const groups = useMemo(() => groupIssues(issues, filter), [issues, filter]);
  const shown = groups.reduce((sum, group) => sum + group.count, 0);
  const countId = useId();

  if (issues.length === 0) return <Text>No issues: the cascade is sound.</Text>;
  return (
    <div className={styles.root}>
      <SearchBox
        value={filter}
        onChange={(_, data) => setFilter(data.value)}
        placeholder="Filter by ID, rule, sheet or text"
        aria-label="Filter issues"
        aria-describedby={countId}
      />
      <Text id={countId} role="status">
        {filter.trim() === '' ? plural(issues.length, 'issue') : `${shown} of ${plural(issues.length, 'issue')} match`}
      </Text>
      <AnnounceProvider value={SILENT}>
        {groups.map((group) => (
          <section key={group.severity} className={styles.group} aria-label={`${group.title}: ${group.count}`}>
            <Subtitle2 as="h2" className={styles.heading}>
              {group.title} <SeverityBadge severity={group.severity} count={group.count} />
            </Subtitle2>
            {group.rules.map((rule) => (
              <RuleIssues key={rule.code} rule={rule} intent={INTENTS[group.severity]} onSelect={onSelect} />
            ))}
          </section>
        ))}
      </AnnounceProvider>
    </div>
  );
}

function RuleIssues({ rule, intent, onSelect }: { rule: RuleGroup; intent: 'error' | 'warning' | 'info'; onSelect(issue: Issue): void }) {
  const styles = useStyles();
  const [showAll, setShowAll] = useState(false);
  const visible = showAll ? rule.issues : rule.issues.slice(0, ISSUES_SHOWN_PER_RULE);
  const headingId = useId();
  return (
    <div className={styles.rule} role="group" aria-labelledby={headingId}>
      <Text as="h3" id={headingId} className={styles.ruleHeading}>
        {rule.code} ({rule.issues.length})
      </Text>
      <ul className={styles.list}>
        {visible.map((issue, index) => (
          <li key={`${issue.cell ?? ''}\u0000${index}`}>
            <IssueItem issue={issue} intent={intent} onSelect={onSelect} />
          </li>
        ))}
      </ul>
      {visible.length < rule.issues.length && (
        <Button appearance="subtle" onClick={() => setShowAll(true)}>
          Show all {rule.issues.length} {rule.code} issues
        </Button>
      )}
    </div>
  );
}

function IssueItem({ issue, intent, onSelect }: { issue: Issue; intent: 'error' | 'warning' | 'info'; onSelect(issue: Issue): void }) {
  const target = issueTarget(issue);
  return (
    <MessageBar intent={intent} layout="multiline" data-issue-code={issue.code} data-issue-cell={issue.cell ?? undefined}>
      <MessageBarBody>{issue.message}</MessageBarBody>
      {target && (
        <MessageBarActions>
          <Button size="small" onClick={() => onSelect(issue)} aria-label={`Select ${issue.cell}: ${issue.code}${issue.id ? ` on ${issue.id}` : ''}`}>
            {issue.cell}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
