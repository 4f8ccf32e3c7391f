import { checkTables, type Issue } from '../../src/core';
import { groupIssues, issueMatches, issueTarget } from '../../src/taskpane/issue-groups';
import { isDarkOfficeTheme } from '../../src/taskpane/theme';
import { EXAMPLE_AS_OF, EXAMPLE_TABLES } from './fake-workbook';

const issues = checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF }).issues;

describe('the Office theme', () => {
  test('dark when Office says so', () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: '#FFFFFF' })).toBe(true);
    expect(isDarkOfficeTheme({ isDarkTheme: false, bodyBackgroundColor: '#000000' })).toBe(false);
  });

  test('from the background colour where Office gives only colours', () => {
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#262626' })).toBe(true); // Office's Dark Gray
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#E6E6E6' })).toBe(false); // Office's Light Gray
    expect(isDarkOfficeTheme({ bodyBackgroundColor: '#FFFFFF' })).toBe(false);
  });

  test("from the browser's preference where there is no Office theme", () => {
    expect(isDarkOfficeTheme(undefined, true)).toBe(true);
    expect(isDarkOfficeTheme(undefined, false)).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: 'not a colour' }, true)).toBe(true);
  });
});

describe('issue groups', () => {
  test('errors, then warnings, then info; rules in workbook order', () => {
    const info: Issue = { ...issues[0], code: 'manual-and-rollup', severity: 'info', message: 'KPI FIN-01 has an Actual and a sum of its children.' };
    const groups = groupIssues([...issues, info]);
    expect(groups.map((group) => [group.title, group.count])).toEqual([['Errors', 7], ['Warnings', 7], ['Info', 1]]);
    expect(groups[0].rules.map((rule) => rule.code)).toEqual([
      'level-inverted', 'baseline-required', 'duplicate-id', 'invalid-number', 'invalid-direction', 'unknown-parent',
    ]);
  });

  test('a filter keeps issues whose words all appear, in any case', () => {
    const j9 = issues.find((issue) => issue.cell === "'Team Sales'!J9") as Issue;
    expect(issueMatches(j9, '  tbd   sal-08 ')).toBe(true);
    expect(issueMatches(j9, 'tbd objectives')).toBe(false);
    expect(groupIssues(issues, 'weights').flatMap((group) => group.rules.map((rule) => rule.code))).toEqual(['weights-not-100']);
  });

  test("an issue's target is its sheet and the cell without the sheet part", () => {
    const j9 = issues.find((issue) => issue.cell === "'Team Sales'!J9") as Issue;
    expect(issueTarget(j9)).toEqual({ sheet: 'Team Sales', address: 'J9' });
    expect(issueTarget({ ...j9, cell: null })).toBeNull();
  });
});
