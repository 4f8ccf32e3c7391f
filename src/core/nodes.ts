/** Rows become nodes: every field read through the one coercion path, every unreadable cell an issue. */

import { canonicalHeader, Field } from './headers';
import { describeCell, fieldLocation, IssueList } from './issues';
import { parseWrittenNumber, parseWrittenTarget, parseWrittenTolerance, type WrittenNumber, type WrittenTarget } from './target-text';
import type { RuleCode } from './rules';
import { analyseTable, type CascadeTable } from './tables';
import type { CellValue, NodeKind, SourceTable, Status } from './types';
import {
  displayText, INVALID, isBlank, keyOfId, parseDate, parseDirection, parseFrequency, parseLevel,
  parseNumber, parsePerspective, parseRollup, parseText, Parsed,
} from './values';
import { Direction, Frequency, LEVEL_NAMES, lowerIsBetterWord, Rollup } from './vocabulary';

export interface CascadeNode {
  table: CascadeTable;
  rowIndex: number;
  /** Worksheet row number. */
  row: number;
  id: string;
  key: string;
  name: string | null;
  /** The Level cell as written, or null. */
  levelText: string | null;
  /** 0 objective … 4 individual; 0 for an objective whose Level is blank, null for a KPI whose Level is blank or unreadable. */
  levelRank: number | null;
  kind: NodeKind;
  parentText: string | null;
  perspective: string | null;
  owner: string | null;
  unit: string | null;
  /** null when the Direction cell is unreadable: such a node gets no progress. */
  direction: Direction | null;
  rollup: Rollup;
  baseline: number | null;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
  tolerance: number | null;
  actual: number | null;
  /** The explicit weight, or null when blank, unreadable or negative. */
  weight: number | null;
  start: number | null;
  due: number | null;
  updated: number | null;
  frequency: Frequency | null;
  /** Left out of the cascade: its ID is used by more than one row. */
  duplicate: boolean;
  /** Position among the cascade's nodes, for array-indexed bookkeeping. */
  index: number;

  parent: CascadeNode | null;
  children: CascadeNode[];
  /** Links from the top of the node's chain: 0 for a node without a linked parent. */
  depth: number;
  /** The top of the node's chain of links: itself when it has no linked parent. */
  top: CascadeNode;
  aligned: boolean;
  siblingWeight: number;
  effectiveActual: number | null;
  progress: number | null;
  score: number | null;
  expected: number | null;
  effectiveStart: number | null;
  effectiveDue: number | null;
  status: Status;
  contribution: number | null;
  path: string;
  /** The codes of the issues on this node's row, in the order found. */
  issueCodes: RuleCode[];
}

/** The node's level in a message: its rank's name, or "KPI" for a KPI of unknown level. */
export function levelName(node: CascadeNode): string {
  return node.levelRank === null ? 'KPI' : LEVEL_NAMES[node.levelRank];
}

/** Reads the data rows of a participating table; rows without an ID but with data get `missing-id`. */
export function readNodes(table: CascadeTable, issues: IssueList): CascadeNode[] {
  const nodes: CascadeNode[] = [];
  const fieldColumns = Object.values(table.columns) as number[];
  const idColumn = table.columns.id as number;
  const rows = table.source.rows;
  for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
    const cells = rows[rowIndex];
    if (!isBlank(cells[idColumn])) {
      nodes.push(readNode(table, rowIndex, cells, issues));
    } else if (fieldColumns.some((column) => !isBlank(cells[column]))) {
      const location = fieldLocation(table, rowIndex, 'id');
      issues.add('missing-id', location, null, { row: location.row as number, cell: describeCell(location) });
    }
  }
  return nodes;
}

/**
 * One data row as the engine reads it, its issues dropped: for the required-actual search, which must
 * read a row's target, direction and values exactly as the engine does (written targets, a guessed direction).
 */
export function readRow(source: SourceTable, rowIndex: number): CascadeNode {
  const issues = new IssueList();
  return readNode(analyseTable(source, issues), rowIndex, source.rows[rowIndex], issues);
}

function cellOf(table: CascadeTable, cells: CellValue[], field: Field): CellValue {
  const column = table.columns[field];
  return column === undefined ? null : cells[column];
}

function readNode(table: CascadeTable, rowIndex: number, cells: CellValue[], issues: IssueList): CascadeNode {
  const idCell = cells[table.columns.id as number];
  const levelCell = cellOf(table, cells, 'level');
  const level = parseLevel(levelCell);
  const levelRank = level === INVALID ? null : level;
  const node = emptyNode(table, rowIndex, idCell);
  node.levelText = parseText(levelCell);
  // An unreadable Level counts as blank here, so a typo in an objectives table does not turn an objective into a KPI.
  node.kind = levelRank === 0 || (levelRank === null && table.objectiveNamed) ? 'objective' : 'kpi';
  // An objective is the top of the cascade whatever its Level says.
  node.levelRank = node.kind === 'objective' ? 0 : levelRank;
  if (level === INVALID) reportWord(node, 'level', levelCell, 'invalid-level', issues);

  node.name = parseText(cellOf(table, cells, 'name'));
  node.parentText = parseText(cellOf(table, cells, 'parent'));
  node.perspective = parsePerspective(cellOf(table, cells, 'perspective'));
  node.owner = parseText(cellOf(table, cells, 'owner'));
  node.unit = parseText(cellOf(table, cells, 'unit'));

  // The target is read first, unreported: its comparator can say the direction. Issues keep the columns' order.
  const targetCell = cellOf(table, cells, 'target');
  const target = table.columns.target === undefined ? null : parseWrittenTarget(targetCell);
  readDirection(node, cells, target === INVALID ? null : target, issues);

  const rollupCell = cellOf(table, cells, 'rollup');
  const rollup = parseRollup(rollupCell);
  if (rollup === INVALID) reportWord(node, 'rollup', rollupCell, 'invalid-rollup', issues);
  node.rollup = rollup === INVALID || rollup === null ? 'weighted' : rollup;

  node.baseline = measureField(node, cells, 'baseline', issues);
  const targetRead = table.columns.target === undefined ? null : written(node, 'target', targetCell, target, issues);
  node.target = targetRead?.value ?? null;
  node.targetMin = measureField(node, cells, 'targetMin', issues);
  node.targetMax = measureField(node, cells, 'targetMax', issues);
  const tolerance = writtenField(node, cells, 'tolerance', parseWrittenTolerance, issues);
  // A tolerance is a distance either side of the target: its sign carries no meaning. The Tolerance cell wins over a `±` in the target.
  node.tolerance = tolerance !== null ? Math.abs(tolerance.value) : (targetRead?.tolerance ?? null);
  node.actual = measureField(node, cells, 'actual', issues);
  const weight = numberField(node, cells, 'weight', issues);
  if (weight !== null && weight < 0) issues.addFor(node, 'invalid-weight', 'weight', { weight });
  node.weight = weight !== null && weight >= 0 ? weight : null;

  node.start = dateField(node, cells, 'start', issues);
  node.due = dateField(node, cells, 'due', issues);
  node.updated = dateField(node, cells, 'updated', issues);
  const frequencyCell = cellOf(table, cells, 'frequency');
  const frequency = parseFrequency(frequencyCell);
  if (frequency === INVALID) reportWord(node, 'frequency', frequencyCell, 'invalid-frequency', issues);
  node.frequency = frequency === INVALID ? null : frequency;
  return node;
}

/**
 * Direction and target together, since a target written as text (`≤3%`, `$15K+`, `100 ± 5`) can say
 * which way is better: the Direction cell wins where the target says nothing; a target that says
 * otherwise is `invalid-direction` on the Direction cell. With a direction written nowhere, a KPI whose
 * name says lower is better ("Cost per hire") is scored so, with `direction-assumed`.
 */
function readDirection(node: CascadeNode, cells: CellValue[], target: WrittenTarget | null, issues: IssueList): void {
  const directionCell = cellOf(node.table, cells, 'direction');
  const direction = parseDirection(directionCell);
  const implied = target?.direction ?? null;
  if (direction === INVALID) {
    reportWord(node, 'direction', directionCell, 'invalid-direction', issues);
    node.direction = null;
  } else if (direction !== null && implied !== null && direction !== implied) {
    issues.addFor(node, 'invalid-direction', 'direction', {
      text: displayText(directionCell), target: displayText(cellOf(node.table, cells, 'target')),
      targetCell: describeCell(fieldLocation(node.table, node.rowIndex, 'target')), implied,
    });
    node.direction = null;
  } else {
    node.direction = direction ?? implied ?? guessedDirection(node, issues) ?? 'higher';
  }
}

/** Lower is better for a KPI whose name says so; null when the name says nothing of the kind. */
function guessedDirection(node: CascadeNode, issues: IssueList): Direction | null {
  if (node.kind !== 'kpi' || node.name === null) return null;
  const word = lowerIsBetterWord(node.name);
  if (word === null) return null;
  const hasColumn = node.table.columns.direction !== undefined;
  issues.addFor(node, 'direction-assumed', hasColumn ? 'direction' : 'name', { name: node.name, word, hasColumn });
  return 'lower';
}

/** A baseline, actual or band bound; its unit word fills a blank Unit. */
function measureField(node: CascadeNode, cells: CellValue[], field: Field, issues: IssueList): number | null {
  return writtenField(node, cells, field, parseWrittenNumber, issues)?.value ?? null;
}

/** A number cell read by one of the written-number parsers. */
function writtenField<T extends WrittenNumber>(node: CascadeNode, cells: CellValue[], field: Field, parse: (value: CellValue) => Parsed<T>, issues: IssueList): T | null {
  const column = node.table.columns[field];
  if (column === undefined) return null;
  const cell = cells[column];
  if (typeof cell === 'number' && Number.isFinite(cell)) return { value: cell, unit: null } as T;
  return written(node, field, cell, parse(cell), issues);
}

/** A written number's issue when it is unreadable; its unit word fills the Unit when that is blank. */
function written<T extends WrittenNumber>(node: CascadeNode, field: Field, cell: CellValue, parsed: Parsed<T>, issues: IssueList): T | null {
  const read = checked(node, field, cell, parsed, 'invalid-number', issues);
  if (read !== null && node.unit === null) node.unit = read.unit;
  return read;
}

function numberField(node: CascadeNode, cells: CellValue[], field: Field, issues: IssueList): number | null {
  const column = node.table.columns[field];
  if (column === undefined) return null;
  const cell = cells[column];
  if (typeof cell === 'number' && Number.isFinite(cell)) return cell;
  return checked(node, field, cell, parseNumber(cell), 'invalid-number', issues);
}

function dateField(node: CascadeNode, cells: CellValue[], field: Field, issues: IssueList): number | null {
  const column = node.table.columns[field];
  if (column === undefined) return null;
  const cell = cells[column];
  return checked(node, field, cell, parseDate(cell), 'invalid-date', issues);
}

function checked<T>(node: CascadeNode, field: Field, cell: CellValue, parsed: Parsed<T>, code: 'invalid-number' | 'invalid-date', issues: IssueList): T | null {
  if (parsed !== INVALID) return parsed;
  issues.addFor(node, code, field, { text: displayText(cell), column: canonicalHeader(field) });
  return null;
}

function reportWord(node: CascadeNode, field: Field, cell: CellValue, code: 'invalid-level' | 'invalid-direction' | 'invalid-rollup' | 'invalid-frequency', issues: IssueList): void {
  issues.addFor(node, code, field, { text: displayText(cell) });
}

function emptyNode(table: CascadeTable, rowIndex: number, idCell: CellValue): CascadeNode {
  const id = displayText(idCell);
  const node: CascadeNode = {
    table, rowIndex, row: table.originRow + 1 + rowIndex, index: 0, id, key: keyOfId(id),
    name: null, levelText: null, levelRank: null, kind: 'kpi', parentText: null, perspective: null, owner: null, unit: null,
    direction: 'higher', rollup: 'weighted', baseline: null, target: null, targetMin: null, targetMax: null, tolerance: null,
    actual: null, weight: null, start: null, due: null, updated: null, frequency: null, duplicate: false,
    parent: null, children: [], depth: 0, top: null as unknown as CascadeNode, aligned: false, siblingWeight: 0, effectiveActual: null, progress: null, score: null,
    expected: null, effectiveStart: null, effectiveDue: null, status: 'No data', contribution: null, path: id, issueCodes: [],
  };
  node.top = node;
  return node;
}
