/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Issue, OwnerSummary } from '../../src/core';
import { ExcelActionError } from '../../src/excel/types';
import { FakeWorkbook } from './fake-workbook';
import { checkNow, clickButton, openTab, OUR_WORK, renderPane } from './render';

// A test here renders the whole pane and checks the example several times: on a loaded 2-core machine that
// takes longer than Jest's 30 s, and the bound is only there to stop a test that hangs.
jest.setTimeout(120_000);

const marksSwitch = () => screen.getByRole('switch', { name: 'Mark issues in cells' }) as HTMLInputElement;

describe('Mark issues in cells', () => {
  test('off at first; on marks the issue cells after every check; off clears them', async () => {
    const { workbook } = await renderPane();
    await checkNow();
    openTab(/^Issues/);
    expect(marksSwitch().checked).toBe(false);
    expect(workbook.callsTo('markIssueCells')).toHaveLength(0);

    fireEvent.click(marksSwitch());
    await waitFor(() => expect(workbook.callsTo('markIssueCells')).toHaveLength(1), OUR_WORK);
    expect((workbook.callsTo('markIssueCells')[0].args[0] as Issue[]).length).toBe(14);
    expect(workbook.marked).toContain("'Team Sales'!J9");
    await waitFor(() => expect(marksSwitch().checked).toBe(true), OUR_WORK);

    // A change in the workbook re-checks by itself, and the marks follow.
    workbook.changeCells();
    await waitFor(() => expect(workbook.callsTo('markIssueCells')).toHaveLength(2), OUR_WORK);

    fireEvent.click(marksSwitch());
    await waitFor(() => expect(workbook.callsTo('clearIssueMarks')).toHaveLength(1), OUR_WORK);
    expect(workbook.marked).toEqual([]);
    await waitFor(() => expect(marksSwitch().checked).toBe(false), OUR_WORK);
    await checkNow();
    expect(workbook.callsTo('markIssueCells')).toHaveLength(2);
  });

  test('switched on before a check, the first check marks', async () => {
    const { workbook } = await renderPane();
    openTab(/^Issues/);
    fireEvent.click(marksSwitch());
    await waitFor(() => expect(marksSwitch().checked).toBe(true), OUR_WORK);
    expect(workbook.callsTo('markIssueCells')).toHaveLength(0);
    await checkNow();
    await waitFor(() => expect(workbook.callsTo('markIssueCells')).toHaveLength(1), OUR_WORK);
  });

  test('a failure to mark says so and leaves the switch off', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.markIssueCells = async () => {
      throw new ExcelActionError('The sheet "Team Sales" is protected. Unprotect it (Review > Unprotect Sheet) and try again.', 'protected');
    };
    await renderPane(workbook);
    await checkNow();
    openTab(/^Issues/);
    fireEvent.click(marksSwitch());
    expect(await screen.findByText('Could not mark the issues in the cells', {}, OUR_WORK)).toBeTruthy();
    expect(marksSwitch().checked).toBe(false);
  });

  test('without the capability the switch is disabled and says why', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, markIssues: { available: false, reason: 'Marking cells needs ExcelApi 1.6.' } };
    await renderPane(workbook);
    openTab(/^Issues/);
    expect(marksSwitch().disabled).toBe(true);
    expect(screen.getByText('Marking cells needs ExcelApi 1.6.')).toBeTruthy();
  });
});

describe('Owners', () => {
  const rows = () => screen.getAllByRole('row').slice(1);
  const rowIds = () => rows().map((row) => row.getAttribute('data-kpi'));

  const ownerList = () => screen.getByRole('combobox', { name: 'Owner' }) as HTMLSelectElement;
  function chooseOwner(name: RegExp) {
    const option = screen.getAllByRole('option').find((candidate) => name.test(candidate.textContent ?? '')) as HTMLOptionElement;
    fireEvent.change(ownerList(), { target: { value: option.value } });
  }

  test("lists an owner's KPIs with status, score and contribution; another owner shows only theirs", async () => {
    await renderPane();
    await checkNow();
    openTab('Owners');
    // Owners by name, "(no owner)" last; the first is shown.
    const options = screen.getAllByRole('option').map((option) => option.textContent);
    expect(options[0]).toMatch(/^Aisha Bello \(\d+ KPIs?, \d+ behind\)$/);
    expect(options.at(-1)).toMatch(/^\(no owner\) /);
    expect(ownerList().value).toBe('Aisha Bello');
    chooseOwner(/^Hannah Price /);
    expect(screen.getByRole('table', { name: 'KPIs of Hannah Price' })).toBeTruthy();
    expect(rowIds().length).toBeGreaterThan(0);
    expect(rowIds().every((id) => id?.startsWith('SAL-'))).toBe(true);
    const first = rows()[0];
    expect(within(first).getByText(/^(Achieved|On track|At risk|Off track|No data)$/)).toBeTruthy();
    expect(within(first).getAllByText(/%$|^—$/).length).toBeGreaterThanOrEqual(2);

    chooseOwner(/^\(no owner\) /);
    expect(rowIds().every((id) => id?.startsWith('OPS-'))).toBe(true);
  });

  test('a KPI behind shows the actual it needs, or why there is none', async () => {
    await renderPane();
    await checkNow();
    openTab('Owners');
    chooseOwner(/[1-9]\d* behind\)$/);
    const behindRows = rows().filter((row) => /At risk|Off track/.test(row.textContent ?? ''));
    expect(behindRows.length).toBeGreaterThan(0);
    for (const row of behindRows) expect(row.lastElementChild?.textContent).toMatch(/^(-?[\d,.]+|n\/a)$/);
  });

  test('choosing a KPI selects its cell', async () => {
    const { workbook } = await renderPane();
    await checkNow();
    openTab('Owners');
    chooseOwner(/^Hannah Price /);
    const button = within(rows()[0]).getByRole('button');
    expect(button.getAttribute('aria-label')).toMatch(/^Select 'Team Sales'!A\d+: SAL-/);
    fireEvent.click(button);
    await waitFor(() => expect(workbook.callsTo('selectCell')).toHaveLength(1), OUR_WORK);
    const [sheet, address] = workbook.callsTo('selectCell')[0].args as string[];
    expect(sheet).toBe('Team Sales');
    expect(address).toMatch(/^A\d+$/);
  });

  test('Owner report writes every owner with the chosen layout and the as-of date', async () => {
    const { workbook } = await renderPane();
    await checkNow();
    openTab('Owners');
    fireEvent.click(screen.getByRole('radio', { name: 'One sheet, grouped by owner' }));
    clickButton('Owner report');
    expect(await screen.findByText('Owner report written', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText('Wrote 1 sheet: Owner Report.')).toBeTruthy();
    const [owners, layout, asOf] = workbook.callsTo('writeOwnerReport')[0].args as [OwnerSummary[], string, string];
    expect(layout).toBe('one-sheet');
    expect(asOf).toBe('2026-09-30');
    expect(owners.at(-1)?.owner).toBe('(no owner)');
    expect(owners.reduce((sum, owner) => sum + owner.kpis.length, 0)).toBe(59);

    fireEvent.click(screen.getByRole('radio', { name: 'One sheet per owner' }));
    clickButton('Owner report');
    await waitFor(() => expect(workbook.callsTo('writeOwnerReport')).toHaveLength(2), OUR_WORK);
    expect(workbook.callsTo('writeOwnerReport')[1].args[1]).toBe('sheet-per-owner');
  });

  test('without the capability the report button is disabled and says why', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, ownerReport: { available: false, reason: 'The owner report needs ExcelApi 1.7.' } };
    await renderPane(workbook);
    await checkNow();
    openTab('Owners');
    const button = screen.getByRole('button', { name: 'Owner report' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('The owner report needs ExcelApi 1.7.')).toBeTruthy();
    fireEvent.click(button);
    expect(workbook.callsTo('writeOwnerReport')).toHaveLength(0);
  });
});
