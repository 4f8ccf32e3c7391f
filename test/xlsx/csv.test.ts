import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { parseNumber } from '../../src/core/values';
import {
  csvSheetName, decodeCsv, europeanNumber, isCsvFile, parseCsv, readCsvContents, WorkbookReadError,
} from '../../src/xlsx';

const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string | Uint8Array, name = 'kpis.csv') => readCsvContents(typeof text === 'string' ? bytes(text) : text, name);
const only = (text: string | Uint8Array, name?: string) => {
  const { tables } = read(text, name);
  expect(tables).toHaveLength(1);
  return tables[0];
};
const refusal = (text: string | Uint8Array, name = 'kpis.csv') => {
  try {
    read(text, name);
  } catch (error) {
    expect(error).toBeInstanceOf(WorkbookReadError);
    return error as WorkbookReadError;
  }
  throw new Error('read without a refusal');
};

describe('delimiters', () => {
  test.each([
    ['comma', 'ID,Name,Target\nK1,Sales,10\n', ','],
    ['semicolon', 'ID;Name;Target\nK1;Sales;10\n', ';'],
    ['tab', 'ID\tName\tTarget\nK1\tSales\t10\n', '\t'],
  ])('%s is detected', (_what, text, delimiter) => {
    const contents = read(text);
    expect(contents.delimiter).toBe(delimiter);
    expect(contents.tables[0].header).toEqual(['ID', 'Name', 'Target']);
    expect(contents.tables[0].rows).toEqual([['K1', 'Sales', '10']]);
  });

  test('a semicolon file whose numbers have decimal commas is split on the semicolons, trailing line end and all', () => {
    // Every data line splits into more comma fields than the header: the delimiter must still be ';'.
    const contents = read('ID;Name;Target;Actual\r\nK1;Sales;85,5;80,25\r\nK2;Cost;12,5;13\r\n\r\n');
    expect(contents.delimiter).toBe(';');
    expect(contents.tables[0].rows).toEqual([['K1', 'Sales', '85.5', '80.25'], ['K2', 'Cost', '12.5', '13']]);
  });

  test('a comma file with semicolons and tabs inside its text stays a comma file', () => {
    const contents = read('ID,Name,Note\nK1,Sales,"a; b; c"\nK2,Cost,x;y\tz\n');
    expect(contents.delimiter).toBe(',');
    expect(contents.tables[0].rows).toEqual([['K1', 'Sales', 'a; b; c'], ['K2', 'Cost', 'x;y\tz']]);
  });

  test('a tab file with commas in its text is a tab file', () => {
    expect(read('ID\tName\nK1\tSales, north\nK2\tCost, south\n').delimiter).toBe('\t');
  });

  test('a file of one column is read as one column', () => {
    const contents = read('Name\nSales\nCost\n');
    expect(contents.delimiter).toBe(',');
    expect(contents.tables[0].header).toEqual(['Name']);
    expect(contents.tables[0].rows).toEqual([['Sales'], ['Cost']]);
  });

  test('the first lines choose: a title line above the header does not decide', () => {
    expect(parseCsv('FY26 scorecard\nID;Name;Target\nK1;Sales;10\nK2;Cost;5\n').delimiter).toBe(';');
  });
});

describe('encodings', () => {
  test('UTF-8 without a byte-order mark', () => {
    const contents = read('ID,Name\nK1,Satisfacción\n');
    expect(contents.encoding).toBe('utf-8');
    expect(contents.tables[0].rows[0]).toEqual(['K1', 'Satisfacción']);
  });

  test('the UTF-8 byte-order mark is not part of the first header', () => {
    const contents = read(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('ID,Name\nK1,Straße\n')]));
    expect(contents.encoding).toBe('utf-8');
    expect(contents.tables[0].header).toEqual(['ID', 'Name']);
    expect(contents.tables[0].rows[0]).toEqual(['K1', 'Straße']);
  });

  test('bytes that are not UTF-8 are Windows-1252: é is 0xE9, € is 0x80', () => {
    const latin = new Uint8Array([...bytes('ID;Name;Budget\r\nK1;Caf'), 0xe9, ...bytes(';'), 0x80, ...bytes(' 1.200,50\r\n')]);
    const contents = read(latin);
    expect(contents.encoding).toBe('windows-1252');
    expect(contents.tables[0].rows[0]).toEqual(['K1', 'Café', '€ 1200.50']);
    expect(parseNumber(contents.tables[0].rows[0][2])).toBe(1200.5);
  });

  test('UTF-16 with its byte-order mark (Excel\'s "Unicode Text")', () => {
    const text = 'ID\tName\r\nK1\tÉquipe\r\n';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >> 8], 2 + i * 2);
    const contents = read(le);
    expect(contents.encoding).toBe('utf-16le');
    expect(contents.tables[0].rows[0]).toEqual(['K1', 'Équipe']);
  });
});

describe('line ends', () => {
  const lines = ['ID,Name,Target', 'K1,Sales,10', 'K2,Cost,5'];
  test.each([['LF', '\n'], ['CRLF', '\r\n'], ['CR alone (an old Mac export)', '\r']])('%s', (_what, end) => {
    const table = only(lines.join(end) + end);
    expect(table.header).toEqual(['ID', 'Name', 'Target']);
    expect(table.rows).toEqual([['K1', 'Sales', '10'], ['K2', 'Cost', '5']]);
  });

  test('a file without a final line end keeps its last row', () => {
    expect(only(lines.join('\n')).rows).toHaveLength(2);
  });
});

describe('quoted fields', () => {
  test('hold delimiters, doubled quotes and line breaks, and stay one cell each', () => {
    const table = only('ID,Name,Note\r\nK1,"Sales, north","He said ""go"""\r\nK2,Cost,"two\r\nlines"\r\nK3,Churn,\r\n');
    expect(table.rows).toEqual([
      ['K1', 'Sales, north', 'He said "go"'],
      ['K2', 'Cost', 'two\r\nlines'],
      ['K3', 'Churn', null],
    ]);
  });

  test('a quote never closed takes the rest of the file, as Excel does, without a refusal', () => {
    expect(only('ID,Name\nK1,"Sales\nK2,Cost\n').rows[0]).toEqual(['K1', 'Sales\nK2,Cost\n']);
  });

  test('a quoted number with a decimal comma in a comma file is text the engine does not read as 85.5', () => {
    const table = only('ID,Target\nK1,"85,5"\n');
    expect(table.rows[0]).toEqual(['K1', '85,5']);
  });
});

describe('the sheet', () => {
  test('is named after the file and is a plain sheet at A1', () => {
    const table = only('ID,Name\nK1,Sales\n', 'exports/Q3 kpis.csv');
    expect(table).toMatchObject({ workbook: 'exports/Q3 kpis.csv', sheet: 'Q3 kpis', table: null, origin: 'A1' });
    expect(read('ID,Name\nK1,Sales\n', 'exports/Q3 kpis.csv').sheets).toEqual(['Q3 kpis']);
  });

  test.each([
    ['C:\\Users\\me\\kpis.CSV', 'kpis'],
    ['kpis.v2.csv', 'kpis.v2'],
    ['a-very-long-file-name-for-a-scorecard-export.csv', 'a-very-long-file-name-for-a-sco'],
  ])('%s is the sheet %s, as Excel names it', (file, sheet) => {
    expect(csvSheetName(file)).toBe(sheet);
  });

  test('rows above the header with one cell (a title) are skipped, as on a workbook\'s plain sheet', () => {
    const table = only('FY26 scorecard,,\nID,Name,Target\nK1,Sales,10\n');
    expect(table.origin).toBe('A2');
    expect(table.header).toEqual(['ID', 'Name', 'Target']);
    expect(table.rows).toEqual([['K1', 'Sales', '10']]);
  });

  test('blank lines inside are blank rows, so row numbers stay those Excel shows', () => {
    const table = only('ID,Name\nK1,Sales\n\nK3,Cost\n');
    expect(table.rows).toEqual([['K1', 'Sales'], [null, null], ['K3', 'Cost']]);
  });

  test('an empty first column moves the origin, and short rows are padded', () => {
    const table = only(',ID,Name,Target\n,K1,Sales\n');
    expect(table.origin).toBe('B1');
    expect(table.rows).toEqual([['K1', 'Sales', null]]);
  });

  test('numbers, percentages and money stay text for the engine\'s one coercion path', () => {
    const row = only('ID,Target,Actual,Budget\nK1,12%,(300),"$1,200"\n').rows[0];
    expect(row).toEqual(['K1', '12%', '(300)', '$1,200']);
    expect(row.slice(1).map(parseNumber)).toEqual([0.12, -300, 1200]);
  });

  test('no settings, no uncalculated formulas', () => {
    expect(read('ID,Name\nK1,Sales\n')).toMatchObject({ settings: null, uncalculated: [] });
  });
});

describe('the decimal comma, in a semicolon file only', () => {
  test.each([
    ['85,5', '85.5'],
    ['1.200,50', '1200.50'],
    ['-3,2 %', '-3.2 %'],
    ['€ 1.200,00', '€ 1200.00'],
    ['(12,5)', '(12.5)'],
    ['1.200.000', '1200000'],
  ])('%s reads as %s', (text, dotted) => {
    expect(europeanNumber(text)).toBe(dotted);
  });

  test.each(['1.5', '1.200', 'K1,2', '2025-01', '1,2,3', 'Sales'])('%s is left as written', (text) => {
    expect(europeanNumber(text)).toBeNull();
  });

  test('a comma file\'s dot decimals are untouched', () => {
    expect(only('ID,Target\nK1,85.5\n').rows[0]).toEqual(['K1', '85.5']);
  });
});

describe('what cannot be read is refused with a sentence naming the file', () => {
  test.each([
    ['an empty file', ''],
    ['a byte-order mark alone', '\ufeff'],
    ['blank lines', '\r\n\r\n  \r\n'],
  ])('%s', (_what, text) => {
    const error = refusal(text, 'exports/kpis.csv');
    expect(error.kind).toBe('empty');
    expect(error.reason).toBe('exports/kpis.csv is empty: it holds no rows to check');
  });

  test.each([
    ['binary junk', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256))],
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['UTF-16 without its mark', new Uint8Array([...bytes('ID,Name')].flatMap((b) => [b, 0]))],
  ])('%s', (_what, data) => {
    const error = refusal(data);
    expect(error.kind).toBe('not-text');
    expect(error.reason).toMatch(/^kpis\.csv is not a text file/);
  });

  test('a DOS end-of-file mark is not junk', () => {
    expect(decodeCsv(new Uint8Array([...bytes('ID,Name\r\nK1,Sales\r\n'), 0x1a]), 'kpis.csv').text).toBe('ID,Name\r\nK1,Sales\r\n');
  });
});

describe('which reader a file gets', () => {
  const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
  test('a .csv name, whatever its case, unless the bytes are a workbook', () => {
    expect(isCsvFile(bytes('ID,Name\n'), 'kpis.csv')).toBe(true);
    expect(isCsvFile(bytes('ID,Name\n'), 'KPIS.CSV')).toBe(true);
    expect(isCsvFile(zip, 'kpis.csv')).toBe(false);
    expect(isCsvFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'kpis.csv')).toBe(false);
    expect(isCsvFile(bytes('ID,Name\n'), 'kpis.xlsx')).toBe(false);
    expect(isCsvFile(bytes('ID,Name\n'), 'kpis.xlsm')).toBe(false);
  });
});

describe('the real samples (test/fixtures/real), by hand from the files', () => {
  const fixture = (name: string) => read(readFileSync(`test/fixtures/real/${name}`), `test/fixtures/real/${name}`);

  test('efe-sur-kpis.csv: Windows-1252, semicolons, CRLF, decimal commas', () => {
    const contents = fixture('efe-sur-kpis.csv');
    expect(contents).toMatchObject({ encoding: 'windows-1252', delimiter: ';', sheets: ['efe-sur-kpis'] });
    const [table] = contents.tables;
    expect(table.header).toEqual(['id_kpi', 'nombre', 'categoria', 'servicio', 'valor', 'meta', 'unidad', 'periodo', 'variacion_pct', 'estado', 'orden', 'observacion']);
    expect(table.rows).toHaveLength(6);
    // Line 4: 13;Pasajeros;Afluencia;Tren Araucanía;43340;58878,53;pax;2025-01;-26,3908253144228;critico;13;
    expect(table.rows[2]).toEqual(['13', 'Pasajeros', 'Afluencia', 'Tren Araucanía', '43340', '58878.53', 'pax', '2025-01', '-26.3908253144228', 'critico', '13', null]);
    // Line 6: 54;Tasa de Ocupación;Ocupación;Biotren;0,497083147102996;...
    expect(table.rows[4].slice(1, 5)).toEqual(['Tasa de Ocupación', 'Ocupación', 'Biotren', '0.497083147102996']);
    expect(parseNumber(table.rows[5][5])).toBeCloseTo(508.683923042446, 12);
  });

  test('tecmilenio-kpis.csv: UTF-8 without a mark, quoted fields with commas', () => {
    const contents = fixture('tecmilenio-kpis.csv');
    expect(contents).toMatchObject({ encoding: 'utf-8', delimiter: ',' });
    const [table] = contents.tables;
    expect(table.header).toEqual(['Nombre', 'Definicion', 'Tipo', 'Aplica_Bono', 'Area', 'Frecuencia', 'Formula', 'Tags']);
    expect(table.rows.map((row) => row[0])).toEqual(['Continuidad', 'NPS', 'OPP']);
    expect(table.rows[0][7]).toBe('retención, deserción, continuidad, matrícula');
    expect(table.rows[1][3]).toBe('Sí');
    expect(table.rows[2][6]).toBe('(Horas con perfil deseable / Total horas impartidas) × 100');
  });

  test('ops-kpi-targets.csv: comma, LF, eight KPIs', () => {
    const [table] = fixture('ops-kpi-targets.csv').tables;
    expect(table.header).toEqual(['KPI', 'Target', 'Actual', 'Variance_pct', 'Direction', 'Owner']);
    expect(table.rows).toHaveLength(8);
    expect(table.rows[6]).toEqual(['Safety_incidents', '0', '1', '+1', 'lower-is-worse', 'Section Head']);
  });

  test('ops-cascade.csv: CR line ends only', () => {
    const [table] = fixture('ops-cascade.csv').tables;
    expect(table.origin).toBe('A1');
    expect(table.header).toEqual(['ID', 'KPI', 'Parent', 'Target', 'Actual', 'Variance_pct', 'Direction', 'Owner']);
    expect(table.rows.map((row) => row[0])).toEqual(['OPS', 'OPS-1', 'OPS-2', 'OPS-3', 'OPS-4']);
    expect(table.rows[0]).toEqual(['OPS', 'Monthly ops workbook', null, null, null, null, null, 'Section Head']);
  });
});
