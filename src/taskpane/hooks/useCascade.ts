/**
 * The pane's state and actions: read the cascade through the adapter, check it with the engine,
 * write or remove the results, insert the sample, keep the settings. One action runs at a time:
 * a click while another is running does nothing. Every failure becomes a notice that says what to do.
 */

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { checkTables, resolveSettings, type CascadeReport, type SettingsInput, type SourceTable } from '../../core';
import type { Capabilities, KpiAlignWorkbook } from '../../excel/types';
import {
  failureNotice, hasCascade, noCascadeNotice, removeNotice, SettingsProblem, writeNotice,
  type ActionName, type Notice,
} from '../notices';
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

export type LongAction = Extract<ActionName, 'check' | 'write' | 'remove' | 'sample' | 'settings'>;

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

  // Refs hold what callbacks started earlier (a debounced re-check, a running action) must see now.
  const busyRef = useRef<LongAction | null>(null);
  const settingsRef = useRef<SettingsInput>({});
  const reportRef = useRef<CascadeReport | null>(null);
  const settingsLoaded = useRef<Promise<void>>(Promise.resolve());
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
    try {
      const result = await work();
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
    return { tables: read, report: next };
  }, [workbook, onProgress]);

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

  return {
    capabilities, report, tables, settings, busy, progress, notice,
    check, writeResults, removeResults, insertSample, saveSettings, select, dismissNotice,
  };
}

/** The pane is closing: there is nobody left to tell that the listener could not be removed. */
function ignoreWhileClosing(): void {}
