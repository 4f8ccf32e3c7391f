/**
 * What KPI Align leaves in a workbook, besides the cells it computes: every name, sheet, tag and
 * text by which it finds its own things again on the next run. Each is recognised by these words
 * alone (case-insensitively, as Excel compares names), so none may begin another, and a person's
 * names, sheets, formats and validations never carry them. Each entry says who writes it and who
 * reads it; docs/xlsx.md and docs/taskpane.md tell the formats.
 */

/** Every defined name KPI Align adds begins with this; hidden, workbook-level. */
export const NAME_PREFIX = '_KPIAlign_';

/**
 * Ownership markers `_KPIAlign_Owned_<n>`, one per table written, listing the columns KPI Align made
 * (the format: ownership.ts). Written by the checker's --write (src/xlsx/write.ts) and the add-in's
 * Write results (src/excel/write-plan.ts); read by both before writing (src/xlsx/workbook.ts,
 * src/excel/ownership.ts), by the add-in's reader to skip our columns (src/excel/read.ts) and by
 * Remove results (src/excel/remove.ts).
 */
export const OWNED_NAME_PREFIX = `${NAME_PREFIX}Owned_`;

/**
 * The owned-header key: a column of ours whose header a person's column already has is named
 * "Status (KPI Align)", then "Status (KPI Align 2)". Made and recognised by one rule for both hosts
 * (placeComputedColumns, ownership.ts), which reuses such a column only when a marker lists it.
 */
export const OWNED_HEADER_KEY = 'KPI Align';

/**
 * The check's settings `_KPIAlign_Settings` (the format: workbook-settings.ts). Written by the
 * add-in's settings panel (src/excel/settings.ts); read by it and by the checker
 * (src/xlsx/workbook.ts), so the settings travel with the file.
 */
export const SETTINGS_NAME = `${NAME_PREFIX}Settings`;

/**
 * Owner-report markers `_KPIAlign_Report_<n>`, one per report sheet, each a reference to its sheet's
 * A1 so that a renamed report sheet is still ours. Written and read by the add-in's owner report
 * (src/excel/owner-report.ts), which replaces the sheets they point at and only those.
 */
export const REPORT_NAME_PREFIX = `${NAME_PREFIX}Report_`;

/**
 * The hidden sheet that holds a team sheet's dropdown choices, one column per list. Written by
 * `kpi-align template` (src/xlsx/template.ts) and the add-in's New team sheet
 * (src/excel/team-sheet.ts); skipped by every reader (src/xlsx/read.ts, core's import plan) and
 * dropped from an imported file (src/xlsx/rename.ts).
 */
export const LISTS_SHEET = 'KPI Align Lists';

/**
 * The dropdowns' lists: a hidden name per list, referring to its column of LISTS_SHEET, which the
 * team sheet's data validations name. Written by the same two as LISTS_SHEET (their choices come
 * from core's choiceLists, team-sheet.ts); read by the add-in when it refreshes the Parent choices
 * (src/excel/team-sheet.ts).
 */
export const LIST_NAMES = {
  parent: `${NAME_PREFIX}List_Parent`,
  level: `${NAME_PREFIX}List_Level`,
  direction: `${NAME_PREFIX}List_Direction`,
  rollup: `${NAME_PREFIX}List_Rollup`,
  frequency: `${NAME_PREFIX}List_Frequency`,
} as const;

/**
 * The tag in the formula of an issue mark, a conditional format always true
 * (`=N("KPI Align issue mark: error")=0`). Written and cleared by the add-in's Mark issue cells
 * (src/excel/issue-marks.ts), which deletes the rules that carry it and only those.
 */
export const ISSUE_MARK_TAG = 'KPI Align issue mark';

/**
 * The guard on our columns' data cells: a custom data validation whose rule is never true, so that
 * Excel refuses whatever a person types there. Written with the same rule and texts by the add-in
 * (src/excel/write.ts, through the API) and by the checker (src/xlsx/write-guard.ts, into the file),
 * so that either recognises and replaces the other's (by `type` custom and `GUARD_TEXT.title`).
 *
 * The rule as a formula without its `=`, as a file stores it (`<formula1>FALSE</formula1>`): a
 * constant that names no cell, so it stays right wherever the cells move; Excel keeps formulas in
 * English, as the file does, and shows them translated.
 */
export const GUARD_RULE = 'FALSE';

/**
 * Excel shows `prompt` when one of the cells is selected and `alert` (a Stop alert) when a person
 * types into one. Titles hold at most 32 characters, an alert's message 225 and a prompt's 255
 * (Excel's Data Validation dialog). The title also tells our guard from a person's validation.
 */
export const GUARD_TEXT = {
  title: 'KPI Align column',
  alert: 'KPI Align computes this column, so it cannot be typed in. Type in the input columns (Target, Actual, Weight…) instead, then run Check and Write results again in the KPI Align pane.',
  prompt: 'Computed by KPI Align. Type in the input columns and run Write results again.',
};

/** Every defined name or name prefix above, for the tests that check a workbook holds no other of ours. */
export const OUR_NAMES: readonly string[] = [OWNED_NAME_PREFIX, SETTINGS_NAME, REPORT_NAME_PREFIX, ...Object.values(LIST_NAMES)];
