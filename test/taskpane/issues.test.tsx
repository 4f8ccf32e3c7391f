/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import expectedIssues from '../../examples/expected-issues.json';
import { checkNow, openTab, renderPane } from './render';

async function openIssues() {
  const view = await renderPane();
  await checkNow();
  openTab(/^Issues/);
  return view;
}

describe('Issues', () => {
  test('every issue of the example, grouped by severity and then by rule', async () => {
    await openIssues();
    const errors = screen.getByRole('region', { name: 'Errors: 7' });
    const warnings = screen.getByRole('region', { name: 'Warnings: 7' });
    expect(screen.queryByRole('region', { name: /^Info/ })).toBeNull();

    const duplicate = within(errors).getByRole('group', { name: 'duplicate-id (2)' });
    expect(within(duplicate).getAllByRole('listitem')).toHaveLength(2);
    expect(within(warnings).getByRole('group', { name: 'stale-actual (1)' })).toBeTruthy();

    const shown = [...document.querySelectorAll('[data-issue-code]')].map((bar) => ({
      code: bar.getAttribute('data-issue-code'),
      cell: bar.getAttribute('data-issue-cell'),
    }));
    const expected = expectedIssues.map(({ code, cell }) => ({ code, cell }));
    const byCell = (a: { cell: string | null }, b: { cell: string | null }) => String(a.cell).localeCompare(String(b.cell));
    expect(shown.sort(byCell)).toEqual(expected.sort(byCell));
    // Errors come before warnings in the list.
    expect(errors.compareDocumentPosition(warnings) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('each message names the KPI and the value', async () => {
    await openIssues();
    const bar = document.querySelector('[data-issue-cell="\'Team Sales\'!J9"]') as HTMLElement;
    expect(bar.getAttribute('data-issue-code')).toBe('invalid-number');
    expect(bar.textContent).toContain('SAL-08');
    expect(bar.textContent).toContain('"TBD"');
  });

  test('the filter keeps the issues whose text, ID, rule or cell match every word', async () => {
    await openIssues();
    const filter = screen.getByRole('searchbox', { name: 'Filter issues' });
    // Three issues sit on Team Sales; the duplicate on Individual Goals names 'Team Sales'!A7 in its message.
    fireEvent.change(filter, { target: { value: 'team sales' } });
    expect(screen.getByText('4 of 14 issues match')).toBeTruthy();
    fireEvent.change(filter, { target: { value: 'SAL-08 tbd' } });
    expect(screen.getByText('1 of 14 issues match')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^Warnings/ })).toBeNull();
    fireEvent.change(filter, { target: { value: 'no such thing' } });
    expect(screen.getByText('0 of 14 issues match')).toBeTruthy();
    fireEvent.change(filter, { target: { value: '' } });
    expect(screen.getByText('14 issues')).toBeTruthy();
  });

  test('choosing an issue selects its cell on its sheet', async () => {
    const { workbook } = await openIssues();
    fireEvent.click(screen.getByRole('button', { name: "Select 'Team Sales'!J9: invalid-number on SAL-08" }));
    fireEvent.click(screen.getByRole('button', { name: 'Select Objectives!A6: weights-not-100 on P1' }));
    await screen.findByText('14 issues');
    expect(workbook.callsTo('selectCell').map((call) => call.args)).toEqual([
      ['Team Sales', 'J9'],
      ['Objectives', 'A6'],
    ]);
  });
});
