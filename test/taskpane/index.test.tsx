/**
 * @jest-environment jsdom
 *
 * The entry point as Office runs it: nothing renders before Office.onReady; then the pane, themed
 * like Office, talks to Excel (here the in-memory model behind a fake office.js) through the adapter.
 */
import './browser-apis';
import { screen } from '@testing-library/react';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import example from '../../examples/scorecard.json';
import type { SourceTable } from '../../src/core';
import { createWorkbookModel, workbookSpecFromTables } from '../../src/preview/excel-model';
import { deferred } from './fake-workbook';
import './render';

type Theme = { isDarkTheme: boolean; bodyBackgroundColor: string };

beforeEach(() => {
  // index.tsx owns its React root, as in Office; React's act() cannot wrap it, so the test waits instead.
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  document.head.innerHTML = '';
  document.body.innerHTML = '<div id="container"><p>Loading KPI Align…</p></div>';
});

/** A fake office.js over the model; the entry is loaded; Office becomes ready when the test says so. */
function loadEntry(theme: Theme) {
  const model = createWorkbookModel(workbookSpecFromTables(example.tables as SourceTable[]));
  const ready = deferred<void>();
  Object.assign(globalThis, {
    Office: {
      onReady: () => ready.promise.then(() => ({ host: 'Excel', platform: 'PC' })),
      context: { requirements: { isSetSupported: model.host.isSetSupported }, officeTheme: theme },
    },
    Excel: { run: model.host.run },
  });
  // A fresh copy each time: index.tsx renders as a side effect of being loaded, as Office loads it.
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('../../src/taskpane/index');
  });
  return ready;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** The CSS rules FluentProvider inserted for its theme (through the CSSOM, so not in textContent). */
const themeCss = () =>
  [...document.querySelectorAll('style')].flatMap((style) => [...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText)).join('\n');

describe('index.tsx', () => {
  test('renders only once Office is ready, then checks the workbook through Excel.run', async () => {
    const ready = loadEntry({ isDarkTheme: false, bodyBackgroundColor: '#FFFFFF' });
    await tick();
    expect(screen.queryByRole('button', { name: 'Check' })).toBeNull();
    expect(screen.getByText('Loading KPI Align…')).toBeTruthy();

    ready.resolve();
    // A plain DOM click: RTL's fireEvent would wrap it in the act() of another copy of React.
    (await screen.findByRole('button', { name: 'Check' })).click();
    expect(await screen.findByText(/^Checked 8 objectives and 59 KPIs in 5 tables/)).toBeTruthy();
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1}`);
  });

  test('follows a dark Office theme', async () => {
    const ready = loadEntry({ isDarkTheme: true, bodyBackgroundColor: '#1F1F1F' });
    ready.resolve();
    await screen.findByRole('button', { name: 'Check' });
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  });
});
