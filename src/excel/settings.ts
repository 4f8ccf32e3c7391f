/** The check's settings, kept in the workbook as the hidden name `_KPIAlign_Settings` (src/core/workbook-settings.ts). */

import { parseSettingsFormula, SETTINGS_NAME, settingsFormula, type SettingsInput } from '../core';

/** One sync; a missing or unreadable name gives no settings, so the defaults apply. */
export async function readStoredSettings(context: Excel.RequestContext): Promise<SettingsInput> {
  const item = context.workbook.names.getItemOrNullObject(SETTINGS_NAME).load('formula');
  await context.sync();
  if (item.isNullObject || typeof item.formula !== 'string') return {};
  return parseSettingsFormula(item.formula) ?? {};
}

/** Two syncs: whether the name exists, then the new formula, hidden. */
export async function storeSettings(context: Excel.RequestContext, settings: SettingsInput): Promise<void> {
  const existing = context.workbook.names.getItemOrNullObject(SETTINGS_NAME);
  await context.sync();
  const formula = `=${settingsFormula(settings)}`;
  const item = existing.isNullObject ? context.workbook.names.add(SETTINGS_NAME, formula) : existing;
  if (!existing.isNullObject) item.formula = formula;
  item.visible = false;
  await context.sync();
}
