/**
 * The managers' round trip end to end in headless Chromium, in the built browser preview: a new team
 * sheet (its table in the grid, its Parent dropdown fed by the hidden lists sheet), importing team
 * workbooks (the plan first, then the sheets in the grid and the issues updated; a duplicate ID
 * refused), marking the issue cells, and the owners view with its report. Saves the guides'
 * screenshots (test-output/images; docs/images with UPDATE_DOC_IMAGES=1).
 *
 * Runs when Chromium is installed (/usr/bin/chromium, or CHROMIUM=/path), like preview.e2e.test.ts.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import example from '../../examples/scorecard.json';
import { checkTables, LIST_NAMES, LISTS_SHEET, parentChoices, type SourceTable } from '../../src/core';
import type { WorkbookSnapshot } from '../../src/preview/excel-model';
import { describeInChromium, openPreview, root, type PreviewPage } from './preview-harness';

/**
 * The guides' screenshots: written to test-output/ on every run, and into docs/images only when
 * asked (UPDATE_DOC_IMAGES=1 npx jest test/e2e/round-trip), so that a test run leaves the tree clean.
 */
const IMAGES = process.env.UPDATE_DOC_IMAGES ? join(root, 'docs', 'images') : join(root, 'test-output', 'images');
const TEAM = join(root, 'examples', 'team');
const report = checkTables(example.tables as SourceTable[], { asOf: example.asOf });

describeInChromium("the managers' round trip in the browser preview", () => {
  let preview: PreviewPage;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(IMAGES, { recursive: true });
    preview = await openPreview();
    page = preview.page;
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText(/^Checked 8 objectives and 59 KPIs/).waitFor();
  }, 180_000);

  afterAll(async () => {
    await preview?.close();
  });

  afterEach(() => expect(preview.pageErrors).toEqual([]));

  test('New team sheet creates the sheet, its table and a Parent dropdown with the IDs above the level', async () => {
    await page.getByRole('button', { name: 'New team sheet' }).click();
    const dialog = page.getByRole('dialog', { name: 'New team sheet' });
    await dialog.getByRole('textbox', { name: /Team name/ }).fill('Customer Success');
    await dialog.getByRole('combobox', { name: 'Level' }).selectOption('Team');
    await dialog.screenshot({ path: join(IMAGES, 'new-team-sheet-dialog.png') });
    await dialog.getByRole('button', { name: 'Create sheet' }).click();
    await page.getByText('Team sheet created').waitFor();
    await dialog.waitFor({ state: 'detached' });

    // The new sheet is active in the grid, with its header and the first cell to fill selected.
    await page.locator('table[data-sheet="Team Customer Success"]').waitFor();
    await page.getByRole('tab', { name: 'Team Customer Success', selected: true }).waitFor();
    expect(await page.locator('td[data-address="\'Team Customer Success\'!A1"]').textContent()).toBe('ID');
    expect(await page.locator('td[data-address="\'Team Customer Success\'!D1"]').textContent()).toBe('Parent');
    expect(await page.locator('td[aria-selected="true"]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-address'))))
      .toEqual(["'Team Customer Success'!A2"]);

    // The Parent column's dropdown offers the hidden lists sheet's column, which holds the IDs a Team KPI may align to.
    const snapshot = await workbookSnapshot(page);
    const sheet = snapshot.sheets.find((candidate) => candidate.name === 'Team Customer Success');
    const parentRule = sheet?.validations.D2 as unknown as { type: string; rule?: { list?: { source?: string } } };
    expect(parentRule.type).toBe('List');
    expect(JSON.stringify(parentRule)).toContain(LIST_NAMES.parent);
    const lists = snapshot.sheets.find((candidate) => candidate.name === LISTS_SHEET);
    expect(lists?.visibility).not.toBe('Visible');
    const expected = parentChoices(report, 'Team');
    const shown = Object.entries(lists?.cells ?? {})
      .filter(([address]) => /^A\d+$/.test(address) && address !== 'A1')
      .sort(([a], [b]) => Number(a.slice(1)) - Number(b.slice(1)))
      .map(([, cell]) => String(cell.value));
    expect(shown).toEqual(expected);
    expect(lists?.cells.A1.value).toBe('Parent choices (Team)');
    await page.screenshot({ path: join(IMAGES, 'new-team-sheet.png') });
  });

  test('Import shows the plan first, then inserts the sheet and the issues update', async () => {
    await page.getByRole('button', { name: 'Import team workbooks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import team workbooks' });
    await dialog.getByLabel('Team workbooks (.xlsx)').setInputFiles(join(TEAM, 'team-service.xlsx'));
    await dialog.getByText('Table TeamService: 5 rows').waitFor();
    expect(await dialog.getByRole('button', { name: 'Import' }).getAttribute('aria-disabled')).toBeNull();
    expect(await page.getByRole('tab', { name: 'Team Service' }).count()).toBe(0);
    await dialog.screenshot({ path: join(IMAGES, 'import-preview.png') });

    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Team workbooks imported').waitFor();
    await page.getByText(/^Checked 8 objectives and 64 KPIs in 7 tables/).waitFor();
    await page.getByRole('tab', { name: 'Team Service', exact: true }).click();
    await page.locator('table[data-sheet="Team Service"]').waitFor();
    expect(await page.locator('td[data-address="\'Team Service\'!A1"]').textContent()).toBe('ID');
  });

  test('a team workbook reusing an ID is refused before anything changes', async () => {
    const before = (await workbookSnapshot(page)).sheets.map((sheet) => sheet.name);
    await page.getByRole('button', { name: 'Import team workbooks' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import team workbooks' });
    await dialog.getByLabel('Team workbooks (.xlsx)').setInputFiles(join(TEAM, 'team-marketing.xlsx'));
    const errors = dialog.getByRole('region', { name: /^Errors \(these stop the import\): 1$/ });
    await errors.waitFor();
    expect(await errors.textContent()).toMatch(/ID "MKT-04" is already used in this workbook's 'Department KPIs'!A11/);
    expect(await dialog.getByRole('button', { name: 'Import' }).getAttribute('aria-disabled')).toBe('true');
    await dialog.screenshot({ path: join(IMAGES, 'import-errors.png') });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await workbookSnapshot(page)).sheets.map((sheet) => sheet.name)).toEqual(before);
  });

  test('Mark issues in cells colours the issue cells, and switching it off takes the marks away', async () => {
    await page.getByRole('tab', { name: /^Issues/ }).click();
    const marks = page.getByRole('switch', { name: 'Mark issues in cells' });
    await marks.click();
    await poll(async () => (await workbookSnapshot(page)).conditionalFormats.length > 0);
    await page.getByRole('tab', { name: 'Team Sales', exact: true }).click();
    const j9 = page.locator('td[data-address="\'Team Sales\'!J9"]');
    await poll(async () => (await j9.evaluate((cell) => (cell as HTMLElement).style.backgroundColor)) !== '');
    await page.screenshot({ path: join(IMAGES, 'issue-marks.png') });
    await marks.click();
    await poll(async () => (await j9.evaluate((cell) => (cell as HTMLElement).style.backgroundColor)) === '');
  });

  test("the Owners view lists an owner's KPIs, selects one's cell, and writes the owner report", async () => {
    await page.getByRole('tab', { name: 'Owners' }).click();
    const owner = page.getByRole('combobox', { name: 'Owner' });
    await owner.selectOption('Hannah Price');
    const table = page.getByRole('table', { name: 'KPIs of Hannah Price' });
    await table.waitFor();
    const ids = await table.locator('[data-kpi]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kpi')));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => id?.startsWith('SAL-'))).toBe(true);
    await pane(page).screenshot({ path: join(IMAGES, 'owners-view.png') });

    await table.getByRole('button').first().click();
    await page.locator('table[data-sheet="Team Sales"]').waitFor();
    expect(await page.locator('td[aria-selected="true"]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-address'))))
      .toEqual([expect.stringMatching(/^'Team Sales'!A\d+$/)]);

    const before = (await workbookSnapshot(page)).sheets.map((sheet) => sheet.name);
    await page.getByRole('radio', { name: 'One sheet, grouped by owner' }).check();
    await page.getByRole('button', { name: 'Owner report' }).click();
    await page.getByText('Owner report written').waitFor();
    const added = (await workbookSnapshot(page)).sheets.map((sheet) => sheet.name).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    const [reportSheet] = added;
    expect(await page.getByText(`Wrote 1 sheet: ${reportSheet}.`).count()).toBe(1);
    await page.getByRole('tab', { name: reportSheet, exact: true }).click();
    await page.locator(`table[data-sheet="${reportSheet}"]`).waitFor();
    expect(await page.locator('td[data-address]').evaluateAll((cells) => cells.some((cell) => cell.textContent === 'Aisha Bello'))).toBe(true);
    await page.screenshot({ path: join(IMAGES, 'owner-report.png') });
  });
});

/** Waits until `condition` holds (the grid redraws after the model changes), failing after `timeout` ms. */
async function poll(condition: () => Promise<boolean>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`Still not so after ${timeout} ms: ${condition.toString()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function pane(page: Page): Locator {
  return page.locator('[data-pane]');
}

function workbookSnapshot(page: Page): Promise<WorkbookSnapshot> {
  return page.evaluate(() => (window as unknown as { kpiAlignPreview: { snapshot(): WorkbookSnapshot } }).kpiAlignPreview.snapshot());
}


