import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTables, parentChoices, planTeamSheet } from '../../src/core';
import { readWorkbook, writeTeamTemplate } from '../../src/xlsx';
import { AS_OF, EXAMPLE, runChecker } from './run';

const folder = mkdtempSync(join(tmpdir(), 'kpi-align-template-'));
const exampleReport = checkTables(readWorkbook(readFileSync(EXAMPLE), EXAMPLE));

describe('kpi-align template', () => {
  test('writes the planned team workbook and says what it wrote', async () => {
    const output = join(folder, 'marketing.xlsx');
    const run = await runChecker(['template', '--team', 'Marketing', '--from', EXAMPLE, '-o', output]);
    expect(run).toEqual({
      code: 0,
      err: '',
      out: `Wrote ${output}: sheet "Team Marketing" with table TeamMarketing (19 columns), 28 Parent choices from ${EXAMPLE}.\n`,
    });
    const planned = planTeamSheet(exampleReport, { team: 'Marketing', level: 'Team', sheets: [], tables: [] });
    if (!planned.ok) throw new Error(planned.error);
    expect(Buffer.from(readFileSync(output)).equals(Buffer.from(writeTeamTemplate(planned.plan)))).toBe(true);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('--level (any case) sets the sheet and the Parent choices; --output is -o', async () => {
    const output = join(folder, 'department.xlsx');
    const run = await runChecker(['template', '--team', 'Brand', '--level', 'department', '--from', EXAMPLE, '--output', output]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('sheet "Department Brand" with table DepartmentBrand');
    expect(run.out).toContain(`${parentChoices(exampleReport, 'Department').length} Parent choices`);
    expect(parentChoices(exampleReport, 'Department')).toEqual(['F1', 'F2', 'C1', 'C2', 'P1', 'P2', 'L1', 'L2']);
    expect(readWorkbook(readFileSync(output), 'out')[0].sheet).toBe('Department Brand');
  });

  test('several --from workbooks form one cascade', async () => {
    const output = join(folder, 'individual.xlsx');
    const from = ['examples/consolidation/finance.xlsx', 'examples/consolidation/team-sales.xlsx'];
    const run = await runChecker(['template', '--team', 'Store staff', '--level', 'Individual', '--from', from[0], '--from', from[1], '-o', output]);
    const both = checkTables(from.flatMap((path) => readWorkbook(readFileSync(path), path)));
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${parentChoices(both, 'Individual').length} Parent choices from ${from.join(', ')}.`);
    expect(parentChoices(both, 'Individual')).toEqual(expect.arrayContaining(['FIN-01', 'SAL-01']));
  });

  test('warns when nothing can be a parent, and still writes the workbook', async () => {
    const empty = join(folder, 'empty-input.xlsx');
    writeFileSync(empty, readFileSync(join(folder, 'marketing.xlsx')));
    const output = join(folder, 'from-empty.xlsx');
    const run = await runChecker(['template', '--team', 'Sales', '--from', empty, '-o', output]);
    expect(run.code).toBe(0);
    expect(run.err).toBe(`kpi-align: ${empty} has no KPI with an ID that a Team KPI could align to: the Parent dropdown is empty.\n`);
    expect(run.out).toContain('0 Parent choices');
    expect(readWorkbook(readFileSync(output), 'out')).toHaveLength(1);
  });

  test('refuses to overwrite an input, and leaves it as it was', async () => {
    const input = join(folder, 'finance-copy.xlsx');
    writeFileSync(input, readFileSync(EXAMPLE));
    const run = await runChecker(['template', '--team', 'Sales', '--from', input, '-o', input]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(`kpi-align: -o ${input} would overwrite the input workbook ${input}; name a new file.\n`);
    expect(Buffer.from(readFileSync(input)).equals(readFileSync(EXAMPLE))).toBe(true);
  });

  test.each([
    ['no --team', ['template', '--from', EXAMPLE, '-o', 'x.xlsx'], 'Name the team with --team, such as --team Sales.'],
    ['a blank --team', ['template', '--team', '  ', '--from', EXAMPLE, '-o', 'x.xlsx'], 'Name the team with --team'],
    ['a bad level', ['template', '--team', 'Sales', '--level', 'Squad', '--from', EXAMPLE, '-o', 'x.xlsx'], '--level "Squad" is not a level for a team sheet; use Organization, Department, Team, Individual.'],
    ['no --from', ['template', '--team', 'Sales', '-o', 'x.xlsx'], "Name finance's workbook with --from FINANCE.xlsx."],
    ['no -o', ['template', '--team', 'Sales', '--from', EXAMPLE], 'Name the new workbook with -o TEAM.xlsx.'],
    ['-o not .xlsx', ['template', '--team', 'Sales', '--from', EXAMPLE, '-o', 'team.xls'], '-o needs an .xlsx file name, not "team.xls".'],
    ['a file without --from', ['template', '--team', 'Sales', EXAMPLE, '-o', 'x.xlsx'], `template takes its workbooks with --from, not "${EXAMPLE}".`],
    ['the same --from twice', ['template', '--team', 'Sales', '--from', EXAMPLE, '--from', EXAMPLE, '-o', 'x.xlsx'], 'is named twice'],
    ["check's options", ['template', '--team', 'Sales', '--from', EXAMPLE, '-o', 'x.xlsx', '--json'], "Unknown option '--json'"],
    ['a missing file', ['template', '--team', 'Sales', '--from', 'no/such.xlsx', '-o', 'x.xlsx'], 'no/such.xlsx does not exist.'],
    ['a file that is not a workbook', ['template', '--team', 'Sales', '--from', 'test/fixtures/not-a-workbook.xlsx', '-o', 'x.xlsx'], 'is not an .xlsx workbook'],
    ['a team name that cannot name a sheet', ['template', '--team', '[]', '--from', EXAMPLE, '-o', 'x.xlsx'], '"[]" cannot be part of a sheet name'],
    ['an output folder that does not exist', ['template', '--team', 'Sales', '--from', EXAMPLE, '-o', 'no/such/folder/x.xlsx'], 'no/such/folder/x.xlsx could not be written: its folder does not exist. Nothing was written.'],
  ])('exit 2 for %s, with a message that says why', async (_what, argv, message) => {
    const run = await runChecker(argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain(message);
  });

  test('the help shows the template command', async () => {
    expect((await runChecker(['template', '--help'])).out).toContain('kpi-align template --team NAME --from FINANCE.xlsx');
    expect((await runChecker(['--help'])).out).toContain('--level LEVEL');
    expect((await runChecker(['chek'])).err).toContain('the commands are "check" and "template"');
  });
});

/** examples/team/: filled by openpyxl from the template, for the import tests. */
describe('the example team workbooks', () => {
  type Issue = { code: string; cell: string; workbook: string | null };
  const issuesOf = async (files: string[]): Promise<Issue[]> =>
    (JSON.parse((await runChecker(['check', ...files, ...AS_OF, '--json'])).out) as { issues: Issue[] }).issues;
  const key = (issue: Issue) => `${issue.code} ${issue.cell}`;

  test('are read as one table each; the lists sheet openpyxl kept is skipped', () => {
    for (const [file, sheet, rows] of [['team-marketing.xlsx', 'Team Marketing', 6], ['team-service.xlsx', 'Team Service', 5]] as const) {
      const tables = readWorkbook(readFileSync(join('examples/team', file)), file);
      expect(tables.map((table) => [table.sheet, table.rows.length])).toEqual([[sheet, rows]]);
    }
  });

  test('team-service.xlsx adds no issue to the scorecard', async () => {
    const alone = (await issuesOf([EXAMPLE])).map(key);
    expect((await issuesOf([EXAMPLE, 'examples/team/team-service.xlsx'])).map(key)).toEqual(alone);
  });

  test('team-marketing.xlsx brings exactly its two deliberate problems: a duplicate ID and an unknown parent', async () => {
    const alone = new Set((await issuesOf([EXAMPLE])).map(key));
    const withTeam = await issuesOf([EXAMPLE, 'examples/team/team-marketing.xlsx']);
    const added = withTeam.filter((issue) => !alone.has(key(issue)));
    expect(added.map((issue) => [issue.code, issue.cell, issue.workbook])).toEqual([
      ['duplicate-id', "'Department KPIs'!A11", EXAMPLE],
      ['duplicate-id', "'Team Marketing'!A6", 'examples/team/team-marketing.xlsx'],
      ['unknown-parent', "'Team Marketing'!D7", 'examples/team/team-marketing.xlsx'],
    ]);
  });
});
