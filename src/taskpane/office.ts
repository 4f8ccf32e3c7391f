/**
 * The only place the task pane touches office.js. Everything here is handed to the React tree as
 * props, so that components and hooks run the same against Excel, the browser preview and tests.
 */

import type { OfficeHost } from '../excel/types';
import { isDarkOfficeTheme } from './theme';

/** Resolves once Office has loaded the pane (or at once in the preview, whose `Office` is a shim). */
export function officeReady(): Promise<void> {
  return Office.onReady().then(() => undefined);
}

/** `Excel.run` and the requirement-set check, as the adapter takes them. */
export function officeHost(): OfficeHost {
  return {
    run: (batch) => Excel.run(batch),
    runInContext: (context, batch) => Excel.run(context, batch),
    isSetSupported: (name, minVersion) => Office.context.requirements.isSetSupported(name, minVersion),
  };
}

/** Whether the Office theme is dark; where Office gives no theme, the browser's preference decides. */
export function officeThemeIsDark(): boolean {
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  return isDarkOfficeTheme(Office.context?.officeTheme, prefersDark);
}

/**
 * Calls `listener` when the theme may have changed. Excel has no theme-changed event for task panes
 * (Office reloads the pane on some platforms); where Office gives no theme at all, the pane follows
 * the browser's colour scheme, which does change live.
 */
export function onThemeChange(listener: (dark: boolean) => void): () => void {
  if (Office.context?.officeTheme || typeof matchMedia !== 'function') return () => undefined;
  const query = matchMedia('(prefers-color-scheme: dark)');
  const handler = () => listener(officeThemeIsDark());
  query.addEventListener('change', handler);
  return () => query.removeEventListener('change', handler);
}
