/** The reader's and writer's addresses and dates are core's: Excel's grid limits and serial 60. */
import { isoFromSerial, parseDate } from '../../src/core';
import { readWorkbook } from '../../src/xlsx';
import { formatRange, MAX_COLUMN, MAX_ROW, parseCellAddress, parseRange } from '../../src/xlsx/cell-address';
import { dateToSerial, serialToDate } from '../../src/xlsx/dates';
import { scanSheet } from '../../src/xlsx/sheet-scan';
import { buildPackage } from './build-package';

describe('cell addresses', () => {
  test.each(['A0', 'XFE1', 'AAAA1', 'A1048577'])('%p is not a cell', (text) => {
    expect(parseCellAddress(text)).toBeNull();
  });

  test('the grid ends at XFD1048576', () => {
    expect(parseCellAddress('XFD1048576')).toEqual({ col: MAX_COLUMN, row: MAX_ROW });
    expect(parseRange('A1:XFD1048576')).toEqual({ top: 1, left: 1, bottom: MAX_ROW, right: MAX_COLUMN });
    expect(parseRange('A1:XFE1')).toBeNull();
    expect(formatRange({ top: 2, left: 2, bottom: 2, right: 2 })).toBe('B2');
  });

  test('a cell whose r is off the grid takes the next position, like a cell without r', () => {
    const [row] = scanSheet('<sheetData><row r="1"><c r="B1"><v>1</v></c><c r="XFE1"><v>2</v></c></row></sheetData>').rows;
    expect(row.cells.map((cell) => [cell.col, cell.hasRef])).toEqual([[2, true], [3, false]]);
  });
});

describe('serial 60, the 29 February 1900 Excel shows', () => {
  test('has no Date, so a date cell holding it is read as the serial, which the engine reads as 1900-02-29', () => {
    const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Due</t></is></c></row>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="1"><v>60</v></c></row>' +
      '<row r="3"><c r="A3"><v>2</v></c><c r="B3" s="1"><v>61</v></c></row>';
    const [table] = readWorkbook(buildPackage({ sheets: [{ name: 'S', xml: sheet }] }), 'test.xlsx');
    expect(table.rows.map((row) => row[1])).toEqual([60, new Date(Date.UTC(1900, 2, 1))]);
    expect(table.rows.map((row) => isoFromSerial(parseDate(row[1]) as number))).toEqual(['1900-02-29', '1900-03-01']);
  });

  test('is a real day in the 1904 system', () => {
    expect(serialToDate(60, false)).toBeNull();
    expect(serialToDate(60, true)).toEqual(new Date(Date.UTC(1904, 2, 1)));
    expect(dateToSerial(new Date(Date.UTC(1904, 2, 1)), true)).toBe(60);
    expect(dateToSerial(new Date(Number.NaN), false)).toBeNaN();
  });
});
