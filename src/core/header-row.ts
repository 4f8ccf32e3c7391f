/**
 * Where a plain sheet's header row is (spec section 8, "Header row"): real scorecards put titles,
 * letterheads and notes above it, and some split it over two rows. Every host that reads a sheet
 * without Excel tables asks this, so that they all start the table on the same row.
 */

import { fieldForHeader, type Field } from './headers';
import type { CellValue } from './types';
import { displayText } from './values';

/** How far down a sheet the header row is looked for, counted from the sheet's first filled row. */
export const HEADER_SEARCH_ROWS = 30;

/** The fields of which a header row must name one: what tells one row from another. */
const IDENTIFYING_FIELDS: ReadonlySet<Field> = new Set<Field>(['id', 'name']);

export interface HeaderRow {
  /** The row (index into the cells given) whose cells qualified it as the header. */
  rowIndex: number;
  /**
   * The row the header is reported at, and below which the data start: rowIndex, or rowIndex + 1
   * when a sub-header row completes it (a two-row header).
   */
  originIndex: number;
  /** The header's cells, with the sub-header's wherever the header row is blank or merged above it. */
  header: CellValue[];
}

/** Whether a cell is part of a merged range (the range's first cell included). */
export type MergedAt = (rowIndex: number, columnIndex: number) => boolean;

const notMerged: MergedAt = () => false;

/** An empty cell: nothing written in it (a dash is something, in a header or under one). */
const empty = (cell: CellValue): boolean => displayText(cell) === '';

/** The fields a row's cells name, in column order, the first of each field only. */
export function mappedFields(row: readonly CellValue[]): Field[] {
  const fields: Field[] = [];
  for (const cell of row) {
    const field = fieldForHeader(cell);
    if (field && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** A header row: at least two cells name fields, and one of them identifies the row (ID or Name). */
export function isHeaderRow(row: readonly CellValue[]): boolean {
  const fields = mappedFields(row);
  return fields.length >= 2 && fields.some((field) => IDENTIFYING_FIELDS.has(field));
}

/**
 * The header row among a sheet's first rows (cells[0] is the sheet's first filled row), or null when
 * none of the first HEADER_SEARCH_ROWS qualifies, and the sheet is then skipped.
 */
export function findHeaderRow(cells: readonly (readonly CellValue[])[], mergedAt: MergedAt = notMerged): HeaderRow | null {
  const limit = Math.min(cells.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    if (!isHeaderRow(cells[rowIndex])) continue;
    const header = withSubHeader(cells[rowIndex], cells[rowIndex + 1], (column) => mergedAt(rowIndex, column));
    return header
      ? { rowIndex, originIndex: rowIndex + 1, header }
      : { rowIndex, originIndex: rowIndex, header: [...cells[rowIndex]] };
  }
  return null;
}

/**
 * The header with its sub-header row, or null when the row below is not one. The row below is a
 * sub-header when, under a blank or merged header cell, it names a field, and it is blank under every
 * other header cell (a data row has its ID or name there). Then each of its cells under a blank or
 * merged header cell is used, the way the person reads the two rows.
 */
function withSubHeader(row: readonly CellValue[], below: readonly CellValue[] | undefined, mergedAt: (column: number) => boolean): CellValue[] | null {
  if (!below) return null;
  const open = (column: number) => empty(row[column]) || mergedAt(column);
  const width = Math.max(row.length, below.length);
  let namesField = false;
  for (let column = 0; column < width; column++) {
    if (empty(below[column])) continue;
    if (!open(column)) return null;
    if (fieldForHeader(below[column])) namesField = true;
  }
  if (!namesField) return null;
  return Array.from({ length: width }, (_, column) => (open(column) && !empty(below[column]) ? below[column] : row[column] ?? null));
}

/**
 * The row a sheet is read from when no row qualifies as its header, as before section 8: its first row
 * with two filled cells, else its first row. Such a row cannot take part (it lacks an ID or a second
 * field), so the engine reports the sheet as skipped with what this row maps.
 */
export function fallbackHeaderRow(cells: readonly (readonly CellValue[])[]): number {
  const limit = Math.min(cells.length, HEADER_SEARCH_ROWS);
  const twoFilled = cells.slice(0, limit).findIndex((row) => row.filter((cell) => !empty(cell)).length >= 2);
  return Math.max(twoFilled, 0);
}
