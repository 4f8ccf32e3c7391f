/** A KpiAlignWorkbook in memory, recording every call, for the pane's tests. */

import example from '../../examples/scorecard.json';
import type { CascadeReport, SettingsInput, SourceTable } from '../../src/core';
import type {
  Capabilities, KpiAlignWorkbook, ProgressListener, RemoveOutcome, SampleScorecard, WriteOutcome,
} from '../../src/excel/types';

export const EXAMPLE_TABLES = example.tables as SourceTable[];
export const EXAMPLE_AS_OF = example.asOf;

const available = { available: true };

export function allCapabilities(): Capabilities {
  return { read: available, write: available, remove: available, select: available, settings: available, autoCheck: available, insertSample: available };
}

export class FakeWorkbook implements KpiAlignWorkbook {
  tables: SourceTable[] = EXAMPLE_TABLES;
  settings: SettingsInput = { asOf: EXAMPLE_AS_OF };
  features: Capabilities = allCapabilities();
  calls: { method: string; args: unknown[] }[] = [];
  changeListeners: (() => void)[] = [];
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
