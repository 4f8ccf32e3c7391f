import { checkTables, SourceTable } from '../../src/core';
import example from '../../examples/scorecard.json';
import expected from '../../examples/expected-issues.json';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCascade, GENERATED_AS_OF } from '../../bench/generate-cascade';
import { workbookFromTables } from '../../bench/workbook';
import { soundScorecard, tableOf } from '../core/build';
import { jsonNode } from '../../src/cli/json-report';
import { AS_OF, EXAMPLE, runChecker } from './run';

describe('kpi-align check on the example workbook', () => {
  test('the readable report: summary first, then issues by severity and rule, each with its cell', async () => {
    const { code, out, err } = await runChecker(['check', EXAMPLE, ...AS_OF]);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).toContain('KPI Align: 8 objectives and 59 KPIs in 5 tables, as of 2026-09-30');
    expect(out).toMatch(/Org score\s+73\.2%/);
    expect(out).toMatch(/Coverage\s+91\.5% of KPIs aligned \(54 of 59\)/);
    expect(out).toMatch(/Financial\s+█+░+ 74\.1%/);
    expect(out).toContain('Achieved 5 · On track 40 · At risk 11 · Off track 3 · No data 8');
    const errors = out.indexOf('Errors (7)');
    const warnings = out.indexOf('Warnings (7)');
    expect(errors).toBeGreaterThan(out.indexOf('Org score'));
    expect(warnings).toBeGreaterThan(errors);
    expect(out).toMatch(/duplicate-id \(2\)\n\s+'Team Sales'!A7 +ID "SAL-06" is used by 2 rows/);
    expect(out).toContain("'Team Sales'!J9");
    expect(out).toContain('Skipped (not cascade tables): sheet About');
    expect(out.trim().split('\n').pop()).toBe('7 errors, 7 warnings, 0 notes.');
    expect(out).not.toContain('\u001b[');
  });

  test('colour only when asked for by a terminal', async () => {
    const { out } = await runChecker(['check', EXAMPLE, ...AS_OF], { colour: true });
    expect(out).toContain('\u001b[31m');
  });

  test('--json is the report of spec section 7, identical to the engine on the same data', async () => {
    const { code, out } = await runChecker(['check', EXAMPLE, ...AS_OF, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['asOf', 'settings', 'tables', 'nodes', 'issues', 'summary']);
    expect(report.settings).toEqual({ onTrack: 0.9, atRisk: 0.7, scoreCap: 1 });
    expect(report.issues.map((i: { code: string; cell: string; id: string }) => ({ code: i.code, cell: i.cell, id: i.id }))).toEqual(expected);
    expect(report.issues[0]).toEqual(expect.objectContaining({ workbook: EXAMPLE, sheet: 'Objectives', table: 'Objectives', row: 6, column: 'ID' }));
    expect(report.tables[0]).toEqual({ workbook: EXAMPLE, sheet: 'About', table: null, rows: expect.any(Number), role: 'skipped' });

    // Reading the workbook gives the same cascade as the data it was made from.
    const fromData = checkTables((example.tables as SourceTable[]).map((t) => ({ ...t, workbook: EXAMPLE })), { asOf: '2026-09-30' });
    expect(report.nodes).toEqual(fromData.nodes.map(jsonNode));
    expect(report.summary).toEqual(fromData.summary);
  });

  test('--json issues have exactly the fields of spec section 7, not the details their messages were built from', async () => {
    const report = JSON.parse((await runChecker(['check', EXAMPLE, ...AS_OF, '--json'])).out);
    expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) {
      expect(Object.keys(issue)).toEqual(['code', 'severity', 'message', 'workbook', 'sheet', 'table', 'row', 'column', 'cell', 'id']);
    }
    const engine = checkTables((example.tables as SourceTable[]).map((t) => ({ ...t, workbook: EXAMPLE })), { asOf: '2026-09-30' });
    expect(engine.issues.every((issue) => typeof issue.details === 'object')).toBe(true);
  });

  test('settings change the statuses', async () => {
    const strict = JSON.parse((await runChecker(['check', EXAMPLE, ...AS_OF, '--json', '--on-track', '1', '--at-risk', '0.95'])).out);
    const lenient = JSON.parse((await runChecker(['check', EXAMPLE, ...AS_OF, '--json', '--cap', '1.5'])).out);
    expect(strict.settings).toEqual({ onTrack: 1, atRisk: 0.95, scoreCap: 1 });
    expect(strict.summary.status['Off track']).toBeGreaterThan(3);
    expect(lenient.settings.scoreCap).toBe(1.5);
    expect(Math.max(...lenient.nodes.map((n: { score: number | null }) => n.score ?? 0))).toBeGreaterThan(1);
  });
});

describe('several workbooks form one cascade', () => {
  const files = ['examples/consolidation/finance.xlsx', 'examples/consolidation/team-sales.xlsx', 'examples/consolidation/team-operations.xlsx'];

  test('the same nodes and summary as the single workbook, every issue naming its workbook', async () => {
    const split = JSON.parse((await runChecker(['check', ...files, ...AS_OF, '--json'])).out);
    const single = JSON.parse((await runChecker(['check', EXAMPLE, ...AS_OF, '--json'])).out);
    const strip = (nodes: { workbook: string }[]) => nodes.map((node) => ({ ...node, workbook: null }));
    expect(strip(split.nodes)).toEqual(strip(single.nodes));
    expect(split.summary).toEqual(single.summary);
    const duplicate = split.issues.filter((i: { code: string }) => i.code === 'duplicate-id');
    expect(duplicate.map((i: { workbook: string }) => i.workbook)).toEqual([files[1], files[2]]);
  });

  test('the readable report names the workbook of each cell', async () => {
    const { out } = await runChecker(['check', ...files, ...AS_OF]);
    expect(out).toContain("[examples/consolidation/team-sales.xlsx]'Team Sales'!J9");
  });
});

test('formulas that were never calculated are named on standard error, and the report still comes', async () => {
  const run = await runChecker(['check', 'test/fixtures/openpyxl-tables.xlsx', '--json', ...AS_OF]);
  expect(run.err).toContain('test/fixtures/openpyxl-tables.xlsx has 2 formula cells without a calculated value (KPIs!G4, KPIs!H8), read as blank');
  expect(JSON.parse(run.out).nodes.length).toBeGreaterThan(0);
  expect((await runChecker(['check', 'test/fixtures/libreoffice.xlsx', ...AS_OF])).err).toBe('');
});

describe('settings stored in the workbook by the add-in', () => {
  const folder = mkdtempSync(join(tmpdir(), 'kpi-align-settings-'));
  /** The example with a `_KPIAlign_Settings` name holding `text`, as the add-in stores it. */
  const withStoredSettings = (text: string): string => {
    const files = unzipSync(readFileSync(EXAMPLE));
    const workbook = strFromU8(files['xl/workbook.xml']);
    const name = `<definedNames><definedName name="_KPIAlign_Settings" hidden="1">"${text}"</definedName></definedNames>`;
    files['xl/workbook.xml'] = strToU8(workbook.replace('</sheets>', `</sheets>${name}`));
    const path = join(folder, `stored-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(path, zipSync(files));
    return path;
  };

  test('are used when the command line does not say otherwise', async () => {
    const file = withStoredSettings('asOf=2026-09-30;onTrack=0.95;atRisk=0.8;scoreCap=1.2');
    const report = JSON.parse((await runChecker(['check', file, '--json'])).out);
    expect(report.asOf).toBe('2026-09-30');
    expect(report.settings).toEqual({ onTrack: 0.95, atRisk: 0.8, scoreCap: 1.2 });
  });

  test('the command line wins', async () => {
    const file = withStoredSettings('asOf=2026-09-30;onTrack=0.95');
    const report = JSON.parse((await runChecker(['check', file, '--json', '--as-of', '2026-06-30', '--on-track', '0.85'])).out);
    expect(report.asOf).toBe('2026-06-30');
    expect(report.settings.onTrack).toBe(0.85);
  });

  test('out-of-range stored settings are ignored with a warning', async () => {
    const file = withStoredSettings('onTrack=5');
    const run = await runChecker(['check', file, '--json', ...AS_OF]);
    expect(run.err).toContain(`the settings stored in ${file} are ignored: The on-track ratio 5 must be above 0 and at most 1.`);
    expect(JSON.parse(run.out).settings.onTrack).toBe(0.9);
  });
});

describe('exit statuses and messages', () => {
  test('0 when the cascade has no errors, even with warnings', async () => {
    const sound = join(mkdtempSync(join(tmpdir(), 'kpi-align-sound-')), 'sound.xlsx');
    const card = soundScorecard();
    card.kpis[0].Owner = null;
    writeFileSync(sound, workbookFromTables([tableOf('Objectives', card.objectives), tableOf('KPIs', card.kpis)]));
    const { code, out } = await runChecker(['check', sound, ...AS_OF]);
    expect(out.trim().split('\n').pop()).toBe('0 errors, 1 warning, 0 notes.');
    expect(code).toBe(0);
  });

  test('1 when it has errors: a team workbook alone names parents it does not hold', async () => {
    const { code, out } = await runChecker(['check', 'examples/consolidation/team-sales.xlsx', ...AS_OF]);
    expect(code).toBe(1);
    expect(out).toContain('unknown-parent');
  });

  test.each([
    ['a missing file', ['check', 'no/such.xlsx'], 'no/such.xlsx does not exist.'],
    ['a folder', ['check', 'examples'], 'examples is a folder, not a workbook.'],
    ['a text file', ['check', 'test/fixtures/not-a-workbook.xlsx'], 'test/fixtures/not-a-workbook.xlsx is not an .xlsx workbook.'],
    ['a zip that is not a workbook', ['check', 'test/fixtures/zip-not-workbook.xlsx'], 'is a zip file but not an Excel workbook'],
    ['a legacy or password-protected file', ['check', 'test/fixtures/legacy.xls'], 'is password-protected or an old .xls file'],
    ['an unknown option', ['check', EXAMPLE, '--colour'], "Unknown option '--colour'"],
    ['a bad date', ['check', EXAMPLE, '--as-of', '30/09/2026'], 'The as-of date "30/09/2026" is not a date'],
    ['a bad ratio', ['check', EXAMPLE, '--on-track', 'high'], '--on-track needs a number, not "high".'],
    ['ratios the wrong way round', ['check', EXAMPLE, '--on-track', '0.5', '--at-risk', '0.8'], 'must not be above the on-track ratio'],
    ['a cap out of range', ['check', EXAMPLE, '--cap', '3'], 'The score cap 3 must be between 1 and 2.'],
    ['--write with two inputs', ['check', EXAMPLE, 'examples/consolidation/finance.xlsx', '--write', 'out.xlsx'], '--write takes exactly one input workbook.'],
    ['the same file twice', ['check', EXAMPLE, EXAMPLE], 'is named twice'],
    ['an unknown command', ['chek', EXAMPLE], 'Unknown command "chek"'],
  ])('2 for %s, with a message that says which and why', async (_what, argv, message) => {
    const { code, out, err } = await runChecker(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });

  test('help and version', async () => {
    expect((await runChecker(['--help'])).out).toContain('Usage: kpi-align check FILE...');
    expect((await runChecker([])).out).toContain('Usage');
    expect((await runChecker(['--version'])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  describe('progress on a large workbook', () => {
    const large = join(mkdtempSync(join(tmpdir(), 'kpi-align-large-')), 'large.xlsx');
    beforeAll(() => writeFileSync(large, workbookFromTables(generateCascade({ nodes: 12_000, seed: 7 }))));

    test('goes to standard error when it is a terminal, and never into the report', async () => {
      const run = await runChecker(['check', large, '--json', '--as-of', GENERATED_AS_OF], { progress: true });
      expect(run.err).toMatch(/^Checking 12,000 rows in 4 tables…$/m);
      expect(JSON.parse(run.out).summary.kpis).toBeGreaterThan(11_000);
    });

    test('stays quiet otherwise, and for small workbooks', async () => {
      expect((await runChecker(['check', large, '--as-of', GENERATED_AS_OF])).err).toBe('');
      expect((await runChecker(['check', EXAMPLE, ...AS_OF], { progress: true })).err).toBe('');
    });
  });
});
