/**
 * The settings of a check, kept in the workbook so that they travel with the file (the add-in
 * writes them; the checker can read them): one hidden, workbook-level defined name,
 * `_KPIAlign_Settings` (SETTINGS_NAME, footprint.ts), whose formula is a text constant
 *
 *     "asOf=2026-09-30;onTrack=0.9;atRisk=0.7;scoreCap=1"
 *
 * A blank or missing asOf means today. Keys are matched case-insensitively; unknown keys are
 * ignored, so that a later version can add some; an entry that cannot be read counts as absent and
 * its default applies (resolveSettings then checks the ranges). The formula follows the ownership
 * marker's rules: `"` doubled, pieces of at most 255 characters joined with `&`.
 */

import { isoFromSerial } from './dates';
import { textConstantFormula, textOfConstantFormula } from './ownership';
import type { SettingsInput } from './settings';

export { SETTINGS_NAME } from './footprint';

export function settingsText(settings: SettingsInput): string {
  const asOf = typeof settings.asOf === 'number' ? isoFromSerial(settings.asOf) : (settings.asOf ?? '').trim();
  const parts = [`asOf=${asOf}`];
  if (settings.onTrack !== undefined) parts.push(`onTrack=${settings.onTrack}`);
  if (settings.atRisk !== undefined) parts.push(`atRisk=${settings.atRisk}`);
  if (settings.scoreCap !== undefined) parts.push(`scoreCap=${settings.scoreCap}`);
  return parts.join(';');
}

export function parseSettingsText(text: string): SettingsInput {
  const settings: SettingsInput = {};
  for (const entry of text.split(';')) {
    const equals = entry.indexOf('=');
    if (equals < 0) continue;
    const key = entry.slice(0, equals).trim().toLowerCase();
    const value = entry.slice(equals + 1).trim();
    if (key === 'asof') {
      if (value !== '') settings.asOf = value;
      continue;
    }
    const number = value === '' ? NaN : Number(value);
    if (!Number.isFinite(number)) continue;
    if (key === 'ontrack') settings.onTrack = number;
    else if (key === 'atrisk') settings.atRisk = number;
    else if (key === 'scorecap') settings.scoreCap = number;
  }
  return settings;
}

/** The name's formula (without the leading "=", as the marker's). */
export function settingsFormula(settings: SettingsInput): string {
  return textConstantFormula(settingsText(settings));
}

/** Reads the formula back (with or without a leading "="); null when it is not made of text constants. */
export function parseSettingsFormula(formula: string): SettingsInput | null {
  const text = textOfConstantFormula(formula);
  return text === null ? null : parseSettingsText(text);
}
