/** Header matching (spec section 2): which column holds which field. */

import type { CellValue } from './types';
import { WRITTEN_COLUMNS, type WrittenHeader } from './written-columns';

export type Field =
  | 'id' | 'name' | 'level' | 'parent' | 'perspective' | 'owner' | 'unit' | 'direction'
  | 'baseline' | 'target' | 'targetMin' | 'targetMax' | 'tolerance' | 'actual' | 'weight'
  | 'rollup' | 'start' | 'due' | 'updated' | 'frequency';

const SYNONYMS: Record<Field, readonly string[]> = {
  id: ['ID', 'KPI ID', 'Objective ID', 'Code', 'Ref', 'Key'],
  name: ['Name', 'KPI', 'KPI Name', 'Objective', 'Objective Name', 'Title', 'Measure', 'Metric'],
  level: ['Level', 'Tier', 'Type'],
  parent: ['Parent', 'Parent ID', 'Aligns To', 'Aligned To', 'Supports', 'Contributes To'],
  perspective: ['Perspective', 'BSC Perspective'],
  owner: ['Owner', 'Responsible', 'Accountable', 'Assignee'],
  unit: ['Unit', 'UoM', 'Unit of Measure'],
  // Not "Goal Type": OKR tools use it for "Aspirational" or "Committed" (spec section 8).
  direction: ['Direction', 'Polarity', 'Better'],
  baseline: ['Baseline', 'Start Value', 'Initial', 'Initial Value'],
  target: ['Target', 'Goal', 'Target Value'],
  targetMin: ['Target Min', 'Min', 'Minimum', 'Lower Bound', 'Floor'],
  targetMax: ['Target Max', 'Max', 'Maximum', 'Upper Bound', 'Ceiling'],
  tolerance: ['Tolerance'],
  actual: ['Actual', 'Current', 'Current Value', 'Value', 'YTD', 'Actual YTD'],
  weight: ['Weight', 'Weighting'],
  rollup: ['Rollup', 'Roll-up', 'Aggregation', 'Rollup Method'],
  start: ['Start Date', 'Period Start', 'From'],
  due: ['Due', 'Due Date', 'End Date', 'Deadline', 'Period End', 'To'],
  updated: ['Updated', 'Last Updated', 'As Of', 'Updated On'],
  frequency: ['Frequency', 'Update Frequency', 'Cadence'],
};

/** The headers of the columns the product writes back (spec section 6); they are never read as input. */
export const COMPUTED_HEADERS: readonly WrittenHeader[] = WRITTEN_COLUMNS.map((column) => column.header);

/**
 * Case-insensitive, ignoring spaces, `_`, `-`, a trailing `:` and a trailing `%`, and any text after
 * a line break (spec section 8): "Target\n(FY26)" and "Owner:" are Target and Owner.
 */
export function headerKey(header: CellValue): string {
  if (header === null || header === undefined) return '';
  const firstLine = String(header).split(/\r?\n|\r/).find((line) => line.trim() !== '') ?? '';
  return firstLine.toLowerCase().replace(/[\s_-]+/g, '').replace(/:+$/, '').replace(/%$/, '');
}

const FIELD_BY_KEY = new Map<string, Field>(
  (Object.entries(SYNONYMS) as [Field, readonly string[]][]).flatMap(([field, words]) =>
    words.map((word) => [headerKey(word), field] as [string, Field]),
  ),
);

const COMPUTED_KEYS: ReadonlySet<string> = new Set(COMPUTED_HEADERS.map(headerKey));

/**
 * The field a header names, or undefined. A plural is accepted where the word without its final `s`
 * is a synonym (`Targets`, `Parents`, `Owners`), so a word that ends in s of itself (`Status`) is not
 * cut short; the computed columns' headers are never read as input, however they are written.
 */
export function fieldForHeader(header: CellValue): Field | undefined {
  const key = headerKey(header);
  if (COMPUTED_KEYS.has(key)) return undefined;
  return FIELD_BY_KEY.get(key) ?? (key.endsWith('s') ? FIELD_BY_KEY.get(key.slice(0, -1)) : undefined);
}

/** The header a report shows for a field when it names a column. */
export function canonicalHeader(field: Field): string {
  return SYNONYMS[field][0];
}

export interface HeaderMap {
  /** Column index of each field found (the first column wins). */
  columns: Partial<Record<Field, number>>;
  /** Columns whose header maps to a field already taken: `duplicate-column`. */
  duplicates: { index: number; field: Field }[];
}

export function mapHeaders(header: readonly CellValue[]): HeaderMap {
  const columns: Partial<Record<Field, number>> = {};
  const duplicates: { index: number; field: Field }[] = [];
  header.forEach((cell, index) => {
    const field = fieldForHeader(cell);
    if (!field) return;
    if (columns[field] === undefined) columns[field] = index;
    else duplicates.push({ index, field });
  });
  return { columns, duplicates };
}

/** A table takes part in the cascade when it has an ID column and at least one of these. */
export const PARTICIPATION_FIELDS: readonly Field[] = ['parent', 'level', 'perspective', 'target'];
