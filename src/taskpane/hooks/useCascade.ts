/**
 * The pane's state for React: one session per workbook (src/taskpane/session), read through
 * `useSyncExternalStore`. The session holds the state and the actions; this hook only starts it
 * when the pane mounts, stops its listening when the pane closes, and re-renders on every change.
 */

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { KpiAlignWorkbook } from '../../excel/types';
import { createSession, type Session, type SessionActions } from '../session/create-session';
import type { SessionOptions, SessionState } from '../session/session';

/** Read when the session is made: pass the same object (or none) for as long as the workbook is the same. */
export type CascadeOptions = SessionOptions;

export type Cascade = SessionState & SessionActions & { capabilities: Session['capabilities'] };

export function useCascade(workbook: KpiAlignWorkbook, options?: CascadeOptions): Cascade {
  const session = useMemo(() => createSession(workbook, options), [workbook, options]);
  useEffect(() => session.start(), [session]);
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  return useMemo(() => ({ ...session, ...state }), [session, state]);
}
