/**
 * The computed values as Excel takes them through `Range.values`, and the rule that colours a cell by its value.
 *
 * Text is written with a leading apostrophe. Excel reads `values` as if they were typed: a text
 * starting with "=", "+" or "-" would become a formula (Range.values reference), and one that looks
 * like a number or a date ("12", "2026-01", an ID used as a Path) would become that number or date.
 * The apostrophe keeps every text exactly as it is and is not part of the value; the cell is marked
 * quote-prefixed, which is what the checker writes for such texts (docs/xlsx.md). A Text number
 * format ("@") would do the same but changes the column's format and costs more bytes per cell.
 */

import type { CellValue, ComputedColumn } from '../core';

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

/** A cell-value rule that matches the text exactly (Excel compares text case-insensitively), for a column's colours. */
export function equalsTextRule(text: string): Excel.ConditionalCellValueRule {
  return { formula1: `="${text.replace(/"/g, '""')}"`, operator: 'EqualTo' };
}
