/** Core's A1 module: Excel's limits, what counts as an address, and sheet names as Excel quotes them. */
import {
  cellAddress, cellReference, columnLetters, columnNumber, joinSheetReference, MAX_COLUMN, MAX_ROW, parseCellAddress, parseRangeAddress,
  parseReference, rangeAddress, sheetReference, splitSheetReference,
} from '../../src/core';

describe('columns', () => {
  test.each([
    [1, 'A'], [26, 'Z'], [27, 'AA'], [702, 'ZZ'], [703, 'AAA'], [MAX_COLUMN, 'XFD'],
  ])('column %d is %s and back', (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(columnNumber(letters)).toBe(column);
    expect(columnNumber(letters.toLowerCase())).toBe(column);
  });

  test.each(['', 'XFE', 'AAAA', 'ZZZ', 'A1', '$A', ' A', 'Ä'])('%p is not a column of the grid', (text) => {
    expect(columnNumber(text)).toBeNull();
  });
});

describe('cell addresses', () => {
  test.each([
    ['A1', 1, 1], ['$A$1', 1, 1], ['A$1', 1, 1], ['$A1', 1, 1], ['aa12', 27, 12], ['XFD1048576', MAX_COLUMN, MAX_ROW],
    ['A01', 1, 1], ['A0000001', 1, 1],
    [' A1', 1, 1], ['A1 ', 1, 1], ['\tB2\n', 2, 2],
  ])('%p is column %d, row %d', (text, column, row) => {
    expect(parseCellAddress(text)).toEqual({ column, row });
  });

  test.each([
    ['A0', 'row 0 does not exist'],
    ['A1048577', 'past the last row'],
    ['XFE1', 'past column XFD'],
    ['AAAA1', 'four letters'],
    ['ZZZ1', 'three letters past XFD'],
    ['A00000001', 'more than seven digits'],
    ['A 1', 'a space inside'],
    ['$ A1', 'a space after $'],
    ['', 'empty'], ['$', 'only $'], ['A', 'no row'], ['1', 'no column'], ['1A', 'row first'], ['A$', 'no digits'],
    ['$$A1', 'two $'], ['A1$', '$ at the end'], ['A-1', 'a sign'], ['A1.5', 'a fraction'], ['A1:B2', 'a range'], ['Sheet1!A1', 'a sheet'],
  ])('%p is not a cell (%s)', (text) => {
    expect(parseCellAddress(text)).toBeNull();
  });

  test('cellAddress writes what parseCellAddress reads', () => {
    expect(cellAddress(27, 12)).toBe('AA12');
    expect(parseCellAddress(cellAddress(MAX_COLUMN, MAX_ROW))).toEqual({ column: MAX_COLUMN, row: MAX_ROW });
  });
});

describe('ranges', () => {
  test.each([
    ['B2:J8', { top: 2, left: 2, bottom: 8, right: 10 }],
    ['J8:B2', { top: 2, left: 2, bottom: 8, right: 10 }],
    ['$B$2:$J$8', { top: 2, left: 2, bottom: 8, right: 10 }],
    ['C3', { top: 3, left: 3, bottom: 3, right: 3 }],
    [' A1 : B2 ', { top: 1, left: 1, bottom: 2, right: 2 }],
  ])('%p is a range', (text, area) => {
    expect(parseRangeAddress(text)).toEqual(area);
  });

  test.each(['A1:B2:C3', 'A1:', ':B2', 'A1:XFE1', 'A0:B2', 'A:C', '2:5', ''])('%p is not a range', (text) => {
    expect(parseRangeAddress(text)).toBeNull();
  });

  test('rangeAddress writes a single cell without a colon', () => {
    expect(rangeAddress({ top: 2, left: 2, bottom: 8, right: 10 })).toBe('B2:J8');
    expect(rangeAddress({ top: 3, left: 3, bottom: 3, right: 3 })).toBe('C3');
  });

  test('a reference with more than two ends is not a range (it used to read as its first two)', () => {
    expect(parseReference('KPIs!A1:B2:C3')).toBeNull();
  });
});

describe('sheet references', () => {
  test.each(['Sheet1', 'KPIs', '_data', 'Q1.2026', 'ABCD1', 'CR', 'Rx', 'RCX', 'R1C1X'])('%p is written plain', (name) => {
    expect(sheetReference(name)).toBe(name);
  });

  test.each([
    ['Team Sales', 'a space'], ["O'Brien", 'a quote'], ['2026', 'a leading digit'], ['.hidden', 'a leading period'], ['Übersicht', 'a letter past ASCII'],
    ['Wow!', 'a "!"'], ['', 'empty'],
    ['A1', 'reads as a cell'], ['xfd1048576', 'reads as a cell'], ['XFE1', 'reads as a cell past XFD'],
    ['C', 'reads as an R1C1 column'], ['R', 'reads as an R1C1 row'], ['r2', 'reads as an R1C1 row'], ['c15', 'reads as a cell and an R1C1 column'],
    ['RC', 'reads as an R1C1 cell'], ['R1C1', 'reads as an R1C1 cell'], ['R2C', 'reads as an R1C1 cell'], ['rc3', 'reads as an R1C1 cell'],
  ])('%p is quoted (%s)', (name) => {
    expect(sheetReference(name)).toBe(`'${name.replace(/'/g, "''")}'`);
  });

  test('a reference to a sheet named C is written so Excel cannot read it as column C', () => {
    expect(cellReference('C', 1, 1)).toBe("'C'!A1");
    expect(parseReference("'C'!A1")).toEqual({ sheet: 'C', area: { top: 1, left: 1, bottom: 1, right: 1 } });
  });

  test('joinSheetReference and splitSheetReference are inverses', () => {
    for (const sheet of ['KPIs', "Team's Sales", 'R1C1', 'Wow!', " spaced '' out "]) {
      expect(splitSheetReference(joinSheetReference(sheet, 'D7:E9'))).toEqual({ sheet, local: 'D7:E9' });
    }
  });
});
