/**
 * The adapter: the only code that calls `Excel.run`. Each action checks first that this Excel can do
 * it, waits out cell-edit mode, and turns every failure into an ExcelActionError that says what to do.
 */

import { capabilitiesOf, GUARD_EXCEL_API, MARKER_EXCEL_API, RESIZE_EXCEL_API } from './capabilities';
import { parseArea, splitReference } from './addresses';
import { say, type ActionName } from './messages';
import { DEFAULT_RETRY, officeErrorCode, retryInCellEditMode, toActionError, type RetryOptions } from './office-errors';
import { readTables } from './read';
import { removeColumns } from './remove';
import { importSheets } from './import';
import { insertSample } from './sample';
import { clearMarks, markIssues } from './issue-marks';
import { writeOwnerReport } from './owner-report';
import { createTeamSheet, listNames, refreshChoiceLists } from './team-sheet';
import { readStoredSettings, storeSettings } from './settings';
import { watchTables } from './events';
import { ExcelActionError, type Capabilities, type KpiAlignWorkbook, type OfficeHost, type ProgressListener } from './types';
import { writeJobs, writeTables } from './write';

export interface AdapterOptions {
  /** How cell-edit mode is waited out (tests pass a sleep that does not wait). */
  retry?: RetryOptions;
}

const noProgress: ProgressListener = () => undefined;

export function createKpiAlignWorkbook(host: OfficeHost, options: AdapterOptions = {}): KpiAlignWorkbook {
  const retry = options.retry ?? DEFAULT_RETRY;
  const capabilities = () => capabilitiesOf(host);
  const canResize = () => host.isSetSupported('ExcelApi', RESIZE_EXCEL_API);

  function checkAvailable(feature: keyof Capabilities): void {
    const { available, reason } = capabilities()[feature];
    if (!available) throw new ExcelActionError(reason as string, 'unsupported');
  }

  async function perform<T>(feature: keyof Capabilities, action: ActionName, work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      checkAvailable(feature);
      return await retryInCellEditMode(() => host.run(work), retry);
    } catch (error) {
      throw toActionError(error, action);
    }
  }

  return {
    capabilities,

    readCascade: () => perform('read', 'read', (context) => readTables(context, host.isSetSupported('ExcelApi', MARKER_EXCEL_API))),

    async writeResults(report, tables, onProgress = noProgress) {
      const jobs = writeJobs(report, tables);
      if (jobs.length === 0) {
        checkAvailable('write');
        return { tables: [], skipped: [], rows: 0 };
      }
      return perform('write', 'write', (context) => writeTables(context, jobs, canResize(), host.isSetSupported('ExcelApi', GUARD_EXCEL_API), onProgress));
    },

    // Removing the results takes away the issue marks too: they belong to the same check.
    removeResults: (onProgress = noProgress) =>
      perform('remove', 'remove', async (context) => {
        const outcome = await removeColumns(context, canResize(), onProgress);
        await clearMarks(context);
        return outcome;
      }),

    selectCell: (sheet, address) => perform('select', 'select', (context) => select(context, sheet, address)),

    readSettings: () => perform('settings', 'read-settings', readStoredSettings),

    saveSettings: (settings) => perform('settings', 'save-settings', (context) => storeSettings(context, settings)),

    insertSampleScorecard: (sample) => perform('insertSample', 'sample', (context) => insertSample(context, sample)),

    listNames: () => perform('read', 'read', listNames),

    createTeamSheet: (plan) => perform('teamSheet', 'team-sheet', (context) => createTeamSheet(context, plan)),

    refreshChoiceLists: (listsFor) => perform('teamSheet', 'refresh-lists', (context) => refreshChoiceLists(context, listsFor)),

    markIssueCells: (issues) => perform('markIssues', 'mark', (context) => markIssues(context, issues)),

    clearIssueMarks: () => perform('markIssues', 'unmark', clearMarks),

    writeOwnerReport: (owners, layout, asOf) => perform('ownerReport', 'owner-report', (context) => writeOwnerReport(context, owners, layout, asOf)),

    importSheets: (imports, plan, onProgress = noProgress) =>
      perform('importSheets', 'import', (context) => importSheets(context, imports, plan, onProgress)),

    async onCascadeChanged(listener) {
      try {
        checkAvailable('autoCheck');
        const stop = await retryInCellEditMode(() => watchTables(host, listener), retry);
        return async () => {
          try {
            await retryInCellEditMode(stop, retry);
          } catch (error) {
            throw toActionError(error, 'watch');
          }
        };
      } catch (error) {
        throw toActionError(error, 'watch');
      }
    },
  };
}

/** Activates the sheet, then selects the cell: selecting alone does not bring another sheet forward everywhere. */
async function select(context: Excel.RequestContext, sheet: string, address: string): Promise<void> {
  const place = splitReference(sheet, address);
  if (!parseArea(place.cell)) throw new ExcelActionError(say.badAddress(address), 'unexpected');
  const worksheet = context.workbook.worksheets.getItem(place.sheet);
  worksheet.activate();
  worksheet.getRange(place.cell).select();
  try {
    await context.sync();
  } catch (error) {
    if (officeErrorCode(error) === 'ItemNotFound') throw new ExcelActionError(say.noSuchSheet(place.sheet), 'changed');
    throw error;
  }
}
