/** Sheet-level writing: plain sheets, rows and cells that must be created or kept in order, odd XML. */
import { readWorkbook, writeComputedColumns, type TableWrite } from '../../src/xlsx';
import { buildPackage, fixture, part, replacePart, tableXml } from './build-package';

const SHEET = 'xl/worksheets/sheet1.xml';

describe('plain sheets', () => {
  const input = fixture('plain-sheet.xlsx');
  const write = (values: (number | null)[]): TableWrite => ({
    sheet: 'Cascade',
    table: null,
    columns: [{ header: 'Score', format: 'percent', values }],
  });
  const first = writeComputedColumns(input, [write([0.5, 0.25, null, 1])]).bytes;

  it('get the columns right of the header range, in the header row and the data rows', () => {
    const [table] = readWorkbook(first, 'x.xlsx');
    expect(table.origin).toBe('B3');
    expect(table.header.at(-1)).toBe('Score');
    expect(table.rows.map((row) => row.at(-1))).toEqual([0.5, 0.25, null, 1]);
    expect(part(first, 'xl/workbook.xml')).toContain('<definedName name="_KPIAlign_Owned_1" hidden="1">"Cascade||Score"</definedName>');
  });

  it('copy the style of the last header cell to our header', () => {
    const sheet = part(first, SHEET);
    const lastHeaderStyle = /<c r="H3"( s="\d+")?/.exec(part(input, SHEET))![1] ?? '';
    expect(sheet).toContain(`<c r="I3"${lastHeaderStyle} t="inlineStr"><is><t xml:space="preserve">Score</t></is></c>`);
  });

  it('are updated in place on a rerun, and our old values below the last data row are removed', () => {
    const again = writeComputedColumns(first, [write([0.1, 0.2, null, 0.4])]).bytes;
    expect(readWorkbook(again, 'x.xlsx')[0].header).toHaveLength(8);
    // The person clears the last row's cells but not ours; row 6 is empty, so two data rows are left.
    const shorter = part(again, SHEET).replace(/<row r="7".*?<\/row>/, (row) => row.replace(/<c r="[B-H]7".*?<\/c>/g, ''));
    const edited = replacePart(again, SHEET, shorter);
    expect(part(edited, SHEET)).toContain('r="I7"');
    expect(readWorkbook(edited, 'x.xlsx')[0].rows).toHaveLength(2);
    const third = writeComputedColumns(edited, [write([0.1, 0.2])]).bytes;
    expect(part(third, SHEET)).not.toContain('r="I7"');
    expect(readWorkbook(third, 'x.xlsx')[0].rows.map((row) => row.at(-1))).toEqual([0.1, 0.2]);
  });
});

describe('rows and cells', () => {
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row>';

  it('creates missing rows in order and keeps cells right of ours after them', () => {
    const sheet = `${header}<row r="2"><c r="A2"><v>1</v></c><c r="Z2"><v>99</v></c></row><row r="4"><c r="A4"><v>3</v></c></row>`;
    const input = buildPackage({ sheets: [{ name: 'S', xml: sheet, tables: [tableXml('T', 'A1:A4', ['ID'])] }] });
    const { bytes } = writeComputedColumns(input, [{ sheet: 'S', table: 'T', columns: [{ header: 'N', format: 'number', values: [10, 20, 30] }] }]);
    const xml = part(bytes, SHEET);
    expect(xml).toContain('<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>10</v></c><c r="Z2"><v>99</v></c></row>');
    expect(xml).toContain('<row r="3"><c r="B3"><v>20</v></c></row><row r="4">');
  });

  it('gives every cell and row an explicit r where it inserts, so implicit positions cannot shift', () => {
    const sheet = '<row><c t="inlineStr"><is><t>ID</t></is></c></row><row><c><v>1</v></c></row>';
    const input = buildPackage({ sheets: [{ name: 'S', xml: sheet, tables: [tableXml('T', 'A1:A2', ['ID'])] }] });
    const { bytes } = writeComputedColumns(input, [{ sheet: 'S', table: 'T', columns: [{ header: 'N', format: 'number', values: [7] }] }]);
    expect(part(bytes, SHEET)).toContain('<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>7</v></c></row>');
    expect(readWorkbook(bytes, 'x.xlsx')[0].rows).toEqual([[1, 7]]);
  });

  it('writes with the namespace prefix the part uses, and grows spans', () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:dimension ref="A1:A2"/><x:sheetData>' +
      '<x:row r="1" spans="1:1"><x:c r="A1" t="inlineStr"><x:is><x:t>ID</x:t></x:is></x:c></x:row><x:row r="2" spans="1:1"><x:c r="A2"><x:v>1</x:v></x:c></x:row>' +
      '</x:sheetData><x:tableParts count="1"><x:tablePart r:id="rIdT1"/></x:tableParts></x:worksheet>';
    const input = buildPackage({ sheets: [{ name: 'S', xml: sheet, tables: [tableXml('T', 'A1:A2', ['ID'])] }] });
    const { bytes } = writeComputedColumns(input, [{ sheet: 'S', table: 'T', columns: [{ header: 'Path', format: 'text', values: ['a > b'] }] }]);
    const xml = part(bytes, SHEET);
    expect(xml).toContain('<x:row r="2" spans="1:2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="inlineStr"><x:is><x:t xml:space="preserve">a &gt; b</x:t></x:is></x:c></x:row>');
    expect(xml).toContain('<x:dimension ref="A1:B2"/>');
    expect(xml).toContain('<x:cols><x:col min="2" max="2" width="24" customWidth="1"/></x:cols><x:sheetData>');
    expect(readWorkbook(bytes, 'x.xlsx')[0].rows).toEqual([[1, 'a > b']]);
  });

  it('overwrites a cell that has only a style, but not one with a formula', () => {
    const styled = `${header}<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="1"/></row>`;
    const formula = `${header}<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>A2*2</f></c></row>`;
    const columns = [{ header: 'N', format: 'number' as const, values: [5] }];
    const run = (xml: string) =>
      writeComputedColumns(buildPackage({ sheets: [{ name: 'S', xml, tables: [tableXml('T', 'A1:A2', ['ID'])] }] }), [{ sheet: 'S', table: 'T', columns }]);
    expect(part(run(styled).bytes, SHEET)).toContain('<c r="B2"><v>5</v></c>');
    expect(run(formula).notes[0].message).toMatch(/^Cell S!B2 is not empty/);
  });

  it('does not write over another table or merged cells', () => {
    const xml = `${header}<row r="2"><c r="A2"><v>1</v></c></row>`;
    const columns = [{ header: 'N', format: 'number' as const, values: [5] }];
    const neighbour = buildPackage({ sheets: [{ name: 'S', xml, tables: [tableXml('T', 'A1:A2', ['ID']), tableXml('U', 'B2:C3', ['P', 'Q'])] }] });
    expect(writeComputedColumns(neighbour, [{ sheet: 'S', table: 'T', columns }]).notes[0].message).toBe(
      'Table "U" is where the new columns of table "T" would go; table "T" was left unchanged.',
    );
    const merged = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>${xml}</sheetData><mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells><tableParts count="1"><tablePart r:id="rIdT1"/></tableParts></worksheet>`;
    const withMerge = buildPackage({ sheets: [{ name: 'S', xml: merged, tables: [tableXml('T', 'A1:A2', ['ID'])] }] });
    expect(writeComputedColumns(withMerge, [{ sheet: 'S', table: 'T', columns }]).notes[0].message).toBe(
      'Merged cells B1:C1 are where the new columns of table "T" would go; table "T" was left unchanged.',
    );
  });

  it('adds only the column name to a table without a header row', () => {
    const input = buildPackage({ sheets: [{ name: 'S', xml: '<row r="3"><c r="A3"><v>1</v></c></row>', tables: [tableXml('T', 'A3:A3', ['ID'], ' headerRowCount="0"')] }] });
    const { bytes } = writeComputedColumns(input, [{ sheet: 'S', table: 'T', columns: [{ header: 'N', format: 'number', values: [2] }] }]);
    expect(part(bytes, SHEET)).toContain('<row r="3"><c r="A3"><v>1</v></c><c r="B3"><v>2</v></c></row>');
    expect(part(bytes, 'xl/tables/table1.xml')).toContain('ref="A3:B3"');
    expect(readWorkbook(bytes, 'x.xlsx')[0]).toMatchObject({ header: ['ID', 'N'], rows: [[1, 2]] });
  });

  it('writes numbers unformatted, with a note, when the workbook has no styles part', () => {
    const input = buildPackage({ sheets: [{ name: 'S', xml: `${header}<row r="2"><c r="A2"><v>1</v></c></row>`, tables: [tableXml('T', 'A1:A2', ['ID'])] }], styles: null });
    const { bytes, notes } = writeComputedColumns(input, [{ sheet: 'S', table: 'T', columns: [{ header: 'P', format: 'percent', values: [0.5] }] }]);
    expect(part(bytes, SHEET)).toContain('<c r="B2"><v>0.5</v></c>');
    expect(notes.map((note) => note.message)).toEqual([
      'The workbook has no cell formats (styles.xml), so numbers were written without a percent or date format.',
    ]);
  });
});
