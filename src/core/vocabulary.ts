/**
 * The words of each enumerated field (spec section 3), one table per vocabulary: each entry is a
 * value with the name a team sheet's dropdown and the messages show, and the words the engine
 * accepts for it. The parser maps, the rule messages that list the choices, the dropdowns and help
 * of a team sheet and the custom functions' argument messages are all derived from these tables.
 * Words are matched after trimming, lower-casing and collapsing inner spaces (`vocabularyKey`).
 */

/** One value of a vocabulary: the engine's value, its name as a dropdown offers it, the words read as it. */
interface Term<V> {
  value: V;
  name: string;
  words: readonly string[];
}

/** Levels from the top of the cascade down: a level's rank is its place here, 0 for Objective. */
export const LEVELS = [
  { name: 'Objective', words: ['objective', 'strategic objective', 'goal', 'theme'] },
  { name: 'Organization', words: ['organization', 'organisation', 'org', 'company', 'corporate', 'enterprise'] },
  { name: 'Department', words: ['department', 'dept', 'division', 'function', 'business unit', 'bu'] },
  { name: 'Team', words: ['team', 'group', 'squad'] },
  { name: 'Individual', words: ['individual', 'person', 'personal', 'employee', 'role'] },
] as const;

export type LevelName = (typeof LEVELS)[number]['name'];

/** Level names by rank. */
export const LEVEL_NAMES: readonly LevelName[] = LEVELS.map((level) => level.name);

export const DIRECTIONS = [
  { value: 'higher', name: 'Higher is better', words: ['higher is better', 'higher', 'increase', 'up', 'max', 'maximize', 'at least', 'stay above', '↑', 'grow', 'growth'] },
  { value: 'lower', name: 'Lower is better', words: ['lower is better', 'lower', 'decrease', 'down', 'min', 'minimize', 'at most', 'stay below', '↓', 'reduce', 'reduction'] },
  { value: 'range', name: 'Range', words: ['range', 'target range', 'between', 'in range', 'maintain', 'within'] },
] as const satisfies readonly Term<string>[];

export type Direction = (typeof DIRECTIONS)[number]['value'];

export const ROLLUPS = [
  { value: 'weighted', name: 'Weighted', words: ['weighted', 'weighted average'] },
  { value: 'average', name: 'Average', words: ['average', 'avg', 'mean'] },
  { value: 'min', name: 'Min', words: ['min', 'minimum', 'worst'] },
  { value: 'max', name: 'Max', words: ['max', 'maximum', 'best'] },
  { value: 'sum', name: 'Sum', words: ['sum', 'total'] },
  { value: 'none', name: 'None', words: ['none', 'self', 'manual'] },
] as const satisfies readonly Term<string>[];

export type Rollup = (typeof ROLLUPS)[number]['value'];

/** How long an actual stays fresh: a number of days or of calendar months. */
export interface Period {
  days?: number;
  months?: number;
}

export const FREQUENCIES = [
  { value: 'daily', name: 'Daily', words: ['daily', 'per day'], period: { days: 1 } },
  { value: 'weekly', name: 'Weekly', words: ['weekly', 'per week'], period: { days: 7 } },
  // A fortnight is its own period: a finance team paid or reporting fortnightly expects 14 days, not a week.
  { value: 'fortnightly', name: 'Fortnightly', words: ['fortnightly', 'every two weeks'], period: { days: 14 } },
  { value: 'monthly', name: 'Monthly', words: ['monthly', 'per month'], period: { months: 1 } },
  { value: 'quarterly', name: 'Quarterly', words: ['quarterly', 'per quarter'], period: { months: 3 } },
  // Biannual is twice a year (biennial, every two years, is not a reporting period we know).
  { value: 'semiannual', name: 'Semiannual', words: ['semiannual', 'semiannually', 'semi-annual', 'semi-annually', 'biannual', 'biannually', 'half-yearly', 'half yearly'], period: { months: 6 } },
  { value: 'annual', name: 'Annual', words: ['annual', 'annually', 'yearly', 'per year'], period: { months: 12 } },
] as const satisfies readonly (Term<string> & { period: Period })[];

export type Frequency = (typeof FREQUENCIES)[number]['value'];

/**
 * Words in a KPI's name that say lower is better, for a KPI whose direction is written nowhere
 * (spec section 8, "Direction guessed"). Whole words, case-insensitive; a hyphenated compound is one
 * word, so "on-time", "same-day" and "error-free" are not "time", "day" or "error". Nouns are listed
 * in the singular and the plural, except "days": "day" is usually a rate ("per day", "same-day").
 * The verbs only: "reduction" names the amount reduced ("% Reduction in complaints"), which is better higher.
 */
export const LOWER_IS_BETTER_NAME_WORDS: readonly string[] = [
  'reduce', 'reducing', 'decrease', 'decreasing', 'lower', 'lowering', 'minimise', 'minimize', 'minimising', 'minimizing',
  'cost', 'costs', 'time', 'times', 'days', 'defect', 'defects', 'error', 'errors', 'incident', 'incidents',
  'complaint', 'complaints', 'attrition', 'turnover',
];

/**
 * Words that undo the guess: the name counts something good about a lower-is-better quantity
 * ("cost savings", "incidents resolved", "reduction in complaints").
 */
export const HIGHER_IS_BETTER_NAME_WORDS: readonly string[] = [
  'saving', 'savings', 'saved', 'avoided', 'prevented', 'resolved', 'closed', 'reduction', 'reductions', 'improvement',
];

/**
 * A deadline in the name: the KPI counts what was done in time ("% of claims decided within 14 days",
 * "invoices paid on time", "inspections carried out in prescribed time"), which is better higher.
 * Also "decrease in", a noun like "reduction".
 */
const DEADLINE_OR_AMOUNT = /\bwithin\b|\b(?:on|in) time\b|\bprescribed\b|\bin \d|\bdecrease in\b/;

/** Words beside which "turnover" is a company's sales, as British accounts call it, not staff leaving. */
const TURNOVER_AS_SALES = new Set(['sales', 'revenue', 'income', 'annual', 'company', 'group']);

const LOWER_NAME_WORDS = new Set(LOWER_IS_BETTER_NAME_WORDS);
const HIGHER_NAME_WORDS = new Set(HIGHER_IS_BETTER_NAME_WORDS);

/** The word of a KPI's name that says lower is better, or null when none does (or the name undoes it). */
export function lowerIsBetterWord(name: string): string | null {
  const text = name.toLowerCase();
  if (DEADLINE_OR_AMOUNT.test(text)) return null;
  const words = text.split(/[^a-z0-9\u00c0-\u024f'’-]+/).map((word) => word.replace(/^[-'’]+|[-'’]+$/g, ''));
  if (words.some((word) => HIGHER_NAME_WORDS.has(word))) return null;
  const sales = words.some((word) => TURNOVER_AS_SALES.has(word));
  return words.find((word) => LOWER_NAME_WORDS.has(word) && !(word === 'turnover' && sales)) ?? null;
}

/** The four standard perspectives; a perspective's value is its name. Any other text is kept as written. */
export const PERSPECTIVE_TERMS = [
  { name: 'Financial', words: ['financial', 'finance'] },
  { name: 'Customer', words: ['customer', 'customers', 'client', 'clients', 'stakeholder', 'stakeholders'] },
  { name: 'Internal Process', words: ['internal', 'internal process', 'internal processes', 'internal business process', 'process', 'operations'] },
  { name: 'Learning & Growth', words: ['learning & growth', 'learning and growth', 'learning', 'growth', 'people'] },
] as const;

export const PERSPECTIVES: readonly string[] = PERSPECTIVE_TERMS.map((perspective) => perspective.name);

/** The map from each accepted word to its value, the one a parser looks a key up in. */
function wordMap<T extends { words: readonly string[] }, V>(terms: readonly T[], valueOf: (term: T, rank: number) => V): Map<string, V> {
  const map = new Map<string, V>();
  terms.forEach((term, rank) => {
    for (const word of term.words) map.set(word, valueOf(term, rank));
  });
  return map;
}

/** Level words to ranks. */
export const LEVEL_WORDS: Map<string, number> = wordMap(LEVELS, (_, rank) => rank);
export const DIRECTION_WORDS: Map<string, Direction> = wordMap(DIRECTIONS, (term) => term.value);
export const ROLLUP_WORDS: Map<string, Rollup> = wordMap(ROLLUPS, (term) => term.value);
export const FREQUENCY_WORDS: Map<string, Frequency> = wordMap(FREQUENCIES, (term) => term.value);
export const PERSPECTIVE_WORDS: Map<string, string> = wordMap(PERSPECTIVE_TERMS, (term) => term.name);

/** How long an actual of each frequency stays fresh. */
export const FREQUENCY_PERIOD = Object.fromEntries(
  FREQUENCIES.map((frequency) => [frequency.value, frequency.period]),
) as Record<Frequency, Period>;

/** The key every vocabulary lookup uses. */
export function vocabularyKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Choices as a sentence offers them: "a, b or c"; `last` joins the last two (", or " where a list reads better with it). */
export function choicesText(choices: readonly string[], last = ' or '): string {
  return choices.length <= 1 ? choices.join('') : `${choices.slice(0, -1).join(', ')}${last}${choices[choices.length - 1]}`;
}
