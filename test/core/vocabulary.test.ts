/**
 * The words of each vocabulary as every place shows them: the rule messages that list the choices,
 * a team sheet's dropdowns and its help. Pinned as text, so that deriving them from one table
 * changes none of them (the custom functions' argument messages are pinned in test/functions).
 */

import { checkTables, choiceLists, planTeamSheet, RULES } from '../../src/core';

const at = { subject: 'KPI K1', cell: 'KPIs!C2', text: 'x' };

describe('the rule messages list the choices', () => {
  test('levels, directions, rollups and frequencies', () => {
    expect(RULES['invalid-level'].message(at)).toBe('KPI K1: Level "x" in KPIs!C2 is not a level; use Objective, Organization, Department, Team or Individual.');
    expect(RULES['invalid-direction'].message(at)).toBe('KPI K1: Direction "x" in KPIs!C2 is not a direction; use higher, lower or range. It gets no progress until then.');
    expect(RULES['invalid-rollup'].message(at)).toBe('KPI K1: Rollup "x" in KPIs!C2 is not a rollup method; weighted is used. Use weighted, average, min, max, sum or none.');
    expect(RULES['invalid-frequency'].message(at)).toBe('KPI K1: Frequency "x" in KPIs!C2 is not a frequency; use daily, weekly, monthly, quarterly, semiannual or annual.');
  });
});

describe("a team sheet's dropdowns and help", () => {
  const report = checkTables([]);

  test('the choices of each list', () => {
    const lists = Object.fromEntries(choiceLists(report, 'Team').slice(1).map((list) => [list.heading, list.values]));
    expect(lists).toEqual({
      'Level choices': ['Organization', 'Department', 'Team', 'Individual'],
      'Direction choices': ['Higher is better', 'Lower is better', 'Range'],
      'Rollup choices': ['Weighted', 'Average', 'Min', 'Max', 'Sum', 'None'],
      'Frequency choices': ['Daily', 'Weekly', 'Monthly', 'Quarterly', 'Semiannual', 'Annual'],
    });
  });

  test('the Direction help names the choices', () => {
    const planned = planTeamSheet(report, { team: 'Sales', level: 'Team', sheets: [], tables: [] });
    const help = planned.ok ? planned.plan.help.find((column) => column.title === 'Direction') : undefined;
    expect(help?.message).toBe('Higher is better, Lower is better, or Range (stay between Target Min and Target Max).');
  });
});
