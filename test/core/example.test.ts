/**
 * The example scorecard (examples/scorecard.json, the data behind examples/scorecard.xlsx) against
 * the issues its author worked out by hand from the spec (examples/expected-issues.json).
 */

import { checkTables, SourceTable } from '../../src/core';
import example from '../../examples/scorecard.json';
import expected from '../../examples/expected-issues.json';

const report = checkTables(example.tables as SourceTable[], { asOf: example.asOf });

test('the engine finds exactly the deliberate defects, on the cells listed', () => {
  const found = report.issues.map((issue) => ({ code: issue.code, cell: issue.cell, id: issue.id }));
  expect(found).toEqual(expected);
});

test('the summary', () => {
  expect(report.summary).toMatchObject({
    objectives: 8,
    kpis: 59,
    aligned: 54,
    errors: 7,
    warnings: 7,
    infos: 0,
    status: { Achieved: 5, 'On track': 40, 'At risk': 11, 'Off track': 3, 'No data': 8 },
  });
  expect(report.summary.orgScore).toBeCloseTo(0.732, 3);
  expect(Object.keys(report.summary.byPerspective)).toEqual(['Financial', 'Customer', 'Internal Process', 'Learning & Growth']);
});

test('every table is listed with its role; the About sheet is not part of the JSON data', () => {
  expect(report.tables.map((table) => [table.table, table.role])).toEqual([
    ['Objectives', 'objectives'], ['DeptKPIs', 'kpis'], ['TeamSales', 'kpis'], ['TeamOps', 'kpis'], ['IndividualGoals', 'kpis'],
  ]);
});
