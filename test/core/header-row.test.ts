/** Spec section 8, "Header row": which of a plain sheet's first rows is its header. */

import { fallbackHeaderRow, findHeaderRow, HEADER_SEARCH_ROWS } from '../../src/core/header-row';
import type { CellValue } from '../../src/core';

const HEADER: CellValue[] = ['ID', 'Name', 'Parent', 'Target'];
const DATA: CellValue[] = ['K1', 'Revenue', 'O1', 100];

describe('findHeaderRow', () => {
  test('the first row is the header when it qualifies', () => {
    expect(findHeaderRow([HEADER, DATA])).toEqual({ rowIndex: 0, originIndex: 0, header: HEADER });
  });

  test('titles, letterheads and notes above the header are passed over, even rows of two cells', () => {
    const cells: CellValue[][] = [
      ['FY26 Scorecard', null, null, null],
      ['Reporting period:', 'Q1 2026', null, null],
      [null, null, null, null],
      ['Figures in $k unless the unit says otherwise', null, null, null],
      HEADER,
      DATA,
    ];
    expect(findHeaderRow(cells)?.rowIndex).toBe(4);
  });

  test('two cells must map, and one of them must identify the row (ID or Name)', () => {
    expect(findHeaderRow([['ID', 'Notes'], ['Target', 'Actual'], ['Name', 'Owner'], DATA])?.rowIndex).toBe(2);
    expect(findHeaderRow([['Code', 'Theme'], ['S1', 'Operations']])).toBeNull();
    expect(findHeaderRow([['Target', 'Actual', 'Owner'], [100, 80, 'Ann']])).toBeNull();
  });

  test('forgiving headers count ("KPI ID:", "Target\\n(FY26)"); the computed headers do not', () => {
    expect(findHeaderRow([['KPI ID:', 'Target\n(FY26)']])?.rowIndex).toBe(0);
    expect(findHeaderRow([['Name', 'Status', 'Progress', 'Score']])).toBeNull();
  });

  test(`only the first ${HEADER_SEARCH_ROWS} rows are searched`, () => {
    const titles = (count: number): CellValue[][] => Array.from({ length: count }, (_, index) => [`note ${index}`, null, null, null]);
    expect(findHeaderRow([...titles(HEADER_SEARCH_ROWS - 1), HEADER, DATA])?.rowIndex).toBe(HEADER_SEARCH_ROWS - 1);
    expect(findHeaderRow([...titles(HEADER_SEARCH_ROWS), HEADER, DATA])).toBeNull();
  });
});

describe('a sub-header row', () => {
  const upper: CellValue[] = ['ID', 'Name', 'Target', null, 'Actual'];

  test('is used under a merged cell and under a blank one, when it names a field there', () => {
    const merged = (row: number, column: number) => row === 0 && (column === 2 || column === 3);
    const found = findHeaderRow([upper, [null, null, 'Min', 'Max', null], ['K1', 'Revenue', 90, 110, 100]], merged);
    expect(found).toEqual({ rowIndex: 0, originIndex: 1, header: ['ID', 'Name', 'Min', 'Max', 'Actual'] });
    // Without the merge, the blank D1 still takes "Max"; C1 keeps Target.
    expect(findHeaderRow([upper, [null, null, null, 'Max', null]])?.header).toEqual(['ID', 'Name', 'Target', 'Max', 'Actual']);
  });

  test('is not a data row (it has an ID or a name under a header cell of its own)', () => {
    const found = findHeaderRow([upper, ['K1', 'Revenue', 100, 'Max', 80]]);
    expect(found).toEqual({ rowIndex: 0, originIndex: 0, header: upper });
  });

  test('is not a row of years under a merged group (nothing there names a field)', () => {
    const merged = (row: number, column: number) => row === 0 && (column === 2 || column === 3);
    const found = findHeaderRow([upper, [null, null, '2019/20', '2020/21', null]], merged);
    expect(found?.originIndex).toBe(0);
  });
});

describe('fallbackHeaderRow', () => {
  test('a sheet with no header row is read from its first row of two filled cells, else its first row', () => {
    expect(fallbackHeaderRow([['Cover'], ['Read me', 'first'], ['ID', 'Name']])).toBe(1);
    expect(fallbackHeaderRow([['Cover'], ['Notes']])).toBe(0);
  });
});
