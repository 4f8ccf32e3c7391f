/**
 * A new team sheet, as plain data: the KPI table a manager fills in, the dropdown lists that keep
 * each column to words the engine reads, and a sentence of help per column. The task pane (through
 * the Excel adapter) and `kpi-align template` (through the .xlsx writer) both build exactly this.
 *
 * The dropdowns' choices live on one hidden sheet of ours, LISTS_SHEET, one column per list, each
 * behind a hidden defined name that the validations refer to: an inline list is limited to 255
 * characters, far too few for a company's IDs. Refreshing the Parent choices is rewriting one column.
 */

import { canonicalHeader, type Field } from './headers';
import type { CascadeReport } from './types';
import { choicesText, DIRECTIONS, FREQUENCIES, LEVEL_NAMES, LevelName, ROLLUPS } from './vocabulary';

import { LIST_NAMES, LISTS_SHEET } from './footprint';

/** The hidden sheet of the dropdowns' choices and their names live with the rest of what we leave in a workbook. */
export { LIST_NAMES, LISTS_SHEET } from './footprint';

/** The levels a team sheet can be for: every level below the objectives (those are finance's). */
export type TeamLevel = Exclude<LevelName, 'Objective'>;
export const TEAM_LEVELS: readonly TeamLevel[] = LEVEL_NAMES.filter((name): name is TeamLevel => name !== 'Objective');

/** The input columns of a team sheet, in order (no Perspective: a team KPI takes its objective's). */
export const TEAM_FIELDS: readonly Field[] = [
  'id', 'name', 'level', 'parent', 'owner', 'unit', 'direction', 'baseline', 'target', 'targetMin', 'targetMax',
  'tolerance', 'actual', 'weight', 'rollup', 'start', 'due', 'updated', 'frequency',
];

/** One dropdown list: its defined name, the column of LISTS_SHEET it fills, its heading there and its choices. */
export interface ChoiceList {
  name: string;
  /** 0-based column on LISTS_SHEET. */
  column: number;
  heading: string;
  values: string[];
}

/** Help for one column: Excel shows it as the cell's input message. */
export interface ColumnHelp {
  header: string;
  /** Excel's input message title: at most 32 characters. */
  title: string;
  /** Excel's input message: at most 255 characters. */
  message: string;
  /** The list the column's dropdown offers, by ChoiceList.name; none for free input. */
  list?: string;
  /** For a dropdown: whether typing another value is refused (true) or only warned about (false). */
  strict?: boolean;
}

export interface TeamSheetPlan {
  team: string;
  level: TeamLevel;
  sheet: string;
  table: string;
  header: string[];
  /** The first data row, blank: an Excel table has at least one (a Level alone would be a row without an ID). */
  firstRow: (string | null)[];
  help: ColumnHelp[];
  lists: ChoiceList[];
}

export interface TeamSheetRequest {
  team: string;
  level: TeamLevel;
  /** The sheet names already in the workbook, so the new one does not clash. */
  sheets: readonly string[];
  /** The table names already in the workbook (table names are unique across a workbook). */
  tables: readonly string[];
}

/** A plan, or the sentence that says what is wrong with the request. */
export type TeamSheetResult = { ok: true; plan: TeamSheetPlan } | { ok: false; error: string };

/** The dropdowns offer each value by its name in the vocabulary. */
const DIRECTION_CHOICES = DIRECTIONS.map((term) => term.name);
const ROLLUP_CHOICES = ROLLUPS.map((term) => term.name);
const FREQUENCY_CHOICES = FREQUENCIES.map((term) => term.name);

const HELP: Record<Field, { title: string; message: string }> = {
  id: { title: 'ID', message: 'A short code for this KPI, unique across the whole scorecard, such as SAL-04.' },
  name: { title: 'Name', message: 'What the KPI measures, in a few words, such as "New customers won".' },
  level: { title: 'Level', message: 'Where this KPI sits in the cascade. Pick from the list.' },
  parent: { title: 'Parent', message: 'The ID of the objective or KPI this KPI contributes to. Pick from the list; it shows the IDs your KPIs may align to.' },
  perspective: { title: 'Perspective', message: 'The balanced-scorecard perspective.' },
  owner: { title: 'Owner', message: 'The person accountable for this KPI, written the same way on every row.' },
  unit: { title: 'Unit', message: 'The unit of the values, such as USD, %, days. Give children of a Sum parent the parent\'s unit.' },
  direction: { title: 'Direction', message: `${choicesText(DIRECTION_CHOICES, ', or ')} (stay between Target Min and Target Max).` },
  baseline: { title: 'Baseline', message: 'Where the KPI started: progress is measured from here to the target. Leave blank to measure from 0.' },
  target: { title: 'Target', message: 'The value to reach by the due date, as a number (12%, 1,200 and $1,200 are read as numbers).' },
  targetMin: { title: 'Target Min', message: 'For a Range KPI: the lowest value that still meets the target.' },
  targetMax: { title: 'Target Max', message: 'For a Range KPI: the highest value that still meets the target.' },
  tolerance: { title: 'Tolerance', message: 'For a Range KPI: how far outside the band still counts, as a number.' },
  actual: { title: 'Actual', message: 'The latest value, as a number. Update it every period, with the Updated date.' },
  weight: { title: 'Weight', message: 'How much this KPI counts towards its parent. Weights of KPIs with the same parent should add up to 100% (or 1).' },
  rollup: { title: 'Rollup', message: 'How this KPI\'s score comes from KPIs below it. Leave blank for a weighted average.' },
  start: { title: 'Start Date', message: 'When the period starts, as a date. Blank: the parent\'s.' },
  due: { title: 'Due', message: 'When the target is due, as a date, no later than the parent\'s. Blank: the parent\'s.' },
  updated: { title: 'Updated', message: 'The date the Actual was last updated.' },
  frequency: { title: 'Frequency', message: 'How often the Actual is updated. Pick from the list.' },
};

const LIST_OF_FIELD: Partial<Record<Field, { name: string; strict: boolean }>> = {
  parent: { name: LIST_NAMES.parent, strict: false },
  level: { name: LIST_NAMES.level, strict: true },
  direction: { name: LIST_NAMES.direction, strict: true },
  rollup: { name: LIST_NAMES.rollup, strict: true },
  frequency: { name: LIST_NAMES.frequency, strict: true },
};

/**
 * The IDs a KPI of the given level may align to: every node with a unique ID and a known level above
 * it (objectives included), in reading order. The level is the rank the engine read from the Level
 * cell, synonyms included ("Dept", "Squad"); a KPI of unknown level is left out (its place in the
 * cascade is unknown), and so is a duplicated ID (the engine links nothing to it).
 */
export function parentChoices(report: CascadeReport, level: TeamLevel): string[] {
  const rank = LEVEL_NAMES.indexOf(level);
  return report.nodes
    .filter((node) => node.levelRank !== null && node.levelRank < rank && !node.issues.includes('duplicate-id'))
    .map((node) => node.id);
}

/** The heading of the Parent list on LISTS_SHEET: it records the level the choices are for. */
export function parentListHeading(level: TeamLevel): string {
  return `Parent choices (${level})`;
}

/** The level a Parent list's heading records; null for any other text. */
export function levelOfParentHeading(heading: unknown): TeamLevel | null {
  const match = typeof heading === 'string' ? /^Parent choices \((.+)\)$/.exec(heading.trim()) : null;
  return match ? TEAM_LEVELS.find((level) => level.toLowerCase() === match[1].toLowerCase()) ?? null : null;
}

/** The lists of a team sheet; only the Parent list depends on the cascade. */
export function choiceLists(report: CascadeReport, level: TeamLevel): ChoiceList[] {
  return [
    { name: LIST_NAMES.parent, column: 0, heading: parentListHeading(level), values: parentChoices(report, level) },
    { name: LIST_NAMES.level, column: 1, heading: 'Level choices', values: TEAM_LEVELS.slice() },
    { name: LIST_NAMES.direction, column: 2, heading: 'Direction choices', values: DIRECTION_CHOICES },
    { name: LIST_NAMES.rollup, column: 3, heading: 'Rollup choices', values: ROLLUP_CHOICES },
    { name: LIST_NAMES.frequency, column: 4, heading: 'Frequency choices', values: FREQUENCY_CHOICES },
  ];
}

/** Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ], not starting or ending with '. */
export function isValidSheetName(name: string): boolean {
  return name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/** A name not in `taken` (compared case-insensitively): the name itself, else "name (2)", "name (3)"… within `limit` characters. */
export function uniqueName(name: string, taken: readonly string[], limit = 31, separator = ' '): string {
  const used = new Set(taken.map((item) => item.toLowerCase()));
  if (!used.has(name.toLowerCase())) return name;
  for (let count = 2; ; count++) {
    const suffix = separator === ' ' ? ` (${count})` : `${separator}${count}`;
    const candidate = name.slice(0, limit - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** An Excel table name from free text: letters, digits and _, starting with a letter, at most 255 characters, not a cell address. */
export function tableNameFor(text: string): string {
  const words = text.normalize('NFKD').replace(/[^\p{L}\p{N}_ ]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  let name = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  if (!/^\p{L}/u.test(name)) name = `T${name}`;
  // "R1C1", "A1", "C" and "R" are addresses to Excel, not names.
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) name = `${name}_`;
  return name.slice(0, 255);
}

/** The plan for a new team sheet, or what is wrong with the request. */
export function planTeamSheet(report: CascadeReport, request: TeamSheetRequest): TeamSheetResult {
  const team = request.team.trim().replace(/\s+/g, ' ');
  if (team === '') return { ok: false, error: 'Give the team a name, such as "Sales".' };
  if (!TEAM_LEVELS.includes(request.level)) return { ok: false, error: `"${request.level}" is not a level for a team sheet; use ${TEAM_LEVELS.join(', ')}.` };
  const base = `${request.level === 'Team' ? 'Team' : request.level} ${team}`.replace(/[:\\/?*[\]]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31);
  // A team name made only of characters a sheet name cannot hold would leave the level word alone.
  if (!isValidSheetName(base) || base === request.level) return { ok: false, error: `"${team}" cannot be part of a sheet name; use letters, digits and spaces.` };
  const sheet = uniqueName(base, [...request.sheets, LISTS_SHEET]);
  const table = uniqueName(tableNameFor(base), request.tables, 255, '_');
  const header = TEAM_FIELDS.map(canonicalHeader);
  const firstRow = TEAM_FIELDS.map(() => null);
  const help: ColumnHelp[] = TEAM_FIELDS.map((field) => {
    const list = LIST_OF_FIELD[field];
    return { header: canonicalHeader(field), ...HELP[field], ...(list ? { list: list.name, strict: list.strict } : {}) };
  });
  return { ok: true, plan: { team, level: request.level, sheet, table, header, firstRow, help, lists: choiceLists(report, request.level) } };
}
