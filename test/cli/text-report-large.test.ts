/**
 * The text report of a workbook with hundreds of thousands of issues of one rule (a flat list of
 * 300,000 KPIs without owners): every issue is listed once, in order, and nothing in the rendering
 * grows faster than the issues (before, the group was copied for every issue, 26 s of CPU at 300,000
 * rows, and the column width was a Math.max over all of them, which overflowed the stack past about
 * 125,000).
 */

import { checkTables, type CascadeReport, type Issue } from '../../src/core';
import { renderTextReport } from '../../src/cli/text-report';

const plain = { out: () => undefined, err: () => undefined, colour: false, progress: false };

test('200,000 issues of one rule are each listed once, under one heading', () => {
  const report: CascadeReport = checkTables([], { asOf: '2026-09-30' });
  const issue = (row: number): Issue => ({
    code: 'missing-owner', severity: 'warning', message: `KPI K${row} has no owner in Sheet1!E${row}.`, details: {},
    workbook: null, sheet: 'Sheet1', table: null, row, column: 'Owner', cell: `Sheet1!E${row}`, id: `K${row}`,
  } as Issue);
  const issues = Array.from({ length: 200_000 }, (_, index) => issue(index + 2));
  const text = renderTextReport({ ...report, issues, summary: { ...report.summary, warnings: issues.length } }, plain);
  const lines = text.split('\n');
  expect(lines.filter((line) => line.startsWith('  missing-owner'))).toEqual(['  missing-owner (200000)']);
  const listed = lines.filter((line) => line.startsWith('    Sheet1!E'));
  expect(listed).toHaveLength(200_000);
  expect(listed[0]).toBe('    Sheet1!E2       KPI K2 has no owner in Sheet1!E2.');
  expect(listed[199_999]).toBe('    Sheet1!E200001  KPI K200001 has no owner in Sheet1!E200001.');
});
