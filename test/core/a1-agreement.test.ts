/**
 * Core's A1 module against the Excel model's own (src/preview/excel-model/addresses.ts), a declared
 * independent oracle: the model is written from Excel's behaviour without importing core, so the two
 * agreeing on every address is evidence that core reads addresses as Excel does. The model counts
 * rows and columns from 0 and core from 1.
 */
import fc from 'fast-check';
import {
  cellAddress, columnLetters, columnNumber, joinSheetReference, MAX_COLUMN, MAX_ROW, parseCellAddress, parseReference, rangeAddress,
  sheetReference, splitSheetReference, type CellArea,
} from '../../src/core';
import * as model from '../../src/preview/excel-model/addresses';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS) || 500 };

/** Core's reading of a cell, in the model's terms. */
function coreCell(text: string): { row: number; col: number } | null {
  const cell = parseCellAddress(text);
  return cell && { row: cell.row - 1, col: cell.column - 1 };
}

/** Core's reading of a reference, in the model's terms. */
function coreRange(text: string): { sheet: string | null; rect: model.Rect } | null {
  const reference = parseReference(text);
  if (!reference) return null;
  const { top, left, bottom, right } = reference.area;
  return { sheet: reference.sheet, rect: { top: top - 1, left: left - 1, rows: bottom - top + 1, cols: right - left + 1 } };
}

const areaOf = (rect: model.Rect): CellArea => ({ top: rect.top + 1, left: rect.left + 1, bottom: rect.top + rect.rows, right: rect.left + rect.cols });

/** The cases the three parsers used to disagree on, and their neighbours. */
const EDGE_CELLS = [
  'A1', '$A$1', 'a1', 'A$1', '$A1', 'XFD1', 'XFD1048576', 'A1048576', 'A1048577', 'A0', 'XFE1', 'AAAA1', 'ZZZ1', 'A01', 'A0000001', 'A00000001',
  ' A1', 'A1 ', ' A1 ', 'A 1', '$ A1', '', '$', 'A', '1', '1A', 'A$', '$$A1', 'A1$', 'A-1', 'A1.5', 'Ä1',
];

const EDGE_REFERENCES = [
  'A1:B2', 'B2:A1', '$A$1:$C$3', 'A1:B2:C3', 'A1:', ':B2', 'A1:XFE1', 'A0:B2', ' A1 : B2 ', 'A:C', '2:5',
  'Sheet1!A1:C3', "'Team Sales'!D7", "'It''s'!A1", "'C'!A1", 'C!A1', "'R1C1'!B2", "'Wow!'!A1", 'Sheet1!', 'Sheet1!XFE1',
];

describe('core and the Excel model agree on the edge cases', () => {
  test('on the grid', () => {
    expect([MAX_COLUMN, MAX_ROW]).toEqual([model.MAX_COLUMNS, model.MAX_ROWS]);
  });

  test.each(EDGE_CELLS)('cell %p', (text) => {
    expect(coreCell(text)).toEqual(model.parseCell(text));
  });

  test.each(EDGE_REFERENCES)('reference %p', (text) => {
    expect(coreRange(text)).toEqual(model.parseRange(text));
  });

  test('A0, XFE1 and AAAA1 are not cells, and " A1" is A1, in both', () => {
    for (const text of ['A0', 'XFE1', 'AAAA1']) expect([coreCell(text), model.parseCell(text)]).toEqual([null, null]);
    expect([coreCell(' A1'), model.parseCell(' A1')]).toEqual([{ row: 0, col: 0 }, { row: 0, col: 0 }]);
  });

  test.each(['C', 'R', 'r2', 'c15', 'rc3', 'A1', 'XFE1', 'Team Sales', "O'Brien", '2026', 'Sheet1', 'KPIs', 'R1C1', 'RC', 'R2C', 'r2c3'])('sheet %p is quoted alike', (name) => {
    expect(sheetReference(name)).toBe(model.quoteSheet(name));
  });

  test.each(['R1C1', 'RC', 'R2C', 'r2c3', 'C'])('a sheet named %p, which reads as an R1C1 reference, is quoted', (name) => {
    expect(sheetReference(name)).toBe(`'${name}'`);
  });
});

describe('core and the Excel model agree on every address (properties)', () => {
  const column = fc.integer({ min: 1, max: MAX_COLUMN });
  const row = fc.integer({ min: 1, max: MAX_ROW });
  const dollar = fc.constantFrom('', '$');
  const space = fc.constantFrom('', ' ', '  ', '\t');

  test('column letters, every column', () => {
    for (let n = 1; n <= MAX_COLUMN; n++) {
      const letters = columnLetters(n);
      if (letters !== model.columnLetters(n - 1) || columnNumber(letters) !== n) throw new Error(`column ${n}: ${letters}`);
    }
  });

  test('a valid cell, however written, reads the same in both and back to itself', () => {
    fc.assert(
      fc.property(column, row, dollar, dollar, fc.boolean(), space, space, (c, r, d1, d2, lower, before, after) => {
        const letters = lower ? columnLetters(c).toLowerCase() : columnLetters(c);
        const text = `${before}${d1}${letters}${d2}${r}${after}`;
        expect(parseCellAddress(text)).toEqual({ column: c, row: r });
        expect(coreCell(text)).toEqual(model.parseCell(text));
        expect(model.cellName(r - 1, c - 1)).toBe(cellAddress(c, r));
      }),
      RUNS,
    );
  });

  test('text near an address is accepted or rejected alike', () => {
    const letters = fc.array(fc.constantFrom('A', 'X', 'F', 'D', 'E', 'Z', 'a', 'x', 'f', 'd'), { maxLength: 5 }).map((list) => list.join(''));
    const digits = fc.array(fc.constantFrom('0', '1', '4', '8', '9'), { maxLength: 9 }).map((list) => list.join(''));
    const junk = fc.constantFrom('', '', '', ' ', '$', ':', '!', '-', '.', 'Ä', 'A');
    const nearAddress = fc.tuple(space, dollar, letters, junk, dollar, digits, junk, space).map((parts) => parts.join(''));
    const anyText = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(nearAddress, anyText), (text) => {
        expect(coreCell(text)).toEqual(model.parseCell(text));
        expect(coreRange(text)).toEqual(model.parseRange(text));
      }),
      { numRuns: RUNS.numRuns * 4 },
    );
  });

  // Sheet names as Excel allows them: 1 to 31 characters, none of \ / ? * [ ] :, no quote at either end.
  const sheetName = fc
    .array(fc.constantFrom('A', 'c', 'R', 'r', 'X', '1', '2', '_', '.', ' ', "'", '!', 'é', '-'), { minLength: 1, maxLength: 8 })
    .map((list) => list.join(''))
    .filter((name) => !name.startsWith("'") && !name.endsWith("'"));

  const rect = fc.tuple(column, row, column, row).map(([c1, r1, c2, r2]): model.Rect => ({
    top: Math.min(r1, r2) - 1, left: Math.min(c1, c2) - 1, rows: Math.abs(r1 - r2) + 1, cols: Math.abs(c1 - c2) + 1,
  }));

  test('each reads the references the other writes', () => {
    fc.assert(
      fc.property(sheetName, rect, (sheet, area) => {
        expect(coreRange(model.qualifiedAddress(sheet, area))).toEqual({ sheet, rect: area });
        expect(model.parseRange(joinSheetReference(sheet, rangeAddress(areaOf(area))))).toEqual({ sheet, rect: area });
        expect(splitSheetReference(joinSheetReference(sheet, 'A1')).sheet).toBe(sheet);
      }),
      RUNS,
    );
  });

  test('core and the model quote the same sheet names', () => {
    fc.assert(
      fc.property(sheetName, (sheet) => {
        expect(sheetReference(sheet)).toBe(model.quoteSheet(sheet));
      }),
      RUNS,
    );
  });
});
