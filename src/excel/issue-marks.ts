/**
 * Marks the cells that have issues with conditional formats of our own, so that the cells' own
 * fills, fonts and number formats, and the person's conditional formats, are never touched: a mark
 * lies on top (Excel gives a new rule the first priority) and taking it away gives back exactly what
 * was there. Each mark is a custom rule on a run of cells down one column, whose formula is always
 * true and carries our tag (ISSUE_MARK_TAG, src/core/footprint.ts), `=N("KPI Align issue mark:
 * error")=0` (N of a text is 0), which is how clearing finds our rules and only ours. Errors take
 * Excel's Bad colours, warnings its Neutral ones (the Status colours, STATUS_COLORS); info issues
 * are not marked. A cell with several issues gets the mark of the worst.
 *
 * Sync 1 lists the sheets and their protection, sync 2 loads each sheet's rules (type and, for
 * custom rules, the formula), sync 3 deletes our old marks and adds the new ones. Sheets that are
 * protected keep their old marks and get no new ones (their issues count as skipped).
 */

import { columnLetters, compareSeverity, ISSUE_MARK_TAG, sameName, STATUS_COLORS, type CellColors, type Issue, type Severity } from '../core';
import { parseArea, splitReference } from './addresses';
import type { MarkOutcome } from './types';

type Marked = Extract<Severity, 'error' | 'warning'>;

export const MARK_COLORS: Record<Marked, CellColors> = {
  error: STATUS_COLORS['Off track'],
  warning: STATUS_COLORS['At risk'],
};

export function markFormula(severity: Marked): string {
  return `=N("${ISSUE_MARK_TAG}: ${severity}")=0`;
}

export function isMarkFormula(formula: unknown): boolean {
  return typeof formula === 'string' && formula.toLowerCase().includes(`"${ISSUE_MARK_TAG.toLowerCase()}`);
}

interface SheetRules {
  sheet: Excel.Worksheet;
  name: string;
  protected: boolean;
  formats: Excel.ConditionalFormatCollection;
}

/** Syncs 1 and 2: every sheet with its rules loaded. */
async function loadRules(context: Excel.RequestContext): Promise<SheetRules[]> {
  const sheets = context.workbook.worksheets.load('items/name,items/protection/protected');
  await context.sync();
  const found = sheets.items.map((sheet) => ({
    sheet,
    name: sheet.name,
    protected: sheet.protection.protected,
    formats: sheet.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula'),
  }));
  await context.sync();
  return found;
}

/** Queues the deletion of our marks on the sheets that are not protected; returns how many. */
function deleteMarks(found: readonly SheetRules[]): number {
  let deleted = 0;
  for (const entry of found) {
    if (entry.protected) continue;
    for (const format of entry.formats.items) {
      if (format.type !== 'Custom' || format.customOrNullObject.isNullObject || !isMarkFormula(format.customOrNullObject.rule.formula)) continue;
      format.delete();
      deleted++;
    }
  }
  return deleted;
}

export async function clearMarks(context: Excel.RequestContext): Promise<number> {
  const found = await loadRules(context);
  const deleted = deleteMarks(found);
  if (deleted > 0) await context.sync();
  return deleted;
}

export async function markIssues(context: Excel.RequestContext, issues: readonly Issue[]): Promise<MarkOutcome> {
  const wanted = issues.filter((issue): issue is Issue & { severity: Marked } => issue.severity === 'error' || issue.severity === 'warning');
  const found = await loadRules(context);
  const deleted = deleteMarks(found);

  // The worst severity per cell, on the sheet as Excel spells it.
  const cells = new Map<string, { sheet: SheetRules; cell: string; severity: Marked }>();
  let skipped = 0;
  for (const issue of wanted) {
    const place = issue.workbook === null && issue.cell ? splitReference(issue.sheet, issue.cell) : null;
    const sheet = place && parseArea(place.cell) ? found.find((entry) => sameName(entry.name, place.sheet)) : undefined;
    if (!place || !sheet || sheet.protected) {
      skipped++;
      continue;
    }
    const key = `${sheet.name.toLowerCase()}!${place.cell.replace(/\$/g, '').toUpperCase()}`;
    const previous = cells.get(key);
    // The worse issue of a cell gives its mark.
    if (!previous || compareSeverity(issue.severity, previous.severity) < 0) cells.set(key, { sheet, cell: place.cell, severity: issue.severity });
  }
  const runs = columnRuns([...cells.values()]);
  for (const { sheet, address, severity } of runs) {
    const format = sheet.sheet.getRange(address).conditionalFormats.add('Custom');
    format.custom.rule.formula = markFormula(severity);
    format.custom.format.fill.color = MARK_COLORS[severity].fill;
    format.custom.format.font.color = MARK_COLORS[severity].font;
  }
  if (deleted > 0 || cells.size > 0) await context.sync();
  return { cells: cells.size, ranges: runs.length, skipped };
}

/**
 * The marked cells as few ranges: cells of one severity that follow each other down a column share a
 * rule ("F4:F9"), so a column of 5,000 blank owners is one rule, not 5,000 (Excel slows down with
 * thousands of conditional formats).
 */
export function columnRuns<S extends { name: string }>(
  cells: readonly { sheet: S; cell: string; severity: Marked }[],
): { sheet: S; address: string; severity: Marked }[] {
  const groups = new Map<string, { sheet: S; severity: Marked; column: number; rows: number[] }>();
  for (const { sheet, cell, severity } of cells) {
    const area = parseArea(cell);
    if (!area) continue;
    const key = `${sheet.name.toLowerCase()}\u0000${severity}\u0000${area.left}`;
    const group = groups.get(key) ?? { sheet, severity, column: area.left, rows: [] };
    group.rows.push(area.top);
    groups.set(key, group);
  }
  const runs: { sheet: S; address: string; severity: Marked }[] = [];
  for (const { sheet, severity, column, rows } of groups.values()) {
    rows.sort((a, b) => a - b);
    let start = 0;
    for (let index = 1; index <= rows.length; index++) {
      if (index < rows.length && rows[index] === rows[index - 1] + 1) continue;
      const letters = columnLetters(column);
      const from = `${letters}${rows[start]}`;
      const to = `${letters}${rows[index - 1]}`;
      runs.push({ sheet, severity, address: from === to ? from : `${from}:${to}` });
      start = index;
    }
  }
  return runs;
}
