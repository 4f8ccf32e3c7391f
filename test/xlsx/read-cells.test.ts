/** Cell-level reading on hand-made packages: the XML variants real writers produce. */
import { readWorkbook } from '../../src/xlsx';
import { isDateFormatCode } from '../../src/xlsx/styles';
import { serialToDate, dateToSerial } from '../../src/xlsx/dates';
import { buildPackage, tableXml } from './build-package';

const read = (sheetData: string, extra: Partial<Parameters<typeof buildPackage>[0]> = {}) =>
  readWorkbook(buildPackage({ sheets: [{ name: 'S', xml: sheetData }], ...extra }), 'test.xlsx');

describe('cell types', () => {
  it('reads shared, inline, formula-string, boolean, error, ISO date and number cells', () => {
    const [table] = read(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="str"><f>A1&amp;"x"</f><v>IDx</v></c></row>' +
        '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c></row>' +
        '<row r="4"><c r="A4" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B4" t="d"><v>2026-03-31T00:00:00</v></c></row>' +
        '<row r="5"><c r="A5"><v>-12.5</v></c><c r="B5" t="n"><v>1E-3</v></c></row>',
      { sharedStrings: ['ID', 'Name'] },
    );
    expect(table.header).toEqual(['ID', 'Name']);
    expect(table.rows).toEqual([
      ['inline', 'IDx'],
      [true, false],
      ['#DIV/0!', new Date(Date.UTC(2026, 2, 31))],
      [-12.5, 0.001],
    ]);
  });

  it('joins rich-text runs and leaves out phonetic guides', () => {
    const [table] = read('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>in</t></r><r><rPr><b/></rPr><t>line</t></r></is></c></row>', {
      sharedStrings: '<si><r><t xml:space="preserve">Team </t></r><r><rPr><b/></rPr><t>KPI</t></r><rPh sb="0" eb="1"><t>ルビ</t></rPh></si>',
    });
    expect(table.header).toEqual(['Team KPI', 'inline']);
  });

  it('decodes XML entities and Excel _xHHHH_ escapes', () => {
    const [table] = read(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>R&amp;D &lt;core&gt; &quot;x&quot; &apos;y&apos;</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t>line&#10;two&#x21;</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>tab_x0009_here and _x005F_x0041_ literal</t></is></c></row>',
    );
    expect(table.header).toEqual(['R&D <core> "x" \'y\'', 'line\ntwo!', 'tab\there and _x0041_ literal']);
  });

  it('gives a formula without a cached value as blank', () => {
    const [table] = read('<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>X</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2"><f>SUM(A1:A2)</f></c></row>');
    expect(table.rows).toEqual([[1, null]]);
  });
});

describe('XML shapes', () => {
  it('handles namespace prefixes, self-closing cells and rows, and cells and rows without r', () => {
    const sheet =
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
      '<x:row><x:c t="inlineStr"><x:is><x:t>ID</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Target</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c><x:v>1</x:v></x:c><x:c s="0"/><x:c><x:v>3</x:v></x:c></x:row>' +
      '<x:row r="5"/>' +
      '<x:row><x:c r="B6"><x:v>6</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    const [table] = read(sheet);
    expect(table.origin).toBe('A1');
    expect(table.header).toEqual(['ID', 'Target', null]);
    expect(table.rows).toEqual([
      [1, null, 3],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, 6, 7], // row 6: the row after r="5"
    ]);
  });
});

describe('dates', () => {
  const styles = (code: string) =>
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="${code}"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
  const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>Due</t></is></c><c r="B1" t="inlineStr"><is><t>Score</t></is></c></row>';

  it('turns numbers with a date format into dates and leaves percentages as numbers', () => {
    const [table] = read(`${header}<row r="2"><c r="A2" s="1"><v>46112.25</v></c><c r="B2" s="2"><v>0.5</v></c></row>`, {
      styles: styles('dd/mm/yyyy\\ hh:mm'),
    });
    expect(table.rows).toEqual([[new Date(Date.UTC(2026, 2, 31, 6)), 0.5]]);
  });

  it('honours the 1904 date system', () => {
    const [table] = read(`${header}<row r="2"><c r="A2" s="1"><v>0</v></c></row>`, { styles: styles('yyyy-mm-dd'), date1904: true });
    expect(table.rows[0][0]).toEqual(new Date(Date.UTC(1904, 0, 1)));
  });

  it.each([
    ['yyyy-mm-dd', true],
    ['d mmm yyyy', true],
    ['[$-409]mmmm d, yyyy;@', true],
    ['h:mm AM/PM', true],
    ['0.00%', false],
    ['[Red]0.00;[Blue]-0.00', false],
    ['#,##0 "days"', false],
    ['0.00E+00', false],
    ['\\d0', false],
    ['[h]:mm', false],
    ['General', false],
    ['@', false],
  ])('format %s is a date: %s', (code, expected) => {
    expect(isDateFormatCode(code)).toBe(expected);
  });

  it('counts serials like Excel, including the 1900 leap-year bug, and converts back', () => {
    expect(serialToDate(1, false)).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(serialToDate(61, false)).toEqual(new Date(Date.UTC(1900, 2, 1)));
    expect(serialToDate(46112, false)).toEqual(new Date(Date.UTC(2026, 2, 31)));
    expect(dateToSerial(new Date(Date.UTC(2026, 2, 31)), false)).toBe(46112);
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)), false)).toBe(1);
    expect(serialToDate(-1, false)).toBeNull();
  });
});

describe('tables', () => {
  it('uses the displayName, falls back to column names for empty header cells, and leaves out the totals row', () => {
    const xml =
      '<row r="2"><c r="B2" t="inlineStr"><is><t>ID</t></is></c></row>' +
      '<row r="3"><c r="B3" t="inlineStr"><is><t>K1</t></is></c><c r="C3"><v>5</v></c></row>' +
      '<row r="4"><c r="B4" t="inlineStr"><is><t>Total</t></is></c><c r="C4"><v>5</v></c></row>';
    const table = tableXml('Display', 'B2:C4', ['ID', 'Target'], ' totalsRowCount="1"').replace('name="Display"', 'name="Internal"');
    const [source] = readWorkbook(buildPackage({ sheets: [{ name: 'S', xml, tables: [table] }] }), 'x.xlsx');
    expect(source).toMatchObject({ table: 'Display', origin: 'B2', header: ['ID', 'Target'], rows: [['K1', 5]] });
  });

  it('takes the header of a table without a header row from its column names; the origin is the row above', () => {
    const xml = '<row r="3"><c r="A3" t="inlineStr"><is><t>K1</t></is></c><c r="B3"><v>5</v></c></row>';
    const table = tableXml('NoHeader', 'A3:B3', ['ID', 'Target'], ' headerRowCount="0"');
    const [source] = readWorkbook(buildPackage({ sheets: [{ name: 'S', xml, tables: [table] }] }), 'x.xlsx');
    expect(source).toMatchObject({ origin: 'A2', header: ['ID', 'Target'], rows: [['K1', 5]] });
  });
});
