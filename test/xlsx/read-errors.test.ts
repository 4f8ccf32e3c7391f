/** Files that are not readable workbooks: one typed error each, with a sentence for the user. */
import { strToU8, zipSync } from 'fflate';
import { readWorkbook, writeComputedColumns, WorkbookReadError } from '../../src/xlsx';
import { buildPackage, fixture, part, replacePart } from './build-package';

function readError(bytes: Uint8Array, name = 'book.xlsx'): WorkbookReadError {
  try {
    readWorkbook(bytes, name);
  } catch (error) {
    if (error instanceof WorkbookReadError) return error;
    throw error;
  }
  throw new Error('expected a WorkbookReadError');
}

describe('read errors', () => {
  it('says a text file is not an .xlsx workbook', () => {
    const error = readError(fixture('not-a-workbook.xlsx'), 'not-a-workbook.xlsx');
    expect(error.kind).toBe('not-a-workbook');
    expect(error.reason).toBe('not-a-workbook.xlsx is not an .xlsx workbook');
  });

  it('recognises an OLE container (an .xls file, or an encrypted .xlsx)', () => {
    const error = readError(fixture('legacy.xls'), 'legacy.xls');
    expect(error.kind).toBe('encrypted-or-xls');
    expect(error.reason).toBe('legacy.xls is password-protected or an old .xls file; save it as an unprotected .xlsx');
  });

  it('says a zip without a workbook is not an Excel workbook', () => {
    const error = readError(fixture('zip-not-workbook.xlsx'), 'zip-not-workbook.xlsx');
    expect(error.kind).toBe('not-excel');
    expect(error.reason).toBe('zip-not-workbook.xlsx is a zip file but not an Excel workbook');
  });

  it('says a binary .xlsb workbook must be saved as .xlsx', () => {
    const bytes = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array([1, 2, 3]) });
    expect(readError(bytes).reason).toBe('book.xlsx is a binary .xlsb workbook; save it as an .xlsx');
  });

  it('says a truncated zip is damaged', () => {
    const bytes = fixture('openpyxl-tables.xlsx');
    const error = readError(bytes.subarray(0, bytes.length / 2));
    expect(error.kind).toBe('damaged');
    expect(error.reason).toMatch(/^book\.xlsx is damaged: the zip container cannot be opened/);
  });

  it('says a workbook part that is not well-formed XML is damaged, naming the part', () => {
    const bytes = replacePart(buildPackage({ sheets: [{ name: 'S', xml: '' }] }), 'xl/workbook.xml', '<workbook><sheets></workbook>');
    const error = readError(bytes);
    expect(error.kind).toBe('damaged');
    expect(error.reason).toMatch(/^book\.xlsx is damaged: xl\/workbook\.xml is not well-formed XML/);
  });

  it('the writer throws the same error for bytes it cannot read', () => {
    expect(() => writeComputedColumns(fixture('legacy.xls'), [])).toThrow(WorkbookReadError);
  });

  it('does not throw on odd contents: a missing sheet part and a broken table are skipped', () => {
    const bytes = buildPackage({
      sheets: [
        { name: 'Good', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>X</t></is></c></row>' },
        { name: 'Broken table', xml: '<row r="1"/>', tables: ['<table ref="nonsense"/>'] },
      ],
    });
    const rels = part(bytes, 'xl/_rels/workbook.xml.rels').replace('worksheets/sheet1.xml', 'worksheets/missing.xml');
    const withoutSheet = replacePart(bytes, 'xl/_rels/workbook.xml.rels', rels);
    expect(readWorkbook(bytes, 'x.xlsx').map((t) => t.sheet)).toEqual(['Good']);
    expect(readWorkbook(withoutSheet, 'x.xlsx')).toEqual([]);
  });
});
