/**
 * fast-check arbitraries for the engine's input: junk tables that a host might hand over, valid
 * cascades written the many ways a person may write them, and parent links that loop.
 * The header synonyms and words are copied from the spec, not imported from the engine, so that
 * the properties check the engine against the contract rather than against itself. The written
 * columns' headers come from core's descriptors, so that a column added there is never read either.
 */

import fc from 'fast-check';
import { COMPUTED_HEADERS, type CellValue, type Settings, type SourceTable } from '../../src/core';

export const FIELD_HEADERS = {
  id: ['ID', 'KPI ID', 'Objective ID', 'Code', 'Ref', 'Key'],
  name: ['Name', 'KPI', 'KPI Name', 'Objective', 'Objective Name', 'Title', 'Measure', 'Metric'],
  level: ['Level', 'Tier', 'Type'],
  parent: ['Parent', 'Parent ID', 'Aligns To', 'Aligned To', 'Supports', 'Contributes To'],
  perspective: ['Perspective', 'BSC Perspective'],
  owner: ['Owner', 'Responsible', 'Accountable', 'Assignee'],
  unit: ['Unit', 'UoM', 'Unit of Measure'],
  direction: ['Direction', 'Polarity', 'Better'],
  baseline: ['Baseline', 'Start Value', 'Initial', 'Initial Value'],
  target: ['Target', 'Goal', 'Target Value'],
  targetMin: ['Target Min', 'Min', 'Minimum', 'Lower Bound', 'Floor'],
  targetMax: ['Target Max', 'Max', 'Maximum', 'Upper Bound', 'Ceiling'],
  tolerance: ['Tolerance'],
  actual: ['Actual', 'Current', 'Current Value', 'Value', 'YTD', 'Actual YTD'],
  weight: ['Weight', 'Weighting'],
  rollup: ['Rollup', 'Roll-up', 'Aggregation', 'Rollup Method'],
  start: ['Start Date', 'Period Start', 'From'],
  due: ['Due', 'Due Date', 'End Date', 'Deadline', 'Period End', 'To'],
  updated: ['Updated', 'Last Updated', 'As Of', 'Updated On'],
  frequency: ['Frequency', 'Update Frequency', 'Cadence'],
} as const;

export type Field = keyof typeof FIELD_HEADERS;
const FIELDS = Object.keys(FIELD_HEADERS) as Field[];

const LEVEL_WORDS = [
  ['Objective', 'strategic objective', 'goal', 'theme'],
  ['Organization', 'organisation', 'org', 'company', 'corporate', 'enterprise'],
  ['Department', 'dept', 'division', 'function', 'business unit', 'BU'],
  ['Team', 'group', 'squad'],
  ['Individual', 'person', 'personal', 'employee', 'role'],
];
const DIRECTION_WORDS = [
  'higher is better', 'Higher', 'increase', 'up', 'max', 'maximize', 'at least', 'stay above', '↑',
  'Lower is better', 'lower', 'decrease', 'down', 'min', 'minimize', 'at most', 'stay below', '↓',
  'range', 'Target Range', 'between', 'in range', 'maintain', 'within',
];
const ROLLUP_WORDS = [
  'weighted', 'Weighted Average', 'average', 'AVG', 'mean', 'min', 'minimum', 'worst', 'max', 'Maximum', 'best',
  'sum', 'total', 'none', 'self', 'manual',
];
const FREQUENCY_WORDS = ['daily', 'Weekly', 'monthly', 'quarterly', 'semiannual', 'annual', 'yearly'];
const PERSPECTIVE_WORDS = [
  'Financial', 'finance', 'Customer', 'clients', 'stakeholders', 'Internal Process', 'operations',
  'Learning & Growth', 'learning and growth', 'people', 'ESG',
];
const BLANK_WORDS = ['', '  ', '-', '—', 'n/a', 'N/A'];
/** Texts that look like values and are not, or are only just. */
const TRICKY_TEXT = [
  'TBD', '#N/A', '#DIV/0!', '#REF!', '12%', '(300)', '$1,200.50', '€ 3', '1,2,3', '1e400', '-1e-400', '0x10', '.5', '5.',
  '2026-03-31', '2026-02-30', '2026-03-31T10:00:00Z', '31/12/2026', '=SUM(A1:A3)', '+1', '-0', 'NaN', 'Infinity', 'true',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
];
const WEIRD_TEXT = ['\u0000', '\uFEFF', '\u202E', '\u00A0', '𝟙𝟚', '🙂‍↔️', 'İ', 'ß', '\uD800', 'a\r\nb', ' '.repeat(300), 'x'.repeat(5000)];

const everyWord = [...LEVEL_WORDS.flat(), ...DIRECTION_WORDS, ...ROLLUP_WORDS, ...FREQUENCY_WORDS, ...PERSPECTIVE_WORDS];

/** A header as people write it: any case, spaces or `_` or `-` between words, sometimes a trailing %. */
const decoratedHeader = fc
  .tuple(fc.constantFrom(...FIELDS.flatMap((field) => FIELD_HEADERS[field])), fc.constantFrom('plain', 'upper', 'lower', 'snake', 'kebab', 'squashed', 'percent', 'padded'))
  .map(([header, style]) => {
    switch (style) {
      case 'upper': return header.toUpperCase();
      case 'lower': return header.toLowerCase();
      case 'snake': return header.replace(/ /g, '_');
      case 'kebab': return header.replace(/ /g, '-');
      case 'squashed': return header.replace(/ /g, '');
      case 'percent': return `${header} %`;
      case 'padded': return `  ${header} `;
      default: return header;
    }
  });

const weirdString = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom(...WEIRD_TEXT));

const anyNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, 1, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, 1e300, 2958465, 1e16, 2 ** 53 + 2),
);

/** IDs and parents from a small pool, so that rows collide, link and loop often. */
const idLike = fc.constantFrom<CellValue>('A', 'a', ' A ', 'B', 'b', 'C', '12', 12, 12.0, 'K-1', 'k-1', 'Objectives');

export const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: idLike, weight: 3 },
  { arbitrary: fc.constantFrom<CellValue>(...everyWord, ...BLANK_WORDS, ...TRICKY_TEXT), weight: 3 },
  { arbitrary: weirdString, weight: 2 },
  { arbitrary: anyNumber, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.date(), weight: 1 },
  { arbitrary: fc.constant(new Date(NaN)), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined), weight: 2 },
);

const anyHeader: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: decoratedHeader, weight: 6 },
  { arbitrary: fc.constantFrom(...COMPUTED_HEADERS), weight: 1 },
  { arbitrary: anyCell, weight: 2 },
);

/** Every field once, by one of its synonyms, in any order: every cell of a row is read as something. */
const everyFieldHeader = fc
  .tuple(fc.shuffledSubarray(FIELDS, { minLength: FIELDS.length }), fc.array(fc.nat(), { minLength: FIELDS.length, maxLength: FIELDS.length }))
  .map(([fields, picks]) => fields.map((field, index): CellValue => FIELD_HEADERS[field][picks[index] % FIELD_HEADERS[field].length]));

/** A header that surely takes part (ID and Parent first), one with every field, or anything at all. */
const junkHeader = fc.oneof(
  fc.tuple(fc.constantFrom('ID', 'Code', 'key'), fc.constantFrom('Parent', 'Level', 'Perspective', 'Target'), fc.array(anyHeader, { maxLength: 20 }))
    .map(([id, other, rest]) => [id, other, ...rest] as CellValue[]),
  everyFieldHeader,
  fc.array(anyHeader, { maxLength: 24 }),
);

export const anyOrigin = fc.oneof(
  fc.constantFrom('A1', 'B3', '$C$10', 'XFD1048576', 'ZZZ99999999999999999999', 'A0', '', ' a1 ', '1A', 'Sheet1!A1'),
  fc.string(),
);

export const junkTable: fc.Arbitrary<SourceTable> = fc.record({
  workbook: fc.option(fc.oneof(fc.constantFrom('book.xlsx', 'Book.XLSX', ''), fc.string()), { nil: undefined }),
  sheet: fc.oneof(fc.constantFrom('Objectives', 'KPIs', 'Sheet1', "O'Brien's", 'A1', 'Strategic objectives', ''), fc.string()),
  table: fc.option(fc.oneof(fc.constantFrom('Objectives', 'KPIs', 'tblKPI', 'OBJECTIVE_LIST'), fc.string()), { nil: null }),
  origin: anyOrigin,
  header: junkHeader,
  // Rows may be shorter or longer than the header: hosts are asked to pad, and may not.
  rows: fc.array(fc.array(anyCell, { maxLength: 26 }), { maxLength: 12 }),
});

export const anySettings: fc.Arbitrary<Settings> = fc
  .record({
    asOf: fc.integer({ min: 1, max: 2_958_465 }),
    onTrack: fc.double({ min: 0.01, max: 1, noNaN: true }),
    atRiskShare: fc.double({ min: 0.01, max: 1, noNaN: true }),
    scoreCap: fc.double({ min: 1, max: 2, noNaN: true }),
  })
  .map(({ asOf, onTrack, atRiskShare, scoreCap }) => ({ asOf, onTrack, atRisk: onTrack * atRiskShare, scoreCap }));

// ---------------------------------------------------------------------------------------------
// Valid cascades: every ID unique, every Parent names an earlier row, levels never inverted.

interface PlannedRow {
  /** null: a root; otherwise any number, taken modulo the row's index to name an earlier row. */
  parent: number | null;
  rootRank: number;
  rankStep: number;
  levelWord: number;
  blankLevel: boolean;
  idStyle: 'text' | 'number';
  parentStyle: 'same' | 'lower' | 'upper' | 'padded';
  table: number;
  cells: Partial<Record<Field, CellValue>>;
}

const numberCell = fc.oneof(
  { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 3 },
  { arbitrary: fc.integer({ min: -200, max: 1000 }), weight: 4 },
  { arbitrary: fc.constantFrom<CellValue>('12%', '(300)', '$1,200.50', '0', '-', 'n/a', ''), weight: 1 },
  { arbitrary: fc.constant(null), weight: 3 },
);

const weightCell = fc.oneof(
  fc.constantFrom<CellValue>(null, '', 0, '0', 1, 25, 100, '25%', '1,000', 0.5),
  fc.integer({ min: 0, max: 100 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const dateCell = fc.option(fc.oneof(fc.integer({ min: 45_900, max: 46_600 }), fc.constantFrom<CellValue>('2026-01-01', '2026-12-31', new Date(Date.UTC(2026, 5, 30)))), { nil: null });

/** Weights a person could type, and weights so large that their sum overflows a double. */
const extremeWeightCell = fc.oneof(weightCell, fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.constant<CellValue>(Number.MAX_VALUE));

const plannedRow = (weight: fc.Arbitrary<CellValue>): fc.Arbitrary<PlannedRow> => fc.record({
  parent: fc.option(fc.nat(), { nil: null, freq: 4 }),
  rootRank: fc.constantFrom(0, 0, 0, 1, 2, 4),
  rankStep: fc.constantFrom(0, 1, 1, 2),
  levelWord: fc.nat(),
  blankLevel: fc.boolean(),
  idStyle: fc.constantFrom('text', 'text', 'number'),
  parentStyle: fc.constantFrom('same', 'lower', 'upper', 'padded'),
  table: fc.nat(),
  cells: fc.record(
    {
      name: fc.constantFrom<CellValue>('Revenue', 'Churn', 'NPS', 'Uptime', null),
      perspective: fc.constantFrom<CellValue>(...PERSPECTIVE_WORDS, null),
      owner: fc.constantFrom<CellValue>('Ana', 'Ben', null),
      unit: fc.constantFrom<CellValue>('USD', 'usd', '%', 'days', null),
      direction: fc.constantFrom<CellValue>(...DIRECTION_WORDS, null),
      baseline: numberCell,
      target: numberCell,
      targetMin: numberCell,
      targetMax: numberCell,
      tolerance: numberCell,
      actual: numberCell,
      weight,
      rollup: fc.constantFrom<CellValue>(...ROLLUP_WORDS, null),
      start: dateCell,
      due: dateCell,
      updated: dateCell,
      frequency: fc.constantFrom<CellValue>(...FREQUENCY_WORDS, null),
    },
    { requiredKeys: [] },
  ),
});

/** Each field's header is one of its synonyms; columns come in any order; fields other than ID, Parent and Level may be left out. */
interface TableLayout {
  synonyms: number[];
  dropped: Field[];
  order: Field[];
  case: 'plain' | 'upper' | 'lower';
}

const tableLayout: fc.Arbitrary<TableLayout> = fc.record({
  synonyms: fc.array(fc.nat(), { minLength: FIELDS.length, maxLength: FIELDS.length }),
  // The Level column stays: without it, a row of an objectives table becomes an objective and may rank above its parent.
  dropped: fc.oneof({ arbitrary: fc.constant<Field[]>([]), weight: 3 }, { arbitrary: fc.subarray(FIELDS.filter((field) => !['id', 'parent', 'level'].includes(field))), weight: 1 }),
  order: fc.shuffledSubarray(FIELDS, { minLength: FIELDS.length }),
  case: fc.constantFrom<TableLayout['case']>('plain', 'upper', 'lower'),
});

export interface ValidCascade {
  tables: SourceTable[];
  /** Row count. */
  size: number;
}

const cascadeWith = (weight: fc.Arbitrary<CellValue>): fc.Arbitrary<ValidCascade> => fc
  .record({
    rows: fc.array(plannedRow(weight), { minLength: 1, maxLength: 40 }),
    layouts: fc.array(tableLayout, { minLength: 1, maxLength: 3 }),
    objectivesTableName: fc.constantFrom('Objectives', 'Strategic Objectives', 'Scorecard'),
  })
  .map(({ rows, layouts, objectivesTableName }) => buildCascade(rows, layouts, objectivesTableName));

/** A valid cascade: 1–40 rows over 1–3 tables, every link legal, values anything a person could type. */
export const validCascade = cascadeWith(weightCell);

/** The same, with weights up to the largest double: legal numbers, whose sums may overflow. */
export const extremeWeightCascade = cascadeWith(extremeWeightCell);

function buildCascade(planned: PlannedRow[], layouts: TableLayout[], objectivesTableName: string): ValidCascade {
  const tableNames = layouts.map((_, index) => (index === 0 ? objectivesTableName : `Team KPIs ${index}`));
  const objectiveNamed = tableNames.map((name) => /objective/i.test(name));
  const ranks: number[] = [];
  const ids: CellValue[] = [];
  const records: { table: number; cells: Partial<Record<Field, CellValue>> }[] = [];

  planned.forEach((row, index) => {
    const parent = row.parent === null || index === 0 ? null : row.parent % index;
    const rank = parent === null ? row.rootRank : Math.min(4, ranks[parent] + row.rankStep);
    ranks.push(rank);
    const table = row.table % layouts.length;
    ids.push(row.idStyle === 'number' ? 1000 + index : `K${index}`);
    // A blank Level is only written where it keeps its meaning: an objective in an objectives table, or a KPI elsewhere.
    const blankKeepsKind = rank === 0 ? objectiveNamed[table] : !objectiveNamed[table];
    const levelWords = LEVEL_WORDS[rank];
    const level = row.blankLevel && blankKeepsKind ? null : levelWords[row.levelWord % levelWords.length];
    records.push({
      table,
      cells: { ...row.cells, id: ids[index], level, parent: parent === null ? null : parentText(ids[parent], row.parentStyle) },
    });
  });

  const tables = layouts.map((layout, index) => {
    const fields = layout.order.filter((field) => !layout.dropped.includes(field));
    const header = fields.map((field) => {
      const synonyms = FIELD_HEADERS[field];
      const text: string = synonyms[layout.synonyms[FIELDS.indexOf(field)] % synonyms.length];
      return layout.case === 'upper' ? text.toUpperCase() : layout.case === 'lower' ? text.toLowerCase() : text;
    });
    const rows = records.filter((record) => record.table === index).map((record) => fields.map((field) => record.cells[field] ?? null));
    return { sheet: tableNames[index], table: tableNames[index], origin: 'A1', header, rows } satisfies SourceTable;
  });
  return { tables, size: planned.length };
}

function parentText(id: CellValue, style: PlannedRow['parentStyle']): CellValue {
  if (typeof id === 'number') return style === 'same' ? id : String(id);
  if (style === 'lower') return (id as string).toLowerCase();
  if (style === 'upper') return (id as string).toUpperCase();
  if (style === 'padded') return ` ${id} `;
  return id;
}

// ---------------------------------------------------------------------------------------------
// Loops: parents picked at random among all rows, so that some point back down their own chain.

export interface LoopyCascade {
  table: SourceTable;
  /** The parent index of each row, or null. */
  parents: (number | null)[];
  /** The Level rank written on each row, or null when the Level is blank. */
  ranks: (number | null)[];
}

export const loopyCascade: fc.Arbitrary<LoopyCascade> = fc
  .array(fc.record({ parent: fc.option(fc.nat(), { nil: null, freq: 6 }), rank: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 2 }) }), { minLength: 1, maxLength: 30 })
  .map((rows) => {
    const parents = rows.map((row) => (row.parent === null ? null : row.parent % rows.length));
    const ranks = rows.map((row) => row.rank);
    const table: SourceTable = {
      sheet: 'KPIs',
      table: 'KPIs',
      origin: 'A1',
      header: ['ID', 'Level', 'Parent', 'Target', 'Actual', 'Weight'],
      rows: rows.map((_, index) => [
        `L${index}`,
        ranks[index] === null ? null : LEVEL_WORDS[ranks[index] as number][0],
        parents[index] === null ? null : `L${parents[index]}`,
        10,
        index,
        null,
      ]),
    };
    return { table, parents, ranks };
  });

/**
 * The rows that the spec says must get `cycle`: rows that name themselves, and the rows on a loop of
 * the links that survive the level check (a link is cut when the child's level ranks above its parent's).
 */
export function expectedCycleRows({ parents, ranks }: LoopyCascade): Set<number> {
  const cycle = new Set<number>();
  const kept = parents.map((parent, index) => {
    if (parent === null) return null;
    if (parent === index) {
      cycle.add(index);
      return null;
    }
    const own = ranks[index];
    const theirs = ranks[parent];
    return own !== null && theirs !== null && own < theirs ? null : parent;
  });
  kept.forEach((_, start) => {
    const seen = new Map<number, number>();
    let node: number | null = start;
    for (let step = 0; node !== null && !seen.has(node); step++) {
      seen.set(node, step);
      node = kept[node];
    }
    if (node === start) seen.forEach((_, member) => cycle.add(member));
  });
  return cycle;
}

// ---------------------------------------------------------------------------------------------
// Scrambled cascades: a valid cascade with cells overwritten by anything, so that junk values
// reach rows that are linked, dated and weighted (pure junk tables rarely link at all).

export const scrambledCascade: fc.Arbitrary<SourceTable[]> = fc
  .tuple(validCascade, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), anyCell), { minLength: 1, maxLength: 40 }))
  .map(([{ tables }, overwrites]) => {
    const copies = tables.map((table) => ({ ...table, rows: table.rows.map((row) => [...row]) }));
    for (const [tableIndex, rowIndex, columnIndex, value] of overwrites) {
      const table = copies[tableIndex % copies.length];
      if (table.rows.length === 0) continue;
      table.rows[rowIndex % table.rows.length][columnIndex % table.header.length] = value;
    }
    return copies;
  });
