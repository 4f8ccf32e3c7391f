/** The automatic re-check's timing, with fake timers: one re-check after the changes stop, never before the first Check. */
import { AUTO_CHECK_DELAY_MS } from '../../src/taskpane/session/session';
import { deferred, FakeWorkbook } from './fake-workbook';
import { settle, startedSession } from './session-helpers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const reads = (workbook: FakeWorkbook) => workbook.callsTo('readCascade').length;

describe('Automatic re-check', () => {
  test('nothing is read on its own before the first Check', async () => {
    const { workbook } = await startedSession();
    expect(workbook.changeListeners).toHaveLength(1);
    workbook.changeCells();
    await jest.advanceTimersByTimeAsync(AUTO_CHECK_DELAY_MS * 2);
    expect(reads(workbook)).toBe(0);
  });

  test('re-checks once, a second after the last of several changes', async () => {
    const { session, workbook } = await startedSession();
    await settle(session.check());
    workbook.changeCells();
    await jest.advanceTimersByTimeAsync(600);
    workbook.changeCells();
    await jest.advanceTimersByTimeAsync(600);
    workbook.changeCells();
    await jest.advanceTimersByTimeAsync(AUTO_CHECK_DELAY_MS - 1);
    expect(reads(workbook)).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await jest.runAllTimersAsync();
    expect(reads(workbook)).toBe(2);
  });

  test('the delay can be set', async () => {
    const { session, workbook } = await startedSession(new FakeWorkbook(), { autoCheckDelayMs: 30 });
    await settle(session.check());
    workbook.changeCells();
    await jest.advanceTimersByTimeAsync(29);
    expect(reads(workbook)).toBe(1);
    await jest.advanceTimersByTimeAsync(1);
    await jest.runAllTimersAsync();
    expect(reads(workbook)).toBe(2);
  });

  test('a change while an action runs waits for it, then re-checks', async () => {
    const workbook = new FakeWorkbook();
    const { session } = await startedSession(workbook);
    await settle(session.check());
    const writing = deferred<{ tables: string[]; skipped: never[]; rows: number }>();
    workbook.hooks.writeResults = () => writing.promise;
    const write = session.writeResults();
    workbook.changeCells();
    await jest.advanceTimersByTimeAsync(AUTO_CHECK_DELAY_MS * 3);
    expect(reads(workbook)).toBe(2); // the write's own check
    writing.resolve({ tables: ['Objectives'], skipped: [], rows: 8 });
    await write;
    await jest.advanceTimersByTimeAsync(AUTO_CHECK_DELAY_MS);
    await jest.runAllTimersAsync();
    expect(reads(workbook)).toBe(3);
    // Quiet: the write's message stays.
    expect(session.getSnapshot().notice?.title).toBe('Results written');
  });

  test('a quiet re-check that fails still says so', async () => {
    const workbook = new FakeWorkbook();
    const { session } = await startedSession(workbook);
    await settle(session.check());
    workbook.hooks.readCascade = async () => {
      throw new Error('the workbook went away');
    };
    workbook.changeCells();
    await jest.runAllTimersAsync();
    expect(session.getSnapshot().notice?.title).toBe('Could not check the workbook');
  });

  test('stopping removes the listener and a pending re-check', async () => {
    const { session, workbook, stop } = await startedSession();
    await settle(session.check());
    workbook.changeCells();
    stop();
    await jest.runAllTimersAsync();
    expect(workbook.changeListeners).toHaveLength(0);
    expect(reads(workbook)).toBe(1);
  });

  test('stopped before the adapter has started listening, the listener is removed once it has', async () => {
    const workbook = new FakeWorkbook();
    const listening = deferred<() => Promise<void>>();
    const stopListening = jest.fn(async () => undefined);
    workbook.hooks.onCascadeChanged = () => listening.promise;
    const { stop } = await startedSession(workbook);
    stop();
    listening.resolve(stopListening);
    await jest.runAllTimersAsync();
    expect(stopListening).toHaveBeenCalledTimes(1);
  });

  test('a failure to listen is a notice; where Excel cannot report changes nothing listens', async () => {
    const workbook = new FakeWorkbook();
    workbook.hooks.onCascadeChanged = async () => {
      throw new Error('no events here');
    };
    const { session } = await startedSession(workbook);
    expect(session.getSnapshot().notice?.title).toBe('Could not re-check the workbook');

    const old = new FakeWorkbook();
    old.features = { ...old.features, autoCheck: { available: false, reason: 'needs ExcelApi 1.7' } };
    await startedSession(old);
    expect(old.callsTo('onCascadeChanged')).toHaveLength(0);
  });

  test('a session can start again after it stopped (React runs effects twice in development)', async () => {
    const { session, workbook, stop } = await startedSession();
    stop();
    await jest.runAllTimersAsync();
    session.start();
    await jest.runAllTimersAsync();
    expect(workbook.changeListeners).toHaveLength(1);
    await settle(session.check());
    workbook.changeCells();
    await jest.runAllTimersAsync();
    expect(reads(workbook)).toBe(2);
  });
});

