/** What KPI Align leaves in a workbook: one registry, its names unique and each one recognisable alone. */

import {
  GUARD_RULE, GUARD_TEXT, isMarkerName, isValidSheetName, ISSUE_MARK_TAG, LIST_NAMES, LISTS_SHEET, NAME_PREFIX, nextMarkerName,
  OUR_NAMES, OWNED_HEADER_KEY, OWNED_NAME_PREFIX, placeComputedColumns, REPORT_NAME_PREFIX, SETTINGS_NAME,
} from '../../src/core';

test('the words are the ones workbooks already hold: changing one would orphan what earlier versions wrote', () => {
  expect({ OWNED_NAME_PREFIX, SETTINGS_NAME, REPORT_NAME_PREFIX, LISTS_SHEET, ISSUE_MARK_TAG, OWNED_HEADER_KEY, GUARD_RULE, title: GUARD_TEXT.title }).toEqual({
    OWNED_NAME_PREFIX: '_KPIAlign_Owned_',
    SETTINGS_NAME: '_KPIAlign_Settings',
    REPORT_NAME_PREFIX: '_KPIAlign_Report_',
    LISTS_SHEET: 'KPI Align Lists',
    ISSUE_MARK_TAG: 'KPI Align issue mark',
    OWNED_HEADER_KEY: 'KPI Align',
    GUARD_RULE: 'FALSE',
    title: 'KPI Align column',
  });
  expect(Object.values(LIST_NAMES)).toEqual(['Parent', 'Level', 'Direction', 'Rollup', 'Frequency'].map((list) => `_KPIAlign_List_${list}`));
});

test('every defined name of ours begins with NAME_PREFIX, and none begins another (Excel compares names case-insensitively)', () => {
  expect(OUR_NAMES).toHaveLength(3 + Object.keys(LIST_NAMES).length);
  for (const name of OUR_NAMES) {
    expect(name.startsWith(NAME_PREFIX)).toBe(true);
    // A valid Excel name: a letter or underscore, then letters, digits, underscores and periods.
    expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
    for (const other of OUR_NAMES) if (other !== name) expect(other.toLowerCase().startsWith(name.toLowerCase())).toBe(false);
  }
});

test('only the markers are taken for markers, and the next marker is named from the prefix', () => {
  expect(OUR_NAMES.filter(isMarkerName)).toEqual([OWNED_NAME_PREFIX]);
  expect(nextMarkerName([])).toBe(`${OWNED_NAME_PREFIX}1`);
});

test('the lists sheet is a sheet name Excel takes; the guard texts fit the Data Validation dialog', () => {
  expect(isValidSheetName(LISTS_SHEET)).toBe(true);
  expect(GUARD_TEXT.title.length).toBeLessThanOrEqual(32);
  expect(GUARD_TEXT.alert.length).toBeLessThanOrEqual(225);
  expect(GUARD_TEXT.prompt.length).toBeLessThanOrEqual(255);
});

test('a column of ours beside a person\'s of the same header is named with the owned-header key, and found again by it', () => {
  const [placed] = placeComputedColumns(['Status'], ['Status'], []);
  expect(placed).toEqual({ name: `Status (${OWNED_HEADER_KEY})`, existingIndex: null });
  expect(placeComputedColumns(['Status', placed.name], ['Status'], [placed.name])).toEqual([{ name: placed.name, existingIndex: 1 }]);
});
