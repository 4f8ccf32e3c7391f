/** Collects issues as values, each placed on a cell of the workbook. */

import { cellReference } from './addresses';
import type { Field } from './headers';
import type { CascadeNode } from './nodes';
import { PlainDetails, RULES, RuleCode, RuleDetails, subjectOf } from './rules';
import type { CascadeTable } from './tables';
import type { Issue, Location } from './types';
import { displayText } from './values';

/** Where a table's cell is: the header row is at originRow, data row i at originRow + 1 + i. */
export function cellLocation(table: CascadeTable, rowIndex: number | null, columnIndex: number | null): Location {
  const row = rowIndex === null ? table.originRow : table.originRow + 1 + rowIndex;
  const column = columnIndex === null ? null : displayText(table.source.header[columnIndex]) || null;
  const cell = columnIndex === null ? null : cellReference(table.sheet, table.originColumn + columnIndex, row);
  return { workbook: table.workbook, sheet: table.sheet, table: table.name, row, column, cell };
}

/** The location of a field's cell on a data row, or of the row's ID cell when the table has no such column. */
export function fieldLocation(table: CascadeTable, rowIndex: number, field: Field): Location {
  const columnIndex = table.columns[field] ?? table.columns.id ?? null;
  return cellLocation(table, rowIndex, columnIndex);
}

/** The text a message uses for a location that has no cell: the sheet and row. */
export function describeCell(location: Location): string {
  return location.cell ?? `${location.sheet} row ${location.row}`;
}

const overflowed = (value: unknown): boolean => typeof value === 'number' && !Number.isFinite(value);

/** The report is plain JSON: a detail that overflowed (a sum of weights near the largest double) is kept as null. */
function plainDetails<T extends object>(details: T): PlainDetails<T> {
  if (!Object.values(details).some(overflowed)) return details as PlainDetails<T>;
  return Object.fromEntries(Object.entries(details).map(([key, value]) => [key, overflowed(value) ? null : value])) as PlainDetails<T>;
}

/** What a node's message needs beyond the subject and the cell, which `IssueList.addFor` fills in. */
type NodeDetails<C extends RuleCode> = Omit<RuleDetails<C>, 'subject' | 'cell'>;

export class IssueList {
  readonly items: Issue[] = [];

  add<C extends RuleCode>(code: C, location: Location, id: string | null, details: RuleDetails<C>): Issue<C> {
    const rule = RULES[code];
    const issue: Issue<C> = {
      code,
      severity: rule.severity,
      message: (rule.message as (d: RuleDetails<C>) => string)(details),
      ...location,
      id,
      details: plainDetails(details),
    };
    this.items.push(issue);
    return issue;
  }

  /** An issue on one of a node's cells: the message names the node and the cell, and the node keeps the code. */
  addFor<C extends RuleCode>(node: CascadeNode, code: C, field: Field, details: NodeDetails<C>): Issue<C> {
    const location = fieldLocation(node.table, node.rowIndex, field);
    const full = { subject: subjectOf(node), cell: describeCell(location), ...details } as unknown as RuleDetails<C>;
    if (!node.issueCodes.includes(code)) node.issueCodes.push(code);
    return this.add(code, location, node.id, full);
  }
}
