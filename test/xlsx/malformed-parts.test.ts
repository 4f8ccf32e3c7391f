/**
 * Malformed parts cost linear time and never crash the reader (issue 15).
 *
 * How the cost is checked without a timed test (house rule: speed is for benchmarks): each
 * malformed case runs at 200,000 unclosed elements in a child process (the built dist/) that is
 * killed after 10 s, the bound for every hostile case. The old scanners were quadratic on
 * these (40,000 unclosed `<si>` took 28 s, 80,000 unclosed `<c>` 57 s), so at 200,000 they need
 * many minutes and cannot pass, while a linear scanner needs well under a second even on a busy
 * machine: the limit is a bound with a wide margin, not a measurement. A child process is needed
 * because a synchronous hang inside Jest's own process never reaches Jest's timeout.
 */
import fc from 'fast-check';
import { readWorkbook, WorkbookReadError, writeComputedColumns } from '../../src/xlsx';
import { scanSheet } from '../../src/xlsx/sheet-scan';
import { readSharedStrings, richText } from '../../src/xlsx/strings';
import { SMALL_TABLE, unclosedCells, unclosedStrings } from '../fixtures/hostile/make-hostile';
import { buildCheckerIfStale, runBounded } from '../cli/built-checker';
import { buildPackage } from './build-package';

const HOSTILE = 200_000;
const LIMIT_MS = 10_000;
const sst = (items: string) => `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`;

describe('malformed parts of 200,000 unclosed elements end within the bound', () => {
  beforeAll(() => buildCheckerIfStale(), 120_000);

  /** Runs `expression` (over dist/src/xlsx's modules `strings` and `scan`) and returns what it printed. */
  const bounded = (expression: string) => {
    const script = `const strings = require('./dist/src/xlsx/strings.js'); const scan = require('./dist/src/xlsx/sheet-scan.js');
      const n = ${HOSTILE}; process.stdout.write(JSON.stringify(${expression}));`;
    const run = runBounded(script, LIMIT_MS);
    expect({ inTime: run.inTime, err: run.err }).toEqual({ inTime: true, err: '' });
    return JSON.parse(run.out);
  };

  test('unclosed <si> items', () => {
    expect(bounded(`strings.readSharedStrings('<sst>' + '<si><t>x</t>'.repeat(n) + '</sst>').length`)).toBe(0);
  });

  test('start tags of <si> with no > at all', () => {
    expect(bounded(`strings.readSharedStrings('<sst>' + '<si '.repeat(n)).length`)).toBe(0);
  });

  test('unclosed phonetic runs in one item', () => {
    expect(bounded(`strings.richText('<rPh><t>x</t>'.repeat(n)).length`)).toBe(HOSTILE);
  });

  test('unclosed <c> cells', () => {
    expect(bounded(`scan.scanSheet('<sheetData><row r="1">' + '<c r="A1"><v>1</v>'.repeat(n) + '</row></sheetData>').rows[0].cells.length`)).toBe(HOSTILE);
  });

  test('unclosed <is> in one inline string', () => {
    expect(bounded(`scan.scanSheet('<sheetData><row r="1"><c t="inlineStr">' + '<is><t>x</t>'.repeat(n) + '</c></row></sheetData>').rows[0].cells[0].inline`)).toBeNull();
  });
});

describe('what the reader makes of unclosed elements: what is well-formed, as before', () => {
  test('unclosed <si> items are no strings; the first open item runs to the first close', () => {
    expect(readSharedStrings(sst(unclosedStrings(1000)))).toEqual([]);
    expect(readSharedStrings(sst(`${unclosedStrings(1000)}</si>`))).toEqual(['x'.repeat(1000)]);
  });

  test('the well-formed items around an unclosed one are read', () => {
    expect(readSharedStrings(sst('<si><t>a</t></si><si><t>b</t><si/><x:si/>'))).toEqual(['a', '', '']);
  });

  test('phonetic runs are left out; unclosed ones are read as text', () => {
    expect(richText('<t>a</t><rPh><t>x</t></rPh><t>b</t>')).toBe('ab');
    expect(richText(`<t>a</t>${'<rPh><t>x</t>'.repeat(3)}`)).toBe('axxx');
  });

  test('an unclosed <c> is its start tag only, so that a rewrite keeps what follows it', () => {
    const scan = scanSheet(`<worksheet><sheetData>${unclosedCells(1000)}</sheetData></worksheet>`);
    expect(scan.rows[0].cells).toHaveLength(1000);
    const [first] = scan.rows[0].cells;
    expect(first.value).toBeNull();
    expect(first.end - first.start).toBe('<c r="A1">'.length);
  });

  test('an inline string whose <is> is never closed is no inline string', () => {
    const scan = scanSheet('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></c></row></sheetData></worksheet>');
    expect(scan.rows[0].cells[0].inline).toBeNull();
  });
});

/** Pieces of SpreadsheetML, some unbalanced, and stray characters: joined at random they make malformed parts. */
const FRAGMENTS = [
  '<si>', '</si>', '<si/>', '<t>', '</t>', '<r>', '</r>', '<rPh>', '</rPh>', 'x', '<', '>', '/', '&', '&amp;', '&#', '"',
  '<row r="2">', '<row>', '</row>', '<row r="0">', '<c r="A2">', '<c>', '<c t="s">', '<c t="inlineStr">', '</c>', '<c/>',
  '<v>', '</v>', '<v>1</v>', '<v>0</v>', '<is>', '</is>', '<f>', '</f>', '<x:c>', '</x:c>', '<sheetData>', '</sheetData>',
];
const malformed = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((pieces) => pieces.join(''));
/** A valid part cut at a random point, as a truncated download leaves it. */
const truncated = (whole: string) => fc.nat(whole.length).map((at) => whole.slice(0, at));

describe('the reader on malformed parts', () => {
  const readOrRefuse = (bytes: Uint8Array) => {
    try {
      readWorkbook(bytes, 'hostile.xlsx');
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
    }
  };
  const [sheet] = SMALL_TABLE.sheets;

  test('a malformed sheet is read or refused with WorkbookReadError, never anything else', () => {
    fc.assert(fc.property(fc.oneof(malformed, truncated(sheet.xml)), (xml) => readOrRefuse(buildPackage({ sheets: [{ ...sheet, xml }] }))), { numRuns: 150 });
  });

  test('a malformed shared-strings part is read or refused with WorkbookReadError', () => {
    const cells = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c></row>';
    fc.assert(
      fc.property(fc.oneof(malformed, truncated('<si><t>ID</t></si><si><r><t>KPI</t></r><rPh><t>k</t></rPh></si><si><t>K1</t></si><si><t>Sales</t></si>')), (items) =>
        readOrRefuse(buildPackage({ sheets: [{ ...sheet, xml: cells }], sharedStrings: items })),
      ),
      { numRuns: 150 },
    );
  });

  test('--write over a malformed sheet writes a workbook that reads again, or refuses with WorkbookReadError', () => {
    const writes = [{ sheet: 'KPIs', table: 'KPIs', columns: [{ header: 'Score', format: 'number' as const, values: [0.5] }] }];
    fc.assert(
      fc.property(fc.oneof(malformed, truncated(sheet.xml)), (xml) => {
        let written: Uint8Array;
        try {
          written = writeComputedColumns(buildPackage({ sheets: [{ ...sheet, xml }] }), writes).bytes;
        } catch (error) {
          if (error instanceof WorkbookReadError) return;
          throw error;
        }
        readOrRefuse(written);
      }),
      { numRuns: 150 },
    );
  });
});
