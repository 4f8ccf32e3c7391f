/**
 * The repeating `cascade…` argument as the engine's tables, and the cache that makes thousands of
 * formula cells over one cascade cheap.
 *
 * Excel hands every call a fresh copy of its ranges, so a cache keyed by object identity would never
 * hit. This cache compares contents instead, and only the contents the answer depends on: the header
 * rows, the range sizes, and the cells of the columns that the function's computation reads (a
 * "reading"). The engine is then run on a copy holding only those cells, so a cached answer can
 * never depend on a cell that was not compared.
 */

import { checkTables, fieldForHeader, idKey, rowKey, settingsOrThrow } from '../core';
import type { CascadeReport, CellValue, Issue, NodeReport, Settings, SourceTable } from '../core';
import { ArgumentProblem, invalidValue } from './errors';

type Field = NonNullable<ReturnType<typeof fieldForHeader>>;

/** What a function reads of the cascade: its score, its structure (links and weights), or everything (KPI.ISSUES). */
export type Reading = 'score' | 'structure' | 'all';

const READ_FIELDS: Record<Exclude<Reading, 'all'>, ReadonlySet<Field>> = {
  score: new Set<Field>(['id', 'level', 'parent', 'direction', 'rollup', 'baseline', 'target', 'targetMin', 'targetMax', 'tolerance', 'actual', 'weight']),
  structure: new Set<Field>(['id', 'level', 'parent', 'weight']),
};

/**
 * The functions' settings. Only KPI.STATUS and KPI.EXPECTED depend on a date, and they take theirs
 * as arguments; the cascade functions compute at the earliest date Excel knows so that no answer
 * depends on today (stale-actual, the one date-dependent rule, is left out of KPI.ISSUES).
 */
export const FUNCTION_SETTINGS: Settings = settingsOrThrow({ asOf: 1 });

/** How many computed cascades are kept: a sheet seldom works over more than a few at once. */
const CACHE_SIZE = 4;

export type Range = unknown[][];

/** A computed cascade and what the functions look up in it. */
export interface Cascade {
  report: CascadeReport;
  /** The tables the engine read (only the cells of the reading's columns). */
  tables: SourceTable[];
  /** Report nodes by ID key; more than one means `duplicate-id`. */
  byKey: Map<string, NodeReport[]>;
  /** Each node's own issues, by its row. */
  issuesOf(node: NodeReport): Issue[];
  /** A node's linked children, in reading order. */
  childrenOf(node: NodeReport): NodeReport[];
  /** The node a node is linked to, or null. */
  parentOf(node: NodeReport): NodeReport | null;
}

interface RangeSnapshot {
  header: unknown[];
  rows: number;
  /** The columns compared, and their cells row by row. */
  columns: number[];
  values: unknown[];
}

interface CacheEntry {
  reading: Reading;
  ranges: RangeSnapshot[];
  cascade: Cascade;
}

const cache: CacheEntry[] = [];

/** Empties the cache (tests and the benchmark's cold runs). */
export function clearCascadeCache(): void {
  cache.length = 0;
}

/** The cascade of the given ranges, computed or from the cache. Throws ArgumentProblem for an unreadable argument. */
export function cascadeOf(cascadeArgument: unknown, reading: Reading): Cascade {
  const ranges = checkRanges(cascadeArgument);
  for (let index = 0; index < cache.length; index++) {
    const entry = cache[index];
    if (entry.reading === reading && sameContents(entry.ranges, ranges)) {
      if (index > 0) cache.unshift(...cache.splice(index, 1));
      return entry.cascade;
    }
  }
  const snapshots = ranges.map((range) => snapshot(range, reading));
  const cascade = compute(snapshots);
  cache.unshift({ reading, ranges: snapshots, cascade });
  if (cache.length > CACHE_SIZE) cache.length = CACHE_SIZE;
  return cascade;
}

function checkRanges(argument: unknown): Range[] {
  const problem = () => new ArgumentProblem(invalidValue('The cascade argument must be one or more ranges, each with its header row, such as Objectives[#All].'));
  if (!Array.isArray(argument) || argument.length === 0) throw problem();
  for (const range of argument) {
    if (!Array.isArray(range) || range.length === 0 || !range.every((row) => Array.isArray(row))) throw problem();
  }
  return argument as Range[];
}

/** The hot path of every cached call: header, size, then the read columns row by row, out at the first difference. */
function sameContents(snapshots: RangeSnapshot[], ranges: Range[]): boolean {
  if (snapshots.length !== ranges.length) return false;
  for (let index = 0; index < ranges.length; index++) {
    const saved = snapshots[index];
    const range = ranges[index];
    if (range.length !== saved.rows + 1) return false;
    const header = range[0];
    if (header.length !== saved.header.length) return false;
    for (let column = 0; column < header.length; column++) if (header[column] !== saved.header[column]) return false;
  }
  for (let index = 0; index < ranges.length; index++) {
    const { columns, values } = snapshots[index];
    const range = ranges[index];
    const count = columns.length;
    let position = 0;
    for (let row = 1; row < range.length; row++) {
      const cells = range[row];
      for (let column = 0; column < count; column++) {
        if (cells[columns[column]] !== values[position++]) return false;
      }
    }
  }
  return true;
}

function readColumns(header: unknown[], reading: Reading): number[] {
  const columns: number[] = [];
  for (let column = 0; column < header.length; column++) {
    if (reading === 'all') columns.push(column);
    else {
      const field = fieldForHeader(cellValue(header[column]));
      if (field !== undefined && READ_FIELDS[reading].has(field)) columns.push(column);
    }
  }
  return columns;
}

function snapshot(range: Range, reading: Reading): RangeSnapshot {
  const header = range[0].slice();
  const columns = readColumns(header, reading);
  const values: unknown[] = new Array((range.length - 1) * columns.length);
  let position = 0;
  for (let row = 1; row < range.length; row++) {
    const cells = range[row];
    for (const column of columns) values[position++] = cells[column];
  }
  return { header, rows: range.length - 1, columns, values };
}

/** What the engine accepts as a cell; anything else Excel may pass (an entity, an error) is read as its text. */
function cellValue(value: unknown): CellValue {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  return String(value);
}

/**
 * Ranges carry no sheet or table name, so each is named "Range 1", "Range 2"… in the order given. The
 * spec tells objectives from KPIs by Level, or, for a blank Level, by a table name containing
 * "objective"; without names, a range whose header has a Perspective column and no Actual column is
 * an objectives table (docs/decisions.md, "The custom functions").
 */
export function rangeTableName(header: readonly unknown[], position: number): string {
  const fields = new Set(header.map((cell) => fieldForHeader(cellValue(cell))));
  return fields.has('perspective') && !fields.has('actual') ? `Objectives (range ${position})` : `Range ${position}`;
}

/** The engine's tables, holding only the compared cells (the others blank), in their own columns. */
function toTables(snapshots: RangeSnapshot[]): SourceTable[] {
  return snapshots.map((saved, index) => {
    const header = saved.header.map(cellValue);
    const rows: CellValue[][] = [];
    let position = 0;
    for (let row = 0; row < saved.rows; row++) {
      const cells: CellValue[] = new Array(header.length).fill(null);
      for (const column of saved.columns) cells[column] = cellValue(saved.values[position++]);
      rows.push(cells);
    }
    return { sheet: `Range ${index + 1}`, table: rangeTableName(header, index + 1), origin: 'A1', header, rows };
  });
}

const LINK_BREAKING = new Set(['unknown-parent', 'cycle', 'level-inverted', 'duplicate-id']);

function compute(snapshots: RangeSnapshot[]): Cascade {
  const tables = toTables(snapshots);
  const report = checkTables(tables, FUNCTION_SETTINGS);
  const byKey = new Map<string, NodeReport[]>();
  for (const node of report.nodes) {
    const key = idKey(node.id);
    const same = byKey.get(key);
    if (same) same.push(node);
    else byKey.set(key, [node]);
  }
  let issuesByRow: Map<string, Issue[]> | null = null;
  let links: { parents: Map<NodeReport, NodeReport>; children: Map<NodeReport, NodeReport[]> } | null = null;
  const nodeRow = (node: NodeReport) => rowKey(node.workbook, node.sheet, node.table, node.row);

  const issuesOf = (node: NodeReport): Issue[] => {
    if (!issuesByRow) {
      issuesByRow = new Map();
      for (const issue of report.issues) {
        if (issue.id === null) continue;
        const key = rowKey(issue.workbook, issue.sheet, issue.table, issue.row);
        const list = issuesByRow.get(key);
        if (list) list.push(issue);
        else issuesByRow.set(key, [issue]);
      }
    }
    return issuesByRow.get(nodeRow(node)) ?? [];
  };

  // A node is linked to its parent when its Parent names one other node and none of its own link rules fired (spec 4, "Links").
  const linksOf = () => {
    if (!links) {
      links = { parents: new Map(), children: new Map() };
      for (const node of report.nodes) {
        if (node.parent === null || node.issues.some((code) => LINK_BREAKING.has(code))) continue;
        const parents = byKey.get(idKey(node.parent));
        if (!parents || parents.length !== 1) continue;
        const parent = parents[0];
        links.parents.set(node, parent);
        const children = links.children.get(parent);
        if (children) children.push(node);
        else links.children.set(parent, [node]);
      }
    }
    return links;
  };

  return {
    report,
    tables,
    byKey,
    issuesOf,
    childrenOf: (node) => linksOf().children.get(node) ?? [],
    parentOf: (node) => linksOf().parents.get(node) ?? null,
  };
}
