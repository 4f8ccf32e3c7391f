/**
 * The guard the writer puts on our columns' data cells, as the add-in does: where it goes, what it says,
 * how a rerun replaces it and moves it with our columns, that a person's validations stay exactly as
 * they were, and (where /usr/bin/python3 has openpyxl: always on CI) that openpyxl reads it.
 */
import { describeWithOpenpyxl, runPython } from '../support/openpyxl';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GUARD_TEXT } from '../../src/core';
import { readWorkbook, writeComputedColumns, type ColumnWrite, type TableWrite } from '../../src/xlsx';
import { attribute, child, children, parseXml, type XmlNode } from '../../src/xlsx/xml-text';
import { buildPackage, fixture, part, replacePart, tableXml } from './build-package';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const SHEET = 'xl/worksheets/sheet1.xml';

interface Validation {
  type: string | null;
  sqref: string | null;
  errorTitle: string | null;
  formula1: string | null;
}

/** Every `<dataValidation>` of a worksheet part, in order; the part must be well-formed XML. */
function validationsOf(xml: string): (Validation & { node: XmlNode })[] {
  const { root, problem } = parseXml(xml);
  if (!root) throw new Error(problem ?? 'not XML');
  const list = child(child(root, 'worksheet'), 'dataValidations');
  const items = children(list, 'dataValidation');
  if (list) expect(attribute(list, 'count')).toBe(String(items.length));
  return items.map((node) => {
    const formula = children(node, 'formula1')[0] as XmlNode | string | undefined;
    return {
      node,
      type: attribute(node, 'type'),
      sqref: attribute(node, 'sqref'),
      errorTitle: attribute(node, 'errorTitle'),
      formula1: typeof formula === 'string' ? formula : typeof formula?.['#text'] === 'string' ? formula['#text'] : null,
    };
  });
}

/** The sqref of our guard in a sheet part, or null; there is never more than one. */
function guardOf(xml: string): string | null {
  const ours = validationsOf(xml).filter((item) => item.errorTitle === GUARD_TEXT.title);
  expect(ours.length).toBeLessThanOrEqual(1);
  return ours[0]?.sqref ?? null;
}

/** The names of the worksheet's child elements from sheetData on, in document order. */
function elementsAfterCells(xml: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (const tag of xml.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)[^>]*?(\/?)>/g)) {
    if (tag[0].startsWith('<?')) continue;
    if (tag[1]) depth--;
    else {
      if (depth === 1) names.push(tag[2]);
      if (!tag[3]) depth++;
    }
  }
  return names.slice(names.indexOf('sheetData'));
}

function columnsFor(rows: number): ColumnWrite[] {
  const each = <T>(value: (i: number) => T) => Array.from({ length: rows }, (_, i) => value(i));
  return [
    { header: 'Progress', format: 'percent', values: each((i) => i / 4) },
    { header: 'Status', format: 'text', values: each(() => 'On track') },
    { header: 'Aligned', format: 'boolean', values: each(() => true) },
    { header: 'Path', format: 'text', values: each((i) => `O1 > K${i}`) },
  ];
}

function writesFor(bytes: Uint8Array): TableWrite[] {
  return readWorkbook(bytes, 'in.xlsx').map((table) => ({ sheet: table.sheet, table: table.table, columns: columnsFor(table.rows.length) }));
}

const ID_ROWS = (rows: number, from = 2) =>
  Array.from({ length: rows }, (_, i) => `<row r="${from + i}"><c r="A${from + i}" t="inlineStr"><is><t>K${i}</t></is></c></row>`).join('');
const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c></row>';

/** A one-table sheet (ID in A1:A4) whose part ends with `tail` after its cells. */
function sheetWithTail(tail: string, prefix = ''): Uint8Array {
  const p = prefix ? `${prefix}:` : '';
  const cells = (HEADER + ID_ROWS(3)).replace(/<(\/?)(row|c|is|t)(?=[\s>])/g, `<$1${p}$2`);
  const xmlns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const xml = `<${p}worksheet ${xmlns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${p}sheetData>${cells}</${p}sheetData>${tail}</${p}worksheet>`;
  return buildPackage({ sheets: [{ name: 'S', xml, tables: [tableXml('T', 'A1:A4', ['ID'])] }] });
}

const oneColumn = (values: number[]): TableWrite[] => [{ sheet: 'S', table: 'T', columns: [{ header: 'N', format: 'number', values }] }];

describe('the guard on written tables', () => {
  const input = fixture('openpyxl-tables.xlsx');
  const first = writeComputedColumns(input, writesFor(input)).bytes;

  it('covers exactly the data cells of our columns: no header, no totals row', () => {
    expect(guardOf(part(first, 'xl/worksheets/sheet1.xml'))).toBe('J2:M3'); // Objectives A1:I3
    expect(guardOf(part(first, 'xl/worksheets/sheet2.xml'))).toBe('K3:N7'); // KPIs B2:J8, totals in row 8
  });

  it("says what the add-in says: a custom rule that is never true, a Stop alert and a prompt", () => {
    const [guard] = validationsOf(part(first, SHEET));
    expect(guard.type).toBe('custom');
    expect(guard.formula1).toBe('FALSE');
    const settings = Object.fromEntries(
      ['errorStyle', 'showErrorMessage', 'errorTitle', 'error', 'showInputMessage', 'promptTitle', 'prompt', 'allowBlank'].map((name) => [name, attribute(guard.node, name)]),
    );
    expect(settings).toEqual({
      errorStyle: 'stop',
      showErrorMessage: '1',
      errorTitle: GUARD_TEXT.title,
      error: GUARD_TEXT.alert,
      showInputMessage: '1',
      promptTitle: GUARD_TEXT.title,
      prompt: GUARD_TEXT.prompt,
      allowBlank: '1',
    });
  });

  it("fits Excel's limits on validation texts", () => {
    expect(GUARD_TEXT.title.length).toBeLessThanOrEqual(32);
    expect(GUARD_TEXT.alert.length).toBeLessThanOrEqual(225);
    expect(GUARD_TEXT.prompt.length).toBeLessThanOrEqual(255);
  });

  it('goes where the schema puts it: after the cells, before pageMargins and tableParts', () => {
    expect(elementsAfterCells(part(first, 'xl/worksheets/sheet2.xml'))).toEqual(['sheetData', 'dataValidations', 'pageMargins', 'tableParts']);
  });

  it('is replaced, not added to, on a rerun: writing twice gives the same bytes as writing once', () => {
    const second = writeComputedColumns(first, writesFor(first)).bytes;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('is not set on a table that is left unchanged', () => {
    const blocked = fixture('blocked.xlsx');
    const { bytes } = writeComputedColumns(blocked, writesFor(blocked));
    expect(part(bytes, 'xl/worksheets/sheet1.xml')).toBe(part(blocked, 'xl/worksheets/sheet1.xml'));
    expect(guardOf(part(bytes, 'xl/worksheets/sheet2.xml'))).toBe('E2:H2');
  });
});

describe('the guard on a plain sheet', () => {
  const input = fixture('plain-sheet.xlsx');
  const write = (values: (number | null)[]): TableWrite[] => [{ sheet: 'Cascade', table: null, columns: [{ header: 'Score', format: 'percent', values }] }];
  const first = writeComputedColumns(input, write([0.5, 0.25, null, 1])).bytes;

  it('covers the data rows below the header row, the empty row among them', () => {
    expect(guardOf(part(first, SHEET))).toBe('I4:I7');
    expect(elementsAfterCells(part(first, SHEET))).toEqual(['sheetData', 'dataValidations', 'pageMargins']);
  });

  it('shrinks with the rows', () => {
    // The person clears the last row's cells (not ours); row 6 is empty, so two data rows are left.
    const shorter = part(first, SHEET).replace(/<row r="7".*?<\/row>/, (row) => row.replace(/<c r="[B-H]7".*?<\/c>/g, ''));
    const third = writeComputedColumns(replacePart(first, SHEET, shorter), write([0.1, 0.2])).bytes;
    expect(guardOf(part(third, SHEET))).toBe('I4:I5');
  });

  it('goes with the last data row, and with it the whole list it was alone in', () => {
    const sheet = `${HEADER.replace('</row>', '<c r="B1" t="inlineStr"><is><t>Name</t></is></c></row>')}<row r="2"><c r="A2"><v>1</v></c></row>`;
    const input = buildPackage({ sheets: [{ name: 'P', xml: sheet }] });
    const written = writeComputedColumns(input, [{ sheet: 'P', table: null, columns: [{ header: 'N', format: 'number', values: [5] }] }]).bytes;
    expect(guardOf(part(written, SHEET))).toBe('C2');
    const emptied = replacePart(written, SHEET, part(written, SHEET).replace('<c r="A2"><v>1</v></c>', ''));
    const rewritten = writeComputedColumns(emptied, [{ sheet: 'P', table: null, columns: [{ header: 'N', format: 'number', values: [] }] }]).bytes;
    expect(part(rewritten, SHEET)).not.toContain('dataValidation');
  });
});

describe('where the list goes in the worksheet', () => {
  const CONDITIONAL = '<conditionalFormatting sqref="A2:A4"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>';

  it.each([
    ['after conditional formats, before hyperlinks', `${CONDITIONAL}<hyperlinks><hyperlink ref="A2" display="x"/></hyperlinks><printOptions/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>`, ['sheetData', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins']],
    ['before printOptions', '<printOptions/>', ['sheetData', 'dataValidations', 'printOptions']],
    ['before the extension list', '<extLst><ext uri="{x}"/></extLst>', ['sheetData', 'dataValidations', 'extLst']],
  ])('%s', (_name, tail, order) => {
    const { bytes } = writeComputedColumns(sheetWithTail(tail), oneColumn([1, 2, 3]));
    expect(elementsAfterCells(part(bytes, SHEET))).toEqual(order);
    expect(guardOf(part(bytes, SHEET))).toBe('B2:B4');
  });

  it('at the end when nothing follows it, with the prefix the sheet uses', () => {
    const input = buildPackage({
      sheets: [{ name: 'S', xml: `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>${(HEADER + ID_ROWS(1)).replace(/<(\/?)(row|c|is|t)(?=[\s>])/g, '<$1x:$2')}</x:sheetData></x:worksheet>`, tables: [tableXml('T', 'A1:A2', ['ID'])] }],
    });
    const xml = part(writeComputedColumns(input, oneColumn([1])).bytes, SHEET);
    expect(xml).toMatch(/<\/x:sheetData><x:dataValidations count="1"><x:dataValidation type="custom" [^>]*sqref="B2"><x:formula1>FALSE<\/x:formula1><\/x:dataValidation><\/x:dataValidations><\/x:worksheet>$/);
  });
});

describe("a person's validations", () => {
  const LIST = '<dataValidation type="list" allowBlank="1" sqref="A2:A4"><formula1>"K0,K1,K2"</formula1></dataValidation>';

  it('stay exactly as written, in their place; ours is appended and the count fixed', () => {
    const tail = `<dataValidations disablePrompts="0" count="1">\n  ${LIST}\n</dataValidations><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/>`;
    const input = sheetWithTail(tail);
    const first = writeComputedColumns(input, oneColumn([1, 2, 3])).bytes;
    const xml = part(first, SHEET);
    expect(xml).toMatch(/<dataValidations disablePrompts="0" count="2">\n {2}<dataValidation type="list" allowBlank="1" sqref="A2:A4"><formula1>"K0,K1,K2"<\/formula1><\/dataValidation>\n<dataValidation type="custom"[^>]*sqref="B2:B4">/);
    expect(validationsOf(xml).map((item) => [item.type, item.sqref])).toEqual([['list', 'A2:A4'], ['custom', 'B2:B4']]);
    const second = writeComputedColumns(first, oneColumn([1, 2, 3])).bytes;
    expect(part(second, SHEET)).toBe(xml);
  });

  it("keep the cells they cover, where ours would go too: ours leaves them out", () => {
    const mine = '<dataValidation type="whole" operator="between" sqref="B3 C:C"><formula1>0</formula1><formula2>9</formula2></dataValidation>';
    const input = sheetWithTail(`<dataValidations count="1">${mine}</dataValidations>`);
    const xml = part(writeComputedColumns(input, [{ sheet: 'S', table: 'T', columns: columnsFor(3).slice(0, 3) }]).bytes, SHEET);
    expect(xml).toContain(`<dataValidations count="2">${mine}<dataValidation type="custom"`);
    expect(guardOf(xml)).toBe('B2 B4 D2:D4');
  });

  it('keep the cells that validations in the extension list cover', () => {
    const ext =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list">' +
      '<x14:formula1><xm:f>Other!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B2</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    const xml = part(writeComputedColumns(sheetWithTail(ext), oneColumn([1, 2, 3])).bytes, SHEET);
    expect(xml).toContain(ext);
    expect(guardOf(xml)).toBe('B3:B4');
  });

  it('that look like ours but have another title are theirs', () => {
    const lookalike = '<dataValidation type="custom" errorTitle="Locked" sqref="B2:B4"><formula1>FALSE</formula1></dataValidation>';
    const xml = part(writeComputedColumns(sheetWithTail(`<dataValidations count="1">${lookalike}</dataValidations>`), oneColumn([1, 2, 3])).bytes, SHEET);
    expect(xml).toContain(`<dataValidations count="1">${lookalike}</dataValidations>`);
  });
});

describe('an earlier guard', () => {
  it('is recognised however another program wrote it, and replaced where our columns are now', () => {
    // Attributes in another order, no error text, and cells that are no longer ours (F1, B5:B9).
    const old = `<dataValidation allowBlank="1" errorTitle="${GUARD_TEXT.title}" promptTitle="x" showErrorMessage="1" sqref="B2:B9 F1" type="custom"><formula1>FALSE</formula1></dataValidation>`;
    const input = sheetWithTail(`<dataValidations count="1">${old}</dataValidations>`);
    const xml = part(writeComputedColumns(input, oneColumn([1, 2, 3])).bytes, SHEET);
    expect(xml).not.toContain(old);
    expect(validationsOf(xml).map((item) => [item.type, item.sqref])).toEqual([['custom', 'B2:B4']]);
  });

  it('stays on a table of the sheet that is not written this time, and follows a table that shrank', () => {
    const text = (address: string, value: string) => `<c r="${address}" t="inlineStr"><is><t>${value}</t></is></c>`;
    const cells = [1, 2, 3].map((r) => `<row r="${r}">${text(`A${r}`, r === 1 ? 'ID' : `K${r}`)}${text(`D${r}`, r === 1 ? 'ID' : `T${r}`)}</row>`).join('');
    const input = buildPackage({ sheets: [{ name: 'S', xml: cells, tables: [tableXml('One', 'A1:A3', ['ID']), tableXml('Two', 'D1:D3', ['ID'])] }] });
    const column = { header: 'N', format: 'number' as const, values: [1, 2] };
    const both = writeComputedColumns(input, [{ sheet: 'S', table: 'One', columns: [column] }, { sheet: 'S', table: 'Two', columns: [column] }]).bytes;
    expect(guardOf(part(both, SHEET))).toBe('B2:B3 E2:E3');
    const oneOnly = writeComputedColumns(both, [{ sheet: 'S', table: 'One', columns: [column] }]).bytes;
    expect(guardOf(part(oneOnly, SHEET))).toBe('B2:B3 E2:E3');
    // Another program shrinks table One to one data row without touching the validations.
    const shrunk = replacePart(both, 'xl/tables/table1.xml', part(both, 'xl/tables/table1.xml').replace(/A1:B3/g, 'A1:B2'));
    const rewritten = writeComputedColumns(shrunk, [{ sheet: 'S', table: 'One', columns: [{ ...column, values: [1] }] }]).bytes;
    expect(guardOf(part(rewritten, SHEET))).toBe('B2 E2:E3');
  });
});

/** Loads a workbook with openpyxl, saves it, and prints the first sheet's validations as it saw them. */
const OPENPYXL_SCRIPT = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
seen = [[dv.type, dv.formula1, dv.errorStyle, str(dv.sqref), dv.errorTitle, dv.promptTitle] for dv in ws.data_validations.dataValidation]
wb.save(sys.argv[2])
print(json.dumps(seen))
`;

describeWithOpenpyxl('reads the guard', () => {

  test("opens the output and sees the person's validation and ours; a rewrite of its copy keeps one guard", () => {
    const input = fixture('preserve.xlsx');
    const write: TableWrite = { sheet: 'Scorecard', table: 'Cascade', columns: columnsFor(4) };
    const folder = mkdtempSync(join(tmpdir(), 'kpi-align-guard-'));
    writeFileSync(join(folder, 'out.xlsx'), writeComputedColumns(input, [write]).bytes);
    expect(JSON.parse(runPython(OPENPYXL_SCRIPT, [join(folder, 'out.xlsx'), join(folder, 'saved.xlsx')]))).toEqual([
      ['list', '"Objective,Department,Team,Individual"', null, 'C2:C5', null, null],
      ['custom', 'FALSE', 'stop', 'J2:M5', GUARD_TEXT.title, GUARD_TEXT.title],
    ]);
    const again = writeComputedColumns(new Uint8Array(readFileSync(join(folder, 'saved.xlsx'))), [write]).bytes;
    expect(validationsOf(part(again, SHEET)).map((item) => [item.type, item.sqref])).toEqual([['list', 'C2:C5'], ['custom', 'J2:M5']]);
  });
});
