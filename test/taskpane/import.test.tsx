/** @jest-environment jsdom */
import './browser-apis';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import type { ImportPlan } from '../../src/core';
import { ExcelActionError, type PreparedImport } from '../../src/excel/types';
import { readWorkbook } from '../../src/xlsx';
import { FakeWorkbook } from './fake-workbook';
import { dialogClosed, openDialog as openDialogWith, OUR_WORK, renderPane } from './render';

// A test here renders the whole pane and checks the example several times: on a loaded 2-core machine that
// takes longer than Jest's 30 s, and the bound is only there to stop a test that hangs.
jest.setTimeout(120_000);

const TEAM = join(__dirname, '..', '..', 'examples', 'team');
const teamFile = (name: string) => new File([readFileSync(join(TEAM, name))], name);

const openDialog = () => openDialogWith('Import team workbooks', 'Import team workbooks');

function choose(dialog: HTMLElement, files: File[]) {
  fireEvent.change(within(dialog).getByLabelText('Team workbooks (.xlsx)'), { target: { files } });
}

const importButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: 'Import' });

describe('Import team workbooks', () => {
  test('shows what would come in before anything changes, then imports it and checks again', async () => {
    const workbook = new FakeWorkbook();
    workbook.importedTables['team-service.xlsx'] = readWorkbook(new Uint8Array(readFileSync(join(TEAM, 'team-service.xlsx'))), 'team-service.xlsx')
      .map((table) => ({ ...table, workbook: undefined }));
    await renderPane(workbook);
    const dialog = await openDialog();
    expect(importButton(dialog).getAttribute('aria-disabled')).toBe('true');
    choose(dialog, [teamFile('team-service.xlsx')]);

    const plan = await within(dialog).findByRole('region', { name: 'What would come in' }, OUR_WORK);
    expect(within(plan).getByText('team-service.xlsx')).toBeTruthy();
    expect(within(plan).getByText('Sheet "Team Service"')).toBeTruthy();
    expect(within(plan).getByText('Table TeamService: 5 rows')).toBeTruthy();
    expect(within(dialog).getByRole('region', { name: 'Info: 1' })).toBeTruthy();
    expect(within(dialog).queryByRole('region', { name: /^Errors/ })).toBeNull();
    // Nothing has changed yet.
    expect(workbook.callsTo('importSheets')).toHaveLength(0);

    expect(importButton(dialog).getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(importButton(dialog));
    expect(await screen.findByText('Team workbooks imported', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText('Inserted 1 sheet: Team Service. The workbook has been checked again with them.')).toBeTruthy();
    const [prepared, passedPlan] = workbook.callsTo('importSheets')[0].args as [PreparedImport[], ImportPlan];
    expect(prepared).toHaveLength(1);
    expect(prepared[0]).toMatchObject({ file: 'team-service.xlsx', sheets: ['Team Service'] });
    expect(prepared[0].base64).toMatch(/^UEsDB/); // a zip, as base64
    expect(passedPlan.canImport).toBe(true);
    // The report now holds the team's KPIs.
    expect(screen.getByText(/^Checked 8 objectives and 64 KPIs in 6 tables/)).toBeTruthy();
    await dialogClosed();
  });

  test('a duplicate ID is an error: it is shown with the others, by severity, and Import stays disabled', async () => {
    const { workbook } = await renderPane();
    const dialog = await openDialog();
    choose(dialog, [teamFile('team-marketing.xlsx')]);
    const errors = await within(dialog).findByRole('region', { name: 'Errors (these stop the import): 1' }, OUR_WORK);
    expect(within(errors).getByText(/'Team Marketing'!A6: ID "MKT-04" is already used in this workbook's 'Department KPIs'!A11/)).toBeTruthy();
    expect(within(dialog).getByRole('region', { name: 'Warnings: 1' }).textContent).toMatch(/Parent "MKT-05" of KPI MKT-15/);
    expect(within(dialog).getByText('Table TeamMarketing: 6 rows')).toBeTruthy();
    expect(importButton(dialog).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(importButton(dialog));
    expect(workbook.callsTo('importSheets')).toHaveLength(0);
    expect(screen.getByRole('dialog', { name: 'Import team workbooks' })).toBeTruthy();
  });

  test('a file that is not a workbook is an error entry, never a crash', async () => {
    const { workbook } = await renderPane();
    const dialog = await openDialog();
    choose(dialog, [new File(['these are not the bytes of a workbook'], 'notes.xlsx'), teamFile('team-service.xlsx')]);
    const errors = await within(dialog).findByRole('region', { name: /^Errors/ }, OUR_WORK);
    expect(within(errors).getByText(/^notes\.xlsx .*Take it off the list/)).toBeTruthy();
    expect(within(dialog).getByText('Table TeamService: 5 rows')).toBeTruthy();
    expect(importButton(dialog).getAttribute('aria-disabled')).toBe('true');
    expect(workbook.callsTo('importSheets')).toHaveLength(0);
  });

  test("a failure to insert shows the adapter's message", async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.importSheets = async () => {
      throw new ExcelActionError('This version of Excel cannot insert sheets from another workbook (ExcelApi 1.13).', 'unsupported');
    };
    await renderPane(workbook);
    const dialog = await openDialog();
    choose(dialog, [teamFile('team-service.xlsx')]);
    await within(dialog).findByRole('region', { name: 'What would come in' }, OUR_WORK);
    fireEvent.click(importButton(dialog));
    expect(await screen.findByText('Could not import the team workbooks', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText(/cannot insert sheets from another workbook/)).toBeTruthy();
  });

  test('without the capability the button is disabled and says why', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, importSheets: { available: false, reason: 'Importing needs Excel for Microsoft 365 (ExcelApi 1.13).' } };
    await renderPane(workbook);
    expect(screen.getByRole('button', { name: 'Import team workbooks' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Importing needs Excel for Microsoft 365 (ExcelApi 1.13).')).toBeTruthy();
  });
});
