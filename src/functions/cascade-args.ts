/**
 * The repeating `cascade…` argument as the engine's tables, and the cache that makes thousands of
 * formula cells over one cascade cheap.
 *
 * Excel hands every call a fresh copy of its ranges, so a cache keyed by object identity would never
 * hit. This cache compares contents instead, and only the contents the answer depends on:
 *
 * - always: the number of ranges, their sizes, their header rows, and every cell of the ID and Parent
 *   columns (any row may name the node as its parent, or repeat its ID);
 * - for one ID, only the rows the node's answer can depend on (its "scope", see `scopeRows`) in the
 *   columns the function's computation reads (its "reading"); for a range of IDs, every row.
 *
 * The engine is run on a copy holding only the read columns, so a cached answer can never depend on a
 * cell outside them. That the scope holds every row an answer depends on is checked by a property
 * test that changes one cell at a time outside it (test/functions/cache.test.ts).
 */

import { checkedCascade, fieldForHeader, idKey, isBlank, mapHeaders, settingsOrThrow } from '../core';
import type { CellValue, CheckedCascade, Settings, SourceTable } from '../core';
import { ArgumentProblem, invalidValue } from './errors';

type Field = NonNullable<ReturnType<typeof fieldForHeader>>;

/** What a function reads of the cascade: its score, its structure (links and weights), or everything (KPI.ISSUES). */
export type Reading = 'score' | 'structure' | 'all';

/**
 * Which rows one node's answer depends on, beyond the ID and Parent columns:
 * - `subtree`: the node and every row below it (KPI.ROLLUP: a score rolls up from below);
 * - `parent-subtree`: the node and its parent's subtree (KPI.REQUIRED: the parent's score);
 * - `lineage`: the node, its children, and every ancestor with its siblings (KPI.CONTRIBUTION, PATH,
 *   ALIGNED, CHILDREN: weights shares and links from the root down).
 */
export type Scope = 'subtree' | 'parent-subtree' | 'lineage';

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
/** The cascade the functions look things up in: core's checked cascade over the ranges' tables. */
export type Cascade = CheckedCascade;

interface RangeSnapshot {
  header: unknown[];
  rows: number;
  /** The columns compared, and their cells row by row (`values[row * columns.length + c]`). */
  columns: number[];
  values: unknown[];
  /** The ID and Parent columns (-1 when the range has none). */
  idColumn: number;
  parentColumn: number;
  /** Their cells, interleaved: row r's ID at 2r, its Parent at 2r + 1 (null where the column is missing). */
  keys: unknown[];
}

/**
 * Rows numbered across the ranges (range 0's rows first), grouped by the ID key each holds and by the
 * ID key its Parent cell names (blank Parent: ''). Built from the raw cells, before any link rule, so
 * that a scope is a superset of what the engine links.
 */
interface RowIndex {
  offsets: number[];
  total: number;
  idKeys: string[];
  parentKeys: string[];
  rowsById: Map<string, number[]>;
  rowsByParent: Map<string, number[]>;
}

interface CacheEntry {
  reading: Reading;
  ranges: RangeSnapshot[];
  cascade: Cascade;
  index: RowIndex | null;
  /** Scope rows already worked out, by scope and ID key. */
  scopes: Map<string, Int32Array>;
}

const cache: CacheEntry[] = [];
let computations = 0;

/** How many times a cascade has been computed rather than found in the cache (tests and the benchmark). */
export function cascadeComputations(): number {
  return computations;
}

/** Empties the cache (tests and the benchmark's cold runs). */
export function clearCascadeCache(): void {
  cache.length = 0;
}

/**
 * The cascade of the given ranges, computed or from the cache. With `focus`, the answer is wanted
 * for that one ID only, and a cached cascade is used when the rows of its scope are unchanged.
 * Throws ArgumentProblem for an unreadable argument.
 */
export function cascadeOf(cascadeArgument: unknown, reading: Reading, focus?: { id: unknown; scope: Scope }): Cascade {
  const ranges = checkRanges(cascadeArgument);
  for (let position = 0; position < cache.length; position++) {
    const entry = cache[position];
    if (entry.reading !== reading || !sameShape(entry.ranges, ranges) || !sameKeyColumns(entry.ranges, ranges)) continue;
    const same = focus && reading !== 'all' ? sameRows(entry, ranges, scopeRows(entry, focus.id, focus.scope)) : sameReadColumns(entry.ranges, ranges);
    if (!same) continue;
    if (position > 0) cache.unshift(...cache.splice(position, 1));
    return entry.cascade;
  }
  const snapshots = ranges.map((range) => snapshot(range, reading));
  const cascade = compute(snapshots);
  computations++;
  cache.unshift({ reading, ranges: snapshots, cascade, index: null, scopes: new Map() });
  if (cache.length > CACHE_SIZE) cache.length = CACHE_SIZE;
  return cascade;
}

const CASCADE_ARGUMENT = 'The cascade argument must be one or more ranges, each with its header row, such as Objectives[#All].';

/** The outline of the argument; that every row is an array is checked on the way (sameKeyColumns, snapshot). */
function checkRanges(argument: unknown): Range[] {
  const problem = () => new ArgumentProblem(invalidValue(CASCADE_ARGUMENT));
  if (!Array.isArray(argument) || argument.length === 0) throw problem();
  for (const range of argument) {
    if (!Array.isArray(range) || range.length === 0 || !Array.isArray(range[0])) throw problem();
  }
  return argument as Range[];
}

// ---------------------------------------------------------------- comparing a fresh copy with a cached one

/** The number of ranges, their sizes and their header rows. */
function sameShape(snapshots: RangeSnapshot[], ranges: Range[]): boolean {
  if (snapshots.length !== ranges.length) return false;
  for (let index = 0; index < ranges.length; index++) {
    const saved = snapshots[index];
    const range = ranges[index];
    if (range.length !== saved.rows + 1) return false;
    const header = range[0];
    if (header.length !== saved.header.length) return false;
    for (let column = 0; column < header.length; column++) if (header[column] !== saved.header[column]) return false;
  }
  return true;
}

/**
 * Every row is an array, and every cell of the ID and Parent columns is unchanged. This is the hot
 * path of every cached call and it is bound by memory, not by the comparisons (the cells of a fresh
 * copy are scattered over the heap): one pass over the rows reads each row once.
 */
function sameKeyColumns(snapshots: RangeSnapshot[], ranges: Range[]): boolean {
  for (let index = 0; index < ranges.length; index++) {
    const { idColumn, parentColumn, keys } = snapshots[index];
    const range = ranges[index];
    if (idColumn < 0 && parentColumn < 0) {
      for (let row = 1; row < range.length; row++) if (!Array.isArray(range[row])) return false;
      continue;
    }
    // A missing column is read as the other one and compared with a copy of it, so that the loop has one shape.
    const idAt = idColumn >= 0 ? idColumn : parentColumn;
    const parentAt = parentColumn >= 0 ? parentColumn : idColumn;
    let position = 0;
    for (let row = 1; row < range.length; row++) {
      const cells = range[row];
      if (!Array.isArray(cells) || cells[idAt] !== keys[position] || cells[parentAt] !== keys[position + 1]) return false;
      position += 2;
    }
  }
  return true;
}

/** Every read column of every row: for a range of IDs, whose scopes together are most of the cascade. */
function sameReadColumns(snapshots: RangeSnapshot[], ranges: Range[]): boolean {
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

/** The read columns of the given rows (numbered across the ranges). */
function sameRows(entry: CacheEntry, ranges: Range[], rows: Int32Array): boolean {
  const { offsets } = rowIndexOf(entry);
  let range = 0;
  for (let position = 0; position < rows.length; position++) {
    const row = rows[position];
    // Rows come in ascending order, so the range only moves forward.
    while (range + 1 < offsets.length && row >= offsets[range + 1]) range++;
    const { columns, values } = entry.ranges[range];
    const local = row - offsets[range];
    const cells = ranges[range][local + 1];
    const count = columns.length;
    const base = local * count;
    for (let column = 0; column < count; column++) if (cells[columns[column]] !== values[base + column]) return false;
  }
  return true;
}

// ---------------------------------------------------------------- scopes

function keyOf(value: unknown): string {
  const cell = cellValue(value);
  return isBlank(cell) ? '' : idKey(cell);
}

function rowIndexOf(entry: CacheEntry): RowIndex {
  if (entry.index) return entry.index;
  const offsets: number[] = [];
  const idKeys: string[] = [];
  const parentKeys: string[] = [];
  const rowsById = new Map<string, number[]>();
  const rowsByParent = new Map<string, number[]>();
  const group = (map: Map<string, number[]>, key: string, row: number) => {
    const rows = map.get(key);
    if (rows) rows.push(row);
    else map.set(key, [row]);
  };
  for (const saved of entry.ranges) {
    offsets.push(idKeys.length);
    for (let local = 0; local < saved.rows; local++) {
      const row = idKeys.length;
      const id = saved.idColumn >= 0 ? keyOf(saved.keys[2 * local]) : '';
      const parent = saved.parentColumn >= 0 ? keyOf(saved.keys[2 * local + 1]) : '';
      idKeys.push(id);
      parentKeys.push(parent);
      if (id !== '') group(rowsById, id, row);
      group(rowsByParent, parent, row);
    }
  }
  entry.index = { offsets, total: idKeys.length, idKeys, parentKeys, rowsById, rowsByParent };
  return entry.index;
}

/** The rows one ID's answer depends on, in ascending order (worked out once per cached cascade). */
function scopeRows(entry: CacheEntry, id: unknown, scope: Scope): Int32Array {
  const key = typeof id === 'string' || typeof id === 'number' ? keyOf(id) : '';
  const memo = `${scope}\u0000${key}`;
  const known = entry.scopes.get(memo);
  if (known) return known;
  const index = rowIndexOf(entry);
  const seen = new Uint8Array(index.total);
  const rows: number[] = [];
  const take = (list: readonly number[] | undefined) => {
    if (!list) return;
    for (const row of list) {
      if (seen[row]) continue;
      seen[row] = 1;
      rows.push(row);
    }
  };
  const own = key === '' ? [] : index.rowsById.get(key) ?? [];
  take(own);
  if (scope === 'subtree') takeSubtree(index, own, take);
  else if (scope === 'parent-subtree') {
    const parents = own.flatMap((row) => (index.parentKeys[row] === '' ? [] : index.rowsById.get(index.parentKeys[row]) ?? []));
    take(parents);
    takeSubtree(index, parents, take);
  } else {
    if (key !== '') take(index.rowsByParent.get(key));
    // Up the chain: every ancestor with its siblings (for a root, the other rows without a Parent).
    const inChain = new Uint8Array(index.total);
    const chain = [...own];
    for (const row of own) inChain[row] = 1;
    for (let position = 0; position < chain.length; position++) {
      const parentKey = index.parentKeys[chain[position]];
      take(index.rowsByParent.get(parentKey));
      if (parentKey === '') continue;
      for (const parent of index.rowsById.get(parentKey) ?? []) {
        if (inChain[parent]) continue; // a loop
        inChain[parent] = 1;
        chain.push(parent);
      }
      take(index.rowsById.get(parentKey));
    }
  }
  const sorted = Int32Array.from(rows).sort();
  entry.scopes.set(memo, sorted);
  return sorted;
}

/** Adds `from` and every row whose Parent leads to one of them, breadth first (`expanded` stops a loop). */
function takeSubtree(index: RowIndex, from: readonly number[], take: (list: readonly number[] | undefined) => void): void {
  const expanded = new Uint8Array(index.total);
  const queue = [...from];
  for (let position = 0; position < queue.length; position++) {
    const row = queue[position];
    if (expanded[row]) continue;
    expanded[row] = 1;
    const key = index.idKeys[row];
    if (key === '') continue;
    const children = index.rowsByParent.get(key);
    take(children);
    if (children) for (const child of children) if (!expanded[child]) queue.push(child);
  }
}

// ---------------------------------------------------------------- snapshots and the engine

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
  const rows = range.length - 1;
  const values: unknown[] = new Array(rows * columns.length);
  const fields = mapHeaders(header.map(cellValue)).columns;
  const idColumn = fields.id ?? -1;
  const parentColumn = fields.parent ?? -1;
  const keys: unknown[] = new Array(2 * rows);
  const idAt = idColumn >= 0 ? idColumn : parentColumn;
  const parentAt = parentColumn >= 0 ? parentColumn : idColumn;
  let position = 0;
  for (let row = 1; row <= rows; row++) {
    const cells = range[row];
    if (!Array.isArray(cells)) throw new ArgumentProblem(invalidValue(CASCADE_ARGUMENT));
    for (const column of columns) values[position++] = cells[column];
    keys[2 * row - 2] = cells[idAt];
    keys[2 * row - 1] = cells[parentAt];
  }
  return { header, rows, columns, values, idColumn, parentColumn, keys };
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

/**
 * The engine's tables, holding only the compared cells. The other columns lose their headers too, so
 * that the engine does not report every row of, say, an Owner column it was never shown as blank
 * (the Perspective header stays: with the ID it decides whether a range takes part in the cascade).
 */
function toTables(snapshots: RangeSnapshot[]): SourceTable[] {
  return snapshots.map((saved, index) => {
    const read = new Set(saved.columns);
    const header = saved.header.map((cell, column) => {
      const value = cellValue(cell);
      return read.has(column) || fieldForHeader(value) === 'perspective' ? value : null;
    });
    const rows: CellValue[][] = new Array(saved.rows);
    let position = 0;
    for (let row = 0; row < saved.rows; row++) {
      const cells: CellValue[] = new Array(header.length).fill(null);
      for (const column of saved.columns) cells[column] = cellValue(saved.values[position++]);
      rows[row] = cells;
    }
    return { sheet: `Range ${index + 1}`, table: rangeTableName(saved.header, index + 1), origin: 'A1', header, rows };
  });
}

function compute(snapshots: RangeSnapshot[]): Cascade {
  return checkedCascade(toTables(snapshots), FUNCTION_SETTINGS);
}

