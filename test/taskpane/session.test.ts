/** The session's store and its one-action-at-a-time rule, without React. */
import { ExcelActionError } from '../../src/excel/types';
import { createSession } from '../../src/taskpane/session/create-session';
import { SessionCore } from '../../src/taskpane/session/session';
import { deferred, EXAMPLE_TABLES, FakeWorkbook } from './fake-workbook';
import { recordStates, settle, startedSession, TODAY } from './session-helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('The session store', () => {
  test('a new snapshot on every change, the same one between changes; subscribers are told until they leave', () => {
    const core = new SessionCore(new FakeWorkbook());
    const before = core.getSnapshot();
    expect(core.getSnapshot()).toBe(before);
    const listener = jest.fn();
    const leave = core.subscribe(listener);
    core.update({ markIssues: true });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(core.getSnapshot()).not.toBe(before);
    expect(core.getSnapshot().markIssues).toBe(true);
    expect(before.markIssues).toBe(false);
    leave();
    core.update({ markIssues: false });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  test('capabilities are asked of the adapter once', () => {
    const workbook = new FakeWorkbook();
    const spy = jest.spyOn(workbook, 'capabilities');
    const session = createSession(workbook);
    expect(session.capabilities.read.available).toBe(true);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});

describe('One action at a time', () => {
  test('while a check runs every other action does nothing, and the progress shows the step', async () => {
    const reading = deferred<typeof EXAMPLE_TABLES>();
    const workbook = new FakeWorkbook();
    workbook.hooks.readCascade = () => reading.promise;
    const { session } = await startedSession(workbook);
    const checking = session.check();
    await jest.advanceTimersByTimeAsync(0);
    expect(session.getSnapshot().busy).toBe('check');
    expect(session.getSnapshot().progress).toEqual({ done: 0, total: 0, step: 'Reading the workbook…' });

    await Promise.all([session.check(), session.writeResults(), session.removeResults(), session.insertSample(),
      session.saveSettings({}), session.setMarkIssues(true), session.writeOwnerReport('one-sheet')]);
    expect(await session.createTeamSheet({ team: 'Sales', level: 'Team' })).toBeNull();
    expect(workbook.callsTo('readCascade')).toHaveLength(1);
    for (const method of ['writeResults', 'removeResults', 'insertSampleScorecard', 'saveSettings', 'markIssueCells', 'writeOwnerReport', 'listNames'] as const) {
      expect(workbook.callsTo(method)).toHaveLength(0);
    }
    expect(session.getSnapshot().markIssues).toBe(false);

    reading.resolve(EXAMPLE_TABLES);
    await settle(checking);
    expect(session.getSnapshot()).toMatchObject({ busy: null, progress: null, notice: null });
    expect(session.getSnapshot().report?.nodes).toHaveLength(67);
    expect(session.getSnapshot().tables).toBe(EXAMPLE_TABLES);
  });

  test('the engine runs a frame after "Checking the cascade…" is shown, so the bar can paint first', async () => {
    const { session } = await startedSession();
    const states = recordStates(session);
    const checking = session.check();
    // Promises only, no timer: the read is done and the step is on screen, the engine waits for the frame.
    for (let turn = 0; turn < 20; turn += 1) await Promise.resolve();
    expect(session.getSnapshot().progress?.step).toBe('Checking the cascade…');
    expect(session.getSnapshot().report).toBeNull();
    expect(jest.getTimerCount()).toBe(1);
    await settle(checking);
    expect(session.getSnapshot().report).not.toBeNull();
    expect(states.map((state) => state.progress?.step)).toEqual([undefined, 'Starting…', 'Reading the workbook…', 'Checking the cascade…', 'Checking the cascade…', undefined]);
  });

  test('the next action can run once one ends, also after a failure', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.readCascade = async () => {
      throw new ExcelActionError('Excel is editing a cell. Press Enter or Esc, then try again.', 'cell-edit-mode');
    };
    const { session } = await startedSession(workbook);
    await settle(session.check());
    expect(session.getSnapshot()).toMatchObject({
      busy: null,
      progress: null,
      notice: { intent: 'error', title: 'Could not check the workbook', text: 'Excel is editing a cell. Press Enter or Esc, then try again.' },
    });
    workbook.hooks = {};
    await settle(session.check());
    expect(session.getSnapshot().notice).toBeNull();
    expect(session.getSnapshot().report).not.toBeNull();
  });
});

describe('Notices', () => {
  test('an unexpected failure names its detail and says what to do', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.removeResults = async () => {
      throw new TypeError('context.sync is not a function');
    };
    const { session } = await startedSession(workbook);
    await settle(session.removeResults());
    expect(session.getSnapshot().notice).toEqual({
      intent: 'error',
      title: 'Could not remove the results',
      text: 'Something unexpected went wrong (context.sync is not a function). Try again; if it keeps happening, close and reopen KPI Align and report the problem.',
    });
  });

  test('a new action clears the message; dismissing clears it too', async () => {
    const workbook = new FakeWorkbook();
    const { session } = await startedSession(workbook);
    await settle(session.removeResults());
    expect(session.getSnapshot().notice?.title).toBe('Results removed');
    const states = recordStates(session);
    await settle(session.check());
    expect(states[1].notice).toBeNull();
    await settle(session.removeResults());
    session.dismissNotice();
    expect(session.getSnapshot().notice).toBeNull();
  });

  test('a workbook without a cascade table is told what one looks like', async () => {
    const workbook = new FakeWorkbook();
    workbook.tables = [{ sheet: 'Notes', table: 'Table1', origin: 'A1', header: ['Note'], rows: [['hello']] }];
    const { session } = await startedSession(workbook);
    await settle(session.check());
    expect(session.getSnapshot().notice?.title).toBe('No cascade table found');
    await settle(session.writeResults());
    expect(session.getSnapshot().notice?.title).toBe('No cascade table found');
    expect(workbook.callsTo('writeResults')).toHaveLength(0);
  });

  test('a failure to select a cell is a notice, and selecting is allowed while an action runs', async () => {
    const workbook = new FakeWorkbook();
    const reading = deferred<typeof EXAMPLE_TABLES>();
    workbook.hooks.readCascade = () => reading.promise;
    const { session } = await startedSession(workbook);
    const checking = session.check();
    await session.select('Team Sales', 'J9');
    expect(workbook.callsTo('selectCell').map((call) => call.args)).toEqual([['Team Sales', 'J9']]);
    workbook.hooks.selectCell = async () => {
      throw new ExcelActionError('The sheet "Team Sales" is no longer in this workbook. Check again to refresh the list.', 'changed');
    };
    await session.select('Team Sales', 'J9');
    expect(session.getSnapshot().notice?.title).toBe('Could not select the cell');
    reading.resolve(EXAMPLE_TABLES);
    await settle(checking);
  });

  test('the check reads the date of today from the session, for a blank as-of date', async () => {
    const workbook = new FakeWorkbook();
    workbook.settings = {};
    const { session } = await startedSession(workbook);
    await settle(session.check());
    expect(session.getSnapshot().report?.asOf).toBe(TODAY.toISOString().slice(0, 10));
  });
});
