/** Renders the pane as index.tsx does (one FluentProvider), around a fake workbook. */

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { CascadeOptions } from '../../src/taskpane/hooks/useCascade';
import { FakeWorkbook } from './fake-workbook';

// jsdom lacks the layout APIs some Fluent components ask for; they only need to exist.
window.matchMedia ??= ((query: string) => ({
  matches: false, media: query, onchange: null,
  addEventListener: () => undefined, removeEventListener: () => undefined,
  addListener: () => undefined, removeListener: () => undefined, dispatchEvent: () => false,
})) as unknown as typeof window.matchMedia;
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
} as unknown as typeof ResizeObserver;

/** The date the tests run "today": later than the example's as-of date, so a missing as-of shows. */
export const TODAY = new Date('2026-11-23T12:00:00Z');

/**
 * How long a test waits for the pane's own work (a check, a plan, an import) before it fails. The
 * wait ends as soon as the work is shown; the bound only has to hold on a loaded machine, where
 * checking the example can take seconds, not the 1 s that Testing Library waits by default.
 */
export const OUR_WORK = { timeout: 10_000 };

/**
 * Renders the pane and lets it read the workbook's settings, as it does when it opens. One turn of
 * the event loop also lets Fluent's focus manager (tabster) start listening, which it does on a
 * timer: without it, whether a dialog opened next is seen as modal depended on which of two timers
 * ran first, and a loaded machine changed the order.
 */
export async function renderPane(workbook = new FakeWorkbook(), options: CascadeOptions = {}) {
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App workbook={workbook} options={{ now: () => TODAY, ...options }} />
    </FluentProvider>,
  );
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return { ...result, workbook };
}

const paneIsHidden = () => screen.getByRole('main', { hidden: true }).closest('[aria-hidden="true"]') !== null;

/**
 * Opens a dialog with its button and waits until it is modal: its first field has the focus and the
 * pane behind it is hidden from screen readers. In a browser Fluent focuses the first field itself;
 * jsdom has no layout, so Fluent finds no focusable field and focuses the dialog's frame, which the
 * focus manager does not count as entering the dialog (it then hides the dialog instead of the pane,
 * a quarter of a second later). The test focuses the field as the browser would.
 */
export async function openDialog(button: string, name: string): Promise<HTMLElement> {
  clickButton(button);
  const dialog = screen.getByRole('dialog', { name });
  const first = dialog.querySelector<HTMLElement>('input, select, textarea, button');
  act(() => first?.focus());
  await waitFor(() => {
    expect(dialog.getAttribute('aria-hidden')).toBeNull();
    expect(paneIsHidden()).toBe(true);
  });
  return dialog;
}

/** Waits until the dialog is gone and the pane is back in front of screen readers. */
export async function dialogClosed() {
  await waitFor(() => {
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(paneIsHidden()).toBe(false);
  });
}

export function clickButton(name: string | RegExp) {
  fireEvent.click(screen.getByRole('button', { name }));
}

/** Clicks Check and waits until the report is shown. */
export async function checkNow() {
  clickButton('Check');
  await screen.findByText(/^Checked \d+ objectives/, {}, OUR_WORK);
}

export function openTab(name: string | RegExp) {
  fireEvent.click(screen.getByRole('tab', { name }));
}
