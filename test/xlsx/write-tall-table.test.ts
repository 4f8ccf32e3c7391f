/**
 * The writer is linear in rows and edits only the rows that change (issue 15): a table whose ref
 * claims 200,000 data rows over two `<row>` elements made --write hang (27 s), because new rows
 * were taken off the front of an array one by one and an edit was made for every blank row.
 *
 * The cost is bounded as in malformed-parts.test.ts: the case runs in a child process (dist/)
 * that is killed after 10 s, far above what a linear writer needs and far below the old cost.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tallTableWorkbook } from '../fixtures/hostile/make-hostile';
import { buildCheckerIfStale, runBounded } from '../cli/built-checker';

const ROWS = 200_000;
const LIMIT_MS = 10_000;
const folder = mkdtempSync(join(tmpdir(), 'kpi-align-tall-'));

/** Writes one column of `value` into every data row of the tall table in a bounded child process; returns the sheet's row count. */
function boundedWrite(value: string): number {
  const input = join(folder, 'tall.xlsx');
  writeFileSync(input, tallTableWorkbook(ROWS));
  const script = `const { readFileSync } = require('node:fs'); const { strFromU8, unzipSync } = require('fflate');
    const { writeComputedColumns } = require('./dist/src/xlsx/index.js');
    const values = new Array(${ROWS}).fill(${value});
    const { bytes } = writeComputedColumns(readFileSync(${JSON.stringify(input)}), [{ sheet: 'KPIs', table: 'KPIs', columns: [{ header: 'Score', format: 'number', values }] }]);
    process.stdout.write(String(strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']).split('<row ').length - 1));`;
  const run = runBounded(script, LIMIT_MS);
  expect({ inTime: run.inTime, err: run.err }).toEqual({ inTime: true, err: '' });
  return Number(run.out);
}

describe('--write into a table of 200,000 rows over two <row> elements', () => {
  beforeAll(() => buildCheckerIfStale(), 120_000);

  test('a value in every row: every row is written, within the bound', () => {
    expect(boundedWrite('0.5')).toBe(ROWS + 1);
  });

  test('no value in any row: no row is added, within the bound', () => {
    expect(boundedWrite('null')).toBe(2);
  });
});
