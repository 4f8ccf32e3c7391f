/**
 * The pane's session, without React: the state every tab reads, its subscribers, and the rule that
 * one action runs at a time. Each feature (check, results, sample, settings, team sheet, import,
 * issue marks, owner report, the automatic re-check) is a module of its own that acts through the
 * `SessionCore` made here; `create-session.ts` puts them together. React reads the state through
 * `useSyncExternalStore` (hooks/useCascade.ts), and the tests drive it directly, with fake timers.
 */

import type { CascadeReport, SettingsInput, SourceTable } from '../../core';
import type { Capabilities, KpiAlignWorkbook } from '../../excel/types';
import { failureNotice, type ActionName, type Notice } from '../notices';
import type { SampleData } from '../sample';

export interface Progress {
  done: number;
  /** 0 while the amount of work is not known yet: the bar moves without a value. */
  total: number;
  step: string;
}

export type LongAction = Extract<ActionName, 'check' | 'write' | 'remove' | 'sample' | 'settings' | 'team-sheet' | 'import' | 'marks' | 'owner-report'>;

/** What the pane shows; a new object on every change, so React can compare snapshots by identity. */
export interface SessionState {
  report: CascadeReport | null;
  tables: SourceTable[];
  settings: SettingsInput;
  busy: LongAction | null;
  progress: Progress | null;
  notice: Notice | null;
  /** Whether the issue cells are marked in the workbook after each check. */
  markIssues: boolean;
}

export interface SessionOptions {
  /** How long the workbook must stay unchanged before the pane re-checks by itself. */
  autoCheckDelayMs?: number;
  loadSample?: () => Promise<SampleData>;
  now?: () => Date;
}

export const AUTO_CHECK_DELAY_MS = 1000;

export const INITIAL_STATE: SessionState = {
  report: null, tables: [], settings: {}, busy: null, progress: null, notice: null, markIssues: false,
};

/** Lets the progress bar paint before synchronous work (the engine) takes the thread. */
export const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A step that runs after every check: a failure there is told once the action ends and does not undo the check. */
export type AfterCheck = (report: CascadeReport) => Promise<void>;

interface AfterCheckStep {
  /** What a failure of the step is called in its notice. */
  action: ActionName;
  step: AfterCheck;
}

export class SessionCore {
  private current: SessionState = INITIAL_STATE;
  private readonly listeners = new Set<() => void>();
  /** A problem met after a check (refreshing the lists, marking the cells), shown once the action ends. */
  private laterNotice: Notice | null = null;
  private readonly afterChecks: AfterCheckStep[] = [];

  readonly capabilities: Capabilities;
  readonly now: () => Date;
  /** Settles once the settings stored in the workbook are in the state: a check waits for it, so it never uses the defaults by mistake. */
  settingsRead: Promise<void> = Promise.resolve();

  constructor(readonly workbook: KpiAlignWorkbook, now: () => Date = () => new Date()) {
    this.capabilities = workbook.capabilities();
    this.now = now;
  }

  readonly getSnapshot = (): SessionState => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  update(patch: Partial<SessionState>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of [...this.listeners]) listener();
  }

  readonly onProgress = (done: number, total: number, step: string): void => {
    this.update({ progress: { done, total, step } });
  };

  /** Says why something outside an action failed (reading the settings, selecting a cell, listening for changes). */
  fail(action: ActionName, error: unknown): void {
    this.update({ notice: failureNotice(action, error) });
  }

  /**
   * Runs one long action; returns without doing anything when another is running. A quiet action
   * (the automatic re-check) leaves the message on screen unless it has one of its own: writing the
   * results changes the tables, and the re-check that follows must not wipe "Results written".
   */
  async run(action: LongAction, work: () => Promise<Notice | null>, quiet = false): Promise<void> {
    if (this.current.busy !== null) return;
    this.laterNotice = null;
    this.update({ busy: action, progress: { done: 0, total: 0, step: 'Starting…' }, ...(quiet ? {} : { notice: null }) });
    let notice: Notice | null;
    try {
      notice = (await work()) ?? this.laterNotice;
    } catch (error) {
      notice = failureNotice(action, error);
    }
    this.update({ busy: null, progress: null, ...(notice || !quiet ? { notice } : {}) });
  }

  /** Registers a step that brings the workbook in line with each new report, in the order registered. */
  afterEachCheck(action: ActionName, step: AfterCheck): void {
    this.afterChecks.push({ action, step });
  }

  async bringWorkbookInLine(report: CascadeReport): Promise<void> {
    for (const { action, step } of this.afterChecks) {
      try {
        await step(report);
      } catch (error) {
        this.laterNotice = failureNotice(action, error);
      }
    }
  }
}
