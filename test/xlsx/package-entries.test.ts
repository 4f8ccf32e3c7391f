/**
 * The package layer keeps every zip entry as it came (issue 15): names a plain object cannot hold,
 * duplicates, and names that are not UTF-8, through both ways a package is saved (the checker's
 * --write and the pane's import preparation).
 */
import { strFromU8 } from 'fflate';
import { writeComputedColumns } from '../../src/xlsx';
import { prepareImport } from '../../src/xlsx/rename';
import { LATIN1_NAME, listEntries, PROTOTYPE_NAMES, trickyNamesWorkbook } from '../fixtures/hostile/make-hostile';

const names = (bytes: Uint8Array) => listEntries(bytes).map((entry) => Buffer.from(entry.name).toString('latin1'));
const input = trickyNamesWorkbook();
const written = () => writeComputedColumns(input, [{ sheet: 'KPIs', table: 'KPIs', columns: [{ header: 'Score', format: 'number', values: [1] }] }]).bytes;
const prepared = () =>
  Buffer.from(prepareImport(input, { file: 'team.xlsx', sheets: [{ from: 'KPIs', to: 'Team KPIs' }], tables: [{ sheet: 'KPIs', from: 'KPIs', to: 'TeamKPIs', rows: 1 }] }).base64, 'base64');

describe.each([
  ['--write', written],
  ['the import preparation', prepared],
])('%s over a zip with unusual entries', (_how, save) => {
  let output: Uint8Array;
  beforeAll(() => {
    output = new Uint8Array(save());
  });

  test('keeps every entry, in order, and adds none', () => {
    expect(names(output)).toEqual(names(input));
    expect(listEntries(input)).toHaveLength(14);
  });

  test.each(PROTOTYPE_NAMES)('keeps the entry named %s with its content', (name) => {
    const entry = listEntries(output).find((candidate) => strFromU8(candidate.name) === name);
    expect(entry && strFromU8(entry.data)).toBe(`entry ${name}`);
  });

  test('keeps both copies of a duplicated entry, as they were', () => {
    const copies = listEntries(output).filter((entry) => strFromU8(entry.name) === 'customXml/item1.xml');
    expect(copies.map((entry) => strFromU8(entry.data))).toEqual(['<first/>', '<second/>']);
  });

  test('keeps a Latin-1 name byte for byte, without a UTF-8 flag', () => {
    const entry = listEntries(output).find((candidate) => Buffer.from(candidate.name).equals(Buffer.from(LATIN1_NAME)));
    expect(entry?.utf8).toBe(false);
    expect(entry && strFromU8(entry.data)).toBe('latin-1 name');
  });
});
