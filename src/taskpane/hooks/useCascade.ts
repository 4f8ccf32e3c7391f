/**
 * The pane's state and actions: read the cascade through the adapter, check it with the engine,
 * write or remove the results, insert the sample, keep the settings; the managers' round trip (a new
 * team sheet, importing team workbooks, issue marks, the owner report). One action runs at a time:
 * a click while another is running does nothing. Every failure becomes a notice that says what to do.
 *
 * After every check the workbook is brought in line with the report: the Parent dropdown's choices
 * are rewritten (when the workbook has a lists sheet) and, when marking is on, the issue cells are
 * marked again.
 */

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  checkTables, choiceLists, planTeamSheet, resolveSettings,
  type CascadeReport, type ImportPlan, type SettingsInput, type SourceTable, type TeamLevel,
} from '../../core';
import type { Capabilities, KpiAlignWorkbook, OwnerReportLayout } from '../../excel/types';
import {
  failureNotice, hasCascade, importNotice, noCascadeNotice, ownerReportNotice, removeNotice, SettingsProblem, teamSheetNotice, writeNotice,
  type ActionName, type Notice,
} from '../notices';
import { planImportInto, preparedImports, type ChosenWorkbook } from '../import-files';
import { ownersWithRequired } from '../owners';
import { loadSampleScorecard, type SampleData } from '../sample';

export interface Progress {
  done: number;
  /** 0 while the amount of work is not known yet: the bar moves without a value. */
  total: number;
  step: string;
}

export interface CascadeOptions {
  /** How long the workbook must stay unchanged before the pane re-checks by itself. */
  autoCheckDelayMs?: number;
  loadSample?: () => Promise<SampleData>;
  now?: () => Date;
}

export type LongAction = Extract<ActionName, 'check' | 'write' | 'remove' | 'sample' | 'settings' | 'team-sheet' | 'import' | 'marks' | 'owner-report'>;

export interface TeamSheetRequest {
  team: string;
  level: TeamLevel;
}

/** The cell a new team sheet opens on: the first ID to fill in, below the header. */
export const TEAM_SHEET_FIRST_CELL = 'A2';

export interface Cascade {
  capabilities: Capabilities;
  report: CascadeReport | null;
  tables: SourceTable[];
  settings: SettingsInput;
  busy: LongAction | null;
  progress: Progress | null;
  notice: Notice | null;
  check(): Promise<void>;
  writeResults(): Promise<void>;
  removeResults(): Promise<void>;
  insertSample(): Promise<void>;
  saveSettings(settings: SettingsInput): Promise<void>;
  select(sheet: string, address: string): Promise<void>;
  dismissNotice(): void;
  /** Whether the issue cells are marked in the workbook after each check. */
  markIssues: boolean;
  setMarkIssues(on: boolean): Promise<void>;
  /** Creates a team sheet; resolves to the sentence that says what is wrong with the request, or null once done (or failed with a notice). */
  createTeamSheet(request: TeamSheetRequest): Promise<string | null>;
  /** What importing these workbooks would do, before anything changes. Throws what the adapter throws. */
  planImport(chosen: ChosenWorkbook[]): Promise<ImportPlan>;
  importWorkbooks(chosen: ChosenWorkbook[], plan: ImportPlan): Promise<void>;
  /** Checks afresh and writes the owner report of that check. */
  writeOwnerReport(layout: OwnerReportLayout): Promise<void>;
}

export const AUTO_CHECK_DELAY_MS = 1000;

/** Lets the progress bar paint before synchronous work (the engine) takes the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function useCascade(workbook: KpiAlignWorkbook, options: CascadeOptions = {}): Cascade {
  const { autoCheckDelayMs = AUTO_CHECK_DELAY_MS, loadSample = loadSampleScorecard, now = () => new Date() } = options;
  const capabilities = useMemo(() => workbook.capabilities(), [workbook]);
  const [report, setReport] = useState<CascadeReport | null>(null);
  const [tables, setTables] = useState<SourceTable[]>([]);
  const [settings, setSettings] = useState<SettingsInput>({});
  const [busy, setBusy] = useState<LongAction | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [markIssues, setMarkIssuesState] = useState(false);

  // Refs hold what callbacks started earlier (a debounced re-check, a running action) must see now.
  const busyRef = useRef<LongAction | null>(null);
  const settingsRef = useRef<SettingsInput>({});
  const reportRef = useRef<CascadeReport | null>(null);
  const settingsLoaded = useRef<Promise<void>>(Promise.resolve());
  const markIssuesRef = useRef(false);
  /** A problem met after a check (refreshing the lists, marking the cells), shown once the action ends. */
  const afterCheckNotice = useRef<Notice | null>(null);
  const mounted = useRef(true);
  const nowRef = useRef(now);
  nowRef.current = now;
  const loadSampleRef = useRef(loadSample);
  loadSampleRef.current = loadSample;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const applySettings = useCallback((next: SettingsInput) => {
    settingsRef.current = next;
    if (mounted.current) setSettings(next);
  }, []);

  useEffect(() => {
    if (!capabilities.settings.available) return;
    settingsLoaded.current = workbook.readSettings().then(applySettings, (error: unknown) => {
      if (mounted.current) setNotice(failureNotice('read-settings', error));
    });
  }, [workbook, capabilities, applySettings]);

  /**
   * Runs one long action; returns without doing anything when another is running. A quiet action
   * (the automatic re-check) leaves the message on screen unless it has one of its own: writing the
   * results changes the tables, and the re-check that follows must not wipe "Results written".
   */
  const run = useCallback(async (action: LongAction, work: () => Promise<Notice | null>, quiet = false) => {
    if (busyRef.current !== null) return;
    busyRef.current = action;
    setBusy(action);
    if (!quiet) setNotice(null);
    setProgress({ done: 0, total: 0, step: 'Starting…' });
    afterCheckNotice.current = null;
    try {
      const result = (await work()) ?? afterCheckNotice.current;
      if (mounted.current && (result || !quiet)) setNotice(result);
    } catch (error) {
      if (mounted.current) setNotice(failureNotice(action, error));
    } finally {
      busyRef.current = null;
      if (mounted.current) {
        setBusy(null);
        setProgress(null);
      }
    }
  }, []);

  const onProgress = useCallback((done: number, total: number, step: string) => {
    if (mounted.current) setProgress({ done, total, step });
  }, []);

  /** The dropdowns follow the cascade, and the marks the issues; a failure here does not undo the check. */
  const bringWorkbookInLine = useCallback(async (next: CascadeReport) => {
    if (capabilities.teamSheet.available) {
      try {
        // The workbook has one Parent list, for the level its heading records (that of the last team sheet made).
        await workbook.refreshChoiceLists((level) => choiceLists(next, level));
      } catch (error) {
        afterCheckNotice.current = failureNotice('lists', error);
      }
    }
    if (markIssuesRef.current && capabilities.markIssues.available) {
      try {
        await workbook.markIssueCells(next.issues);
      } catch (error) {
        afterCheckNotice.current = failureNotice('marks', error);
      }
    }
  }, [workbook, capabilities]);

  /** Reads every table and checks the cascade with the current settings. */
  const readAndCheck = useCallback(async () => {
    await settingsLoaded.current;
    onProgress(0, 0, 'Reading the workbook…');
    const read = await workbook.readCascade();
    const resolved = resolveSettings(settingsRef.current, nowRef.current());
    if (!resolved.ok) throw new SettingsProblem(resolved.errors);
    onProgress(0, 0, 'Checking the cascade…');
    await nextFrame();
    const next = checkTables(read, resolved.settings);
    reportRef.current = next;
    if (mounted.current) {
      setTables(read);
      setReport(next);
    }
    await bringWorkbookInLine(next);
    return { tables: read, report: next };
  }, [workbook, onProgress, bringWorkbookInLine]);

  const checkWork = useCallback(async () => (hasCascade((await readAndCheck()).report) ? null : noCascadeNotice()), [readAndCheck]);
  const check = useCallback(() => run('check', checkWork), [run, checkWork]);
  const recheck = useCallback(() => run('check', checkWork, true), [run, checkWork]);

  const writeResults = useCallback(
    () =>
      run('write', async () => {
        const fresh = await readAndCheck();
        if (!hasCascade(fresh.report)) return noCascadeNotice();
        onProgress(0, 0, 'Writing the results…');
        return writeNotice(await workbook.writeResults(fresh.report, fresh.tables, onProgress));
      }),
    [run, readAndCheck, workbook, onProgress],
  );

  const removeResults = useCallback(
    () =>
      run('remove', async () => {
        onProgress(0, 0, 'Removing the results…');
        return removeNotice(await workbook.removeResults(onProgress));
      }),
    [run, workbook, onProgress],
  );

  const insertSample = useCallback(
    () =>
      run('sample', async () => {
        onProgress(0, 0, 'Loading the sample scorecard…');
        const sample = await loadSampleRef.current();
        onProgress(0, 0, 'Building the sample tables…');
        await workbook.insertSampleScorecard({ tables: sample.tables });
        // The sample's figures are read at its own date; without it every actual would look stale.
        if (sample.asOf) {
          const next = { ...settingsRef.current, asOf: sample.asOf };
          if (capabilities.settings.available) await workbook.saveSettings(next);
          applySettings(next);
        }
        await readAndCheck();
        return {
          intent: 'success',
          title: 'Sample scorecard inserted',
          text: `The Northwind Outfitters scorecard is in this workbook${sample.asOf ? `, read as of ${sample.asOf}` : ''}. Its issues are deliberate: open the Issues tab to see them.`,
        };
      }),
    [run, workbook, capabilities, applySettings, readAndCheck],
  );

  const saveSettings = useCallback(
    (next: SettingsInput) =>
      run('settings', async () => {
        const resolved = resolveSettings(next, nowRef.current());
        if (!resolved.ok) throw new SettingsProblem(resolved.errors);
        await workbook.saveSettings(next);
        applySettings(next);
        if (reportRef.current) await readAndCheck();
        return { intent: 'success', title: 'Settings saved', text: 'They are stored in this workbook and travel with the file.' };
      }),
    [run, workbook, applySettings, readAndCheck],
  );

  const select = useCallback(
    async (sheet: string, address: string) => {
      try {
        await workbook.selectCell(sheet, address);
      } catch (error) {
        if (mounted.current) setNotice(failureNotice('select', error));
      }
    },
    [workbook],
  );

  // Re-check by itself when a cascade table changes, once the person has checked at least once.
  const recheckRef = useRef(recheck);
  recheckRef.current = recheck;
  useEffect(() => {
    if (!capabilities.autoCheck.available) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stop: (() => Promise<void>) | null = null;
    let cancelled = false;
    const fire = () => {
      if (!reportRef.current) return;
      if (busyRef.current !== null) schedule();
      else void recheckRef.current();
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(fire, autoCheckDelayMs);
    };
    workbook.onCascadeChanged(schedule).then(
      (stopListening) => {
        if (cancelled) void stopListening().catch(ignoreWhileClosing);
        else stop = stopListening;
      },
      (error: unknown) => {
        if (mounted.current) setNotice(failureNotice('auto-check', error));
      },
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (stop) void stop().catch(ignoreWhileClosing);
    };
  }, [workbook, capabilities, autoCheckDelayMs]);

  const dismissNotice = useCallback(() => setNotice(null), []);

  const setMarkIssues = useCallback(
    (on: boolean) =>
      run('marks', async () => {
        const applyMarks = (value: boolean) => {
          markIssuesRef.current = value;
          if (mounted.current) setMarkIssuesState(value);
        };
        applyMarks(on);
        try {
          if (!on) await workbook.clearIssueMarks();
          else if (reportRef.current) await workbook.markIssueCells(reportRef.current.issues);
        } catch (error) {
          applyMarks(!on);
          throw error;
        }
        return null;
      }),
    [run, workbook],
  );

  const createTeamSheet = useCallback(
    async ({ team, level }: TeamSheetRequest) => {
      let refusal: string | null = null;
      await run('team-sheet', async () => {
        const fresh = await readAndCheck();
        const names = await workbook.listNames();
        const planned = planTeamSheet(fresh.report, { team, level, sheets: names.sheets, tables: names.tables });
        if (!planned.ok) {
          refusal = planned.error;
          return null;
        }
        const { plan } = planned;
        onProgress(0, 0, `Creating the sheet ${plan.sheet}…`);
        await workbook.createTeamSheet(plan);
        await readAndCheck();
        await workbook.selectCell(plan.sheet, TEAM_SHEET_FIRST_CELL);
        return teamSheetNotice(plan.sheet, plan.table, plan.lists[0]?.values.length ?? 0);
      });
      return refusal;
    },
    [run, readAndCheck, workbook, onProgress],
  );

  const planImport = useCallback(async (chosen: ChosenWorkbook[]) => planImportInto(workbook, chosen), [workbook]);

  const importWorkbooks = useCallback(
    (chosen: ChosenWorkbook[], plan: ImportPlan) =>
      run('import', async () => {
        onProgress(0, 0, 'Preparing the team workbooks…');
        await nextFrame();
        const outcome = await workbook.importSheets(await preparedImports(chosen, plan), plan, onProgress);
        await readAndCheck();
        return importNotice(outcome);
      }),
    [run, readAndCheck, workbook, onProgress],
  );

  const writeOwnerReport = useCallback(
    (layout: OwnerReportLayout) =>
      run('owner-report', async () => {
        const fresh = await readAndCheck();
        onProgress(0, 0, 'Writing the owner report…');
        const { sheets } = await workbook.writeOwnerReport(ownersWithRequired(fresh.report, fresh.tables), layout, fresh.report.asOf);
        return ownerReportNotice(sheets);
      }),
    [run, readAndCheck, workbook, onProgress],
  );

  return {
    capabilities, report, tables, settings, busy, progress, notice,
    check, writeResults, removeResults, insertSample, saveSettings, select, dismissNotice,
    markIssues, setMarkIssues, createTeamSheet, planImport, importWorkbooks, writeOwnerReport,
  };
}

/** The pane is closing: there is nobody left to tell that the listener could not be removed. */
function ignoreWhileClosing(): void {}
