/**
 * Lays generated tables out as an .xlsx package (one sheet and one Excel table each), so that the
 * checker can be measured end to end on workbooks of any size. Cells are numbers or inline strings;
 * dates stay serial numbers, which the engine reads as dates.
 */

import type { CellValue, SourceTable } from '../src/core';
import { columnLetters } from '../src/core';
import { buildPackage, tableXml } from '../test/xlsx/build-package';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(value: CellValue, reference: string): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'number') return `<c r="${reference}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${reference}" t="b"><v>${value ? 1 : 0}</v></c>`;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return `<c r="${reference}" t="inlineStr"><is><t>${escape(text)}</t></is></c>`;
}

export function workbookFromTables(tables: readonly SourceTable[]): Uint8Array {
  return buildPackage({
    sheets: tables.map((table, index) => {
      const rows = [table.header, ...table.rows].map((cells, rowIndex) => {
        const row = rowIndex + 1;
        return `<row r="${row}">${cells.map((cell, column) => cellXml(cell, `${columnLetters(column + 1)}${row}`)).join('')}</row>`;
      });
      const ref = `A1:${columnLetters(table.header.length)}${table.rows.length + 1}`;
      const name = (table.table ?? `Table${index + 1}`).replace(/[^A-Za-z0-9_]/g, '_');
      return { name: table.sheet, xml: rows.join(''), tables: [tableXml(name, ref, table.header.map(String))] };
    }),
  });
}
