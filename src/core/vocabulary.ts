/**
 * The words the spec accepts for each enumerated field (section 3), in one place.
 * Keys are matched after trimming, lower-casing and collapsing inner spaces.
 */

export type Direction = 'higher' | 'lower' | 'range';
export type Rollup = 'weighted' | 'average' | 'min' | 'max' | 'sum' | 'none';
export type Frequency = 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual';

/** Level names and their rank: 0 is the top of the cascade. */
export const LEVEL_NAMES = ['Objective', 'Organization', 'Department', 'Team', 'Individual'] as const;

export const PERSPECTIVES = ['Financial', 'Customer', 'Internal Process', 'Learning & Growth'] as const;

function table<T>(entries: Record<string, readonly string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of Object.entries(entries)) {
    for (const word of words) map.set(word, value as unknown as T);
  }
  return map;
}

export const LEVEL_WORDS = new Map<string, number>(
  [
    ['objective', 'strategic objective', 'goal', 'theme'],
    ['organization', 'organisation', 'org', 'company', 'corporate', 'enterprise'],
    ['department', 'dept', 'division', 'function', 'business unit', 'bu'],
    ['team', 'group', 'squad'],
    ['individual', 'person', 'personal', 'employee', 'role'],
  ].flatMap((words, rank) => words.map((word) => [word, rank] as [string, number])),
);

export const DIRECTION_WORDS = table<Direction>({
  higher: ['higher is better', 'higher', 'increase', 'up', 'max', 'maximize', 'at least', 'stay above', '↑'],
  lower: ['lower is better', 'lower', 'decrease', 'down', 'min', 'minimize', 'at most', 'stay below', '↓'],
  range: ['range', 'target range', 'between', 'in range', 'maintain', 'within'],
});

export const ROLLUP_WORDS = table<Rollup>({
  weighted: ['weighted', 'weighted average'],
  average: ['average', 'avg', 'mean'],
  min: ['min', 'minimum', 'worst'],
  max: ['max', 'maximum', 'best'],
  sum: ['sum', 'total'],
  none: ['none', 'self', 'manual'],
});

export const FREQUENCY_WORDS = table<Frequency>({
  daily: ['daily'],
  weekly: ['weekly'],
  monthly: ['monthly'],
  quarterly: ['quarterly'],
  semiannual: ['semiannual'],
  annual: ['annual', 'yearly'],
});

/** How long an actual stays fresh, in days or calendar months. */
export const FREQUENCY_PERIOD: Record<Frequency, { days?: number; months?: number }> = {
  daily: { days: 1 },
  weekly: { days: 7 },
  monthly: { months: 1 },
  quarterly: { months: 3 },
  semiannual: { months: 6 },
  annual: { months: 12 },
};

export const PERSPECTIVE_WORDS = table<string>({
  Financial: ['financial', 'finance'],
  Customer: ['customer', 'customers', 'client', 'clients', 'stakeholder', 'stakeholders'],
  'Internal Process': ['internal', 'internal process', 'internal processes', 'internal business process', 'process', 'operations'],
  'Learning & Growth': ['learning & growth', 'learning and growth', 'learning', 'growth', 'people'],
});

/** The key every vocabulary lookup uses. */
export function vocabularyKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
