/**
 * Import team workbooks: choose .xlsx files, see what would come in (each file's sheets with the names
 * they get here, its tables and rows) and every problem by severity, all before anything changes.
 * Import is refused while a problem of severity error stands.
 */

import {
  Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Label, makeStyles,
  MessageBar, MessageBarBody, Spinner, Subtitle2, Text, tokens,
} from '@fluentui/react-components';
import { useId, useState } from 'react';
import { SEVERITIES, type ImportPlan, type ImportProblem, type Severity } from '../../core';
import { plural } from '../format';
import { readChosenFiles, type ChosenWorkbook } from '../import-files';
import { failureNotice } from '../notices';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  chooser: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  heading: { margin: 0 },
});

const SEVERITY_TITLES: Record<Severity, string> = { error: 'Errors (these stop the import)', warning: 'Warnings', info: 'Info' };

export interface ImportDialogProps {
  open: boolean;
  onClose(): void;
  /** What importing would do; throws what the adapter throws. */
  onPlan(chosen: ChosenWorkbook[]): Promise<ImportPlan>;
  onImport(chosen: ChosenWorkbook[], plan: ImportPlan): void;
}

export function ImportDialog({ open, onClose, onPlan, onImport }: ImportDialogProps) {
  const styles = useStyles();
  const inputId = useId();
  const [chosen, setChosen] = useState<ChosenWorkbook[]>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [planning, setPlanning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  // Each opening starts afresh: the state is reset while rendering the opened dialog (React's
  // "adjusting state when a prop changes"), not in an effect after it has been drawn once with the old state.
  const [shownOpen, setShownOpen] = useState(open);
  if (open !== shownOpen) {
    setShownOpen(open);
    if (open) {
      setChosen([]);
      setPlan(null);
      setFailure(null);
    }
  }

  const choose = async (files: File[]) => {
    setPlan(null);
    setFailure(null);
    if (files.length === 0) return;
    setPlanning(true);
    try {
      const read = await readChosenFiles(files);
      setChosen(read);
      setPlan(await onPlan(read));
    } catch (error) {
      setFailure(failureNotice('plan-import', error).text);
    } finally {
      setPlanning(false);
    }
  };

  const canImport = plan !== null && plan.canImport && !planning;
  return (
    <Dialog open={open} onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <DialogBody>
          <DialogTitle>Import team workbooks</DialogTitle>
          <DialogContent className={styles.content}>
            <div className={styles.chooser}>
              <Label htmlFor={inputId}>Team workbooks (.xlsx)</Label>
              <input
                id={inputId}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                multiple
                onChange={(event) => void choose(Array.from(event.currentTarget.files ?? []))}
              />
              <Caption1>Nothing changes until you choose Import: first see what would come in.</Caption1>
            </div>
            {planning && <Spinner size="small" label="Reading the workbooks…" />}
            {failure && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>{failure}</MessageBarBody>
              </MessageBar>
            )}
            {plan && <PlanView plan={plan} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>Cancel</Button>
            <Button
              appearance="primary"
              disabledFocusable={!canImport}
              onClick={() => {
                if (!canImport || !plan) return;
                onImport(chosen, plan);
                onClose();
              }}
            >
              Import
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PlanView({ plan }: { plan: ImportPlan }) {
  const styles = useStyles();
  return (
    <>
      <section className={styles.section} aria-label="What would come in" data-import-plan>
        <Subtitle2 as="h3" className={styles.heading}>What would come in</Subtitle2>
        {plan.files.map((file) => (
          <div key={file.file} data-import-file={file.file}>
            <Text weight="semibold">{file.file}</Text>
            <ul className={styles.list}>
              {file.sheets.map((sheet) => (
                <li key={sheet.from}>
                  {sheet.from === sheet.to ? `Sheet "${sheet.from}"` : `Sheet "${sheet.from}" → "${sheet.to}" here`}
                </li>
              ))}
              {file.tables.map((table) => (
                <li key={`${table.sheet}\u0000${table.from ?? ''}`}>
                  {tableLine(table)}
                </li>
              ))}
              {file.sheets.length === 0 && <li>Nothing to import</li>}
            </ul>
          </div>
        ))}
      </section>
      {plan.problems.length === 0 ? (
        <Text>No problems found.</Text>
      ) : (
        SEVERITIES.map((severity) => {
          const title = SEVERITY_TITLES[severity];
          const problems = plan.problems.filter((problem) => problem.severity === severity);
          if (problems.length === 0) return null;
          return (
            <section key={severity} className={styles.section} aria-label={`${title}: ${problems.length}`}>
              <Subtitle2 as="h3" className={styles.heading}>{title}</Subtitle2>
              {problems.map((problem, index) => (
                <ProblemBar key={index} problem={problem} intent={severity} />
              ))}
            </section>
          );
        })
      )}
    </>
  );
}

function tableLine(table: ImportPlan['files'][number]['tables'][number]): string {
  const rows = plural(table.rows, 'row');
  if (table.from === null) return `Sheet "${table.sheet}" (no table): ${rows}`;
  const name = table.to !== null && table.to !== table.from ? `Table ${table.from} → ${table.to} here` : `Table ${table.from}`;
  return `${name}: ${rows}`;
}

/** The plan's sentences name the file and the cell themselves. */
function ProblemBar({ problem, intent }: { problem: ImportProblem; intent: 'error' | 'warning' | 'info' }) {
  return (
    <MessageBar intent={intent} layout="multiline" data-problem-code={problem.code} data-problem-file={problem.file}>
      <MessageBarBody>{problem.message}</MessageBarBody>
    </MessageBar>
  );
}
