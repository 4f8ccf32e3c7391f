/**
 * Builds the sample scorecard as real Excel tables, into an empty workbook only: one sheet per
 * table (an empty sheet of another name is renamed for the first, rather than left blank), the
 * header at the table's origin, dates as serial numbers formatted yyyy-mm-dd as Excel keeps them,
 * text written with an apostrophe so that Excel keeps it as typed (cells.ts). Sync 1 lists the
 * sheets and tables, sync 2 looks at each sheet's used cells, sync 3 builds.
 */

import { columnLetters, fieldForHeader, parseCellAddress, serialFromIso, type CellValue, type SourceTable } from '../core';
import { ExcelActionError, type SampleScorecard } from './types';
import { say } from './messages';

const DATE_FIELDS = new Set(['start', 'due', 'updated']);
const DATE_FORMAT = 'yyyy-mm-dd';

export async function insertSample(context: Excel.RequestContext, sample: SampleScorecard): Promise<void> {
  const sheets = context.workbook.worksheets.load('items/name');
  const tables = context.workbook.tables.load('items/name');
  await context.sync();
  if (tables.items.length > 0) throw new ExcelActionError(say.notEmptyTables(), 'not-empty');
  const used = sheets.items.map((sheet) => ({ name: sheet.name, used: sheet.getUsedRangeOrNullObject(true).load('address') }));
  await context.sync();
  const filled = used.find((sheet) => !sheet.used.isNullObject);
  if (filled) throw new ExcelActionError(say.notEmpty(filled.name), 'not-empty');

  // Each table goes on the empty sheet of its name, else on a spare empty sheet renamed for it, else on a new one.
  const wanted = new Set(sample.tables.map((table) => table.sheet.toLowerCase()));
  const named = new Map(sheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  let spare: Excel.Worksheet | undefined = sheets.items.find((sheet) => !wanted.has(sheet.name.toLowerCase()));
  let first: Excel.Worksheet | undefined;
  for (const table of sample.tables) {
    let sheet = named.get(table.sheet.toLowerCase());
    if (!sheet && spare) {
      spare.name = table.sheet;
      [sheet, spare] = [spare, undefined];
    }
    sheet ??= context.workbook.worksheets.add(table.sheet);
    named.set(table.sheet.toLowerCase(), sheet);
    first ??= sheet;
    buildTable(sheet, table);
  }
  if (first) {
    first.activate();
    first.getRange('A1').select();
  }
  await context.sync();
}

function buildTable(sheet: Excel.Worksheet, table: SourceTable): void {
  const origin = parseCellAddress(table.origin) ?? { column: 1, row: 1 };
  const dates = table.header.map((header) => DATE_FIELDS.has(fieldForHeader(header) ?? ''));
  const rows = [table.header.map((header) => typed(header, false)), ...table.rows.map((row) => table.header.map((_, c) => typed(row[c], dates[c])))];
  const address = areaAddress(origin.row, origin.column, rows.length, table.header.length);
  sheet.getRange(address).values = rows;
  dates.forEach((isDate, c) => {
    if (!isDate || table.rows.length === 0) return;
    sheet.getRange(areaAddress(origin.row + 1, origin.column + c, table.rows.length, 1)).numberFormat = table.rows.map(() => [DATE_FORMAT]);
  });
  // A string address: a Range here needs ExcelApi 1.3.
  const created = sheet.tables.add(address, true);
  if (table.table) created.name = table.table;
}

function areaAddress(row: number, column: number, rows: number, columns: number): string {
  return `${columnLetters(column)}${row}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}

/** A cell as Excel should store it: dates as serials, text after an apostrophe, blanks as "". */
function typed(value: CellValue, isDate: boolean): string | number | boolean {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return typed(value.toISOString().slice(0, 10), isDate);
  if (typeof value === 'string') {
    const serial = isDate ? serialFromIso(value.trim()) : null;
    return serial ?? `'${value}`;
  }
  return value;
}
