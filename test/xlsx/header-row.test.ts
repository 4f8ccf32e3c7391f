/**
 * The reader takes a plain sheet's header row from core (spec section 8): titles above it are left out,
 * a two-row header is read as one and reported at its second row, and the writer writes where the
 * reader read, so that a second run finds its own columns.
 */
import { readWorkbook, writeComputedColumns, type TableWrite } from '../../src/xlsx';
import { fixture } from './build-package';

const workbook = () => fixture('real/kpi-plan.xlsx');
const sheetOf = (bytes: Uint8Array, sheet: string) => readWorkbook(bytes, 'kpi-plan.xlsx').find((table) => table.sheet === sheet)!;

describe('a sheet with a letterhead', () => {
  test('starts at the header row below it, not at the two-cell "Reporting period:" line', () => {
    const kpis = sheetOf(workbook(), 'KPIs');
    expect(kpis.origin).toBe('A4');
    expect(kpis.header).toEqual(['KPI ID', 'KPI Name', 'Parents', 'Owner:', 'Target\n(FY26)', 'Actual', 'Status']);
    expect(kpis.rows.map((row) => row[0])).toEqual(['K1', 'K2', 'K3']);
  });

  test('a sheet whose only header-like row maps one field keeps its first row of two cells (as before section 8)', () => {
    const strategy = sheetOf(workbook(), 'Strategy');
    expect([strategy.origin, strategy.header, strategy.rows]).toEqual(['A2', ['Code', 'Theme'], [['S1', 'Operational excellence']]]);
  });
});

describe('a two-row header', () => {
  test('takes the sub-header under the merged cell and is reported at its second row', () => {
    const team = sheetOf(workbook(), 'Team KPIs');
    expect(team.origin).toBe('A3');
    expect(team.header).toEqual(['ID', 'Name', 'Parent', 'Direction', 'Min', 'Max', 'Actual']);
    expect(team.rows.map((row) => row[0])).toEqual(['T1', 'T2']);
  });

  test('is written at that row, and a rerun reads its own column back in place', () => {
    const write = (values: (number | null)[]): TableWrite => ({ sheet: 'Team KPIs', table: null, columns: [{ header: 'Score', format: 'percent', values }] });
    const first = writeComputedColumns(workbook(), [write([1, 0])]).bytes;
    const team = sheetOf(first, 'Team KPIs');
    expect(team.origin).toBe('A3');
    expect(team.header).toEqual(['ID', 'Name', 'Parent', 'Direction', 'Min', 'Max', 'Actual', 'Score']);
    expect(team.rows.map((row) => row.at(-1))).toEqual([1, 0]);
    const again = sheetOf(writeComputedColumns(first, [write([0.5, 0.25])]).bytes, 'Team KPIs');
    expect(again.header).toHaveLength(8);
    expect(again.rows.map((row) => row.at(-1))).toEqual([0.5, 0.25]);
  });
});
