/** Collects issues as values, each placed on a cell of the workbook. */

import { cellReference } from './addresses';
import { displayText } from './values';
import { RULES, RuleCode, RuleDetails } from './rules';
import type { CascadeTable } from './tables';
import type { Issue, Location } from './types';
import type { Field } from './headers';

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

export class IssueList {
  readonly items: Issue[] = [];

  add<C extends RuleCode>(code: C, location: Location, id: string | null, details: RuleDetails<C>): Issue {
    const rule = RULES[code];
    const issue: Issue = {
      code,
      severity: rule.severity,
      message: (rule.message as (d: RuleDetails<C>) => string)(details),
      ...location,
      id,
    };
    this.items.push(issue);
    return issue;
  }
}

/** The text a message uses for a location that has no cell: the sheet and row. */
export function describeCell(location: Location): string {
  return location.cell ?? `${location.sheet} row ${location.row}`;
}
