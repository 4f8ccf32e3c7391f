/**
 * An in-memory Excel workbook behind an `OfficeHost`: the adapter runs against it in tests, the
 * benchmark and the browser preview exactly as against Excel. The controls below stand in for
 * what a person does in Excel (edit a cell, filter a table, protect a sheet, stay in a cell's edit mode).
 */

import type { OfficeHost } from '../../excel/types';
import { parseCell } from './addresses';
import { enteredCell, type Scalar } from './cells';
import { compareVersions, ModelContext, type ModelEnvironment, type SyncStats } from './context';
import { dispatchChanges } from './events';
import { takeSnapshot, type WorkbookSnapshot } from './snapshot';
import { BLANK_WORKBOOK, buildState, type WorkbookSpec } from './spec';
import { bodyRect, headerRect, WorkbookState } from './state';
import { syncHeaderNames } from './table-ops';

/** Excel on the web refuses a request or response above 5 MB. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface ModelOptions {
  /** Requirement sets and the highest version supported; default ExcelApi 1.1 to 1.12. */
  supportedSets?: Record<string, string>;
  /** Default: Excel on the web's 5 MB. Null: no limit (Excel on Windows and on the Mac document none). */
  payloadLimitBytes?: number | null;
}

export interface WorkbookModel {
  /** `Excel.run` and `isSetSupported` over this workbook. */
  host: OfficeHost & { runInContext<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  stats: SyncStats;
  snapshot(): WorkbookSnapshot;
  /** Called after every change (a sync that changed something, or a control below). Returns the unsubscriber. */
  subscribe(listener: () => void): () => void;
  /** While on, every sync fails with InvalidOperationInCellEditMode, as when a person is typing in a cell. */
  setCellEditMode(on: boolean): void;
  /** A protected sheet refuses every change with AccessDenied. */
  protectSheet(name: string, on?: boolean): void;
  /** A person types `value` into a cell (null clears it); registered onChanged handlers are called. */
  editCell(sheet: string, address: string, value: Scalar | null): Promise<void>;
  /** Hides the data rows of a table for which `keep` is false, as an AutoFilter does; `() => true` clears it. */
  filterRows(table: string, keep: (row: Record<string, Scalar | null>, index: number) => boolean): void;
  /** How many event handlers are registered now. */
  eventHandlerCount(): number;
}

function newStats(): SyncStats {
  const stats: SyncStats = {
    syncs: 0,
    payloads: [],
    requests: [],
    responses: [],
    calculationSuspended: [],
    reset() {
      stats.syncs = 0;
      stats.payloads = [];
      stats.requests = [];
      stats.responses = [];
      stats.calculationSuspended = [];
    },
  };
  return stats;
}

/** Lets handlers queued as microtasks run before a control returns. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function createWorkbookModel(spec: WorkbookSpec = BLANK_WORKBOOK, options: ModelOptions = {}): WorkbookModel {
  const state = new WorkbookState();
  buildState(state, spec);
  state.flush(() => undefined);
  const environment: ModelEnvironment = {
    state,
    stats: newStats(),
    supportedSets: options.supportedSets ?? { ExcelApi: '1.12' },
    payloadLimitBytes: options.payloadLimitBytes === undefined ? WEB_PAYLOAD_LIMIT_BYTES : options.payloadLimitBytes,
  };

  /**
   * Office.js syncs the actions still queued when the batch's promise resolves: the documentation's
   * getItemOrNullObject example ("Application-specific API model") sets `position` after its last sync.
   */
  async function runBatch<T>(context: ModelContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending > 0) await context.sync();
    return result;
  }

  const host: WorkbookModel['host'] = {
    run: (batch) => runBatch(new ModelContext(environment), batch),
    runInContext: (context, batch) => runBatch(context as unknown as ModelContext, batch),
    isSetSupported: (name, minVersion = '1.1') => {
      const version = environment.supportedSets[name];
      return version !== undefined && compareVersions(version, minVersion) >= 0;
    },
  };

  const sheetOrThrow = (name: string) => {
    const sheet = state.sheetNamed(name);
    if (!sheet) throw new Error(`The model has no sheet "${name}".`);
    return sheet;
  };

  return {
    host,
    stats: environment.stats,
    snapshot: () => takeSnapshot(state),
    subscribe: (listener) => state.subscribe(listener),
    setCellEditMode(on) {
      state.cellEditMode = on;
    },
    protectSheet(name, on = true) {
      sheetOrThrow(name).protected = on;
      state.touch();
      state.flush(() => undefined);
    },
    async editCell(sheetName, address, value) {
      const sheet = sheetOrThrow(sheetName);
      const at = parseCell(address);
      if (!at) throw new Error(`"${address}" is not a cell address.`);
      if (sheet.protected) throw new Error(`The sheet "${sheetName}" is protected: Excel would not let the cell be edited.`);
      const next = enteredCell(value ?? '', sheet.get(at.row, at.col));
      if (next !== null) sheet.set(at.row, at.col, next);
      for (const table of state.tablesOn(sheet)) if (headerRect(table)?.top === at.row) syncHeaderNames(table);
      state.record({ sheet, rect: { top: at.row, left: at.col, rows: 1, cols: 1 }, changeType: 'RangeEdited' });
      state.flush((changes) => dispatchChanges(state, changes));
      await settle();
    },
    filterRows(tableName, keep) {
      const table = state.tableNamed(tableName);
      if (!table) throw new Error(`The model has no table "${tableName}".`);
      const body = bodyRect(table);
      for (let r = 0; r < body.rows; r++) {
        const row = Object.fromEntries(table.columns.map((name, c) => [name, table.sheet.get(body.top + r, body.left + c)?.value ?? null]));
        if (keep(row, r)) table.sheet.hiddenRows.delete(body.top + r);
        else table.sheet.hiddenRows.add(body.top + r);
      }
      state.touch();
      state.flush(() => undefined);
    },
    eventHandlerCount: () => state.registrations.length,
  };
}
