import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AS_OF, EXAMPLE, runChecker } from './run';

const REAL = 'test/fixtures/real';
const folder = mkdtempSync(join(tmpdir(), 'kpi-align-csv-'));

interface Report {
  tables: { workbook: string; sheet: string; table: string | null; rows: number; role: string }[];
  issues: { code: string; severity: string; workbook: string; sheet: string; cell: string | null; row: number | null; id: string | null }[];
  summary: { kpis: number; errors: number; warnings: number };
}

const checkJson = async (...files: string[]) => {
  const run = await runChecker(['check', ...files, ...AS_OF, '--json']);
  return { ...run, report: JSON.parse(run.out || 'null') as Report };
};

describe('the checker on the real .csv samples (expected values by hand from the files)', () => {
  test('ops-cascade.csv (CR line ends): its four KPIs\' Direction "lower-is-worse" is not a direction, in column G', async () => {
    const { code, err, report } = await checkJson(`${REAL}/ops-cascade.csv`);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(report.tables).toEqual([{ workbook: `${REAL}/ops-cascade.csv`, sheet: 'ops-cascade', table: null, rows: 5, role: 'kpis' }]);
    expect(report.summary.kpis).toBe(5);
    const invalid = report.issues.filter((issue) => issue.code === 'invalid-direction');
    expect(invalid.map((issue) => [issue.id, issue.cell])).toEqual([
      ['OPS-1', "'ops-cascade'!G3"],
      ['OPS-2', "'ops-cascade'!G4"],
      ['OPS-3', "'ops-cascade'!G5"],
      ['OPS-4', "'ops-cascade'!G6"],
    ]);
    expect(invalid.every((issue) => issue.workbook === `${REAL}/ops-cascade.csv` && issue.sheet === 'ops-cascade')).toBe(true);
    // OPS, the first row, has a blank Parent (C2).
    expect(report.issues.filter((issue) => issue.code === 'unaligned').map((issue) => issue.cell)).toEqual(["'ops-cascade'!C2"]);
  });

  test('with another file, a cell names its .csv file as Excel names a workbook', async () => {
    const { code, out } = await runChecker(['check', `${REAL}/ops-cascade.csv`, `${REAL}/ops-kpi-targets.csv`, ...AS_OF]);
    expect(code).toBe(1);
    expect(out).toContain(`[${REAL}/ops-cascade.csv]'ops-cascade'!G3`);
  });

  test.each([
    // Without an ID column (ops-kpi-targets) or with headers in Spanish (efe-sur, tecmilenio), no
    // table takes part yet; each is read whole, under its own name.
    ['ops-kpi-targets.csv', 'ops-kpi-targets', 8],
    ['efe-sur-kpis.csv', 'efe-sur-kpis', 6],
    ['tecmilenio-kpis.csv', 'tecmilenio-kpis', 3],
  ])('%s is read as the sheet %s with %i rows', async (file, sheet, rows) => {
    const { code, err, report } = await checkJson(`${REAL}/${file}`);
    expect(code).not.toBe(2);
    expect(err).toBe('');
    expect(report.tables).toEqual([expect.objectContaining({ workbook: `${REAL}/${file}`, sheet, table: null, rows })]);
  });
});

describe('a .csv file that cannot be read: exit 2 and one sentence naming it', () => {
  test.each([
    ['an empty file', 'empty.csv', new Uint8Array(), 'is empty: it holds no rows to check.'],
    ['binary junk', 'junk.csv', new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 53) % 256)), 'is not a text file, so not a .csv'],
  ])('%s', async (_what, name, bytes, message) => {
    const path = join(folder, name);
    writeFileSync(path, bytes);
    const { code, out, err } = await runChecker(['check', path]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.startsWith(`kpi-align: ${path} ${message}`)).toBe(true);
    expect(err).toMatch(/^[^\n]*\.\n$/);
  });

  test('a missing .csv file', async () => {
    const { code, err } = await runChecker(['check', 'no/such.csv']);
    expect(code).toBe(2);
    expect(err).toBe('kpi-align: no/such.csv does not exist.\n');
  });
});

describe('a workbook named .csv is read as the workbook it is (its bytes start with PK)', () => {
  test('the same report as under its own name', async () => {
    const renamed = join(folder, 'scorecard.csv');
    copyFileSync(EXAMPLE, renamed);
    const asCsv = await checkJson(renamed);
    const asXlsx = await checkJson(EXAMPLE);
    expect(asCsv.code).toBe(asXlsx.code);
    expect(asCsv.report.summary).toEqual(asXlsx.report.summary);
    expect(asCsv.report.tables.map((table) => table.sheet)).toEqual(asXlsx.report.tables.map((table) => table.sheet));
  });
});

describe('--write and .csv', () => {
  test('a .csv input is refused before anything is read or written: it has no workbook to copy', async () => {
    const output = join(folder, 'ops.xlsx');
    const { code, out, err } = await runChecker(['check', `${REAL}/ops-cascade.csv`, '--write', output]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`--write needs an .xlsx or .xlsm input workbook; ${REAL}/ops-cascade.csv is a .csv file.`);
    expect(err).toContain('Usage: kpi-align check FILE...');
    expect(existsSync(output)).toBe(false);
  });

  test.each([
    ['a .csv output', EXAMPLE, 'out.csv', '--write needs an .xlsx or .xlsm file name, not "out.csv".'],
    ['an .xlsx input to .xlsm', EXAMPLE, 'out.xlsm', '--write out.xlsm must end in .xlsx like the input examples/scorecard.xlsx'],
    ['an .xlsm input to .xlsx', 'book.xlsm', 'out.xlsx', '--write out.xlsx must end in .xlsm like the input book.xlsm'],
  ])('%s is refused', async (_what, input, output, message) => {
    const { code, err } = await runChecker(['check', input, '--write', output]);
    expect(code).toBe(2);
    expect(err).toContain(message);
  });
});

test('the help names the three kinds of file', async () => {
  expect((await runChecker(['--help'])).out).toContain('.xlsx or .xlsm workbooks or .csv files');
});
