/** @jest-environment jsdom */
import { act, screen, waitFor } from '@testing-library/react';
import { ExcelActionError } from '../../src/excel/types';
import { deferred, EXAMPLE_TABLES, FakeWorkbook } from './fake-workbook';
import { checkNow, clickButton, OUR_WORK, renderPane } from './render';

// A test here renders the whole pane and checks the example several times: on a loaded 2-core machine that
// takes longer than Jest's 30 s, and the bound is only there to stop a test that hangs.
jest.setTimeout(120_000);

describe('Actions', () => {
  test('a second click while a check runs does nothing, and the progress bar shows the step', async () => {
    const workbook = new FakeWorkbook();
    const reading = deferred<typeof EXAMPLE_TABLES>();
    workbook.hooks.readCascade = () => reading.promise;
    await renderPane(workbook);
    clickButton('Check');
    clickButton('Check');
    clickButton('Write results');
    clickButton('Insert sample scorecard');
    expect(await screen.findByRole('progressbar', { name: 'Reading the workbook…' }, OUR_WORK)).toBeTruthy();
    expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('true');
    await act(async () => reading.resolve(EXAMPLE_TABLES));
    await screen.findByText(/^Checked 8 objectives/, {}, OUR_WORK);
    expect(workbook.callsTo('readCascade')).toHaveLength(1);
    expect(workbook.callsTo('writeResults')).toHaveLength(0);
    expect(workbook.callsTo('insertSampleScorecard')).toHaveLength(0);
    expect(screen.queryByRole('progressbar', { name: /Reading|Checking/ })).toBeNull();
  });

  test("a failure shows the adapter's message, which says what to do", async () => {
    const workbook = new FakeWorkbook();
    const message = 'Excel is busy editing a cell. Press Enter or Esc to finish editing, then try again.';
    workbook.hooks.readCascade = async () => {
      throw new ExcelActionError(message, 'cell-edit-mode');
    };
    await renderPane(workbook);
    clickButton('Check');
    expect(await screen.findByText(message, {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText('Could not check the workbook')).toBeTruthy();
    // The pane is usable again.
    workbook.hooks = {};
    await checkNow();
    expect(screen.queryByText(message)).toBeNull();
  });

  test('an unexpected failure still tells the user what to do', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.writeResults = async () => {
      throw new TypeError('context.sync is not a function');
    };
    await renderPane(workbook);
    clickButton('Write results');
    expect(await screen.findByText(/Something unexpected went wrong \(context\.sync is not a function\)\. Try again; if it keeps happening/, {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText('Could not write the results')).toBeTruthy();
  });

  test('the message can be dismissed', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.removeResults = async () => {
      throw new ExcelActionError('The sheet "Objectives" is protected. Unprotect it (Review > Unprotect Sheet) and try again.', 'protected');
    };
    await renderPane(workbook);
    clickButton('Remove results');
    await screen.findByText(/is protected/, {}, OUR_WORK);
    clickButton('Dismiss message');
    expect(screen.queryByText(/is protected/)).toBeNull();
  });

  test('Write results checks the workbook afresh and writes that report', async () => {
    const { workbook } = await renderPane();
    clickButton('Write results');
    expect(await screen.findByText('Results written', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText('Wrote the results into 5 tables (67 rows).')).toBeTruthy();
    const [write] = workbook.callsTo('writeResults');
    const [report, tables] = write.args as [{ asOf: string; nodes: unknown[] }, unknown[]];
    expect(report.asOf).toBe('2026-09-30');
    expect(report.nodes).toHaveLength(67);
    expect(tables).toBe(EXAMPLE_TABLES);
  });

  test('Write results reports the tables it had to leave alone and why', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.writeResults = async () => ({
      tables: ['Objectives'],
      skipped: [{ table: 'TeamSales', reason: 'The sheet "Team Sales" is protected; unprotect it and write again.' }],
      rows: 8,
    });
    await renderPane(workbook);
    clickButton('Write results');
    expect(await screen.findByText('1 table left unchanged', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText(/TeamSales: The sheet "Team Sales" is protected/)).toBeTruthy();
  });

  test('Write results shows its progress', async () => {
    const workbook = new FakeWorkbook();
    const writing = deferred<{ tables: string[]; skipped: never[]; rows: number }>();
    workbook.hooks.writeResults = (_report, _tables, onProgress) => {
      (onProgress as (done: number, total: number, step: string) => void)(2, 5, 'Writing DeptKPIs');
      return writing.promise;
    };
    await renderPane(workbook);
    clickButton('Write results');
    const bar = await screen.findByRole('progressbar', { name: 'Writing DeptKPIs' }, OUR_WORK);
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(0.4);
    await act(async () => writing.resolve({ tables: ['Objectives'], skipped: [], rows: 8 }));
    expect(await screen.findByText('Results written', {}, OUR_WORK)).toBeTruthy();
  });

  test('Remove results says how many columns it took out', async () => {
    const { workbook } = await renderPane();
    clickButton('Remove results');
    expect(await screen.findByText('Removed 8 columns from 1 table; your own columns are as they were.', {}, OUR_WORK)).toBeTruthy();
    expect(workbook.callsTo('removeResults')).toHaveLength(1);
  });

  test('Insert sample scorecard builds the example, stores its as-of date and checks it', async () => {
    const workbook = new FakeWorkbook();
    workbook.tables = [];
    workbook.settings = {};
    await renderPane(workbook, {
      loadSample: async () => ({ asOf: '2026-09-30', tables: EXAMPLE_TABLES }),
    });
    clickButton('Insert sample scorecard');
    expect(await screen.findByText('Sample scorecard inserted', {}, OUR_WORK)).toBeTruthy();
    expect(workbook.callsTo('insertSampleScorecard')[0].args[0]).toEqual({ tables: EXAMPLE_TABLES });
    expect(workbook.callsTo('saveSettings')[0].args[0]).toEqual({ asOf: '2026-09-30' });
    expect(screen.getByText(/^Checked 8 objectives .* as of 2026-09-30: 7 errors, 7 warnings/)).toBeTruthy();
  });

  test('the real sample is the example scorecard', async () => {
    const { loadSampleScorecard } = await import('../../src/taskpane/sample');
    const sample = await loadSampleScorecard();
    expect(sample.asOf).toBe('2026-09-30');
    expect(sample.tables.map((table) => table.table)).toEqual(['Objectives', 'DeptKPIs', 'TeamSales', 'TeamOps', 'IndividualGoals']);
  });

  test('a workbook without cascade tables gets a message that says what a cascade table is', async () => {
    const workbook = new FakeWorkbook();
    workbook.tables = [{ sheet: 'Notes', table: 'Table1', origin: 'A1', header: ['Note'], rows: [['hello']] }];
    await renderPane(workbook);
    clickButton('Check');
    expect(await screen.findByText('No cascade table found', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText(/Insert sample scorecard in an empty workbook/)).toBeTruthy();
  });

  test('an action Excel cannot do is offered disabled, with the reason', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, write: { available: false, reason: 'Writing results needs Excel 2019 or later (ExcelApi 1.9).' } };
    await renderPane(workbook);
    const write = screen.getByRole('button', { name: 'Write results' });
    expect(write.getAttribute('aria-disabled')).toBe('true');
    expect(write.getAttribute('aria-describedby')).toBeTruthy();
    clickButton('Write results');
    await act(() => Promise.resolve());
    expect(workbook.callsTo('writeResults')).toHaveLength(0);
  });
});

describe('Automatic re-check', () => {
  test('re-checks once, after the changes stop, and only once the workbook has been checked', async () => {
    const { workbook } = await renderPane(new FakeWorkbook(), { autoCheckDelayMs: 30 });
    await waitFor(() => expect(workbook.changeListeners).toHaveLength(1), OUR_WORK);
    workbook.changeCells();
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(workbook.callsTo('readCascade')).toHaveLength(0);

    await checkNow();
    workbook.tables = EXAMPLE_TABLES.map((table) =>
      table.table === 'TeamSales' ? { ...table, rows: table.rows.map((row) => row.map((cell) => (cell === 'TBD' ? 12 : cell))) } : table,
    );
    workbook.changeCells();
    workbook.changeCells();
    workbook.changeCells();
    await screen.findByText(/6 errors/, {}, OUR_WORK);
    expect(workbook.callsTo('readCascade')).toHaveLength(2);
  });

  test('keeps the message of the action before it: writing changes the tables and triggers it', async () => {
    const { workbook } = await renderPane(new FakeWorkbook(), { autoCheckDelayMs: 10 });
    clickButton('Write results');
    await screen.findByText('Results written', {}, OUR_WORK);
    workbook.changeCells();
    await waitFor(() => expect(workbook.callsTo('readCascade')).toHaveLength(2), OUR_WORK);
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(screen.getByText('Results written')).toBeTruthy();
  });

  test('stops listening when the pane closes', async () => {
    const { workbook, unmount } = await renderPane(new FakeWorkbook(), { autoCheckDelayMs: 30 });
    await waitFor(() => expect(workbook.changeListeners).toHaveLength(1), OUR_WORK);
    unmount();
    await waitFor(() => expect(workbook.changeListeners).toHaveLength(0), OUR_WORK);
  });

  test('is not offered where Excel cannot report changes', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, autoCheck: { available: false, reason: 'needs ExcelApi 1.7' } };
    await renderPane(workbook);
    expect(workbook.callsTo('onCascadeChanged')).toHaveLength(0);
  });
});

describe('Remove results', () => {
  test('names the tables it had to leave alone and why', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.removeResults = async () => ({
      tables: ['Objectives'],
      columns: 8,
      skipped: [{ table: 'TeamSales', reason: 'The sheet "Team Sales" is protected; unprotect it and remove again.' }],
    });
    await renderPane(workbook);
    clickButton('Remove results');
    expect(await screen.findByText('1 table left unchanged', {}, OUR_WORK)).toBeTruthy();
    expect(screen.getByText(/^Removed 8 columns from 1 table; .* TeamSales: The sheet "Team Sales" is protected/)).toBeTruthy();
  });

  test('says so when there is nothing to remove', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.removeResults = async () => ({ tables: [], columns: 0, skipped: [] });
    await renderPane(workbook);
    clickButton('Remove results');
    expect(await screen.findByText('Nothing to remove', {}, OUR_WORK)).toBeTruthy();
  });
});
