/** Which tables take part in the cascade, and how their columns map to fields (spec sections 1 and 2). */

import { parseCellAddress } from './addresses';
import { canonicalHeader, Field, mapHeaders, PARTICIPATION_FIELDS } from './headers';
import { cellLocation, IssueList } from './issues';
import { displayText } from './values';
import type { SourceTable, TableRole } from './types';

export interface CascadeTable {
  source: SourceTable;
  workbook: string | null;
  sheet: string;
  name: string | null;
  originColumn: number;
  originRow: number;
  columns: Partial<Record<Field, number>>;
  participates: boolean;
  /** The table's or sheet's name contains "objective": blank Levels there mean objectives. */
  objectiveNamed: boolean;
  role: TableRole;
}

function describeTable(source: SourceTable): string {
  return source.table === null ? `Sheet ${source.sheet}` : `Table ${source.table} on sheet ${source.sheet}`;
}

/** Reads a table's header row; reports duplicate columns and objective tables without an ID column. */
export function analyseTable(source: SourceTable, issues: IssueList): CascadeTable {
  const origin = parseCellAddress(source.origin) ?? { column: 1, row: 1 };
  const { columns, duplicates } = mapHeaders(source.header);
  const objectiveNamed = /objective/i.test(source.table ?? '') || /objective/i.test(source.sheet);
  const participates = columns.id !== undefined && PARTICIPATION_FIELDS.some((field) => columns[field] !== undefined);
  const table: CascadeTable = {
    source,
    workbook: source.workbook ?? null,
    sheet: source.sheet,
    name: source.table,
    originColumn: origin.column,
    originRow: origin.row,
    columns,
    participates,
    objectiveNamed,
    role: 'skipped',
  };
  if (columns.id === undefined && objectiveNamed) {
    const location = cellLocation(table, null, 0);
    issues.add('missing-column', { ...location, column: null }, null, {
      where: describeTable(source),
      cell: location.cell ?? source.origin,
    });
  }
  if (participates) {
    for (const { index, field } of duplicates) {
      const location = cellLocation(table, null, index);
      issues.add('duplicate-column', location, null, {
        header: displayText(source.header[index]),
        cell: location.cell as string,
        first: displayText(source.header[columns[field] as number]),
        field: canonicalHeader(field),
      });
    }
  }
  return table;
}
