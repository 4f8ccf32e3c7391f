/**
 * The add-in decides which columns are its own, and names new ones, exactly as the checker does
 * (src/xlsx/write-plan.ts): the same workbook must never get two sets of columns from the two.
 */

import fc from 'fast-check';
import { COMPUTED_HEADERS } from '../../src/core';
import { markerHeaders, resolveColumns } from '../../src/excel/ownership';
import { resolveColumns as checkerResolveColumns, type Target } from '../../src/xlsx/write-plan';

const NAMES = ['ID', 'Parent', 'Target', 'Status', 'status', 'Status (KPI Align)', 'Score', 'Score (KPI Align 2)', 'Path ', 'Notes', 'Issues (KPI Align)'];

test('the same columns are ours, and new ones get the same names, as in the checker', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, selector: (name) => name.trim().toLowerCase() }),
      fc.subarray(NAMES),
      (existing, owned) => {
        const target = { columns: existing.map((name, i) => ({ col: 3 + i, name })), right: 2 + existing.length } as unknown as Target;
        const theirs = checkerResolveColumns(target, [...COMPUTED_HEADERS], owned);
        const ours = resolveColumns(existing, [...COMPUTED_HEADERS], owned);
        expect(ours.map(({ index, name, appended }) => ({ col: 3 + index, name, appended }))).toEqual(theirs);
      },
    ),
  );
});

test('the marker keeps our columns that still exist, then adds the ones written now', () => {
  const resolved = resolveColumns(['ID', 'Status', 'Score'], ['Score', 'Status'], ['Score', 'Gone']);
  expect(markerHeaders(['ID', 'Status', 'Score'], ['Score', 'Gone'], resolved)).toEqual(['Score', 'Status (KPI Align)']);
});
