/** The settings of a check (spec section 4), their defaults and their limits. */

import { todaySerial } from './dates';
import { INVALID, parseDate } from './values';
import type { Settings } from './types';

export const DEFAULT_SETTINGS = { onTrack: 0.9, atRisk: 0.7, scoreCap: 1 } as const;

export interface SettingsInput {
  /** ISO date (YYYY-MM-DD) or an Excel serial; today when absent. */
  asOf?: string | number;
  onTrack?: number;
  atRisk?: number;
  scoreCap?: number;
}

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; errors: string[] };

/** Checks settings a person typed; every problem comes back as a sentence, none throws. */
export function resolveSettings(input: SettingsInput = {}, now: Date = new Date()): SettingsResult {
  const errors: string[] = [];
  let asOf = todaySerial(now);
  if (input.asOf !== undefined) {
    const parsed = parseDate(typeof input.asOf === 'string' ? input.asOf.trim() : input.asOf);
    if (parsed === INVALID || parsed === null) errors.push(`The as-of date "${input.asOf}" is not a date; write it as YYYY-MM-DD.`);
    else asOf = Math.floor(parsed);
  }
  const onTrack = input.onTrack ?? DEFAULT_SETTINGS.onTrack;
  const atRisk = input.atRisk ?? DEFAULT_SETTINGS.atRisk;
  const scoreCap = input.scoreCap ?? DEFAULT_SETTINGS.scoreCap;
  if (!(onTrack > 0 && onTrack <= 1)) errors.push(`The on-track ratio ${onTrack} must be above 0 and at most 1.`);
  if (!(atRisk > 0 && atRisk <= 1)) errors.push(`The at-risk ratio ${atRisk} must be above 0 and at most 1.`);
  else if (atRisk > onTrack) errors.push(`The at-risk ratio ${atRisk} must not be above the on-track ratio ${onTrack}.`);
  if (!(scoreCap >= 1 && scoreCap <= 2)) errors.push(`The score cap ${scoreCap} must be between 1 and 2.`);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, settings: { asOf, onTrack, atRisk, scoreCap } };
}

/** For callers that build settings in code: a mistake there is a bug, so it throws. */
export class SettingsError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join(' '));
    this.name = 'SettingsError';
  }
}

export function settingsOrThrow(input?: SettingsInput, now?: Date): Settings {
  const result = resolveSettings(input, now);
  if (!result.ok) throw new SettingsError(result.errors);
  return result.settings;
}
