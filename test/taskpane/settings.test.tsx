/** @jest-environment jsdom */
import { act, fireEvent, screen } from '@testing-library/react';
import { settingsOf } from '../../src/taskpane/components/SettingsPanel';
import { FakeWorkbook } from './fake-workbook';
import { checkNow, clickButton, openTab, renderPane } from './render';

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe('Settings', () => {
  test('shows the settings stored in the workbook, ratios as percentages', async () => {
    const workbook = new FakeWorkbook();
    workbook.settings = { asOf: '2026-06-30', onTrack: 0.85, atRisk: 0.6, scoreCap: 1.2 };
    await renderPane(workbook);
    openTab('Settings');
    expect((screen.getByLabelText('As-of date') as HTMLInputElement).value).toBe('2026-06-30');
    expect((screen.getByLabelText('On track at') as HTMLInputElement).value).toBe('85');
    expect((screen.getByLabelText('At risk at') as HTMLInputElement).value).toBe('60');
    expect((screen.getByLabelText('Score cap') as HTMLInputElement).value).toBe('120');
  });

  test('saves them in the workbook and checks again with them', async () => {
    const { workbook } = await renderPane();
    await checkNow();
    openTab('Settings');
    type('On track at', '80');
    type('Score cap', '150');
    clickButton('Save settings');
    expect(await screen.findByText('Settings saved')).toBeTruthy();
    expect(workbook.callsTo('saveSettings').map((call) => call.args[0])).toEqual([
      { asOf: '2026-09-30', onTrack: 0.8, atRisk: 0.7, scoreCap: 1.5 },
    ]);
    expect(workbook.callsTo('readCascade')).toHaveLength(2);
  });

  test('refuses settings the engine would refuse, saying why', async () => {
    const { workbook } = await renderPane();
    openTab('Settings');
    type('At risk at', '95');
    clickButton('Save settings');
    expect(screen.getByText('The at-risk ratio 0.95 must not be above the on-track ratio 0.9.')).toBeTruthy();
    type('At risk at', '70');
    type('Score cap', '250');
    clickButton('Save settings');
    expect(screen.getByText('The score cap 2.5 must be between 1 and 2.')).toBeTruthy();
    await act(() => Promise.resolve());
    expect(workbook.callsTo('saveSettings')).toHaveLength(0);
  });

  test('a blank as-of date means today, and "Use defaults" restores the defaults', async () => {
    const { workbook } = await renderPane();
    openTab('Settings');
    type('On track at', '50');
    clickButton('Use defaults');
    expect((screen.getByLabelText('On track at') as HTMLInputElement).value).toBe('90');
    expect((screen.getByLabelText('As-of date') as HTMLInputElement).value).toBe('');
    clickButton('Save settings');
    await screen.findByText('Settings saved');
    expect(workbook.callsTo('saveSettings')[0].args[0]).toEqual({ onTrack: 0.9, atRisk: 0.7, scoreCap: 1 });
  });

  test('typed text becomes settings: blank fields take the default, other text is a problem', () => {
    expect(settingsOf({ asOf: ' 2026-03-31 ', onTrack: '', atRisk: '65', scoreCap: '' })).toEqual({
      ok: true,
      settings: { asOf: '2026-03-31', atRisk: 0.65 },
    });
    expect(settingsOf({ asOf: '', onTrack: 'ninety', atRisk: '', scoreCap: '' })).toEqual({
      ok: false,
      problems: ['On track at "ninety" is not a number; type a percentage such as 90.'],
    });
  });

  test('where Excel cannot store settings, the panel says so', async () => {
    const workbook = new FakeWorkbook();
    workbook.features = { ...workbook.features, settings: { available: false, reason: 'Settings need ExcelApi 1.4.' } };
    await renderPane(workbook);
    openTab('Settings');
    expect(screen.getByText('Settings need ExcelApi 1.4.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save settings' }).getAttribute('aria-disabled')).toBe('true');
    expect(workbook.callsTo('readSettings')).toHaveLength(0);
  });
});
