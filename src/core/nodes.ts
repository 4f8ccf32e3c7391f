/** Rows become nodes: every field read through the one coercion path, every unreadable cell an issue. */

import { canonicalHeader, Field } from './headers';
import { describeCell, fieldLocation, IssueList } from './issues';
import type { CascadeTable } from './tables';
import type { CellValue, NodeKind, Status } from './types';
import {
  displayText, idKey, INVALID, isBlank, parseDate, parseDirection, parseFrequency, parseLevel,
  parseNumber, parsePerspective, parseRollup, parseText, Parsed,
} from './values';
import { Direction, Frequency, LEVEL_NAMES, Rollup } from './vocabulary';

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
  /** 0 objective … 4 individual; null when blank or unreadable. */
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

  parent: CascadeNode | null;
  children: CascadeNode[];
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
}

/** The subject of a message: "KPI SAL-03" or "Objective F1". */
export function subjectOf(node: CascadeNode): string {
  return `${node.kind === 'objective' ? 'Objective' : 'KPI'} ${node.id}`;
}

export function levelName(node: CascadeNode): string {
  if (node.levelRank !== null) return LEVEL_NAMES[node.levelRank];
  return node.kind === 'objective' ? 'Objective' : 'KPI';
}

/** Reads the data rows of a participating table; rows without an ID but with data get `missing-id`. */
export function readNodes(table: CascadeTable, issues: IssueList): CascadeNode[] {
  const nodes: CascadeNode[] = [];
  const fieldColumns = Object.values(table.columns) as number[];
  const idColumn = table.columns.id as number;
  table.source.rows.forEach((cells, rowIndex) => {
    if (isBlank(cells[idColumn])) {
      if (fieldColumns.some((column) => !isBlank(cells[column]))) {
        const location = fieldLocation(table, rowIndex, 'id');
        issues.add('missing-id', location, null, { row: location.row as number, cell: describeCell(location) });
      }
      return;
    }
    nodes.push(readNode(table, rowIndex, cells, issues));
  });
  return nodes;
}

function readNode(table: CascadeTable, rowIndex: number, cells: CellValue[], issues: IssueList): CascadeNode {
  const cell = (field: Field): CellValue => {
    const column = table.columns[field];
    return column === undefined ? null : cells[column];
  };
  const id = displayText(cell('id'));
  const levelCell = cell('level');
  const level = parseLevel(levelCell);
  const levelRank = level === INVALID ? null : level;
  // An unreadable Level counts as blank here, so a typo in an objectives table does not turn an objective into a KPI.
  const kind: NodeKind = levelRank === 0 || (levelRank === null && table.objectiveNamed) ? 'objective' : 'kpi';
  const subject = `${kind === 'objective' ? 'Objective' : 'KPI'} ${id}`;

  const where = (field: Field) => {
    const location = fieldLocation(table, rowIndex, field);
    return { location, cell: describeCell(location) };
  };
  const report = <T>(field: Field, parsed: Parsed<T>, code: 'invalid-number' | 'invalid-date'): T | null => {
    if (parsed !== INVALID) return parsed;
    const { location, cell: address } = where(field);
    issues.add(code, location, id, { subject, text: displayText(cell(field)), cell: address, column: canonicalHeader(field) });
    return null;
  };
  const number = (field: Field) => report(field, parseNumber(cell(field)), 'invalid-number');
  const date = (field: Field) => report(field, parseDate(cell(field)), 'invalid-date');
  const word = <T>(field: Field, parsed: Parsed<T>, code: 'invalid-level' | 'invalid-direction' | 'invalid-rollup' | 'invalid-frequency'): T | null => {
    if (parsed !== INVALID) return parsed;
    const { location, cell: address } = where(field);
    issues.add(code, location, id, { subject, text: displayText(cell(field)), cell: address });
    return null;
  };

  word('level', level, 'invalid-level');
  const direction = parseDirection(cell('direction'));
  const rollup = parseRollup(cell('rollup'));
  let weight = number('weight');
  if (weight !== null && weight < 0) {
    const { location, cell: address } = where('weight');
    issues.add('invalid-weight', location, id, { subject, weight, cell: address });
    weight = null;
  }
  const tolerance = number('tolerance');

  return {
    table,
    rowIndex,
    row: table.originRow + 1 + rowIndex,
    id,
    key: idKey(cell('id')),
    name: parseText(cell('name')),
    levelText: parseText(levelCell),
    levelRank,
    kind,
    parentText: parseText(cell('parent')),
    perspective: parsePerspective(cell('perspective')),
    owner: parseText(cell('owner')),
    unit: parseText(cell('unit')),
    direction: direction === INVALID ? (word('direction', direction, 'invalid-direction'), null) : (direction ?? 'higher'),
    rollup: word('rollup', rollup, 'invalid-rollup') ?? 'weighted',
    baseline: number('baseline'),
    target: number('target'),
    targetMin: number('targetMin'),
    targetMax: number('targetMax'),
    // A tolerance is a distance either side of the target: its sign carries no meaning.
    tolerance: tolerance === null ? null : Math.abs(tolerance),
    actual: number('actual'),
    weight,
    start: date('start'),
    due: date('due'),
    updated: date('updated'),
    frequency: word('frequency', parseFrequency(cell('frequency')), 'invalid-frequency'),
    duplicate: false,
    parent: null,
    children: [],
    aligned: false,
    siblingWeight: 0,
    effectiveActual: null,
    progress: null,
    score: null,
    expected: null,
    effectiveStart: null,
    effectiveDue: null,
    status: 'No data',
    contribution: null,
    path: id,
  };
}
