/** Drives a session without React: fake timers, so the engine's frame and the re-check's delay run when a test says. */

import { createSession, type Session } from '../../src/taskpane/session/create-session';
import type { SessionOptions } from '../../src/taskpane/session/session';
import { FakeWorkbook } from './fake-workbook';

export const TODAY = new Date('2026-11-23T12:00:00Z');

/** A started session over a fake workbook, with the stored settings read. Call `jest.useFakeTimers()` first. */
export async function startedSession(workbook = new FakeWorkbook(), options: SessionOptions = {}) {
  const session = createSession(workbook, { now: () => TODAY, ...options });
  const stop = session.start();
  await jest.advanceTimersByTimeAsync(0);
  return { session, workbook, stop };
}

/** Runs the timers until the action settles (the engine waits one frame before it checks). */
export async function settle<T>(action: Promise<T>): Promise<T> {
  await jest.runAllTimersAsync();
  return action;
}

/** Every state the session went through, to see what was on screen between two awaits. */
export function recordStates(session: Session) {
  const states = [session.getSnapshot()];
  session.subscribe(() => states.push(session.getSnapshot()));
  return states;
}
