/** Writing computed columns: where they go, how cells look, ownership, reruns and blocked tables. */
import { readWorkbook, writeComputedColumns, type ColumnWrite, type TableWrite } from '../../src/xlsx';
import { buildPackage, fixture, part, replacePart, tableXml } from './build-package';

const KPIS = 'xl/worksheets/sheet2.xml';

function columnsFor(rows: number): ColumnWrite[] {
  const each = <T>(value: (i: number) => T) => Array.from({ length: rows }, (_, i) => value(i));
  return [
    { header: 'Progress', format: 'percent', values: each((i) => i / 4) },
    { header: 'Status', format: 'text', values: each((i) => (i % 2 ? 'On track' : 'At risk')) },
    { header: 'Aligned', format: 'boolean', values: each((i) => i !== 1) },
    { header: 'Path', format: 'text', values: each((i) => `O1 > K${i}`) },
  ];
}

function writesFor(bytes: Uint8Array): TableWrite[] {
  return readWorkbook(bytes, 'in.xlsx')
    .filter((table) => table.header.includes('ID'))
    .map((table) => ({ sheet: table.sheet, table: table.table, columns: columnsFor(table.rows.length) }));
}

function cell(xml: string, address: string): string | null {
  const match = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`).exec(xml);
  return match ? match[0] : null;
}

describe('appending columns to Excel tables', () => {
  const input = fixture('openpyxl-tables.xlsx');
  const { bytes, notes } = writeComputedColumns(input, writesFor(input));

  it('grows the table ref, its autoFilter and its columns; the totals row stays out of the autoFilter', () => {
    expect(notes).toEqual([]);
    const table = part(bytes, 'xl/tables/table2.xml');
    expect(table).toContain('ref="B2:N8"');
    expect(table).toContain('<autoFilter ref="B2:N7"/>');
    expect(table).toContain('<tableColumns count="13">');
    expect(table).toContain('<tableColumn id="10" name="Progress"/><tableColumn id="11" name="Status"/><tableColumn id="12" name="Aligned"/><tableColumn id="13" name="Path"/></tableColumns>');
  });

  it('writes header cells and values that read back as written', () => {
    const kpis = readWorkbook(bytes, 'out.xlsx')[1];
    expect(kpis.header.slice(9)).toEqual(['Progress', 'Status', 'Aligned', 'Path']);
    expect(kpis.rows.map((row) => row.slice(9))).toEqual(
      [0, 1, 2, 3, 4].map((i) => [i / 4, i % 2 ? 'On track' : 'At risk', i !== 1, `O1 > K${i}`]),
    );
    expect(kpis.rows.map((row) => row.slice(0, 9))).toEqual(readWorkbook(input, 'in.xlsx')[1].rows.map((row) => row.slice(0, 9)));
  });

  it('formats percent columns with a 0.00% cell format added to styles.xml', () => {
    const sheet = part(bytes, KPIS);
    const style = Number(/ s="(\d+)"/.exec(cell(sheet, 'K4')!)![1]);
    const xfs = part(bytes, 'xl/styles.xml').match(/<cellXfs count="(\d+)">(.*?)<\/cellXfs>/)!;
    const xf = xfs[2].match(/<xf [^>]*?\/>/g)![style];
    expect(xf).toContain('numFmtId="10"');
    expect(Number(xfs[1])).toBe(xfs[2].match(/<xf /g)!.length);
    expect(cell(sheet, 'M4')).toBe('<c r="M4" t="b"><v>0</v></c>');
  });

  it('adds column widths and grows the dimension', () => {
    const sheet = part(bytes, KPIS);
    expect(sheet).toContain('<dimension ref="A1:N8"/>');
    expect(sheet).toContain('<cols><col min="11" max="11" width="12" customWidth="1"/><col min="12" max="12" width="24" customWidth="1"/>');
  });

  it('records the columns it owns in hidden defined names', () => {
    const workbook = part(bytes, 'xl/workbook.xml');
    expect(workbook).toContain('<definedNames><definedName name="_KPIAlign_Owned_1" hidden="1">"Objectives|Objectives|Progress,Status,Aligned,Path"</definedName>');
    expect(workbook).toContain('<definedName name="_KPIAlign_Owned_2" hidden="1">"KPIs|KPIs|Progress,Status,Aligned,Path"</definedName></definedNames><calcPr');
  });
});

describe('cell values', () => {
  const sheet = '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>K1</t></is></c></row>';
  const one = (value: ColumnWrite['values'][number], format: ColumnWrite['format'] = 'text') => {
    const input = buildPackage({ sheets: [{ name: 'S', xml: sheet, tables: [tableXml('T', 'A1:A2', ['ID'])] }] });
    const { bytes } = writeComputedColumns(input, [{ sheet: 'S', table: 'T', columns: [{ header: 'X', format, values: [value] }] }]);
    return { bytes, cell: cell(part(bytes, 'xl/worksheets/sheet1.xml'), 'B2'), read: readWorkbook(bytes, 'x.xlsx')[0].rows[0][1] };
  };

  it.each(['=SUM(A1)', '+1', '-2', '@me'])('keeps %s as inline text, never a formula, with a quote-prefix format', (text) => {
    const written = one(text);
    expect(written.cell).toMatch(/^<c r="B2" s="\d+" t="inlineStr"><is><t xml:space="preserve">.*<\/t><\/is><\/c>$/);
    expect(written.cell).not.toContain('<f>');
    expect(written.read).toBe(text);
    const style = Number(/ s="(\d+)"/.exec(written.cell!)![1]);
    expect(part(written.bytes, 'xl/styles.xml').match(/<xf [^>]*?\/>/g)![style]).toContain('quotePrefix="1"');
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    const written = one('a < b & "c" \u0001_x0041_');
    expect(written.cell).toContain('a &lt; b &amp; "c" _x005F_x0041_');
    expect(written.read).toBe('a < b & "c" _x0041_');
  });

  it.each([null, undefined, NaN, Infinity, ''])('leaves the cell empty for %p', (value) => {
    expect(one(value, 'percent').cell).toBeNull();
  });

  it('writes dates as serial numbers with a date format', () => {
    const written = one(new Date(Date.UTC(2026, 2, 31)), 'number');
    expect(written.cell).toMatch(/^<c r="B2" s="1"><v>46112<\/v><\/c>$/); // style 1 of the test styles is numFmtId 14
    expect(written.read).toEqual(new Date(Date.UTC(2026, 2, 31)));
  });
});

describe('a person\'s column with one of our headers', () => {
  const input = fixture('preserve.xlsx');
  const write: TableWrite = { sheet: 'Scorecard', table: 'Cascade', columns: columnsFor(4) };
  const { bytes } = writeComputedColumns(input, [write]);

  it('is never touched; ours is named "Status (KPI Align)"', () => {
    const [table] = readWorkbook(bytes, 'out.xlsx');
    expect(table.header.slice(6, 7)).toEqual(['Status']);
    expect(table.rows.map((row) => row[6])).toEqual(['Green', 'Amber', 'Red', null]);
    expect(table.header.slice(9)).toEqual(['Progress', 'Status (KPI Align)', 'Aligned', 'Path']);
    expect(part(bytes, 'xl/tables/table1.xml')).toContain('<tableColumn id="11" name="Status (KPI Align)"/>');
    expect(part(bytes, 'xl/workbook.xml')).toContain('"Scorecard|Cascade|Progress,Status (KPI Align),Aligned,Path"');
  });

  it('stays untouched on a rerun, which updates "Status (KPI Align)" in place', () => {
    const again = writeComputedColumns(bytes, [{ ...write, columns: write.columns.map((c) => ({ ...c, values: c.values.map(() => 'Z') })) }]);
    const [table] = readWorkbook(again.bytes, 'out.xlsx');
    expect(table.header).toHaveLength(13);
    expect(table.rows.map((row) => row[6])).toEqual(['Green', 'Amber', 'Red', null]);
    expect(table.rows.map((row) => row[10])).toEqual(['Z', 'Z', 'Z', 'Z']);
  });
});

describe('reruns', () => {
  const input = fixture('openpyxl-tables.xlsx');
  const writes = writesFor(input);
  const first = writeComputedColumns(input, writes).bytes;
  const second = writeComputedColumns(first, writes).bytes;

  it('update our columns in place: no second set of columns', () => {
    expect(readWorkbook(second, 'x.xlsx').map((table) => table.header.length)).toEqual([13, 13]);
    expect(part(second, 'xl/tables/table2.xml')).toBe(part(first, 'xl/tables/table2.xml'));
  });

  it('are idempotent: writing the output again gives the same parts', () => {
    for (const name of [KPIS, 'xl/worksheets/sheet1.xml', 'xl/tables/table1.xml', 'xl/workbook.xml', 'xl/styles.xml']) {
      expect(part(second, name)).toBe(part(first, name));
    }
  });

  it('replace old values, and an empty value removes the old cell', () => {
    const changed = writes.map((write) => ({
      ...write,
      columns: write.columns.map((column) => ({ ...column, values: column.values.map((v, i) => (i === 0 ? null : v)) })),
    }));
    const { bytes } = writeComputedColumns(first, changed);
    expect(cell(part(bytes, KPIS), 'K3')).toBeNull();
    expect(readWorkbook(bytes, 'x.xlsx')[1].rows[0].slice(9)).toEqual([null, null, null, null]);
  });

  it('recognise a marker that another program rewrote (entities, hidden="false"), and hide it again', () => {
    const workbook = part(first, 'xl/workbook.xml').replace(
      /<definedName name="(_KPIAlign_Owned_2)" hidden="1">"(.*?)"<\/definedName>/,
      '<definedName function="false" hidden="false" name="$1" vbProcedure="false">&quot;$2&quot;</definedName>',
    );
    const { bytes } = writeComputedColumns(replacePart(first, 'xl/workbook.xml', workbook), writes);
    expect(readWorkbook(bytes, 'x.xlsx')[1].header).toHaveLength(13);
    expect(part(bytes, 'xl/workbook.xml')).toContain('<definedName function="false" hidden="1" name="_KPIAlign_Owned_2" vbProcedure="false">"KPIs|KPIs|');
  });

  it('add a column that is new this time next to the ones we own, and mark it ours', () => {
    const more = writes.map((write) => ({
      ...write,
      columns: [...write.columns, { header: 'Score', format: 'percent' as const, values: write.columns[0].values }],
    }));
    const { bytes } = writeComputedColumns(first, more);
    expect(readWorkbook(bytes, 'x.xlsx')[1].header.slice(9)).toEqual(['Progress', 'Status', 'Aligned', 'Path', 'Score']);
    expect(part(bytes, 'xl/workbook.xml')).toContain('"KPIs|KPIs|Progress,Status,Aligned,Path,Score"');
  });
});

describe('blocked tables', () => {
  const input = fixture('blocked.xlsx');
  const { bytes, notes } = writeComputedColumns(input, writesFor(input));

  it('are left byte-identical, with a note naming the cell in the way', () => {
    expect(part(bytes, 'xl/tables/table1.xml')).toBe(part(input, 'xl/tables/table1.xml'));
    expect(part(bytes, 'xl/worksheets/sheet1.xml')).toBe(part(input, 'xl/worksheets/sheet1.xml'));
    expect(notes).toEqual([
      {
        sheet: 'Blocked',
        table: 'Blocked',
        message: 'Cell Blocked!E3 is not empty and the new columns of table "Blocked" would cover it; table "Blocked" was left unchanged.',
      },
    ]);
    expect(part(bytes, 'xl/workbook.xml')).not.toContain('Blocked|Blocked');
  });

  it('do not stop the other tables', () => {
    expect(readWorkbook(bytes, 'x.xlsx')[1].header).toHaveLength(8);
  });

  it('give back the input bytes when nothing at all is written', () => {
    const blockedOnly = writesFor(input).filter((write) => write.table === 'Blocked');
    expect(Buffer.from(writeComputedColumns(input, blockedOnly).bytes).equals(Buffer.from(input))).toBe(true);
  });
});

describe('notes', () => {
  const input = fixture('openpyxl-tables.xlsx');
  it('say when a sheet or table is missing, or a column has the wrong number of values', () => {
    const { notes } = writeComputedColumns(input, [
      { sheet: 'Nope', table: null, columns: columnsFor(1) },
      { sheet: 'KPIs', table: 'Nope', columns: columnsFor(1) },
      { sheet: 'KPIs', table: null, columns: columnsFor(1) },
      { sheet: 'Objectives', table: 'Objectives', columns: [{ header: 'Score', format: 'percent', values: [1, 2, 3] }] },
    ]);
    expect(notes.map((note) => note.message)).toEqual([
      'Sheet "Nope" was not found; nothing was written for it.',
      'Table "Nope" was not found on sheet "KPIs"; nothing was written for it.',
      'Sheet "KPIs" holds Excel tables, so its cells outside them were not written; name a table instead.',
      'Table "Objectives" has 2 data rows but 3 values were given for "Score"; the extra values were not written.',
    ]);
  });
});
