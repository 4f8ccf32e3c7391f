/** The written columns' descriptors and computedColumns, which every host writes from. */

import { COMPUTED_HEADERS, computedColumns, fieldForHeader, headerKey, STATUS_COLORS, STATUSES, WRITTEN_COLUMNS } from '../../src/core';
import { RENAMED_WITH_TREND, TREND } from '../support/written-columns';
import { check, table } from './build';

describe('the descriptors', () => {
  test('are the columns of spec section 6, in its order, ratios as percentages and Aligned as TRUE/FALSE', () => {
    // The one copy of the spec's list in the tests; every other test reads COMPUTED_HEADERS.
    expect(COMPUTED_HEADERS).toEqual(['Progress', 'Score', 'Expected', 'Status', 'Contribution', 'Aligned', 'Path', 'Issues']);
    expect(WRITTEN_COLUMNS.map((column) => column.format)).toEqual(['percent', 'percent', 'percent', 'text', 'percent', 'boolean', 'text', 'text']);
  });

  test('keep the widths and colours the hosts had: Path 40, texts 24, numbers 12; Status in its colours', () => {
    expect(Object.fromEntries(WRITTEN_COLUMNS.map((column) => [column.header, column.width]))).toEqual({
      Progress: 12, Score: 12, Expected: 12, Status: 24, Contribution: 12, Aligned: 12, Path: 40, Issues: 24,
    });
    expect(WRITTEN_COLUMNS.filter((column) => 'colors' in column).map((column) => column.header)).toEqual(['Status']);
    expect(Object.keys(STATUS_COLORS)).toEqual([...STATUSES]);
  });

  test('have headers that differ however they are spelled and are never read as an input column', () => {
    expect(new Set(COMPUTED_HEADERS.map(headerKey)).size).toBe(COMPUTED_HEADERS.length);
    for (const header of COMPUTED_HEADERS) expect(fieldForHeader(header)).toBeUndefined();
  });
});

describe('computedColumns', () => {
  const source = table('KPIs', ['ID', 'Parent', 'Level', 'Target', 'Actual'], [
    ['OBJ', null, 'Objective', null, null],
    ['K1', 'OBJ', 'Team', 100, 80],
    [null, null, null, 5, null], // not a node: no ID
    ['K2', 'OBJ', 'Team', 100, 'lots'],
  ]);
  const report = check([source]);
  const codesOfRow4 = [...new Set(report.issues.filter((issue) => issue.row === 4).map((issue) => issue.code))];

  test('give each column its cells from its descriptor: nodes by value, the other rows by otherRow', () => {
    const columns = computedColumns(report, source, RENAMED_WITH_TREND);
    expect(columns.map((column) => column.header)).toEqual(RENAMED_WITH_TREND.map((column) => column.header));
    const nodes = [report.nodes[0], report.nodes[1], null, report.nodes[2]];
    columns.forEach((column, k) => {
      const descriptor = RENAMED_WITH_TREND[k];
      expect(column).toEqual({
        header: descriptor.header,
        format: descriptor.format,
        width: descriptor.width,
        ...(descriptor.colors ? { colors: descriptor.colors } : {}),
        values: nodes.map((node) => (node ? descriptor.value(node) : descriptor.otherRow?.(codesOfRow4) ?? null)),
      });
    });
    expect(columns[columns.length - 1].values[2]).toBe(TREND.otherRow?.([]));
  });

  test("the Issues column gives a row that is not a node its issues' codes, and every other column leaves it empty", () => {
    const columns = computedColumns(report, source);
    const row = columns.map((column) => column.values[2]);
    expect(codesOfRow4.length).toBeGreaterThan(0);
    expect(row).toEqual(COMPUTED_HEADERS.map((header) => (header === 'Issues' ? codesOfRow4.join('; ') : null)));
  });

  test('a table that takes no part gets no columns', () => {
    const notes = table('Notes', ['Remark'], [['hello']]);
    expect(computedColumns(check([source, notes]), notes, RENAMED_WITH_TREND)).toEqual([]);
  });
});
