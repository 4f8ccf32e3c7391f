/** The settings a run of the checker uses: the command line's, over those stored in a workbook, over the defaults. */

import { resolveSettings, Settings, SettingsInput } from '../core';
import type { CheckOptions } from './options';
import type { Terminal } from './terminal';

/**
 * The settings of a check: the command line's, over those the add-in stored in the first workbook
 * that has any (finance's workbook, named first), over the defaults. Stored settings that are out
 * of range are ignored with a warning, never fatal: the person did not type them here.
 */
export function settingsFor(
  workbooks: { path: string; settings: SettingsInput | null }[],
  options: Pick<CheckOptions, 'flags' | 'settings' | 'now'>,
  terminal: Terminal,
): Settings {
  const stored = workbooks.find((workbook) => workbook.settings !== null);
  if (!stored) return options.settings;
  const merged = resolveSettings({ ...stored.settings, ...options.flags }, options.now);
  if (merged.ok) return merged.settings;
  terminal.err(`kpi-align: the settings stored in ${stored.path} are ignored: ${merged.errors.join(' ')}\n`);
  return options.settings;
}
