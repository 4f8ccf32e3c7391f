/**
 * One session per workbook: the core and its features, put together. The order of the features
 * is the order of the steps after each check: the Parent dropdown's lists first, then the marks.
 */

import type { KpiAlignWorkbook } from '../../excel/types';
import { loadSampleScorecard } from '../sample';
import { autoCheckFeature } from './auto-check';
import { checkFeature, type CheckFeature } from './check';
import { importFeature, type ImportFeature } from './import';
import { marksFeature, type MarksFeature } from './marks';
import { ownersFeature, type OwnersFeature } from './owners';
import { resultsFeature, type ResultsFeature } from './results';
import { sampleFeature, type SampleFeature } from './sample';
import { AUTO_CHECK_DELAY_MS, SessionCore, type SessionOptions, type SessionState } from './session';
import { settingsFeature, type SettingsFeature } from './settings';
import { teamSheetFeature, type TeamSheetFeature } from './team-sheet';

export type SessionActions = Omit<CheckFeature, 'readAndCheck' | 'recheck'> & ResultsFeature & SampleFeature
  & Omit<SettingsFeature, 'readStored'> & TeamSheetFeature & ImportFeature & MarksFeature & OwnersFeature & {
    /** Activates the sheet and selects the cell; a failure is a notice. Not an action: it may run while one does. */
    select(sheet: string, address: string): Promise<void>;
    dismissNotice(): void;
  };

export interface Session extends SessionActions {
  readonly capabilities: SessionCore['capabilities'];
  getSnapshot(): SessionState;
  subscribe(listener: () => void): () => void;
  /** Reads the stored settings and starts the automatic re-check; the function returned stops listening. */
  start(): () => void;
}

export function createSession(workbook: KpiAlignWorkbook, options: SessionOptions = {}): Session {
  const core = new SessionCore(workbook, options.now);
  const check = checkFeature(core);
  const settings = settingsFeature(core, check);
  const autoCheck = autoCheckFeature(core, check, options.autoCheckDelayMs ?? AUTO_CHECK_DELAY_MS);
  const { check: checkNow } = check;
  return {
    capabilities: core.capabilities,
    getSnapshot: core.getSnapshot,
    subscribe: core.subscribe,
    start() {
      settings.readStored();
      return autoCheck.listen();
    },
    check: checkNow,
    ...resultsFeature(core, check),
    ...sampleFeature(core, check, options.loadSample ?? loadSampleScorecard),
    saveSettings: settings.saveSettings,
    ...teamSheetFeature(core, check),
    ...marksFeature(core),
    ...importFeature(core, check),
    ...ownersFeature(core, check),
    async select(sheet, address) {
      try {
        await workbook.selectCell(sheet, address);
      } catch (error) {
        core.fail('select', error);
      }
    },
    dismissNotice: () => core.update({ notice: null }),
  };
}
