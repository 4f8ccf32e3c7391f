/**
 * The guard on KPI Align's computed columns: a custom data validation on their data cells whose
 * rule is never true, so that Excel refuses whatever a person types there. The add-in (src/excel)
 * sets it through the API and the command-line checker (src/xlsx) writes it into the file, with the
 * same rule and texts, so that either recognises and replaces the other's (by `type` custom and
 * `GUARD_TEXT.title`).
 */

/**
 * The rule as a formula without its `=`, as a file stores it (`<formula1>FALSE</formula1>`). A
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
