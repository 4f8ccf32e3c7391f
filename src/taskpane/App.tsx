/**
 * The task pane: actions, progress and messages on top, then Summary, Issues, Cascade, Owners and
 * Settings. It talks to Excel only through the `KpiAlignWorkbook` it is given.
 */

import {
  Button, CounterBadge, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar,
  Switch, Tab, TabList, Text, tokens, Tooltip,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { splitSheetReference, type Issue } from '../core';
import type { KpiAlignWorkbook } from '../excel/types';
import { ActionBar } from './components/ActionBar';
import { CascadeTree } from './components/CascadeTree';
import { ImportDialog } from './components/ImportDialog';
import { IssuesPanel } from './components/IssuesPanel';
import { NewTeamSheetDialog } from './components/NewTeamSheetDialog';
import { OwnersPanel } from './components/OwnersPanel';
import { SettingsPanel } from './components/SettingsPanel';
import { SummaryPanel } from './components/SummaryPanel';
import { useCascade, type CascadeOptions } from './hooks/useCascade';
import { issueTarget } from './issue-groups';
import { checkSummary } from './notices';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    minHeight: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  progress: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  status: { color: tokens.colorNeutralForeground3 },
  panel: { paddingBlock: tokens.spacingVerticalS },
  issues: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
});

type TabName = 'summary' | 'issues' | 'cascade' | 'owners' | 'settings';
type DialogName = 'team-sheet' | 'import';

export interface AppProps {
  workbook: KpiAlignWorkbook;
  /** Read when the pane's session is made: a new object starts a new session. */
  options?: CascadeOptions;
}

export function App({ workbook, options }: AppProps) {
  const styles = useStyles();
  const cascade = useCascade(workbook, options);
  const { capabilities, report, busy, progress, notice } = cascade;
  const [tab, setTab] = useState<TabName>('summary');
  const [dialog, setDialog] = useState<DialogName | null>(null);
  const ids = useId();
  const tabId = (name: TabName) => `${ids}-tab-${name}`;
  const panelId = (name: TabName) => `${ids}-panel-${name}`;

  const selectIssue = (issue: Issue) => {
    const target = issueTarget(issue);
    if (target) void cascade.select(target.sheet, target.address);
  };

  const marksSwitch = (
    <Switch
      label="Mark issues in cells"
      checked={cascade.markIssues}
      disabled={busy !== null || !capabilities.markIssues.available}
      onChange={(_, data) => void cascade.setMarkIssues(data.checked)}
    />
  );

  const emptyState = (
    <Text>Choose Check to check this workbook&apos;s cascade. In an empty workbook, Insert sample scorecard builds an example to try.</Text>
  );

  return (
    <main className={styles.root} aria-label="KPI Align" aria-busy={busy !== null}>
      <ActionBar
        busy={busy}
        features={{
          check: capabilities.read, write: capabilities.write, remove: capabilities.remove, insertSample: capabilities.insertSample,
          teamSheet: capabilities.teamSheet, importSheets: capabilities.importSheets,
        }}
        onCheck={() => void cascade.check()}
        onWrite={() => void cascade.writeResults()}
        onRemove={() => void cascade.removeResults()}
        onInsertSample={() => void cascade.insertSample()}
        onNewTeamSheet={() => setDialog('team-sheet')}
        onImport={() => setDialog('import')}
      />
      <NewTeamSheetDialog open={dialog === 'team-sheet'} onClose={() => setDialog(null)} onCreate={cascade.createTeamSheet} />
      <ImportDialog
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        onPlan={cascade.planImport}
        onImport={(chosen, plan) => void cascade.importWorkbooks(chosen, plan)}
      />

      {progress && (
        <Field className={styles.progress} validationMessage={progress.step} validationState="none" aria-live="polite">
          <ProgressBar
            value={progress.total > 0 ? progress.done / progress.total : undefined}
            aria-label={progress.step}
          />
        </Field>
      )}

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.text}
          </MessageBarBody>
          <MessageBarActions
            containerAction={<Button appearance="transparent" aria-label="Dismiss message" icon={<DismissRegular />} onClick={cascade.dismissNotice} />}
          />
        </MessageBar>
      )}

      <Text size={200} className={styles.status} role="status">
        {report ? checkSummary(report) : ''}
      </Text>

      <TabList selectedValue={tab} onTabSelect={(_, data) => setTab(data.value as TabName)} aria-label="Views" size="small">
        <Tab value="summary" id={tabId('summary')} aria-controls={panelId('summary')}>Summary</Tab>
        <Tab value="issues" id={tabId('issues')} aria-controls={panelId('issues')}>
          Issues{' '}
          {report && report.issues.length > 0 && (
            <CounterBadge count={report.issues.length} size="small" color={report.summary.errors > 0 ? 'danger' : 'informative'} aria-label={`${report.issues.length} issues`} />
          )}
        </Tab>
        <Tab value="cascade" id={tabId('cascade')} aria-controls={panelId('cascade')}>Cascade</Tab>
        <Tab value="owners" id={tabId('owners')} aria-controls={panelId('owners')}>Owners</Tab>
        <Tab value="settings" id={tabId('settings')} aria-controls={panelId('settings')}>Settings</Tab>
      </TabList>

      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className={styles.panel} tabIndex={0}>
        {tab === 'summary' && (report ? <SummaryPanel report={report} /> : emptyState)}
        {tab === 'issues' && (
          <div className={styles.issues}>
            {capabilities.markIssues.available ? marksSwitch : (
              <Tooltip content={capabilities.markIssues.reason ?? 'Marking cells is not available in this version of Excel.'} relationship="description">
                {marksSwitch}
              </Tooltip>
            )}
            {report ? <IssuesPanel issues={report.issues} onSelect={selectIssue} /> : emptyState}
          </div>
        )}
        {tab === 'cascade' &&
          (report ? <CascadeTree report={report} tables={cascade.tables} onSelectRow={(sheet, address) => void cascade.select(sheet, address)} /> : emptyState)}
        {tab === 'owners' &&
          (report ? (
            <OwnersPanel
              report={report}
              tables={cascade.tables}
              busy={busy !== null}
              writing={busy === 'owner-report'}
              reportFeature={capabilities.ownerReport}
              onSelect={(kpi) => kpi.cell && void cascade.select(kpi.sheet, splitSheetReference(kpi.cell).local)}
              onWriteReport={(layout) => void cascade.writeOwnerReport(layout)}
            />
          ) : emptyState)}
        {tab === 'settings' && (
          <SettingsPanel
            settings={cascade.settings}
            busy={busy !== null}
            unavailable={capabilities.settings.available ? undefined : capabilities.settings.reason ?? 'This version of Excel cannot store settings in the workbook.'}
            onSave={(settings) => void cascade.saveSettings(settings)}
          />
        )}
      </div>
    </main>
  );
}
