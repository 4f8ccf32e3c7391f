/**
 * What a write will do to each table, worked out from one sync that looks at all of them: which
 * columns are ours (rewritten in place) and which are added, whether the table can be written at
 * all (a protected sheet, rows added since the check, cells in the way), the marker to record, and
 * the cells of each run of adjacent columns with what they cost in bytes.
 */

import {
  columnLetters, findMarker, markerFormula, nextMarkerName,
  type CellColors, type ComputedColumn, type OwnershipMarker, type SourceTable,
} from '../core';
import { parseArea, type Area } from './addresses';
import { excelCell, numberFormatOf } from './cells';
import { say } from './messages';
import { markerHeaders, resolveColumns, type ResolvedColumn } from './ownership';

export interface WriteJob {
  source: SourceTable & { table: string };
  columns: ComputedColumn[];
}

/** What the first sync loads for one table. */
export interface Inspection {
  job: WriteJob;
  table: Excel.Table;
  worksheet: Excel.Worksheet;
  protection: Excel.WorksheetProtection;
  columns: Excel.TableColumnCollection;
  rows: Excel.TableRowCollection;
  whole: Excel.Range;
  /** The used cells (values only) in the columns right of the table, where new columns would go. */
  beyond: Excel.Range;
  /** The used cells (values only) of the table's rows, across the sheet. */
  rowsUsed: Excel.Range;
}

/** Adjacent columns written as one range. */
export interface Run {
  start: number;
  width: number;
  /** One row of number formats (null: leave the cell's format), or null when no column has one. */
  formats: (string | null)[] | null;
  cells: (string | number | boolean)[][];
}

/**
 * How new columns join the table. `Table.resize` (ExcelApi 1.13) takes in the cells on the right and
 * moves nothing, which is what the checker does to the file. `TableColumnCollection.add` inserts
 * cells and so moves whatever lies right of the table on its rows; it is used only where nothing does.
 */
export type Growth = 'none' | 'resize' | 'add';

export interface TablePlan {
  job: WriteJob;
  table: Excel.Table;
  rows: number;
  growth: Growth;
  appended: string[];
  /** The table columns (0-based) coloured by their values, with their colours (WrittenColumn.colors). */
  colored: { index: number; colors: Readonly<Record<string, CellColors>> }[];
  runs: Run[];
  /** The marker to write, when it changes. */
  marker: { definedName: string; formula: string; exists: boolean } | null;
  /** Bytes each data row adds to a request. */
  rowBytes: number[];
}

export function inspect(context: Excel.RequestContext, job: WriteJob): Inspection {
  const table = context.workbook.tables.getItem(job.source.table);
  table.load('name,showHeaders');
  const worksheet = table.worksheet.load('name');
  return {
    job,
    table,
    worksheet,
    protection: table.worksheet.protection.load('protected'),
    columns: table.columns.load('items/name'),
    rows: table.rows.load('count'),
    whole: table.getRange().load('address'),
    beyond: table.getRange().getColumnsAfter(job.columns.length).getUsedRangeOrNullObject(true).load('address'),
    rowsUsed: table.getRange().getEntireRow().getUsedRangeOrNullObject(true).load('address'),
  };
}

/** The plan for one table, or the sentence that says why it is left alone. `markers` grows with new marker names. */
export function planTable(found: Inspection, markers: OwnershipMarker[], canResize: boolean): TablePlan | string {
  const { job } = found;
  const sheet = found.worksheet.name;
  const name = found.table.name;
  if (found.protection.protected) return say.protectedSheet(sheet, name);
  if (found.rows.count !== job.source.rows.length) return say.rowsChanged(name, job.source.rows.length, found.rows.count);

  const existing = found.columns.items.map((column) => column.name);
  const marker = findMarker(markers, sheet, name);
  const resolved = resolveColumns(existing, job.columns.map((column) => column.header), marker?.headers ?? []);
  const appended = resolved.filter((column) => column.appended);
  const blocked = appended.length > 0 && !found.beyond.isNullObject ? usedBeside(found, found.beyond, appended.length) : null;
  if (blocked) return say.cellsInTheWay(sheet, blocked, name);
  const growth: Growth = appended.length === 0 ? 'none' : canResize && found.table.showHeaders ? 'resize' : 'add';
  const farthest = growth === 'add' && !found.rowsUsed.isNullObject ? parseArea(found.rowsUsed.address)?.right ?? 0 : 0;
  if (farthest > (parseArea(found.whole.address)?.right ?? Infinity)) return say.cellsWouldMove(sheet, columnLetters(farthest), name);

  const runs = runsOf(job, resolved);
  return {
    job,
    table: found.table,
    rows: found.rows.count,
    growth,
    appended: appended.map((column) => column.name),
    colored: job.columns.flatMap(({ colors }, k) => (colors ? [{ index: resolved[k].index, colors }] : [])),
    runs,
    marker: nextMarker(markers, marker, sheet, name, markerHeaders(existing, marker?.headers ?? [], resolved)),
    rowBytes: rowBytes(runs, found.rows.count),
  };
}

/** The part of `usedRange` in the `count` columns right of the table, on its rows, as "E2:F9"; null when none. */
function usedBeside(found: Inspection, usedRange: Excel.Range, count: number): string | null {
  const table = parseArea(found.whole.address);
  const used = parseArea(usedRange.address);
  if (!table || !used) return null;
  const needed: Area = { top: table.top, bottom: table.bottom, left: table.right + 1, right: table.right + count };
  const top = Math.max(needed.top, used.top);
  const bottom = Math.min(needed.bottom, used.bottom);
  const left = Math.max(needed.left, used.left);
  const right = Math.min(needed.right, used.right);
  if (top > bottom || left > right) return null;
  const first = `${columnLetters(left)}${top}`;
  return top === bottom && left === right ? first : `${first}:${columnLetters(right)}${bottom}`;
}

/** The computed columns grouped into runs of adjacent table columns, with their cells. */
function runsOf(job: WriteJob, resolved: ResolvedColumn[]): Run[] {
  const order = resolved.map((column, k) => ({ index: column.index, k })).sort((a, b) => a.index - b.index);
  const groups: { start: number; ks: number[] }[] = [];
  for (const { index, k } of order) {
    const last = groups[groups.length - 1];
    if (last && last.start + last.ks.length === index) last.ks.push(k);
    else groups.push({ start: index, ks: [k] });
  }
  return groups.map(({ start, ks }) => {
    const columns = ks.map((k) => job.columns[k]);
    const formats = columns.map((column) => numberFormatOf(column.format));
    return {
      start,
      width: ks.length,
      formats: formats.some((format) => format !== null) ? formats : null,
      cells: job.source.rows.map((_, row) => columns.map((column) => excelCell(column.values[row], column.format))),
    };
  });
}

function rowBytes(runs: Run[], rows: number): number[] {
  const formatBytes = runs.reduce((sum, run) => sum + (run.formats ? JSON.stringify(run.formats).length + 1 : 0), 0);
  return Array.from({ length: rows }, (_, row) => runs.reduce((sum, run) => sum + JSON.stringify(run.cells[row]).length + 1, formatBytes));
}

/** The marker to write: a new one, or the old one when its list, its names' case or its hiding changed. */
function nextMarker(
  markers: OwnershipMarker[],
  previous: OwnershipMarker | null,
  sheet: string,
  table: string,
  headers: string[],
): TablePlan['marker'] {
  const same = previous !== null && previous.hidden === true && previous.sheet === sheet && previous.table === table &&
    previous.headers.length === headers.length && previous.headers.every((header, i) => header === headers[i]);
  if (same) return null;
  const definedName = previous?.definedName ?? nextMarkerName(markers);
  const marker: OwnershipMarker = { definedName, sheet, table, headers, hidden: true };
  markers.splice(0, markers.length, ...markers.filter((candidate) => candidate !== previous), marker);
  return { definedName, formula: `=${markerFormula(marker)}`, exists: previous !== null };
}
