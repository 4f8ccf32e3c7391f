/**
 * Importing team workbooks into the open one, planned before anything changes: which sheets and
 * tables arrive under which names, and every problem the import would bring in. The engine checks
 * the cascade as it would be after the import (the open workbook's tables plus every incoming
 * file's), so IDs and parents are judged exactly as the report will judge them afterwards.
 *
 * Decisions:
 * - A file with no cascade table is an error: the add-in reads only Excel tables, so its sheets
 *   would bring nothing into the cascade (it is most likely the wrong file); the person takes it
 *   off the list and imports the rest. A cascade in a plain range (the checker reads those) is
 *   the same error, with a sentence saying to format it as a table.
 * - Only an incoming file's Excel tables take part in the check, for the same reason.
 * - An ID shared with the open workbook or with another incoming file is an error (one of the two
 *   rows would have to change); an ID repeated inside one incoming file is a warning, as is a
 *   Parent that names no ID anywhere: the report shows both after the import, nothing clashes.
 * - Sheet and table names that are taken are resolved by renaming (info). A new name avoids the
 *   open workbook's names, the names planned so far and the file's own other names, so a file
 *   never needs two renames to settle.
 * - LISTS_SHEET (a team template's dropdown choices) is never imported: the open workbook keeps its
 *   own, and the imported dropdowns use it through the same defined names.
 * - Unreadable files are in `problems` only, not in `files`.
 * - `tables[].sheet` is the sheet's name in this workbook after the import; a plain range has
 *   `from` and `to` null.
 */

import { cellReference, parseReference } from './addresses';
import { checkTables } from './engine';
import { sameName } from './ownership';
import { reportIndex } from './report-index';
import { LISTS_SHEET, uniqueName } from './team-sheet';
import { compareSeverity, type CascadeReport, type ImportPlan, type ImportProblem, type ImportProblemCode, type Issue, type Severity, type SourceTable } from './types';
import { idKey } from './values';

export interface ImportTarget {
  tables: SourceTable[];
  sheets: string[];
  tableNames: string[];
}

export interface IncomingWorkbook {
  file: string;
  tables: SourceTable[];
  sheets: string[];
  /** Why the file could not be read (a sentence naming it); the file is then not imported. */
  error?: string;
}

type Where = { file: string | null; cell: string };

/** `[team.xlsx]'Team Sales'!A7` for an incoming cell, `'Team Sales'!A7` (in this workbook) for one already here. */
function placeText(where: Where): string {
  return where.file === null ? `this workbook's ${where.cell}` : `[${where.file}]${where.cell}`;
}

/** Every sentence of the plan, in one place. */
export const IMPORT_MESSAGES = {
  unreadable: (file: string, error: string) =>
    `${error.includes(file) ? error : `${file} cannot be read: ${error}`}${/[.!?]$/.test(error) ? '' : '.'} Take it off the list, or save it again as an .xlsx and choose it again.`,
  noTables: (file: string) =>
    `${file} has no table of KPIs (an Excel table with an ID column and a Parent, Level, Perspective or Target column), so nothing in it would join the cascade. Take it off the list.`,
  plainRange: (file: string, sheet: string) =>
    `The KPIs of ${file} on sheet "${sheet}" are a plain range, not an Excel table, and the add-in reads only tables. Open the file, format the range as a table (Home > Format as Table), save it and choose it again.`,
  duplicateId: (at: Where, id: string, others: Where[]) =>
    `${placeText(at)}: ID "${id}" is already used in ${others.slice(0, 3).map(placeText).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''}. Give one of them another ID before importing.`,
  duplicateInFile: (at: Where, id: string, count: number) =>
    `${placeText(at)}: ID "${id}" is used by ${count} rows of ${at.file}; after the import none of them is computed until each has an ID of its own.`,
  unknownParent: (at: Where, subject: string, parent: string) =>
    `${placeText(at)}: Parent "${parent}" of ${subject} is not an ID in this workbook or in the files being imported; the report will show it as an unknown parent after the import.`,
  listsSheet: (file: string, haveLists: boolean) =>
    `The sheet "${LISTS_SHEET}" of ${file} (the dropdowns' choices) is not imported: ${
      haveLists
        ? 'the imported dropdowns use this workbook\'s own lists.'
        : 'this workbook has no lists yet, so the imported dropdowns offer no choices until a team sheet is created here.'
    }`,
  sheetRenamed: (file: string, from: string, to: string, holder: string | null) =>
    `Sheet "${from}" of ${file} is imported as "${to}": ${holder === null ? 'this workbook already has' : `${holder} also has`} a sheet named "${from}".`,
  tableRenamed: (file: string, from: string, to: string, holder: string | null) =>
    `Table "${from}" of ${file} is imported as "${to}": ${holder === null ? 'this workbook already has' : `${holder} also has`} a table named "${from}" (table names are unique in a workbook).`,
};

/** The plan for importing `incoming` into the open workbook `current`. Pure: nothing is read or changed. */
export function planImport(current: ImportTarget, incoming: IncomingWorkbook[]): ImportPlan {
  const problems: ImportProblem[] = [];
  const problem = (severity: Severity, code: ImportProblemCode, file: string, cell: string | null, message: string) =>
    problems.push({ severity, code, file, cell, message });

  const readable = incoming.filter((entry) => entry.error === undefined);
  for (const entry of incoming) {
    if (entry.error !== undefined) problem('error', 'unreadable', entry.file, null, IMPORT_MESSAGES.unreadable(entry.file, entry.error));
  }

  // The engine tells files apart by `workbook`: this workbook's tables have none, each incoming file a label of its own.
  const label = (index: number) => `\u0000${index}`;
  const fileOf = (workbook: string | null) => (workbook === null ? null : readable[Number(workbook.slice(1))].file);
  const importedTables = readable.map((entry, index) =>
    entry.tables.filter((table) => table.table !== null && !sameName(table.sheet, LISTS_SHEET)).map((table) => ({ ...table, workbook: label(index) })),
  );
  const report = checkTables([...current.tables.map((table) => ({ ...table, workbook: undefined })), ...importedTables.flat()]);

  readable.forEach((entry, index) => {
    const joins = report.tables.some((table) => table.workbook === label(index) && table.role !== 'skipped');
    if (!joins) noTableProblem(entry, problem);
  });
  const duplicated = duplicateProblems(report, fileOf, problem);
  unknownParentProblems(report, duplicated, fileOf, problem);

  const haveLists = current.sheets.some((sheet) => sameName(sheet, LISTS_SHEET));
  for (const entry of readable) {
    if (entry.sheets.some((sheet) => sameName(sheet, LISTS_SHEET))) problem('info', 'lists-sheet', entry.file, null, IMPORT_MESSAGES.listsSheet(entry.file, haveLists));
  }

  const files = planNames(current, readable, problem);
  problems.sort((a, b) => compareSeverity(a.severity, b.severity));
  return { files, problems, canImport: !problems.some((item) => item.severity === 'error') };
}

type AddProblem = (severity: Severity, code: ImportProblemCode, file: string, cell: string | null, message: string) => void;

/** A file without a cascade table: a plain-range cascade gets its own sentence. */
function noTableProblem(entry: IncomingWorkbook, problem: AddProblem): void {
  const plain = entry.tables.filter((table) => table.table === null && !sameName(table.sheet, LISTS_SHEET));
  const plainCascade = plain.length > 0 ? checkTables(plain.map((table) => ({ ...table, workbook: entry.file }))).tables.find((table) => table.role !== 'skipped') : undefined;
  if (plainCascade) problem('error', 'no-tables', entry.file, null, IMPORT_MESSAGES.plainRange(entry.file, plainCascade.sheet));
  else problem('error', 'no-tables', entry.file, null, IMPORT_MESSAGES.noTables(entry.file));
}

/**
 * The engine's duplicate-id issues that an incoming row is part of: an error when the ID is also
 * used here or in another file, a warning when only inside its own file. Returns the duplicated ID keys.
 */
function duplicateProblems(report: CascadeReport, fileOf: (workbook: string | null) => string | null, problem: AddProblem): Set<string> {
  const groups = new Map<string, Issue[]>();
  for (const issue of report.issues) {
    if (issue.code !== 'duplicate-id' || issue.id === null) continue;
    const key = idKey(issue.id);
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  for (const rows of groups.values()) {
    for (const row of rows) {
      if (row.workbook === null) continue;
      const file = fileOf(row.workbook) as string;
      const at = { file, cell: row.cell ?? row.sheet };
      const others = rows.filter((other) => other.workbook !== row.workbook).map((other) => ({ file: fileOf(other.workbook), cell: other.cell ?? other.sheet }));
      if (others.length > 0) problem('error', 'duplicate-id', file, row.cell, IMPORT_MESSAGES.duplicateId(at, row.id as string, others));
      else problem('warning', 'duplicate-id', file, row.cell, IMPORT_MESSAGES.duplicateInFile(at, row.id as string, rows.length));
    }
  }
  return new Set(groups.keys());
}

/** Incoming rows whose Parent names no ID anywhere (a Parent naming a duplicated ID is the duplicate's problem). */
function unknownParentProblems(
  report: CascadeReport,
  duplicated: Set<string>,
  fileOf: (workbook: string | null) => string | null,
  problem: AddProblem,
): void {
  const index = reportIndex(report);
  for (const issue of report.issues) {
    if (issue.code !== 'unknown-parent' || issue.workbook === null || issue.row === null) continue;
    const node = index.rowOf(issue.workbook, issue.sheet, issue.table, issue.row);
    if (!node || node.parent === null || duplicated.has(idKey(node.parent))) continue;
    const file = fileOf(issue.workbook) as string;
    const subject = `${node.kind === 'objective' ? 'objective' : 'KPI'} ${node.id}`;
    problem('warning', 'unknown-parent', file, issue.cell, IMPORT_MESSAGES.unknownParent({ file, cell: issue.cell ?? issue.sheet }, subject, node.parent));
  }
}

/** The names every sheet and table gets here, renaming where a name is taken. */
function planNames(current: ImportTarget, readable: IncomingWorkbook[], problem: AddProblem): ImportPlan['files'] {
  const plannedSheets: { name: string; file: string }[] = [];
  const plannedTables: { name: string; file: string }[] = [];
  const holder = (name: string, here: readonly string[], planned: { name: string; file: string }[]) =>
    here.some((taken) => sameName(taken, name)) ? null : (planned.find((item) => sameName(item.name, name))?.file ?? null);

  return readable.map((entry) => {
    const sourceSheets = entry.sheets.filter((sheet) => !sameName(sheet, LISTS_SHEET));
    const sheets = sourceSheets.map((from, index) => {
      const taken = [...current.sheets, LISTS_SHEET, ...plannedSheets.map((item) => item.name), ...sourceSheets.slice(index + 1)];
      const to = uniqueName(from, taken);
      if (to !== from) problem('info', 'sheet-clash', entry.file, null, IMPORT_MESSAGES.sheetRenamed(entry.file, from, to, holder(from, current.sheets, plannedSheets)));
      plannedSheets.push({ name: to, file: entry.file });
      return { from, to };
    });
    const sheetTo = (from: string) => sheets.find((sheet) => sameName(sheet.from, from))?.to ?? from;

    const sources = entry.tables.filter((table) => !sameName(table.sheet, LISTS_SHEET));
    const tables = sources.map((table, index) => {
      const rows = table.rows.length;
      if (table.table === null) return { sheet: sheetTo(table.sheet), from: null, to: null, rows };
      const from = table.table;
      const later = sources.slice(index + 1).flatMap((other) => (other.table === null ? [] : [other.table]));
      const to = uniqueName(from, [...current.tableNames, ...plannedTables.map((item) => item.name), ...later], 255, '_');
      if (to !== from) {
        const origin = parseReference(table.origin)?.area ?? { left: 1, top: 1 };
        const cell = cellReference(table.sheet, origin.left, origin.top);
        problem('info', 'table-clash', entry.file, cell, IMPORT_MESSAGES.tableRenamed(entry.file, from, to, holder(from, current.tableNames, plannedTables)));
      }
      plannedTables.push({ name: to, file: entry.file });
      return { sheet: sheetTo(table.sheet), from, to, rows };
    });
    return { file: entry.file, sheets, tables };
  });
}
