/** The settings marker: `_KPIAlign_Settings`, a text constant the add-in writes and the checker can read. */

import { parseSettingsFormula, parseSettingsText, resolveSettings, settingsFormula, settingsText } from '../../src/core';

test('written and read back', () => {
  const settings = { asOf: '2026-09-30', onTrack: 0.9, atRisk: 0.7, scoreCap: 1 };
  expect(settingsText(settings)).toBe('asOf=2026-09-30;onTrack=0.9;atRisk=0.7;scoreCap=1');
  expect(settingsFormula(settings)).toBe('"asOf=2026-09-30;onTrack=0.9;atRisk=0.7;scoreCap=1"');
  expect(parseSettingsFormula(`=${settingsFormula(settings)}`)).toEqual(settings);
  expect(parseSettingsFormula(settingsFormula(settings))).toEqual(settings);
});

test('a blank as-of date means today; an as-of serial is written as its date', () => {
  expect(settingsText({})).toBe('asOf=');
  expect(parseSettingsText('asOf=;onTrack=0.8')).toEqual({ onTrack: 0.8 });
  expect(settingsText({ asOf: 46295 })).toBe('asOf=2026-09-30');
});

test('keys in any case and spacing; unknown keys and unreadable entries are ignored, so defaults apply', () => {
  expect(parseSettingsText(' AsOf = 2026-01-31 ; ONTRACK=0.95;colour=blue;atRisk=abc;scoreCap=')).toEqual({ asOf: '2026-01-31', onTrack: 0.95 });
  const resolved = resolveSettings(parseSettingsText('atRisk=abc'));
  expect(resolved.ok && resolved.settings.atRisk).toBe(0.7);
});

test('a formula that is not made of text constants is not settings', () => {
  expect(parseSettingsFormula('=Sheet1!$A$1')).toBeNull();
  expect(parseSettingsFormula('="asOf=2026-' + '01-31"&";onTrack=0.8"')).toEqual({ asOf: '2026-01-31', onTrack: 0.8 });
});
