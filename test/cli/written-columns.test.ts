/**
 * `--write` writes whatever columns the descriptors list: with every header changed, the order
 * reversed and a Trend column more (test/support/written-columns.ts), each column gets its header,
 * its cells and its width, so nothing in the checker or the .xlsx writer is keyed by a column's name.
 */

import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { checkTables, computedColumns, parseCellAddress } from '../../src/core';
import { tableWrites } from '../../src/cli/write';
import { readWorkbook, writeComputedColumns } from '../../src/xlsx';
import { RENAMED_WITH_TREND } from '../support/written-columns';
import { EXAMPLE } from './run';

const bytes = new Uint8Array(readFileSync(EXAMPLE));
const tables = readWorkbook(bytes, 'scorecard.xlsx');
const report = checkTables(tables, { asOf: '2026-09-30' });
const written = writeComputedColumns(bytes, tableWrites(report, tables, RENAMED_WITH_TREND));
const headers = RENAMED_WITH_TREND.map((column) => column.header);

test('every cascade table gains the descriptors\' columns, in their order, with their cells', () => {
  expect(written.notes).toEqual([]);
  const after = readWorkbook(written.bytes, 'scorecard.xlsx');
  const cascade = tables.filter((source) => computedColumns(report, source).length > 0);
  expect(cascade.length).toBeGreaterThan(1);
  for (const source of cascade) {
    const table = after.find((candidate) => candidate.sheet === source.sheet && candidate.table === source.table)!;
    expect(table.header).toEqual([...source.header, ...headers]);
    computedColumns(report, source, RENAMED_WITH_TREND).forEach((column, k) => {
      const at = source.header.length + k;
      expect(table.rows.map((row) => row[at] ?? null)).toEqual(column.values.map((value) => value ?? null));
    });
  }
});

test('each new column is as wide as its descriptor says', () => {
  let checked = 0;
  for (const [name, part] of Object.entries(unzipSync(written.bytes))) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(part);
    const widths = new Map<number, number>();
    for (const [, min, max, width] of xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)) {
      for (let column = Number(min); column <= Number(max); column++) widths.set(column, Number(width));
    }
    // Our header cells, written as inline text.
    for (const [, address, text] of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*t="inlineStr"><is><t[^>]*>([^<]*)<\/t>/g)) {
      const k = headers.indexOf(text);
      if (k < 0) continue;
      expect({ header: text, width: widths.get(parseCellAddress(address)!.column) }).toEqual({ header: text, width: RENAMED_WITH_TREND[k].width });
      checked++;
    }
  }
  expect(checked).toBe(headers.length * tables.filter((source) => computedColumns(report, source).length > 0).length);
});
