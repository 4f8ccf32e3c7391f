/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkTables, type ChoiceList, type SourceTable, type TeamLevel, type TeamSheetPlan } from '../../src/core';
import { ExcelActionError } from '../../src/excel/types';
import { EXAMPLE_AS_OF, EXAMPLE_TABLES, FakeWorkbook } from './fake-workbook';
import { checkNow, clickButton, dialogClosed, openDialog as openDialogWith, OUR_WORK, renderPane } from './render';

// A test here renders the whole pane and checks the example several times: on a loaded 2-core machine that
// takes longer than Jest's 30 s, and the bound is only there to stop a test that hangs.
jest.setTimeout(120_000);

const report = checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF });
const levelOf = (id: string) => report.nodes.find((node) => node.id === id)?.level;

const openDialog = () => openDialogWith('New team sheet', 'New team sheet');

function typeName(dialog: HTMLElement, name: string) {
  fireEvent.change(within(dialog).getByRole('textbox', { name: /Team name/ }), { target: { value: name } });
}

function chooseLevel(dialog: HTMLElement, level: string) {
  fireEvent.change(within(dialog).getByRole('combobox', { name: 'Level' }), { target: { value: level } });
}

describe('New team sheet', () => {
  test('asks for a name: an empty one is refused in the dialog, and nothing is created', async () => {
    const { workbook } = await renderPane();
    const dialog = await openDialog();
    expect((within(dialog).getByRole('combobox', { name: 'Level' }) as HTMLSelectElement).value).toBe('Team');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create sheet' }));
    expect(await within(dialog).findByText('Give the team a name, such as "Sales".', {}, OUR_WORK)).toBeTruthy();
    expect(workbook.callsTo('createTeamSheet')).toHaveLength(0);
    expect(screen.getByRole('dialog', { name: 'New team sheet' })).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await dialogClosed();
  });

  test('creates the sheet for the chosen level, with the Parent choices of that level, and selects its first cell', async () => {
    const { workbook } = await renderPane();
    const dialog = await openDialog();
    typeName(dialog, '  Marketing ');
    chooseLevel(dialog, 'Department');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create sheet' }));

    expect(await screen.findByText('Team sheet created', {}, OUR_WORK)).toBeTruthy();
    await dialogClosed();
    const [{ args }] = workbook.callsTo('createTeamSheet');
    const plan = args[0] as TeamSheetPlan;
    expect(plan).toMatchObject({ team: 'Marketing', level: 'Department', sheet: 'Department Marketing', table: 'DepartmentMarketing' });
    const parents = plan.lists.find((list) => list.heading === 'Parent choices (Department)') as ChoiceList;
    // A Department KPI aligns to objectives (and Organization KPIs), never to another Department's.
    expect(parents.values).toContain('F1');
    expect(parents.values.every((id) => levelOf(id) !== 'Department' && levelOf(id) !== 'Team')).toBe(true);
    expect(workbook.callsTo('selectCell').map((call) => call.args)).toEqual([['Department Marketing', 'A2']]);
    expect(screen.getByText(new RegExp(`^The sheet "Department Marketing" holds the table DepartmentMarketing; its Parent dropdown offers ${parents.values.length} IDs`))).toBeTruthy();
    // The pane checked the workbook with the new sheet, and the lists keep the level their heading records.
    expect(workbook.callsTo('readCascade').length).toBeGreaterThanOrEqual(2);
    expect(workbook.callsTo('refreshChoiceLists').length).toBeGreaterThanOrEqual(1);
    expect(workbook.lists?.[0].heading).toBe('Parent choices (Department)');
    expect(workbook.lists?.[0].values).toEqual(parents.values);
    expect(screen.getByText(/^Checked 8 objectives and 59 KPIs in 6 tables/)).toBeTruthy();
  });

  test('a name already taken gets a new sheet name, not a clash', async () => {
    const { workbook } = await renderPane();
    const dialog = await openDialog();
    typeName(dialog, 'Sales');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create sheet' }));
    await screen.findByText('Team sheet created', {}, OUR_WORK);
    expect((workbook.callsTo('createTeamSheet')[0].args[0] as TeamSheetPlan).sheet).toBe('Team Sales (2)');
    expect(workbook.callsTo('listNames')).toHaveLength(1);
  });

  test("a failure closes the dialog and shows the adapter's message", async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.createTeamSheet = async () => {
      throw new ExcelActionError('The workbook is protected. Unprotect it (Review > Protect Workbook) and try again.', 'protected');
    };
    await renderPane(workbook);
    const dialog = await openDialog();
    typeName(dialog, 'Finance');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create sheet' }));
    expect(await screen.findByText('Could not create the team sheet', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText(/The workbook is protected\./)).toBeTruthy();
    await dialogClosed();
    expect(workbook.callsTo('selectCell')).toHaveLength(0);
  });

  test('every check refreshes the Parent choices; a workbook without a lists sheet is left alone', async () => {
    const { workbook } = await renderPane();
    await checkNow();
    const [first] = workbook.callsTo('refreshChoiceLists');
    // The pane hands over the lists of whichever level the workbook's Parent list was made for.
    const lists = (first.args[0] as (level: TeamLevel) => ChoiceList[])('Team');
    expect((first.args[0] as (level: TeamLevel) => ChoiceList[])('Department')[0].heading).toBe('Parent choices (Department)');
    expect(lists[0].heading).toBe('Parent choices (Team)');
    expect(lists.map((list) => list.heading)).toEqual(['Parent choices (Team)', 'Level choices', 'Direction choices', 'Rollup choices', 'Frequency choices']);
    expect(workbook.lists).toBeNull();

    // Once the workbook has a lists sheet, a change to the cascade reaches the dropdown.
    workbook.lists = [];
    workbook.tables = [
      ...EXAMPLE_TABLES,
      { sheet: 'Objectives 2', table: 'MoreObjectives', origin: 'A1', header: ['ID', 'Objective', 'Perspective', 'Weight'], rows: [['F9', 'New market', 'Customer', 0]] },
    ] as SourceTable[];
    clickButton('Check');
    await waitFor(() => expect(workbook.lists?.[0]?.values).toContain('F9'), OUR_WORK);
  });

  test('a failure to refresh the lists is said, and the check still shows', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.refreshChoiceLists = async () => {
      throw new ExcelActionError('The sheet "KPI Align Lists" is protected. Unprotect it and try again.', 'protected');
    };
    await renderPane(workbook);
    await checkNow();
    expect(screen.getByText('Could not refresh the dropdown choices')).toBeTruthy();
  });

  test('without the capability the button is disabled and says why', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, teamSheet: { available: false, reason: 'New team sheet needs Excel 2019 or later (ExcelApi 1.8).' } };
    await renderPane(workbook);
    const button = screen.getByRole('button', { name: 'New team sheet' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('New team sheet needs Excel 2019 or later (ExcelApi 1.8).')).toBeTruthy();
    fireEvent.click(button);
    expect(screen.queryByRole('dialog')).toBeNull();
    await act(() => Promise.resolve());
    expect(workbook.callsTo('refreshChoiceLists')).toHaveLength(0);
  });
});
