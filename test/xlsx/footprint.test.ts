/**
 * What the checker leaves in a file is in the registry (src/core/footprint.ts): `--write` adds only
 * ownership markers and the guard, `kpi-align template` only the lists sheet and the lists' names.
 */

import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import {
  checkTables, GUARD_RULE, GUARD_TEXT, LIST_NAMES, LISTS_SHEET, NAME_PREFIX, OUR_NAMES, OWNED_NAME_PREFIX, planTeamSheet,
} from '../../src/core';
import { tableWrites } from '../../src/cli/write';
import { readWorkbook, writeComputedColumns, writeTeamTemplate } from '../../src/xlsx';

const parts = (bytes: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, part]) => [name, strFromU8(part)]));
const definedNames = (bytes: Uint8Array) => [...parts(bytes)['xl/workbook.xml'].matchAll(/<(?:[\w.-]+:)?definedName\b[^>]*?\bname="([^"]*)"/g)].map((match) => match[1]);
const ours = (name: string) => OUR_NAMES.some((entry) => name.toLowerCase().startsWith(entry.toLowerCase()));

const input = new Uint8Array(readFileSync('examples/scorecard.xlsx'));
const tables = readWorkbook(input, 'scorecard.xlsx');
const report = checkTables(tables, { asOf: '2026-09-30' });

test('--write adds one ownership marker per table written, and no other name', () => {
  const writes = tableWrites(report, tables);
  const output = writeComputedColumns(input, writes).bytes;
  const before = definedNames(input);
  const added = definedNames(output).filter((name) => !before.includes(name));
  expect(before.filter((name) => name.startsWith(NAME_PREFIX))).toEqual([]);
  expect(added).toHaveLength(writes.length);
  for (const name of added) expect(name.startsWith(OWNED_NAME_PREFIX)).toBe(true);
  expect(added.every(ours)).toBe(true);
});

test("--write's only validations of its own are the guard: its rule and its title", () => {
  const output = parts(writeComputedColumns(input, tableWrites(report, tables)).bytes);
  const guards = Object.entries(output)
    .filter(([name]) => name.startsWith('xl/worksheets/'))
    .flatMap(([, xml]) => [...xml.matchAll(/<dataValidation [^>]*type="custom"[^>]*>[\s\S]*?<\/dataValidation>/g)].map((match) => match[0]));
  expect(guards).toHaveLength(tableWrites(report, tables).length);
  for (const guard of guards) {
    expect(guard).toContain(`errorTitle="${GUARD_TEXT.title}"`);
    expect(guard).toContain(`<formula1>${GUARD_RULE}</formula1>`);
  }
});

test('a team template holds the lists sheet and exactly the lists\' names', () => {
  const result = planTeamSheet(report, { team: 'Marketing', level: 'Team', sheets: [], tables: [] });
  if (!result.ok) throw new Error(result.error);
  const bytes = writeTeamTemplate(result.plan);
  expect(definedNames(bytes).sort()).toEqual(Object.values(LIST_NAMES).sort());
  expect(definedNames(bytes).every(ours)).toBe(true);
  expect(parts(bytes)['xl/workbook.xml']).toContain(`<sheet name="${LISTS_SHEET}"`);
});
