/** Renders the pane as index.tsx does (one FluentProvider), around a fake workbook. */

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen } from '@testing-library/react';
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

/** Renders the pane and lets it read the workbook's settings, as it does when it opens. */
export async function renderPane(workbook = new FakeWorkbook(), options: CascadeOptions = {}) {
  const result = render(
    <FluentProvider theme={webLightTheme}>
      <App workbook={workbook} options={{ now: () => TODAY, ...options }} />
    </FluentProvider>,
  );
  await act(() => Promise.resolve());
  return { ...result, workbook };
}

export function clickButton(name: string | RegExp) {
  fireEvent.click(screen.getByRole('button', { name }));
}

/** Clicks Check and waits until the report is shown. */
export async function checkNow() {
  clickButton('Check');
  await screen.findByText(/^Checked \d+ objectives/);
}

export function openTab(name: string | RegExp) {
  fireEvent.click(screen.getByRole('tab', { name }));
}
