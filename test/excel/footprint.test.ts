/**
 * What the add-in leaves in a workbook is in the registry (src/core/footprint.ts): after every action
 * that writes (results, settings, the owner report, a team sheet, issue marks), each new name, sheet,
 * conditional format and validation is one of ours by the registry's words, and each word is used.
 */

import {
  checkTables, GUARD_TEXT, ISSUE_MARK_TAG, LIST_NAMES, LISTS_SHEET, OUR_NAMES, ownerSummaries, planTeamSheet, REPORT_NAME_PREFIX,
  WRITTEN_COLUMNS,
} from '../../src/core';
import type { WorkbookSnapshot } from '../../src/preview/excel-model';
import { adapterFor, EXAMPLE_AS_OF, exampleModel } from './support';

async function everythingWritten(): Promise<{ before: WorkbookSnapshot; after: WorkbookSnapshot }> {
  const model = exampleModel();
  const before = model.snapshot();
  const workbook = adapterFor(model);
  const tables = await workbook.readCascade();
  const report = checkTables(tables, { asOf: EXAMPLE_AS_OF });
  await workbook.writeResults(report, tables);
  await workbook.saveSettings({ asOf: EXAMPLE_AS_OF });
  await workbook.writeOwnerReport(ownerSummaries(report), 'one-sheet', EXAMPLE_AS_OF);
  const plan = planTeamSheet(report, { team: 'Marketing', level: 'Team', ...(await workbook.listNames()) });
  if (!plan.ok) throw new Error(plan.error);
  await workbook.createTeamSheet(plan.plan);
  await workbook.markIssueCells(report.issues);
  return { before, after: model.snapshot() };
}

let before: WorkbookSnapshot;
let after: WorkbookSnapshot;
beforeAll(async () => {
  ({ before, after } = await everythingWritten());
});

const isOurs = (name: string) => OUR_NAMES.some((entry) => name.toLowerCase().startsWith(entry.toLowerCase()));

test("every name the add-in adds begins with one of the registry's, and each of those is used", () => {
  const added = after.names.map((item) => item.name).filter((name) => !before.names.some((old) => old.name === name));
  expect(added.filter((name) => !isOurs(name))).toEqual([]);
  for (const entry of OUR_NAMES) expect(added.some((name) => name.startsWith(entry))).toBe(true);
  expect(after.names.filter((item) => added.includes(item.name)).every((item) => !item.visible)).toBe(true);
});

test('the sheets added are the lists sheet, the team sheet and the report (found by its marker)', () => {
  const added = after.sheets.map((sheet) => sheet.name).filter((name) => !before.sheets.some((old) => old.name === name));
  const reports = after.names.filter((item) => item.name.startsWith(REPORT_NAME_PREFIX)).map((item) => item.formula);
  expect(reports).toEqual(["='Owner report'!$A$1"]);
  expect(added.sort()).toEqual([LISTS_SHEET, 'Owner report', 'Team Marketing'].sort());
});

test("every conditional format added is an issue mark (by its tag) or a written column's or the report's colours", () => {
  const colours = new Set(WRITTEN_COLUMNS.flatMap((column) => Object.values('colors' in column ? column.colors : {}).map((color) => `${color.fill}/${color.font}`)));
  expect(before.conditionalFormats).toEqual([]);
  const added = after.conditionalFormats;
  const marks = added.filter((format) => format.type === 'Custom');
  expect(marks.length).toBeGreaterThan(0);
  for (const mark of marks) expect(JSON.stringify(mark.rule)).toContain(ISSUE_MARK_TAG);
  for (const format of added.filter((candidate) => candidate.type !== 'Custom')) expect(colours.has(`${format.fill}/${format.font}`)).toBe(true);
});

test("every validation added is the guard (by its title) or a team sheet's dropdown (by a list's name)", () => {
  const lists = Object.values(LIST_NAMES).map((name) => `=${name}`);
  let guards = 0;
  for (const sheet of after.sheets) {
    for (const settings of Object.values(sheet.validations)) {
      if (settings.type === 'Custom') {
        expect(settings.errorAlert?.title).toBe(GUARD_TEXT.title);
        guards++;
      } else if (settings.type === 'List') {
        expect(lists).toContain((settings.rule as { list: { source: string } }).list.source);
      }
    }
  }
  expect(guards).toBeGreaterThan(0);
});
