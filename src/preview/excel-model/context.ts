/**
 * `Excel.RequestContext` as the model runs it: actions queue up, `sync()` sends them as one request
 * and runs them in order, loads come back in one response. Each sync is counted with an estimate
 * of its payload: the JSON of the queued actions (object path, property or method, values) and the
 * JSON of the loaded results. Excel's wire format adds a little per action; the values dominate.
 *
 * Excel on the web refuses a request or a response over 5 MB ("Resource limits and performance
 * optimization for Office Add-ins"); the model does the same unless `payloadLimitBytes` is null.
 * Not documented, assumed here: an oversized request runs nothing; an oversized response comes
 * after its writes were applied, and its loaded values are lost. A request is not a transaction:
 * the actions before the one that fails stay done, the ones after it never run. In cell-edit mode
 * nothing runs.
 */

import type { Collected } from './client-object';
import { ModelError } from './errors';
import { dispatchChanges } from './events';
import type { WorkbookState } from './state';
import { WorkbookObject } from './workbook-object';

export interface Action {
  /** Where an error says it happened: "Range.values". */
  where: string;
  /** The ExcelApi version the action needs. */
  since?: string;
  /** What the request carries for this action, for the payload estimate. */
  describe: unknown;
  run(): Collected | void;
}

export interface SyncStats {
  syncs: number;
  /** Estimated bytes of each sync: request plus response. */
  payloads: number[];
  requests: number[];
  responses: number[];
  /** Whether calculation was suspended for each sync (suspendApiCalculationUntilNextSync). */
  calculationSuspended: boolean[];
  reset(): void;
}

export interface ModelEnvironment {
  state: WorkbookState;
  stats: SyncStats;
  /** Requirement sets and their highest supported version, e.g. { ExcelApi: "1.12" }. */
  supportedSets: Record<string, string>;
  payloadLimitBytes: number | null;
}

export function compareVersions(a: string, b: string): number {
  const [aMajor, aMinor = 0] = a.split('.').map(Number);
  const [bMajor, bMinor = 0] = b.split('.').map(Number);
  return aMajor !== bMajor ? aMajor - bMajor : aMinor - bMinor;
}

export class ModelContext {
  readonly workbook: WorkbookObject;
  private queue: Action[] = [];
  private suspended = false;
  /** True while a sync runs its actions: proxies made then (through load paths) learn their state from that load. */
  running = false;

  constructor(readonly environment: ModelEnvironment) {
    this.workbook = new WorkbookObject(this);
  }

  get state(): WorkbookState {
    return this.environment.state;
  }

  enqueue(action: Action): void {
    this.queue.push(action);
  }

  supports(since: string | undefined): boolean {
    const version = this.environment.supportedSets.ExcelApi;
    return since === undefined || (version !== undefined && compareVersions(version, since) >= 0);
  }

  /** An API this Excel does not have fails with ApiNotFound when the request runs. */
  requireApi(since: string | undefined, where: string): void {
    if (!this.supports(since)) throw new ModelError('ApiNotFound', where, `needs ExcelApi ${since}`);
  }

  /** Called by the action when the sync runs it: calculation stays off for the rest of that sync. */
  suspendCalculation(): void {
    this.suspended = true;
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const actions = this.queue;
    this.queue = [];
    this.suspended = false;
    await Promise.resolve();
    const { stats, state, payloadLimitBytes } = this.environment;
    const request = JSON.stringify(actions.map((action) => action.describe)).length;
    let response = 0;
    let failure: unknown = null;
    try {
      if (state.cellEditMode) throw new ModelError('InvalidOperationInCellEditMode', 'RequestContext.sync');
      if (payloadLimitBytes !== null && request > payloadLimitBytes) throw new ModelError('RequestPayloadSizeLimitExceeded', 'RequestContext.sync');
      const results: Collected[] = [];
      this.running = true;
      try {
        for (const action of actions) {
          this.requireApi(action.since, action.where);
          const result = action.run();
          if (result) results.push(result);
        }
      } finally {
        this.running = false;
        response = JSON.stringify(results.map((result) => result.json)).length;
      }
      if (payloadLimitBytes !== null && response > payloadLimitBytes) throw new ModelError('ResponsePayloadSizeLimitExceeded', 'RequestContext.sync');
      for (const result of results) result.commit();
    } catch (error) {
      failure = error;
    }
    stats.syncs++;
    stats.requests.push(request);
    stats.responses.push(response);
    stats.payloads.push(request + response);
    stats.calculationSuspended.push(this.suspended);
    this.suspended = false;
    state.flush((changes) => dispatchChanges(state, changes));
    if (failure) throw failure;
  }
}
