/** A KpiAlignWorkbook in memory, recording every call, for the pane's tests. */

import example from '../../examples/scorecard.json';
import { levelOfParentHeading, type CascadeReport, type ChoiceList, type ImportPlan, type Issue, type OwnerSummary, type SettingsInput, type SourceTable, type TeamLevel, type TeamSheetPlan } from '../../src/core';
import type {
  Capabilities, ImportOutcome, KpiAlignWorkbook, MarkOutcome, OwnerReportLayout, PreparedImport, ProgressListener, RemoveOutcome,
  SampleScorecard, WriteOutcome,
} from '../../src/excel/types';

export const EXAMPLE_TABLES = example.tables as SourceTable[];
export const EXAMPLE_AS_OF = example.asOf;

const available = { available: true };

export function allCapabilities(): Capabilities {
  return {
    read: available, write: available, remove: available, select: available, settings: available, autoCheck: available, insertSample: available,
    teamSheet: available, importSheets: available, markIssues: available, ownerReport: available,
  };
}

export class FakeWorkbook implements KpiAlignWorkbook {
  tables: SourceTable[] = EXAMPLE_TABLES;
  settings: SettingsInput = { asOf: EXAMPLE_AS_OF };
  features: Capabilities = allCapabilities();
  calls: { method: string; args: unknown[] }[] = [];
  changeListeners: (() => void)[] = [];
  /** Sheets without a cascade table (the lists sheet, a notes sheet…), besides the tables' sheets. */
  otherSheets: string[] = [];
  /** The dropdowns' lists on the lists sheet; null while the workbook has no lists sheet. */
  lists: ChoiceList[] | null = null;
  /** The cells marked as having issues. */
  marked: string[] = [];
  /** The tables an import brings in, by file (what the adapter would insert). */
  importedTables: Record<string, SourceTable[]> = {};
  /** Replace to make a method slow or failing. */
  hooks: Partial<Record<keyof KpiAlignWorkbook, (...args: unknown[]) => Promise<unknown>>> = {};

  private async call<T>(method: keyof KpiAlignWorkbook, args: unknown[], result: () => T): Promise<T> {
    this.calls.push({ method, args });
    const hook = this.hooks[method];
    if (hook) return (await hook(...args)) as T;
    return result();
  }

  callsTo(method: keyof KpiAlignWorkbook) {
    return this.calls.filter((call) => call.method === method);
  }

  capabilities(): Capabilities {
    return this.features;
  }
  readCascade(): Promise<SourceTable[]> {
    return this.call('readCascade', [], () => this.tables);
  }
  writeResults(report: CascadeReport, tables: SourceTable[], onProgress?: ProgressListener): Promise<WriteOutcome> {
    return this.call('writeResults', [report, tables, onProgress], () => ({
      tables: tables.map((table) => table.table ?? table.sheet),
      skipped: [],
      rows: tables.reduce((sum, table) => sum + table.rows.length, 0),
    }));
  }
  removeResults(onProgress?: ProgressListener): Promise<RemoveOutcome> {
    return this.call('removeResults', [onProgress], () => ({ tables: ['Objectives'], columns: 8, skipped: [] }));
  }
  selectCell(sheet: string, address: string): Promise<void> {
    return this.call('selectCell', [sheet, address], () => undefined);
  }
  readSettings(): Promise<SettingsInput> {
    return this.call('readSettings', [], () => this.settings);
  }
  saveSettings(settings: SettingsInput): Promise<void> {
    return this.call('saveSettings', [settings], () => {
      this.settings = settings;
    });
  }
  insertSampleScorecard(sample: SampleScorecard): Promise<void> {
    return this.call('insertSampleScorecard', [sample], () => {
      this.tables = sample.tables;
    });
  }
  listNames(): Promise<{ sheets: string[]; tables: string[] }> {
    return this.call('listNames', [], () => ({
      sheets: [...new Set([...this.tables.map((table) => table.sheet), ...this.otherSheets])],
      tables: this.tables.flatMap((table) => (table.table ? [table.table] : [])),
    }));
  }
  createTeamSheet(plan: TeamSheetPlan): Promise<void> {
    return this.call('createTeamSheet', [plan], () => {
      this.tables = [...this.tables, { sheet: plan.sheet, table: plan.table, origin: 'A1', header: plan.header, rows: [plan.firstRow] }];
      if (!this.otherSheets.includes('KPI Align Lists')) this.otherSheets.push('KPI Align Lists');
      this.lists = plan.lists;
    });
  }
  refreshChoiceLists(listsFor: (level: TeamLevel) => ChoiceList[]): Promise<boolean> {
    return this.call('refreshChoiceLists', [listsFor], () => {
      if (this.lists === null) return false;
      this.lists = listsFor(levelOfParentHeading(this.lists[0]?.heading) ?? 'Team');
      return true;
    });
  }
  importSheets(imports: PreparedImport[], plan: ImportPlan, onProgress?: ProgressListener): Promise<ImportOutcome> {
    return this.call('importSheets', [imports, plan, onProgress], () => {
      for (const prepared of imports) this.tables = [...this.tables, ...(this.importedTables[prepared.file] ?? [])];
      return { sheets: plan.files.flatMap((file) => file.sheets.map((sheet) => sheet.to)) };
    });
  }
  markIssueCells(issues: Issue[]): Promise<MarkOutcome> {
    return this.call('markIssueCells', [issues], () => {
      this.marked = issues.flatMap((issue) => (issue.cell ? [issue.cell] : []));
      return { cells: this.marked.length, ranges: this.marked.length, skipped: issues.length - this.marked.length };
    });
  }
  clearIssueMarks(): Promise<number> {
    return this.call('clearIssueMarks', [], () => {
      const count = this.marked.length;
      this.marked = [];
      return count;
    });
  }
  writeOwnerReport(owners: OwnerSummary[], layout: OwnerReportLayout, asOf: string): Promise<{ sheets: string[] }> {
    return this.call('writeOwnerReport', [owners, layout, asOf], () => ({
      sheets: layout === 'one-sheet' ? ['Owner Report'] : owners.map((owner) => `Owner ${owner.owner}`.slice(0, 31)),
    }));
  }
  onCascadeChanged(listener: () => void): Promise<() => Promise<void>> {
    return this.call('onCascadeChanged', [listener], () => {
      this.changeListeners.push(listener);
      return async () => {
        this.changeListeners = this.changeListeners.filter((other) => other !== listener);
      };
    });
  }
  /** What Excel does when a person edits a cascade table. */
  changeCells(): void {
    for (const listener of this.changeListeners) listener();
  }
}

/** A promise with its resolve and reject in hand, to hold an action "in progress". */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
