import { checkTables, ownerSummaries, requiredActuals, SourceTable } from '../../src/core';
import { parseCommandLine } from '../../src/cli/options';
import example from '../../examples/scorecard.json';
import { AS_OF, EXAMPLE, runChecker } from './run';

/** The node fields of spec section 7, in its order. */
const SPEC_NODE_FIELDS = [
  'id', 'name', 'kind', 'level', 'parent', 'workbook', 'sheet', 'table', 'row',
  'progress', 'score', 'expected', 'status', 'contribution', 'aligned', 'path', 'issues',
];

describe('kpi-align check --owners', () => {
  test('the text report gains an Owners section between the summary and the issues', async () => {
    const { code, out, err } = await runChecker(['check', EXAMPLE, ...AS_OF, '--owners']);
    expect(code).toBe(1);
    expect(err).toBe('');
    const owners = out.indexOf('Owners (33)');
    expect(owners).toBeGreaterThan(out.indexOf('  Status  '));
    expect(out.indexOf('Errors (7)')).toBeGreaterThan(owners);
    expect(out).toContain('  Kwame Mensah  4 KPIs: On track 2 · At risk 1 · No data 1; average score 58.8%\n');
    expect(out).toContain("    'Team Operations'!A9  OPS-08 At risk, score 62.5%, contribution 1.7%, required actual 8\n");
    expect(out).toContain(
      "    'Department KPIs'!A6  CX-01 At risk, score 66.7%, contribution 7.5%, no required actual: Even at its best, CX-01 leaves C1 at a score of 88.0%: no actual brings C1 to 100%.\n",
    );
    // An owner with no KPI behind has only the counts line; "(no owner)" comes last.
    expect(out).toMatch(/\n {2}Aisha Bello {2}2 KPIs: On track 2; average score 81\.3%\n {2}Amara Nwosu/);
    expect(out).toMatch(/\n {2}\(no owner\) {2}1 KPI: On track 1; average score 92\.0%\n\nErrors/);
    expect(out.trim().split('\n').pop()).toBe('7 errors, 7 warnings, 0 notes.');
  });

  test('without --owners there is no Owners section', async () => {
    const { out } = await runChecker(['check', EXAMPLE, ...AS_OF]);
    expect(out).not.toContain('Owners (');
    expect(out).not.toContain('required actual');
  });

  test('--json --owners: a top-level owners array, the engine\'s summaries with KPI.REQUIRED', async () => {
    const { code, out } = await runChecker(['check', EXAMPLE, ...AS_OF, '--json', '--owners']);
    expect(code).toBe(1);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['asOf', 'settings', 'tables', 'nodes', 'issues', 'summary', 'owners']);
    const tables = (example.tables as SourceTable[]).map((table) => ({ ...table, workbook: EXAMPLE }));
    const checked = checkTables(tables, { asOf: '2026-09-30' });
    const required = requiredActuals(tables, checked);
    const expected = ownerSummaries(checked, (node) => required(node.id));
    expect(report.owners).toEqual(expected);
    expect(report.owners[0]).toEqual(expect.objectContaining({ owner: 'Aisha Bello', behind: 0 }));
    const kwame = report.owners.find((owner: { owner: string }) => owner.owner === 'Kwame Mensah');
    expect(kwame.kpis.find((kpi: { id: string }) => kpi.id === 'OPS-08')).toEqual(expect.objectContaining({
      workbook: EXAMPLE, cell: "'Team Operations'!A9", status: 'At risk', required: 8, requiredNote: null,
    }));
    for (const node of report.nodes) expect(Object.keys(node)).toEqual(SPEC_NODE_FIELDS);
  });

  test('--json without --owners is unchanged: no owners, and nodes with exactly the fields of spec section 7', async () => {
    const { out } = await runChecker(['check', EXAMPLE, ...AS_OF, '--json']);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(['asOf', 'settings', 'tables', 'nodes', 'issues', 'summary']);
    expect(report.nodes).toHaveLength(67);
    for (const node of report.nodes) expect(Object.keys(node)).toEqual(SPEC_NODE_FIELDS);
  });

  test('several workbooks: each KPI behind names its workbook', async () => {
    const files = ['finance.xlsx', 'team-operations.xlsx', 'team-sales.xlsx'].map((name) => `examples/consolidation/${name}`);
    const { out } = await runChecker(['check', ...files, ...AS_OF, '--owners']);
    const details = out.split('\n').filter((line) => /^ {4}\S/.test(line) && / (At risk|Off track), score /.test(line));
    expect(details.length).toBeGreaterThan(0);
    for (const line of details) expect(line).toMatch(/^ {4}\[examples\/consolidation\/[a-z-]+\.xlsx\]/);
  });

  test('the option is read, and the help names it', async () => {
    const parsed = parseCommandLine(['check', 'a.xlsx', '--owners']);
    expect(parsed).toEqual({ command: 'check', options: expect.objectContaining({ owners: true }) });
    expect(parseCommandLine(['check', 'a.xlsx'])).toEqual({ command: 'check', options: expect.objectContaining({ owners: false }) });
    const { out } = await runChecker(['--help']);
    expect(out).toMatch(/--owners {12}add a summary per owner/);
  });
});
