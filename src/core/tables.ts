/** Which tables take part in the cascade, and how their columns map to fields (spec sections 1 and 2). */

import { parseCellAddress } from './addresses';
import { canonicalHeader, Field, fieldForHeader, mapHeaders, PARTICIPATION_FIELDS } from './headers';
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

/** How a message names a table: "Sheet Notes", "Table KPIs on sheet Plan" (lower-case within a sentence). */
export function describeTable(source: SourceTable, sentenceStart = true): string {
  const text = source.table === null ? `Sheet ${source.sheet}` : `Table ${source.table} on sheet ${source.sheet}`;
  return sentenceStart ? text : text.charAt(0).toLowerCase() + text.slice(1);
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
  const missingColumn = columns.id === undefined && objectiveNamed;
  if (missingColumn) {
    const location = cellLocation(table, null, 0);
    issues.add('missing-column', { ...location, column: null }, null, {
      where: describeTable(source),
      cell: location.cell ?? source.origin,
    });
  }
  // An objectives table without an ID column has missing-column, which says it is skipped.
  if (!participates && !missingColumn) reportSkipped(table, issues);
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

/** Names under which a person keeps a cascade: a skipped table named so is always reported. */
const CASCADE_NAME = /kpi|okr|objective|scorecard|metric|measure/i;

/**
 * table-skipped (spec section 8): what a skipped table's header maps and what it lacks. It is reported
 * when its header maps two fields, the bar a plain sheet's header row must clear, or when its table or
 * sheet is named like a cascade ("KPIs", "Scorecard"). Anything else (a cover page, notes, a lookup
 * list of IDs and colours) is no cascade table gone wrong, and passes in silence so that the report is
 * not flooded with every sheet of a workbook.
 */
function reportSkipped(table: CascadeTable, issues: IssueList): void {
  const { source, columns } = table;
  const mapped = source.header.filter((cell) => fieldForHeader(cell) !== undefined).map((cell) => `"${displayText(cell)}"`);
  const named = CASCADE_NAME.test(source.table ?? '') || CASCADE_NAME.test(source.sheet);
  if (mapped.length < 2 && !named) return;
  const location = cellLocation(table, null, 0);
  const linked = PARTICIPATION_FIELDS.some((field) => columns[field] !== undefined);
  issues.add('table-skipped', { ...location, column: null }, null, {
    where: describeTable(source),
    cell: location.cell ?? source.origin,
    mapped,
    hasId: columns.id !== undefined,
    needsOneOf: linked ? null : PARTICIPATION_FIELDS.map(canonicalHeader),
  });
}
