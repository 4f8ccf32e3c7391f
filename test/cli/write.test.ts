import { mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { columnLetters, COMPUTED_HEADERS, GUARD_TEXT, parseCellAddress } from '../../src/core';
import { readWorkbook } from '../../src/xlsx';
import { AS_OF, EXAMPLE, runChecker } from './run';

const folder = mkdtempSync(join(tmpdir(), 'kpi-align-write-'));
const parts = (path: string) => {
  const entries = unzipSync(readFileSync(path));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
};

/** The ranges of every guard KPI Align wrote (a custom validation with its title), over all worksheets. */
const guardedRanges = (path: string) =>
  Object.entries(parts(path))
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .flatMap(([, xml]) => [...xml.matchAll(/<dataValidation (?=[^>]*type="custom")(?=[^>]*errorTitle="([^"]*)")[^>]*sqref="([^"]*)"/g)])
    .filter((match) => match[1] === GUARD_TEXT.title)
    .flatMap((match) => match[2].split(' '))
    .sort();

describe('--write on the example', () => {
  const output = join(folder, 'scorecard-results.xlsx');
  let json: { nodes: { id: string; sheet: string; row: number; score: number | null; status: string; path: string; aligned: boolean; issues: string[] }[] };

  beforeAll(async () => {
    const run = await runChecker(['check', EXAMPLE, ...AS_OF, '--json', '--write', output]);
    expect(run.code).toBe(1);
    expect(run.err).toBe('');
    json = JSON.parse(run.out);
  });

  test('every cascade table gains the computed columns, with the values of the report', () => {
    const tables = readWorkbook(readFileSync(output), 'out');
    const dept = tables.find((table) => table.table === 'DeptKPIs')!;
    expect(dept.header.slice(-COMPUTED_HEADERS.length)).toEqual(COMPUTED_HEADERS);
    const at = (header: string) => dept.header.indexOf(header);
    for (const node of json.nodes.filter((n) => n.sheet === 'Department KPIs')) {
      const row = dept.rows[node.row - 2];
      expect(row[at('Score')] ?? null).toBe(node.score);
      expect(row[at('Status')]).toBe(node.status);
      expect(row[at('Path')]).toBe(node.path);
      expect(row[at('Aligned')]).toBe(node.aligned);
      expect(row[at('Issues')] ?? null).toBe(node.issues.join('; ') || null);
    }
    const about = tables.find((table) => table.sheet === 'About')!;
    expect(about.header).not.toContain('Progress');
  });

  test('the tables grow to hold the columns; ratios are formatted as percentages', () => {
    const xml = parts(output);
    const tablePart = Object.entries(xml).find(([name, text]) => name.startsWith('xl/tables/') && text.includes('displayName="DeptKPIs"'))![1];
    expect(tablePart).toMatch(/ref="A1:AA21"/);
    expect(tablePart).toContain('name="Issues"');
    expect(xml['xl/styles.xml']).toMatch(/numFmtId="10"/);
  });

  test('writing the output again gives the same cells, and no second set of columns', async () => {
    const again = join(folder, 'scorecard-again.xlsx');
    const run = await runChecker(['check', output, ...AS_OF, '--write', again]);
    expect(run.code).toBe(1);
    const first = readWorkbook(readFileSync(output), 'x');
    const second = readWorkbook(readFileSync(again), 'x');
    expect(second).toEqual(first);
    expect(readFileSync(again).equals(readFileSync(output))).toBe(true); // the guard too: replaced, not added to
  });

  test("the computed columns' data cells, and only they, refuse typing, as in the add-in", () => {
    const computed = new Set<string>(COMPUTED_HEADERS);
    const expected = readWorkbook(readFileSync(output), 'out')
      .filter((table) => table.table !== null)
      .map((table) => {
        const origin = parseCellAddress(table.origin)!;
        const ours = table.header.flatMap((header, i) => (computed.has(String(header)) ? [origin.column + i] : []));
        const last = COMPUTED_HEADERS.length - 1;
        expect(ours).toHaveLength(COMPUTED_HEADERS.length);
        expect(ours[last] - ours[0]).toBe(last);
        return `${columnLetters(ours[0])}${origin.row + 1}:${columnLetters(ours[last])}${origin.row + table.rows.length}`;
      })
      .sort();
    expect(expected).toHaveLength(5);
    expect(guardedRanges(output)).toEqual(expected);
  });

  test('the written workbook checks exactly like the original: computed columns are never read as input', async () => {
    const original = JSON.parse((await runChecker(['check', EXAMPLE, ...AS_OF, '--json'])).out);
    const written = JSON.parse((await runChecker(['check', output, ...AS_OF, '--json'])).out);
    const strip = (report: { nodes: object[]; issues: object[] }) => ({
      nodes: report.nodes.map((n) => ({ ...n, workbook: null })),
      issues: report.issues.map((i) => ({ ...i, workbook: null })),
    });
    expect(strip(written)).toEqual(strip(original));
  });
});

describe('--write keeps the rest of the workbook', () => {
  const input = 'test/fixtures/preserve.xlsx';
  const output = join(folder, 'preserve-out.xlsx');

  beforeAll(async () => {
    const run = await runChecker(['check', input, ...AS_OF, '--write', output]);
    expect(run.code).toBeLessThan(2);
  });

  test('every part the write did not need is byte-identical', () => {
    const before = parts(input);
    const after = parts(output);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(before).filter((name) => before[name] !== after[name]).sort();
    for (const name of changed) expect(name).toMatch(/^xl\/(worksheets\/sheet\d+\.xml|tables\/table\d+\.xml|workbook\.xml|styles\.xml)$/);
  });

  test('the chart, comment, validation, conditional format, defined name and formulas survive', () => {
    const after = parts(output);
    const all = Object.entries(after);
    expect(all.some(([name]) => name.startsWith('xl/charts/chart'))).toBe(true);
    expect(all.some(([name]) => /comments/.test(name))).toBe(true);
    const sheets = all.filter(([name]) => name.startsWith('xl/worksheets/sheet')).map(([, text]) => text).join('');
    expect(sheets).toContain('<dataValidation');
    expect(sheets).toContain('<conditionalFormatting');
    expect(sheets).toMatch(/<f>[^<]+<\/f>/);
    expect(after['xl/workbook.xml']).toMatch(/<definedName name="[^_][^"]*"/);
  });

  test("the person's validation is kept as written, beside the guard on our columns", () => {
    const theirs = /<dataValidation sqref="C2:C5"[^>]*>.*?<\/dataValidation>/.exec(parts(input)['xl/worksheets/sheet1.xml'])![0];
    const sheet = parts(output)['xl/worksheets/sheet1.xml'];
    expect(sheet).toContain(`<dataValidations count="2">${theirs}<dataValidation type="custom"`);
    expect(guardedRanges(output)).toEqual(['J2:Q5']);
  });

  test("a person's Status column is left alone; ours is added beside it", () => {
    const before = readWorkbook(readFileSync(input), 'in');
    const after = readWorkbook(readFileSync(output), 'out');
    const kpisBefore = before.find((table) => table.header.includes('Status'))!;
    const kpisAfter = after.find((table) => table.table === kpisBefore.table)!;
    const theirs = kpisBefore.header.indexOf('Status');
    expect(kpisAfter.rows.map((row) => row[theirs])).toEqual(kpisBefore.rows.map((row) => row[theirs]));
    expect(kpisAfter.header).toContain('Status (KPI Align)');
  });
});

describe('--write refuses to lose anything', () => {
  test('it will not overwrite its input', async () => {
    const input = join(folder, 'mine.xlsx');
    copyFileSync(EXAMPLE, input);
    const before = readFileSync(input);
    const run = await runChecker(['check', input, '--write', input]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('would overwrite the input workbook');
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  test('a folder that does not exist: exit 2 and nothing written, no temporary file left', async () => {
    const run = await runChecker(['check', EXAMPLE, '--write', join(folder, 'missing', 'out.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.err).toContain('could not be written: its folder does not exist. Nothing was written.');
    expect(existsSync(join(folder, 'missing'))).toBe(false);
  });

  test('an unreadable input writes nothing', async () => {
    const output = join(folder, 'never.xlsx');
    const run = await runChecker(['check', 'test/fixtures/not-a-workbook.xlsx', '--write', output]);
    expect(run.code).toBe(2);
    expect(existsSync(output)).toBe(false);
  });

  test('a table with a value in the way is left untouched, with a note that names the cell', async () => {
    const output = join(folder, 'blocked-out.xlsx');
    const run = await runChecker(['check', 'test/fixtures/blocked.xlsx', '--write', output]);
    expect(run.code).toBeLessThan(2);
    expect(run.err).toMatch(/kpi-align: .*![A-Z]+\d+/);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('an existing output is replaced whole', async () => {
    const output = join(folder, 'replace.xlsx');
    writeFileSync(output, 'old contents');
    const run = await runChecker(['check', EXAMPLE, ...AS_OF, '--write', output]);
    expect(run.code).toBe(1);
    expect(readWorkbook(readFileSync(output), 'x').length).toBeGreaterThan(0);
  });
});
