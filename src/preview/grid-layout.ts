/**
 * The grid the preview draws for one sheet of a model snapshot: which rows and columns to show,
 * what each cell reads, where the tables' headers are, what is selected. Pure, so that it is tested
 * without a browser.
 */

import { columnLetters, parseCellAddress, parseReference, sheetReference, type CellArea } from '../core';
import type { CellSnapshot, SheetSnapshot, WorkbookSnapshot } from './excel-model';
import { formatCell } from './number-format';

/** Beyond this the grid stops drawing: the preview is for the sample and for tests, not for big workbooks. */
export const MAX_GRID_ROWS = 300;
export const MAX_GRID_COLUMNS = 60;

export interface GridCell {
  /** "A1", and the reference tests and people find it by: "Objectives!A1", "'Team Sales'!J9". */
  cell: string;
  address: string;
  text: string;
  value: CellSnapshot['value'] | null;
  numeric: boolean;
  header: boolean;
  inTable: boolean;
  selected: boolean;
  fill?: string;
  font?: string;
}

export interface GridRow {
  row: number;
  cells: GridCell[];
}

export interface GridLayout {
  sheet: string;
  columns: string[];
  rows: GridRow[];
  truncated: boolean;
}

type Area = CellArea;

/** "Objectives!A2:J2" → the sheet and its area; null when not on one sheet. */
function parseSheetReference(reference: string): { sheet: string; area: Area } | null {
  const parsed = parseReference(reference);
  return parsed && parsed.sheet !== null ? { sheet: parsed.sheet, area: parsed.area } : null;
}

const inside = (area: Area, row: number, column: number) => row >= area.top && row <= area.bottom && column >= area.left && column <= area.right;

export function gridLayout(snapshot: WorkbookSnapshot, sheetName: string): GridLayout {
  const sheet = snapshot.sheets.find((candidate) => candidate.name === sheetName) as SheetSnapshot;
  const tables = snapshot.tables
    .filter((table) => table.sheet === sheetName)
    .map((table) => ({ table, area: parseSheetReference(`${sheetReference(sheetName)}!${table.address}`)?.area }))
    .filter((entry): entry is { table: (typeof entry)['table']; area: Area } => entry.area !== undefined);
  const selection = parseSheetReference(snapshot.selection);
  const selected = selection && selection.sheet === sheetName ? selection.area : null;

  // Show every used cell and table, one spare row and column, and at least a screenful.
  let lastRow = 20;
  let lastColumn = 8;
  for (const key of Object.keys(sheet.cells)) {
    const at = parseCellAddress(key);
    if (at) {
      lastRow = Math.max(lastRow, at.row + 1);
      lastColumn = Math.max(lastColumn, at.column + 1);
    }
  }
  for (const { area } of tables) {
    lastRow = Math.max(lastRow, area.bottom + 1);
    lastColumn = Math.max(lastColumn, area.right + 1);
  }
  const truncated = lastRow > MAX_GRID_ROWS || lastColumn > MAX_GRID_COLUMNS;
  lastRow = Math.min(lastRow, MAX_GRID_ROWS);
  lastColumn = Math.min(lastColumn, MAX_GRID_COLUMNS);
  const hidden = new Set(sheet.hiddenRows);
  const prefix = `${sheetReference(sheetName)}!`;

  const columns = Array.from({ length: lastColumn }, (_, index) => columnLetters(index + 1));
  const rows: GridRow[] = [];
  for (let row = 1; row <= lastRow; row++) {
    if (hidden.has(row)) continue;
    rows.push({
      row,
      cells: columns.map((letters, index) => {
        const column = index + 1;
        const cell = `${letters}${row}`;
        const data = sheet.cells[cell];
        const table = tables.find(({ area }) => inside(area, row, column));
        return {
          cell,
          address: `${prefix}${cell}`,
          text: data ? formatCell(data.value, data.numberFormat) : '',
          value: data ? data.value : null,
          numeric: typeof data?.value === 'number',
          header: !!table && table.table.showHeaders && row === table.area.top,
          inTable: !!table,
          selected: !!selected && inside(selected, row, column),
          fill: data?.fill,
          font: data?.font,
        };
      }),
    });
  }
  return { sheet: sheetName, columns, rows, truncated };
}
