/**
 * Real KPI lists (test/fixtures/real/README.md names their sources) against reports worked out by hand
 * from the files: targets written as text, and the direction guessed from a KPI's name (spec section 8).
 */

import { readFileSync } from 'fs';
import { join } from 'path';
import type { CellValue, SourceTable } from '../../src/core';
import { check, node, where } from './build';

/** A small CSV reader for the fixtures: commas, double-quoted fields, one record a line. */
function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((line) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let index = 0; index < line.length; index++) {
      const char = line[index];
      if (quoted && char === '"' && line[index + 1] === '"') cell += line[++index];
      else if (char === '"') quoted = !quoted;
      else if (char === ',' && !quoted) {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    cells.push(cell);
    return cells;
  });
}

/** A fixture as the checker reads a CSV: the file name is the sheet, the first row the header, empty cells blank. */
function fixture(file: string, transform: (rows: string[][]) => string[][] = (rows) => rows): SourceTable {
  const [header, ...rows] = transform(csvRows(readFileSync(join(__dirname, '../fixtures/real', `${file}.csv`), 'utf8')));
  const cells = rows.map((row) => row.map((cell): CellValue => (cell === '' ? null : cell)));
  return { sheet: file, table: file, origin: 'A1', header, rows: cells };
}

describe('Hart District Council, quarterly KPIs (plain number targets, no Direction column)', () => {
  const report = check([fixture('hart-district-council-kpis')]);
  const SHEET = "'hart-district-council-kpis'!";

  test('the KPIs whose names say time, days or incidents, and no deadline, are guessed lower-is-better', () => {
    expect(where(report, 'direction-assumed')).toEqual(
      ['HR11@B8', 'HS01@B9', 'LS05@B13', 'RB07@B15', 'RB08@B16', 'RB09@B17', 'SNH03@B20'].map((at) => at.replace('@', `@${SHEET}`)),
    );
    const hr11 = report.issues.find((issue) => issue.code === 'direction-assumed' && issue.id === 'HR11');
    expect(hr11?.message).toContain('"days", so it is scored lower-is-better');
  });

  test('and scored so: the council marked HR11 and RB08 red, HS01, RB07 and RB09 green', () => {
    // lower, no baseline: B = 2T, p = (2T − A) / T
    expect(node(report, 'HR11').progress).toBeCloseTo((3.16 - 2.6) / 1.58, 9);
    expect(node(report, 'HR11').status).toBe('Off track');
    expect(node(report, 'RB08').progress).toBeCloseTo((16 - 9.05) / 8, 9);
    expect(node(report, 'HS01').progress).toBeCloseTo(19 / 15, 9);
    expect(node(report, 'RB07').progress).toBeCloseTo((46 - 19.94) / 23, 9);
    expect(node(report, 'RB09').progress).toBeCloseTo((24 - 9.4) / 12, 9);
    for (const id of ['HS01', 'RB07', 'RB09']) expect(node(report, id).status).toBe('Achieved');
    // days ahead / behind against a target of 0: no direction makes a span of it
    expect(where(report, 'baseline-required')).toEqual([`LS05@${SHEET}H13`]);
  });

  test('a deadline ("within 14 days", "on time", "in prescribed time") or a word like "resolved" or "reduction" keeps higher-is-better', () => {
    expect(node(report, 'RB02').progress).toBeCloseTo(95.6 / 90, 9);
    expect(node(report, 'IA02').progress).toBe(1);
    expect(node(report, 'IT02').progress).toBeCloseTo(100 / 90, 9);
    expect(node(report, 'RS21').progress).toBeCloseTo(98.8 / 98, 9);
    expect(node(report, 'IT01').progress).toBeCloseTo(42.5 / 60, 9);
    expect(node(report, 'SNH01').progress).toBe(0);
  });

  test('plain number targets read as before: no target is read as text', () => {
    expect(where(report, 'invalid-number')).toEqual([]);
    expect(where(report, 'invalid-direction')).toEqual([]);
  });
});

describe('a hospital dashboard (targets written ">=95", a UoM column, no ID column)', () => {
  // The table has no ID column; the KPI names are unique, so they serve as IDs here.
  const report = check([fixture('hospital-dashboard-kpis', (rows) => rows.map((row, index) => [index === 0 ? 'ID' : row[1], ...row]))]);

  test('the comparator gives the number and the direction', () => {
    expect(where(report, 'invalid-number')).toEqual([]);
    expect(node(report, 'Attendance').progress).toBeCloseTo(94 / 95, 9);
    expect(node(report, 'Mean Time Between Failures').progress).toBeCloseTo(143 / 90, 9);
    expect(node(report, 'PO Cycle Time').progress).toBeCloseTo(95 / 75, 9);
  });

  test('names that say "time" are not guessed: the target already says higher is better', () => {
    expect(where(report, 'direction-assumed')).toEqual([]);
  });
});
