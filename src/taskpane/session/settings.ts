/** Settings: read from the workbook when the session starts, checked with the engine's rules, saved in the workbook. */

import { resolveSettings, type SettingsInput } from '../../core';
import { SettingsProblem } from '../notices';
import type { CheckFeature } from './check';
import type { SessionCore } from './session';

export interface SettingsFeature {
  /** Reads the settings stored in the workbook into the state (where Excel can store them). */
  readStored(): void;
  /** Saves settings the engine accepts, and checks again with them when there is a report. */
  saveSettings(settings: SettingsInput): Promise<void>;
}

export function settingsFeature(core: SessionCore, { readAndCheck }: CheckFeature): SettingsFeature {
  return {
    readStored() {
      if (!core.capabilities.settings.available) return;
      core.settingsRead = core.workbook.readSettings().then(
        (settings) => core.update({ settings }),
        (error: unknown) => core.fail('read-settings', error),
      );
    },
    saveSettings: (next) =>
      core.run('settings', async () => {
        const resolved = resolveSettings(next, core.now());
        if (!resolved.ok) throw new SettingsProblem(resolved.errors);
        await core.workbook.saveSettings(next);
        core.update({ settings: next });
        if (core.getSnapshot().report) await readAndCheck();
        return { intent: 'success', title: 'Settings saved', text: 'They are stored in this workbook and travel with the file.' };
      }),
  };
}
