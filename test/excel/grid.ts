/** Reads columns of a table out of a model snapshot, as a person would see them in the grid. */

import { parseCellAddress, columnLetters } from '../../src/core';
import type { CellSnapshot, WorkbookSnapshot } from '../../src/preview/excel-model';

export function tableOf(snapshot: WorkbookSnapshot, name: string) {
  const table = snapshot.tables.find((candidate) => candidate.name === name);
  if (!table) throw new Error(`no table ${name}`);
  const [from, to] = table.address.split(':');
  const first = parseCellAddress(from)!;
  const last = parseCellAddress(to)!;
  const sheet = snapshot.sheets.find((candidate) => candidate.name === table.sheet)!;
  return { table, sheet, first, last };
}

/** The data cells of one column (null for an empty cell). */
export function columnCells(snapshot: WorkbookSnapshot, tableName: string, header: string): (CellSnapshot | null)[] {
  const { table, sheet, first, last } = tableOf(snapshot, tableName);
  const index = table.columns.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${tableName}: ${table.columns.join(', ')}`);
  const letters = columnLetters(first.column + index);
  const cells: (CellSnapshot | null)[] = [];
  for (let row = first.row + 1; row <= last.row; row++) cells.push(sheet.cells[`${letters}${row}`] ?? null);
  return cells;
}

export function columnValues(snapshot: WorkbookSnapshot, tableName: string, header: string): unknown[] {
  return columnCells(snapshot, tableName, header).map((cell) => (cell === null || cell.value === '' ? null : cell.value));
}
