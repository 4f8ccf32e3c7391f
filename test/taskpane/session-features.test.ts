/** Each feature of the session, without React: what it asks of the adapter, what it shows, how it fails. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChoiceList, Issue, OwnerSummary, TeamSheetPlan } from '../../src/core';
import { ExcelActionError } from '../../src/excel/types';
import { readWorkbook } from '../../src/xlsx';
import { deferred, EXAMPLE_AS_OF, EXAMPLE_TABLES, FakeWorkbook } from './fake-workbook';
import { settle, startedSession } from './session-helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const protectedSheet = () => new ExcelActionError('The sheet "Team Sales" is protected. Unprotect it (Review > Unprotect Sheet) and try again.', 'protected');

describe('Settings', () => {
  test('the stored settings are read when the session starts, and a check waits for them', async () => {
    const workbook = new FakeWorkbook();
    const reading = deferred<{ asOf: string }>();
    workbook.hooks.readSettings = () => reading.promise;
    const { session } = await startedSession(workbook);
    const checking = session.check();
    await jest.advanceTimersByTimeAsync(0);
    expect(workbook.callsTo('readCascade')).toHaveLength(0);
    reading.resolve({ asOf: '2026-06-30' });
    await settle(checking);
    expect(session.getSnapshot().settings).toEqual({ asOf: '2026-06-30' });
    expect(session.getSnapshot().report?.asOf).toBe('2026-06-30');
  });

  test('settings the engine refuses are not saved, and the notice says where to correct them', async () => {
    const { session, workbook } = await startedSession();
    await settle(session.saveSettings({ onTrack: 0.5, atRisk: 0.8 }));
    expect(workbook.callsTo('saveSettings')).toHaveLength(0);
    expect(session.getSnapshot().notice).toMatchObject({ intent: 'error', title: 'Could not save the settings' });
    expect(session.getSnapshot().notice?.text).toMatch(/Correct them on the Settings tab and try again\.$/);
  });

  test('saving checks again only when there is a report', async () => {
    const { session, workbook } = await startedSession();
    await settle(session.saveSettings({ asOf: '2026-09-30', onTrack: 0.8 }));
    expect(session.getSnapshot().notice?.title).toBe('Settings saved');
    expect(workbook.callsTo('readCascade')).toHaveLength(0);
    await settle(session.check());
    await settle(session.saveSettings({ asOf: '2026-06-30' }));
    expect(workbook.callsTo('readCascade')).toHaveLength(2);
    expect(session.getSnapshot().report?.asOf).toBe('2026-06-30');
  });

  test('a failure to read them is a notice of its own; without the capability nothing is read', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.readSettings = async () => {
      throw protectedSheet();
    };
    const { session } = await startedSession(workbook);
    expect(session.getSnapshot().notice?.title).toBe('Could not read the settings stored in this workbook');

    const old = new FakeWorkbook();
    old.features = { ...old.features, settings: { available: false, reason: 'Settings need ExcelApi 1.4.' } };
    await startedSession(old);
    expect(old.callsTo('readSettings')).toHaveLength(0);
  });
});

describe('Write and remove results', () => {
  test('Write results checks afresh, writes that report and passes the adapter\'s progress on', async () => {
    const workbook = new FakeWorkbook();
    const writing = deferred<{ tables: string[]; skipped: never[]; rows: number }>();
    workbook.hooks.writeResults = (_report, _tables, onProgress) => {
      (onProgress as (done: number, total: number, step: string) => void)(2, 5, 'Writing DeptKPIs');
      return writing.promise;
    };
    const { session } = await startedSession(workbook);
    const write = session.writeResults();
    await jest.runAllTimersAsync();
    expect(session.getSnapshot().progress).toEqual({ done: 2, total: 5, step: 'Writing DeptKPIs' });
    const [report, tables] = workbook.callsTo('writeResults')[0].args as [{ asOf: string }, unknown];
    expect(report).toBe(session.getSnapshot().report);
    expect(report.asOf).toBe(EXAMPLE_AS_OF);
    expect(tables).toBe(EXAMPLE_TABLES);
    writing.resolve({ tables: ['Objectives'], skipped: [], rows: 8 });
    await settle(write);
    expect(session.getSnapshot().notice).toEqual({ intent: 'success', title: 'Results written', text: 'Wrote the results into 1 table (8 rows).' });
  });

  test('Remove results says what it took out, or what it left and why', async () => {
    const workbook = new FakeWorkbook();
    const { session } = await startedSession(workbook);
    await settle(session.removeResults());
    expect(session.getSnapshot().notice?.text).toBe('Removed 8 columns from 1 table; your own columns are as they were.');
    workbook.hooks.removeResults = async () => ({ tables: [], columns: 0, skipped: [{ table: 'TeamSales', reason: 'It is protected.' }] });
    await settle(session.removeResults());
    expect(session.getSnapshot().notice).toEqual({ intent: 'warning', title: '1 table left unchanged', text: 'TeamSales: It is protected.' });
  });
});

describe('Insert sample scorecard', () => {
  test('builds the sample, stores its as-of date beside the other settings, and checks it', async () => {
    const workbook = new FakeWorkbook();
    workbook.tables = [];
    workbook.settings = { onTrack: 0.8 };
    const { session } = await startedSession(workbook, { loadSample: async () => ({ asOf: '2026-09-30', tables: EXAMPLE_TABLES }) });
    await settle(session.insertSample());
    expect(workbook.callsTo('insertSampleScorecard')[0].args[0]).toEqual({ tables: EXAMPLE_TABLES });
    expect(workbook.callsTo('saveSettings')[0].args[0]).toEqual({ onTrack: 0.8, asOf: '2026-09-30' });
    expect(session.getSnapshot().settings).toEqual({ onTrack: 0.8, asOf: '2026-09-30' });
    expect(session.getSnapshot().report?.asOf).toBe('2026-09-30');
    expect(session.getSnapshot().notice?.title).toBe('Sample scorecard inserted');
  });

  test('a workbook that is not empty is refused with the adapter\'s sentence', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.insertSampleScorecard = async () => {
      throw new ExcelActionError('The sample scorecard goes into an empty workbook, and this one has tables.', 'not-empty');
    };
    const { session } = await startedSession(workbook, { loadSample: async () => ({ asOf: '2026-09-30', tables: EXAMPLE_TABLES }) });
    await settle(session.insertSample());
    expect(session.getSnapshot().notice).toMatchObject({ title: 'Could not insert the sample scorecard', text: expect.stringMatching(/^The sample scorecard goes into an empty workbook/) });
    expect(workbook.callsTo('saveSettings')).toHaveLength(0);
  });
});

describe('New team sheet and the Parent lists', () => {
  test('a name the engine refuses comes back to the dialog, and nothing is created', async () => {
    const { session, workbook } = await startedSession();
    expect(await settle(session.createTeamSheet({ team: '  ', level: 'Team' }))).toBe('Give the team a name, such as "Sales".');
    expect(workbook.callsTo('createTeamSheet')).toHaveLength(0);
    expect(session.getSnapshot().notice).toBeNull();
  });

  test('creates the planned sheet, checks again and selects its first cell', async () => {
    const { session, workbook } = await startedSession();
    expect(await settle(session.createTeamSheet({ team: 'Marketing', level: 'Department' }))).toBeNull();
    const plan = workbook.callsTo('createTeamSheet')[0].args[0] as TeamSheetPlan;
    expect(plan).toMatchObject({ sheet: 'Department Marketing', table: 'DepartmentMarketing' });
    expect(workbook.callsTo('selectCell').map((call) => call.args)).toEqual([['Department Marketing', 'A2']]);
    expect(session.getSnapshot().report?.tables.map((table) => table.table)).toContain('DepartmentMarketing');
    expect(session.getSnapshot().notice?.title).toBe('Team sheet created');
  });

  test('every check hands the adapter the lists of a level; a failure there is told and the report stays', async () => {
    const workbook = new FakeWorkbook();
    const { session } = await startedSession(workbook);
    await settle(session.check());
    const listsFor = workbook.callsTo('refreshChoiceLists')[0].args[0] as (level: string) => ChoiceList[];
    expect(listsFor('Department')[0].heading).toBe('Parent choices (Department)');

    workbook.hooks.refreshChoiceLists = async () => {
      throw protectedSheet();
    };
    await settle(session.check());
    expect(session.getSnapshot().notice?.title).toBe('Could not refresh the dropdown choices');
    expect(session.getSnapshot().report).not.toBeNull();
  });

  test('without the capability the lists are left alone', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, teamSheet: { available: false, reason: 'needs ExcelApi 1.8' } };
    const { session } = await startedSession(workbook);
    await settle(session.check());
    expect(workbook.callsTo('refreshChoiceLists')).toHaveLength(0);
  });
});

describe('Import team workbooks', () => {
  const TEAM = join(__dirname, '..', '..', 'examples', 'team');
  const chosen = (file: string) => ({ file, bytes: new Uint8Array(readFileSync(join(TEAM, file))) });

  test('plans without changing anything, then inserts the planned sheets and checks again', async () => {
    const workbook = new FakeWorkbook();
    workbook.importedTables['team-service.xlsx'] = readWorkbook(chosen('team-service.xlsx').bytes, 'team-service.xlsx').map((table) => ({ ...table, workbook: undefined }));
    const { session } = await startedSession(workbook);
    const files = [chosen('team-service.xlsx')];
    const plan = await session.planImport(files);
    expect(plan.canImport).toBe(true);
    expect(workbook.callsTo('importSheets')).toHaveLength(0);
    await settle(session.importWorkbooks(files, plan));
    expect(workbook.callsTo('importSheets')[0].args[1]).toBe(plan);
    expect(session.getSnapshot().notice?.text).toBe('Inserted 1 sheet: Team Service. The workbook has been checked again with them.');
    expect(session.getSnapshot().report?.summary.kpis).toBe(64);
  });

  test("a failure to insert shows the adapter's message and does not check", async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.importSheets = async () => {
      throw new ExcelActionError('This version of Excel cannot insert sheets from another workbook (ExcelApi 1.13).', 'unsupported');
    };
    const { session } = await startedSession(workbook);
    await settle(session.importWorkbooks([], { files: [], problems: [], canImport: true }));
    expect(session.getSnapshot().notice?.title).toBe('Could not import the team workbooks');
    expect(workbook.callsTo('readCascade')).toHaveLength(0);
  });
});

describe('Issue marks', () => {
  test('off at first; on marks the report on screen and every later check; off clears', async () => {
    const { session, workbook } = await startedSession();
    await settle(session.check());
    expect(workbook.callsTo('markIssueCells')).toHaveLength(0);
    await settle(session.setMarkIssues(true));
    expect(session.getSnapshot().markIssues).toBe(true);
    expect((workbook.callsTo('markIssueCells')[0].args[0] as Issue[]).length).toBe(14);
    await settle(session.check());
    expect(workbook.callsTo('markIssueCells')).toHaveLength(2);
    await settle(session.setMarkIssues(false));
    expect(workbook.callsTo('clearIssueMarks')).toHaveLength(1);
    await settle(session.check());
    expect(workbook.callsTo('markIssueCells')).toHaveLength(2);
  });

  test('switched on before any check, nothing is marked until the first check', async () => {
    const { session, workbook } = await startedSession();
    await settle(session.setMarkIssues(true));
    expect(workbook.callsTo('markIssueCells')).toHaveLength(0);
    await settle(session.check());
    expect(workbook.callsTo('markIssueCells')).toHaveLength(1);
  });

  test('a failure puts the switch back and says why; a failure after a check keeps the report', async () => {
    const workbook = new FakeWorkbook();
    const { session } = await startedSession(workbook);
    await settle(session.check());
    workbook.hooks.markIssueCells = async () => {
      throw protectedSheet();
    };
    await settle(session.setMarkIssues(true));
    expect(session.getSnapshot().markIssues).toBe(false);
    expect(session.getSnapshot().notice?.title).toBe('Could not mark the issues in the cells');

    workbook.hooks.clearIssueMarks = async () => {
      throw protectedSheet();
    };
    delete workbook.hooks.markIssueCells;
    await settle(session.setMarkIssues(true));
    await settle(session.setMarkIssues(false));
    expect(session.getSnapshot().markIssues).toBe(true);
  });

  test('the lists are refreshed before the cells are marked, and a failure of the marks is the one told', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.refreshChoiceLists = async () => {
      throw protectedSheet();
    };
    workbook.hooks.markIssueCells = async () => {
      throw protectedSheet();
    };
    const { session } = await startedSession(workbook);
    await settle(session.setMarkIssues(true));
    await settle(session.check());
    const order = workbook.calls.map((call) => call.method).filter((method) => method === 'refreshChoiceLists' || method === 'markIssueCells');
    expect(order).toEqual(['refreshChoiceLists', 'markIssueCells']);
    expect(session.getSnapshot().notice?.title).toBe('Could not mark the issues in the cells');
  });
});

describe('Owner report', () => {
  test('checks afresh and writes every owner with the layout and the as-of date', async () => {
    const { session, workbook } = await startedSession();
    await settle(session.writeOwnerReport('one-sheet'));
    const [owners, layout, asOf] = workbook.callsTo('writeOwnerReport')[0].args as [OwnerSummary[], string, string];
    expect(workbook.callsTo('readCascade')).toHaveLength(1);
    expect(layout).toBe('one-sheet');
    expect(asOf).toBe(EXAMPLE_AS_OF);
    expect(owners.reduce((sum, owner) => sum + owner.kpis.length, 0)).toBe(59);
    expect(session.getSnapshot().notice).toEqual({ intent: 'success', title: 'Owner report written', text: 'Wrote 1 sheet: Owner Report.' });
  });
});
