/**
 * The computed values as Excel takes them through `Range.values`, and the look of the Status column.
 *
 * Text is written with a leading apostrophe. Excel reads `values` as if they were typed: a text
 * starting with "=", "+" or "-" would become a formula (Range.values reference), and one that looks
 * like a number or a date ("12", "2026-01", an ID used as a Path) would become that number or date.
 * The apostrophe keeps every text exactly as it is and is not part of the value; the cell is marked
 * quote-prefixed, which is what the checker writes for such texts (docs/xlsx.md). A Text number
 * format ("@") would do the same but changes the column's format and costs more bytes per cell.
 */

import type { CellValue, ComputedColumn, Status } from '../core';

/** Excel's built-in format 10, the one the checker writes, so that either surface can rewrite the other's columns unchanged. */
export const PERCENT_FORMAT = '0.00%';

/** Excel's limit for the text of a cell, less the apostrophe that travels with it. */
const MAX_TEXT = 32_767 - 1;

/** "" clears a cell; null would leave our old value in place (Excel skips null entries). */
export function excelCell(value: CellValue, format: ComputedColumn['format']): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return format === 'boolean' ? value : `'${value ? 'TRUE' : 'FALSE'}`;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  return text === '' ? '' : `'${text.slice(0, MAX_TEXT)}`;
}

export function numberFormatOf(format: ComputedColumn['format']): string | null {
  return format === 'percent' ? PERCENT_FORMAT : null;
}

/**
 * The colours of Excel's own Good / Neutral / Bad cell styles (and a grey for No data). Each rule
 * sets the fill and the font together, so the text's contrast does not depend on the theme: 4.7:1 to
 * 8.9:1 in light and dark themes alike (WCAG AA asks 4.5:1). How Excel's dark grid (Microsoft 365's
 * dark cell background) shows explicit fills is not documented; these pale fills stay readable.
 */
export const STATUS_COLORS: Record<Status, { fill: string; font: string }> = {
  Achieved: { fill: '#C6EFCE', font: '#006100' },
  'On track': { fill: '#C6EFCE', font: '#006100' },
  'At risk': { fill: '#FFEB9C', font: '#9C5700' },
  'Off track': { fill: '#FFC7CE', font: '#9C0006' },
  'No data': { fill: '#EDEDED', font: '#404040' },
};

/** A cell-value rule that matches the status exactly (Excel compares text case-insensitively). */
export function statusRule(status: Status): Excel.ConditionalCellValueRule {
  return { formula1: `="${status}"`, operator: 'EqualTo' };
}
