/** What the pane tells the user after an action: every failure says what happened and what to do. */

import { ExcelActionError, type ImportOutcome, type RemoveOutcome, type WriteOutcome } from '../excel/types';
import type { CascadeReport } from '../core';
import { plural } from './format';

export type NoticeIntent = 'success' | 'info' | 'warning' | 'error';

export interface Notice {
  intent: NoticeIntent;
  title: string;
  text: string;
}

export type ActionName =
  | 'check' | 'write' | 'remove' | 'sample' | 'settings' | 'select' | 'auto-check' | 'read-settings'
  | 'team-sheet' | 'plan-import' | 'import' | 'marks' | 'lists' | 'owner-report';

const FAILURE_TITLES: Record<ActionName, string> = {
  check: 'Could not check the workbook',
  write: 'Could not write the results',
  remove: 'Could not remove the results',
  sample: 'Could not insert the sample scorecard',
  settings: 'Could not save the settings',
  select: 'Could not select the cell',
  'auto-check': 'Could not re-check the workbook',
  'read-settings': 'Could not read the settings stored in this workbook',
  'team-sheet': 'Could not create the team sheet',
  'plan-import': 'Could not prepare the import',
  import: 'Could not import the team workbooks',
  marks: 'Could not mark the issues in the cells',
  lists: 'Could not refresh the dropdown choices',
  'owner-report': 'Could not write the owner report',
};

/** Settings a person typed that the engine refuses; each sentence names the value and the limit. */
export class SettingsProblem extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
    this.name = 'SettingsProblem';
  }
}

export function failureNotice(action: ActionName, error: unknown): Notice {
  const title = FAILURE_TITLES[action];
  if (error instanceof ExcelActionError || (error instanceof Error && error.name === 'ExcelActionError')) {
    return { intent: 'error', title, text: error.message };
  }
  if (error instanceof SettingsProblem) {
    return { intent: 'error', title, text: `${error.message} Correct them on the Settings tab and try again.` };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    intent: 'error',
    title,
    text: `Something unexpected went wrong (${detail}). Try again; if it keeps happening, close and reopen KPI Align and report the problem.`,
  };
}

/** A workbook with no cascade table: say what one looks like and offer the sample. */
export function noCascadeNotice(): Notice {
  return {
    intent: 'warning',
    title: 'No cascade table found',
    text:
      'KPI Align reads Excel tables with an ID column and a Parent, Level, Perspective or Target column. ' +
      'Format your scorecard as a table (Insert > Table), or use Insert sample scorecard in an empty workbook to try KPI Align.',
  };
}

export function hasCascade(report: CascadeReport): boolean {
  return report.tables.some((table) => table.role !== 'skipped');
}

export function writeNotice(outcome: WriteOutcome): Notice {
  const written = `Wrote the results into ${plural(outcome.tables.length, 'table')} (${plural(outcome.rows, 'row')}).`;
  if (outcome.skipped.length === 0) return { intent: 'success', title: 'Results written', text: written };
  const reasons = outcome.skipped.map((skip) => `${skip.table}: ${skip.reason}`).join(' ');
  return {
    intent: 'warning',
    title: `${plural(outcome.skipped.length, 'table')} left unchanged`,
    text: `${outcome.tables.length > 0 ? `${written} ` : ''}${reasons}`,
  };
}

export function removeNotice(outcome: RemoveOutcome): Notice {
  const skipped = outcome.skipped ?? [];
  const removed =
    outcome.columns === 0
      ? 'This workbook has no columns written by KPI Align.'
      : `Removed ${plural(outcome.columns, 'column')} from ${plural(outcome.tables.length, 'table')}; your own columns are as they were.`;
  if (skipped.length > 0) {
    const reasons = skipped.map((skip) => `${skip.table}: ${skip.reason}`).join(' ');
    return { intent: 'warning', title: `${plural(skipped.length, 'table')} left unchanged`, text: `${outcome.columns > 0 ? `${removed} ` : ''}${reasons}` };
  }
  if (outcome.columns === 0) return { intent: 'info', title: 'Nothing to remove', text: removed };
  return { intent: 'success', title: 'Results removed', text: removed };
}

/** The one-line result of a check, for the status line that screen readers announce. */
export function checkSummary(report: CascadeReport): string {
  const { summary } = report;
  const tables = report.tables.filter((table) => table.role !== 'skipped').length;
  return (
    `Checked ${plural(summary.objectives, 'objective')} and ${plural(summary.kpis, 'KPI')} in ${plural(tables, 'table')} ` +
    `as of ${report.asOf}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info.`
  );
}

export function teamSheetNotice(sheet: string, table: string, parents: number): Notice {
  return {
    intent: 'success',
    title: 'Team sheet created',
    text:
      `The sheet "${sheet}" holds the table ${table}; its Parent dropdown offers ${plural(parents, 'ID')} to align to. ` +
      'Send the workbook to the team, then import their copy (Import team workbooks) or check it here.',
  };
}

export function importNotice(outcome: ImportOutcome): Notice {
  return {
    intent: 'success',
    title: 'Team workbooks imported',
    text: `Inserted ${plural(outcome.sheets.length, 'sheet')}: ${outcome.sheets.join(', ')}. The workbook has been checked again with them.`,
  };
}

export function ownerReportNotice(sheets: string[]): Notice {
  return { intent: 'success', title: 'Owner report written', text: `Wrote ${plural(sheets.length, 'sheet')}: ${sheets.join(', ')}.` };
}
