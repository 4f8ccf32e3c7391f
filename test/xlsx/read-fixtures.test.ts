/** Reading the workbooks that openpyxl and LibreOffice wrote (test/fixtures/make-fixtures.py). */
import { readWorkbook } from '../../src/xlsx';
import { fixture } from './build-package';

const day = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
const HEADER = ['ID', 'Name', 'Level', 'Parent', 'Target', 'Actual', 'Weight', 'Start Date', 'Due'];

describe('openpyxl-tables.xlsx', () => {
  const tables = readWorkbook(fixture('openpyxl-tables.xlsx'), 'openpyxl-tables.xlsx');

  it('gives one source table per Excel table, in sheet order, and nothing for the cells outside them', () => {
    expect(tables.map((t) => [t.workbook, t.sheet, t.table, t.origin])).toEqual([
      ['openpyxl-tables.xlsx', 'Objectives', 'Objectives', 'A1'],
      ['openpyxl-tables.xlsx', 'KPIs', 'KPIs', 'B2'],
    ]);
    expect(tables[1].header).toEqual(HEADER);
  });

  it('reads numbers, text, dates at UTC midnight and blanks', () => {
    expect(tables[0].rows).toEqual([
      ['O1', 'Grow revenue', 'Objective', null, 1000000, 850000, 0.6, day(2026, 1, 1), day(2026, 12, 31)],
      ['O2', 'Delight customers', 'Objective', null, 90, 85, 0.4, day(2026, 1, 1), day(2026, 12, 31)],
    ]);
  });

  it('reads error cells and "#N/A" text as text, booleans, a date with a time, a numeric ID and untrimmed text', () => {
    const [, , k3, k4, twelve] = tables[1].rows;
    expect(k3).toEqual(['K3', 'NPS', 'Team', 'O2', 60, '#N/A', null, null, day(2026, 9, 30, 12)]);
    expect(k4).toEqual(['K4', 'Onboarding', 'Individual', 'K3', '#N/A', 12, true, null, null]);
    expect(twelve).toEqual([12, '  Café ✓ ', 'Team', 'K1', null, null, null, null, null]);
  });

  it('gives a formula without a cached value (openpyxl writes none) as blank', () => {
    expect(tables[1].rows[1][5]).toBeNull();
  });

  it('leaves the totals row out and pads every row to the header width', () => {
    expect(tables[1].rows).toHaveLength(5);
    expect(tables[1].rows.every((row) => row.length === HEADER.length)).toBe(true);
    expect(tables[1].rows.flat()).not.toContain('Total');
  });
});

describe('libreoffice.xlsx (every part rewritten by LibreOffice: shared strings, explicit t="n", self-closing cells)', () => {
  const tables = readWorkbook(fixture('libreoffice.xlsx'), 'libreoffice.xlsx');

  it('reads the same tables', () => {
    expect(tables.map((t) => [t.sheet, t.table, t.origin])).toEqual([
      ['Objectives', 'Objectives', 'A1'],
      ['KPIs', 'KPIs', 'B2'],
    ]);
    expect(tables[0].rows[0]).toEqual(['O1', 'Grow revenue', 'Objective', null, 1000000, 850000, 0.6, day(2026, 1, 1), day(2026, 12, 31)]);
  });

  it('takes formula results from the cached values LibreOffice wrote', () => {
    const kpis = tables[1];
    expect(kpis.rows[1][5]).toBe(50000); // =F3/10
    expect(kpis.rows[2][5]).toBe('#N/A'); // an error result
    expect(kpis.rows[3][6]).toBe(true); // =TRUE()
  });

  it('keeps shared strings with their spaces', () => {
    expect(tables[1].rows[4][1]).toBe('  Café ✓ ');
  });
});

describe('preserve.xlsx', () => {
  const tables = readWorkbook(fixture('preserve.xlsx'), 'preserve.xlsx');

  it('reads the KPI table with its Status column, ignores the chart sheet and reads the sheet that holds a chart as a plain sheet', () => {
    expect(tables.map((t) => [t.sheet, t.table])).toEqual([
      ['Scorecard', 'Cascade'],
      ['Chart', null],
    ]);
    expect(tables[0].header).toContain('Status');
    expect(tables[0].rows[3][1]).toBeNull(); // ="K"&"3" without a cached value
  });
});

describe('plain-sheet.xlsx', () => {
  const tables = readWorkbook(fixture('plain-sheet.xlsx'), 'plain-sheet.xlsx');

  it('finds the header row under a title, from its first column, and gives empty sheets nothing', () => {
    expect(tables).toHaveLength(1);
    const [plain] = tables;
    expect([plain.sheet, plain.table, plain.origin]).toEqual(['Cascade', null, 'B3']);
    expect(plain.header).toEqual(['ID', 'Name', 'Level', 'Parent', 'Target', 'Actual', 'Weight']);
  });

  it('keeps an empty row inside the range as a blank row so row numbers stay right', () => {
    expect(tables[0].rows).toEqual([
      ['O1', 'Grow revenue', 'Objective', null, 100, 80, 1],
      ['K1', 'New ARR', 'Department', 'O1', 50, 45, 0.5],
      [null, null, null, null, null, null, null],
      ['K2', 'Upsell', 'Department', 'O1', 50, null, 0.5],
    ]);
  });
});

describe('blocked.xlsx', () => {
  it('reads both tables; a value next to a table is not part of it', () => {
    const tables = readWorkbook(fixture('blocked.xlsx'), 'blocked.xlsx');
    expect(tables.map((t) => [t.table, t.header.length, t.rows.length])).toEqual([
      ['Blocked', 4, 3],
      ['Free', 4, 1],
    ]);
  });
});
