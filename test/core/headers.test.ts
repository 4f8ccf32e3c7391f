/** Header matching (spec sections 2 and 8): which header names which field. */

import { COMPUTED_HEADERS, fieldForHeader, headerKey } from '../../src/core';

describe('headerKey', () => {
  test('ignores case, spaces, _ and -, a trailing % and a trailing colon', () => {
    expect(['KPI ID', 'kpi_id', 'Kpi-Id', 'KPI ID:', 'KPI ID :'].map(headerKey)).toEqual(Array(5).fill('kpiid'));
    expect(headerKey('Weight %')).toBe('weight');
    expect(headerKey('Weight %:')).toBe('weight');
  });

  test('ignores the text after a line break', () => {
    expect(headerKey('Target\n(FY26)')).toBe('target');
    expect(headerKey('Target\r\nFY26')).toBe('target');
    expect(headerKey('\nActual')).toBe('actual');
  });
});

describe('fieldForHeader', () => {
  test('forgives the layouts people use', () => {
    expect(fieldForHeader('Owner:')).toBe('owner');
    expect(fieldForHeader('Target\n(FY26)')).toBe('target');
    expect(fieldForHeader('Target Value:')).toBe('target');
  });

  test('a plural is read as its word: Targets, Parents, Owners, Parent IDs, KPI Names', () => {
    expect(['Targets', 'Parents', 'Owners', 'Parent IDs', 'KPI Names', 'Weights'].map(fieldForHeader)).toEqual([
      'target', 'parent', 'owner', 'parent', 'name', 'weight',
    ]);
  });

  test('a word that ends in s of itself is not cut short', () => {
    expect(['Status', 'Progress', 'Bus', 'Ss', 's'].map(fieldForHeader)).toEqual(Array(5).fill(undefined));
  });

  test('the computed headers are never read as input, however they are written', () => {
    for (const header of COMPUTED_HEADERS) {
      for (const written of [header, `${header}:`, `${header}s`, `${header}\n(ours)`, header.toUpperCase()]) {
        expect(fieldForHeader(written)).toBeUndefined();
      }
    }
  });

  test('the headers of section 2 still map as before', () => {
    expect(['ID', 'Aligns To', 'Target %', 'Roll-up', 'As Of'].map(fieldForHeader)).toEqual(['id', 'parent', 'target', 'rollup', 'updated']);
  });
});
