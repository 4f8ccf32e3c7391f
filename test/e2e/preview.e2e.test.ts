/**
 * End to end in headless Chromium: the built browser preview (dist-web/preview.html), the task pane
 * beside a grid of the in-memory workbook holding the example scorecard. Check, see the example's
 * known issues, go to one, write the results and find the engine's values in the grid, remove them
 * and find the workbook as it was, edit a cell and see the pane re-check by itself.
 *
 * Runs when Chromium is installed (/usr/bin/chromium, or CHROMIUM=/path). Without it the tests are
 * skipped with a note, except on CI (CI set), where that is a failure: CI installs Chromium.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import example from '../../examples/scorecard.json';
import expectedIssues from '../../examples/expected-issues.json';
import { checkTables, COMPUTED_HEADERS, sheetReference, type NodeReport, type SourceTable } from '../../src/core';
import { describeInChromium, openPreview, root, type PreviewPage } from './preview-harness';

const SCREENSHOTS = join(root, 'test-output');
const report = checkTables(example.tables as SourceTable[], { asOf: example.asOf });
const SHEETS = example.tables.map((table) => table.sheet);

describeInChromium('the browser preview, end to end', () => {
  let preview: PreviewPage;
  let page: Page;
  let before: Record<string, Record<string, string>>;

  beforeAll(async () => {
    preview = await openPreview();
    page = preview.page;
    await page.getByRole('button', { name: 'Check' }).waitFor();
    before = await allSheets(page);
  }, 180_000);

  afterAll(async () => {
    await preview?.close();
  });

  afterEach(() => expect(preview.pageErrors).toEqual([]));

  test('the grid shows the example workbook, each cell with its address', async () => {
    expect(Object.keys(before)).toEqual(SHEETS);
    expect(before.Objectives['Objectives!A2']).toBe('F1');
    expect(before['Team Sales']["'Team Sales'!J9"]).toBe('TBD');
    expect(before['Team Sales']["'Team Sales'!O11"]).toBe('2026-06-30');
  });

  test('Check shows the example\'s known issues', async () => {
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('Checked 8 objectives and 59 KPIs in 5 tables as of 2026-09-30: 7 errors, 7 warnings, 0 info.').waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator('[data-pane]').screenshot({ path: join(SCREENSHOTS, 'taskpane-after-check.png') });

    await page.getByRole('tab', { name: /^Issues/ }).click();
    const shown = await page.locator('[data-issue-code]').evaluateAll((bars) =>
      bars.map((bar) => ({ code: bar.getAttribute('data-issue-code'), cell: bar.getAttribute('data-issue-cell') })),
    );
    const byCell = (a: { cell: string | null }, b: { cell: string | null }) => String(a.cell).localeCompare(String(b.cell));
    expect(shown.sort(byCell)).toEqual(expectedIssues.map(({ code, cell }) => ({ code, cell })).sort(byCell));
    expect(shown.filter((issue) => issue.code === 'duplicate-id')).toHaveLength(2);
    await page.locator('[data-pane]').screenshot({ path: join(SCREENSHOTS, 'taskpane-issues.png') });
  });

  test('choosing an issue activates its sheet and selects its cell in the grid', async () => {
    await page.getByRole('button', { name: "Select 'Team Sales'!J9: invalid-number on SAL-08" }).click();
    await page.locator('table[data-sheet="Team Sales"]').waitFor();
    await expect(selectedCells(page)).resolves.toEqual(["'Team Sales'!J9"]);
    expect(await page.getByRole('tab', { name: 'Team Sales', selected: true }).count()).toBe(1);

    await page.getByRole('button', { name: "Select 'Individual Goals'!D13: unknown-parent on IND-11" }).click();
    await page.locator('table[data-sheet="Individual Goals"]').waitFor();
    await expect(selectedCells(page)).resolves.toEqual(["'Individual Goals'!D13"]);
  });

  test('choosing a node in the cascade selects its row', async () => {
    await page.getByRole('tab', { name: 'Cascade' }).click();
    await page.getByRole('treeitem', { name: /^Objective F2 / }).click();
    await page.locator('table[data-sheet="Objectives"]').waitFor();
    await expect(selectedCells(page)).resolves.toEqual('ABCDEFGHIJ'.split('').map((column) => `Objectives!${column}3`));
  });

  test('Write results adds the computed columns with the engine\'s values, formatted', async () => {
    await page.getByRole('button', { name: 'Write results' }).click();
    await page.getByText('Results written').waitFor();
    const after = await allSheets(page);
    for (const source of example.tables) {
      const cells = after[source.sheet];
      const prefix = `${sheetReference(source.sheet)}!`;
      const first = source.header.length + 1;
      const headers = COMPUTED_HEADERS.map((_, index) => cells[`${prefix}${column(first + index)}1`]);
      expect(headers).toEqual([...COMPUTED_HEADERS]);
      const values = await cellValues(page, source.sheet);
      for (const node of report.nodes.filter((candidate) => candidate.sheet === source.sheet)) {
        const row = (header: string) => values[`${prefix}${column(first + COMPUTED_HEADERS.indexOf(header as never))}${node.row}`];
        expect({ id: node.id, ...written(row) }).toEqual({ id: node.id, ...expectedColumns(node) });
      }
      // Your own columns are untouched.
      for (const [address, text] of Object.entries(before[source.sheet])) expect([address, cells[address]]).toEqual([address, text]);
    }
    // Ratios are shown as percentages, and the Status column is coloured by its rule.
    await page.getByRole('tab', { name: 'Objectives' }).click();
    const f1 = report.nodes.find((node) => node.id === 'F1') as NodeReport;
    expect(await page.locator('td[data-address="Objectives!L2"]').textContent()).toBe(`${((f1.score as number) * 100).toFixed(2)}%`);
    const status = page.locator('td[data-address="Objectives!N2"]');
    expect(await status.textContent()).toBe(f1.status);
    expect(await status.evaluate((cell) => (cell as HTMLElement).style.backgroundColor)).not.toBe('');
  });

  test('Remove results leaves the workbook as it was', async () => {
    await page.getByRole('button', { name: 'Remove results' }).click();
    await page.getByText('Results removed').waitFor();
    expect(await allSheets(page)).toEqual(before);
  });

  test('editing a cascade table re-checks by itself', async () => {
    await page.getByRole('tab', { name: 'Team Sales' }).click();
    await page.locator('td[data-address="\'Team Sales\'!J9"]').dblclick();
    await page.getByRole('textbox', { name: "Edit 'Team Sales'!J9" }).fill('2.6');
    await page.keyboard.press('Enter');
    await page.getByText(/: 6 errors, 7 warnings, 0 info\.$/).waitFor();
    expect(await page.locator('[data-issue-code="invalid-number"]').count()).toBe(0);
  });
});



function column(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** What the grid shows on every sheet: the text of each non-empty cell by its address. */
async function allSheets(page: Page): Promise<Record<string, Record<string, string>>> {
  const sheets: Record<string, Record<string, string>> = {};
  for (const sheet of SHEETS) {
    await page.getByRole('tab', { name: sheet, exact: true }).click();
    await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
    sheets[sheet] = await page.locator('td[data-address]').evaluateAll((cells) =>
      Object.fromEntries(cells.filter((cell) => cell.textContent !== '').map((cell) => [cell.getAttribute('data-address'), cell.textContent])),
    );
  }
  return sheets;
}

/** The raw values of one sheet's cells (`data-value`), by address. */
async function cellValues(page: Page, sheet: string): Promise<Record<string, string | undefined>> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.locator(`table[data-sheet="${sheet}"]`).waitFor();
  return page.locator('td[data-address]').evaluateAll((cells) =>
    Object.fromEntries(cells.map((cell) => [cell.getAttribute('data-address'), cell.getAttribute('data-value') ?? undefined])),
  );
}

function selectedCells(page: Page): Promise<string[]> {
  return page.locator('td[aria-selected="true"]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-address') as string));
}

const asNumber = (value: string | undefined) => (value === undefined || value === '' ? null : Number(value));

function written(cell: (header: string) => string | undefined) {
  return {
    progress: asNumber(cell('Progress')),
    score: asNumber(cell('Score')),
    expected: asNumber(cell('Expected')),
    status: cell('Status'),
    contribution: asNumber(cell('Contribution')),
    aligned: cell('Aligned'),
    path: cell('Path'),
    issues: cell('Issues'),
  };
}

function expectedColumns(node: NodeReport) {
  return {
    progress: node.progress,
    score: node.score,
    expected: node.expected,
    status: node.status,
    contribution: node.contribution,
    aligned: String(node.aligned),
    path: node.path,
    issues: node.issues.length > 0 ? node.issues.join('; ') : undefined,
  };
}
