/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { checkTables } from '../../src/core';
import { percent } from '../../src/taskpane/format';
import { EXAMPLE_AS_OF, EXAMPLE_TABLES } from './fake-workbook';
import { checkNow, renderPane } from './render';

const expected = checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF });

describe('Summary', () => {
  test('before a check the pane says what to do', async () => {
    await renderPane();
    expect(screen.getByText(/Choose Check to check this workbook/)).toBeTruthy();
  });

  test('shows the org score, coverage, status counts and perspectives of the checked workbook', async () => {
    await renderPane();
    await checkNow();
    const org = screen.getByRole('group', { name: /^Org score/ });
    expect(org.textContent).toContain(percent(expected.summary.orgScore));
    expect(org.getAttribute('aria-label')).toContain(`as of ${EXAMPLE_AS_OF}`);
    const coverage = screen.getByRole('group', { name: /^Alignment coverage/ });
    expect(coverage.textContent).toContain(percent(expected.summary.coverage));
    expect(coverage.textContent).toContain(`${expected.summary.aligned} of ${expected.summary.kpis} KPIs aligned`);

    const statusList = screen.getByRole('region', { name: 'Status' });
    expect(within(statusList).getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      Object.entries(expected.summary.status).map(([status, n]) => `${status}${n}`),
    );
    const perspectives = Object.entries(expected.summary.byPerspective);
    expect(perspectives.length).toBe(4);
    for (const [name, score] of perspectives) {
      const bar = screen.getByRole('progressbar', { name: `${name}: ${percent(score)}` });
      expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(score ?? 0);
    }
    const tables = screen.getByRole('grid', { name: 'Tables read' });
    expect(within(tables).getAllByRole('row')).toHaveLength(1 + EXAMPLE_TABLES.length);
    expect(screen.getByText(/^Checked 8 objectives and \d+ KPIs in 5 tables as of 2026-09-30: 7 errors, 7 warnings, 0 info\.$/)).toBeTruthy();
  });

  test('percentages are written as people read them', () => {
    expect(percent(0.747)).toBe('74.7%');
    expect(percent(1)).toBe('100%');
    expect(percent(null)).toBe('—');
  });
});
