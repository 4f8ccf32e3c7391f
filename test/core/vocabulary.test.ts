/**
 * The words of each vocabulary as every place shows them: the rule messages that list the choices,
 * a team sheet's dropdowns and its help. Pinned as text, so that deriving them from one table
 * changes none of them (the custom functions' argument messages are pinned in test/functions).
 */

import {
  checkTables, choiceLists, choicesText, DIRECTIONS, FREQUENCIES, LEVEL_NAMES, LEVELS, PERSPECTIVES, planTeamSheet, ROLLUPS, RULES, TEAM_LEVELS,
} from '../../src/core';
import { parseDirection, parseFrequency, parseLevel, parsePerspective, parseRollup } from '../../src/core/values';
import { FREQUENCY_PERIOD, PERSPECTIVE_TERMS, vocabularyKey } from '../../src/core/vocabulary';

const at = { subject: 'KPI K1', cell: 'KPIs!C2', text: 'x' };

describe('the rule messages list the choices', () => {
  test('levels, directions, rollups and frequencies', () => {
    expect(RULES['invalid-level'].message(at)).toBe('KPI K1: Level "x" in KPIs!C2 is not a level; use Objective, Organization, Department, Team or Individual.');
    expect(RULES['invalid-direction'].message(at)).toBe('KPI K1: Direction "x" in KPIs!C2 is not a direction; use higher, lower or range. It gets no progress until then.');
    expect(RULES['invalid-rollup'].message(at)).toBe('KPI K1: Rollup "x" in KPIs!C2 is not a rollup method; weighted is used. Use weighted, average, min, max, sum or none.');
    expect(RULES['invalid-frequency'].message(at)).toBe('KPI K1: Frequency "x" in KPIs!C2 is not a frequency; use daily, weekly, fortnightly, monthly, quarterly, semiannual or annual.');
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
      'Frequency choices': ['Daily', 'Weekly', 'Fortnightly', 'Monthly', 'Quarterly', 'Semiannual', 'Annual'],
    });
  });

  test('the Direction help names the choices', () => {
    const planned = planTeamSheet(report, { team: 'Sales', level: 'Team', sheets: [], tables: [] });
    const help = planned.ok ? planned.plan.help.find((column) => column.title === 'Direction') : undefined;
    expect(help?.message).toBe('Higher is better, Lower is better, or Range (stay between Target Min and Target Max).');
  });
});

describe('each vocabulary is one table', () => {
  test('every name and value reads as itself, so a dropdown offers only words the engine accepts', () => {
    LEVELS.forEach((level, rank) => expect(parseLevel(level.name)).toBe(rank));
    for (const term of DIRECTIONS) expect([parseDirection(term.name), parseDirection(term.value)]).toEqual([term.value, term.value]);
    for (const term of ROLLUPS) expect([parseRollup(term.name), parseRollup(term.value)]).toEqual([term.value, term.value]);
    for (const term of FREQUENCIES) expect([parseFrequency(term.name), parseFrequency(term.value)]).toEqual([term.value, term.value]);
    for (const name of PERSPECTIVES) expect(parsePerspective(name.toUpperCase())).toBe(name);
  });

  test('no word means two values of one vocabulary, and every word is written as its key', () => {
    for (const terms of [LEVELS, DIRECTIONS, ROLLUPS, FREQUENCIES, PERSPECTIVE_TERMS] as readonly (readonly { words: readonly string[] }[])[]) {
      const words = terms.flatMap((term) => term.words);
      expect(new Set(words).size).toBe(words.length);
      for (const word of words) expect(vocabularyKey(word)).toBe(word);
    }
  });

  test('a frequency keeps an actual fresh for its period', () => {
    expect(FREQUENCY_PERIOD).toEqual({
      daily: { days: 1 }, weekly: { days: 7 }, fortnightly: { days: 14 }, monthly: { months: 1 }, quarterly: { months: 3 }, semiannual: { months: 6 }, annual: { months: 12 },
    });
  });

  test('a team sheet is for every level below the objectives', () => {
    expect(TEAM_LEVELS).toEqual(LEVEL_NAMES.slice(1));
  });

  test('choices read as a sentence', () => {
    expect(choicesText([])).toBe('');
    expect(choicesText(['a'])).toBe('a');
    expect(choicesText(['a', 'b'])).toBe('a or b');
    expect(choicesText(['a', 'b', 'c'], ', or ')).toBe('a, b, or c');
  });
});
