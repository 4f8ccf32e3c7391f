/** prepareImport: the plan's names in the bytes, LISTS_SHEET gone, everything else as it was. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8 } from 'fflate';
import { LISTS_SHEET, type ImportPlan } from '../../src/core';
import { base64ToBytes, bytesToBase64, PlanMismatchError, prepareImport, readSheetContents, readWorkbookContents, WorkbookReadError } from '../../src/xlsx';
import { renameInFormula } from '../../src/xlsx/formula-names';
import { buildPackage, entries, fixture, part, tableXml } from './build-package';

type PlannedFile = ImportPlan['files'][number];

const marketing = new Uint8Array(readFileSync(join(__dirname, '../../examples/team/team-marketing.xlsx')));

function renamedMarketing(): PlannedFile {
  return {
    file: 'team-marketing.xlsx',
    sheets: [{ from: 'Team Marketing', to: 'Team Marketing (2)' }],
    tables: [{ sheet: 'Team Marketing (2)', from: 'TeamMarketing', to: 'TeamMarketing_2', rows: 6 }],
  };
}

describe('a team template, renamed', () => {
  const prepared = prepareImport(marketing, renamedMarketing());
  const bytes = base64ToBytes(prepared.base64);

  test('reads back with the new sheet and table names and the same rows', () => {
    expect(prepared.sheets).toEqual(['Team Marketing (2)']);
    const before = readWorkbookContents(marketing, 'team-marketing.xlsx');
    const after = readWorkbookContents(bytes, 'team-marketing.xlsx');
    expect(after.sheets).toEqual(['Team Marketing (2)']);
    expect(after.tables).toEqual(before.tables.map((table) => ({ ...table, sheet: 'Team Marketing (2)', table: 'TeamMarketing_2' })));
    const table = part(bytes, 'xl/tables/table1.xml');
    expect(table).toMatch(/ name="TeamMarketing_2"/);
    expect(table).toMatch(/ displayName="TeamMarketing_2"/);
  });

  test('the lists sheet is gone: its <sheet>, part, relationship, content type and defined names', () => {
    const files = entries(bytes);
    expect(Object.keys(files)).not.toContain('xl/worksheets/sheet2.xml');
    const workbook = part(bytes, 'xl/workbook.xml');
    expect(workbook).not.toContain(LISTS_SHEET);
    expect(workbook).not.toContain('definedName');
    expect(part(bytes, 'xl/_rels/workbook.xml.rels')).not.toContain('sheet2.xml');
    expect(part(bytes, '[Content_Types].xml')).not.toContain('sheet2.xml');
    expect(readSheetContents(bytes, 'x').map((sheet) => sheet.name)).toEqual(['Team Marketing (2)']);
  });

  test('every other part is byte for byte what it was, in the same order', () => {
    const before = entries(marketing);
    const after = entries(bytes);
    const edited = ['xl/workbook.xml', 'xl/tables/table1.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
    const kept = Object.keys(before).filter((name) => name !== 'xl/worksheets/sheet2.xml' && !edited.includes(name));
    expect(kept).toContain('xl/worksheets/sheet1.xml');
    for (const name of kept) expect([name, after[name]]).toEqual([name, before[name]]);
    expect(Object.keys(after)).toEqual(Object.keys(before).filter((name) => name !== 'xl/worksheets/sheet2.xml'));
  });
});

test('no renames and no lists sheet: every part as it was', () => {
  const sales = new Uint8Array(readFileSync(join(__dirname, '../../examples/consolidation/team-sales.xlsx')));
  const prepared = prepareImport(sales, {
    file: 'team-sales.xlsx',
    sheets: [{ from: 'Team Sales', to: 'Team Sales' }],
    tables: [{ sheet: 'Team Sales', from: 'TeamSales', to: 'TeamSales', rows: 10 }],
  });
  const before = entries(sales);
  const after = entries(base64ToBytes(prepared.base64));
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const name of Object.keys(before)) expect([name, after[name]]).toEqual([name, before[name]]);
});

describe('formulas that name renamed sheets and tables', () => {
  const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const bytes = buildPackage({
    sheets: [
      {
        name: 'Team Sales',
        xml:
          '<row r="1"><c r="A1" t="inlineStr"><is><t>ID</t></is></c><c r="B1" t="inlineStr"><is><t>Parent</t></is></c></row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>S-1</t></is></c><c r="B2" t="inlineStr"><is><t>F1</t></is></c></row>',
        tables: [tableXml('TeamSales', 'A1:B2', ['ID', 'Parent'])],
      },
      { name: LISTS_SHEET, xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>F1</t></is></c></row>' },
      {
        name: 'Summary',
        xml:
          `<worksheet xmlns="${MAIN}"><sheetData><row r="1">` +
          `<c r="A1"><f>COUNTA(TeamSales[ID])+ROWS(TeamSales)</f><v>2</v></c>` +
          `<c r="B1" t="str"><f>'Team Sales'!A2&amp;"'Team Sales'!A2"</f><v>S-1</v></c>` +
          `<c r="C1"><f>SUM(Other!A1,teamsales[[#This Row],[ID]])</f><v>0</v></c>` +
          `</row></sheetData><dataValidations count="1"><dataValidation type="list" sqref="D1"><formula1>'Team Sales'!$A$2:$A$9</formula1></dataValidation></dataValidations></worksheet>`,
      },
    ],
    definedNames:
      `<definedNames><definedName name="_KPIAlign_List_Parent" hidden="1">'KPI Align Lists'!$A$2:$A$9</definedName>` +
      `<definedName name="Local" localSheetId="1">'KPI Align Lists'!$A$1</definedName>` +
      `<definedName name="Ids" localSheetId="2">'Team Sales'!$A$2:$A$2</definedName>` +
      `<definedName name="Whole">TeamSales[#All]</definedName></definedNames>`,
  });
  const plan: PlannedFile = {
    file: 'a.xlsx',
    sheets: [{ from: 'Team Sales', to: 'Team Sales (2)' }, { from: 'Summary', to: 'Summary' }],
    tables: [{ sheet: 'Team Sales (2)', from: 'TeamSales', to: 'TeamSales_2', rows: 1 }],
  };
  const after = base64ToBytes(prepareImport(bytes, plan).base64);

  test('cell formulas and validations follow; text constants do not', () => {
    const summary = part(after, 'xl/worksheets/sheet3.xml');
    expect(summary).toContain('<f>COUNTA(TeamSales_2[ID])+ROWS(TeamSales_2)</f>');
    expect(summary).toContain(`<f>'Team Sales (2)'!A2&amp;"'Team Sales'!A2"</f>`);
    expect(summary).toContain('<f>SUM(Other!A1,TeamSales_2[[#This Row],[ID]])</f>');
    expect(summary).toContain(`<formula1>'Team Sales (2)'!$A$2:$A$9</formula1>`);
  });

  test("defined names follow; the lists sheet's names go and local names move up with their sheet", () => {
    const workbook = part(after, 'xl/workbook.xml');
    expect(workbook).toContain(`<definedNames><definedName name="Ids" localSheetId="1">'Team Sales (2)'!$A$2:$A$2</definedName><definedName name="Whole">TeamSales_2[#All]</definedName></definedNames>`);
    expect(workbook).toContain('<sheets><sheet name="Team Sales (2)" sheetId="1" r:id="rId1"/><sheet name="Summary" sheetId="3" r:id="rId3"/></sheets>');
  });

  test('the active tab moves up with the sheets after the lists sheet', () => {
    const viewed = buildPackage({
      sheets: [{ name: 'A', xml: '' }, { name: LISTS_SHEET, xml: '' }, { name: 'B', xml: '' }],
      definedNames: '<bookViews><workbookView activeTab="2" firstSheet="1"/></bookViews>',
    });
    const workbook = part(base64ToBytes(prepareImport(viewed, { file: 'v.xlsx', sheets: [{ from: 'A', to: 'A' }, { from: 'B', to: 'B' }], tables: [] }).base64), 'xl/workbook.xml');
    expect(workbook).toContain('<workbookView activeTab="1" firstSheet="0"/>');
  });
});

describe('renameInFormula', () => {
  const changes = { sheets: new Map([['team sales', 'Team Sales (2)'], ['ops', 'Ops 2']]), tables: new Map([['sales', 'Sales_2']]) };

  test.each([
    ["='Team Sales'!A1", "='Team Sales (2)'!A1"],
    ['=ops!A1+OPS!B2', "='Ops 2'!A1+'Ops 2'!B2"],
    ['=Sales[Score]*2', '=Sales_2[Score]*2'],
    ['=ROWS(Sales)', '=ROWS(Sales_2)'],
    ['=SALES(1)', '=SALES(1)'],
    ['="Sales"&\'Team Sales\'!A1', '="Sales"&\'Team Sales (2)\'!A1'],
    ['=Other[[#Headers],[Sales]]', '=Other[[#Headers],[Sales]]'],
    ['=[1]Ops!A1+Ops!A1', "=[1]Ops!A1+'Ops 2'!A1"],
    ["='It''s'!A1", "='It''s'!A1"],
    ['=Salesman!A1+Sales.Total', '=Salesman!A1+Sales.Total'],
  ])('%s -> %s', (formula, expected) => {
    expect(renameInFormula(formula, changes)).toBe(expected);
  });
});

describe('what cannot be prepared', () => {
  test('unreadable and encrypted files throw WorkbookReadError with a sentence naming the file', () => {
    const plan: PlannedFile = { file: 'legacy.xls', sheets: [], tables: [] };
    expect(() => prepareImport(fixture('legacy.xls'), plan)).toThrow(WorkbookReadError);
    expect(() => prepareImport(fixture('legacy.xls'), plan)).toThrow(/legacy\.xls is password-protected or an old \.xls file/);
    const error = (() => {
      try {
        prepareImport(fixture('not-a-workbook.xlsx'), { ...plan, file: 'notes.xlsx' });
      } catch (caught) {
        return caught as WorkbookReadError;
      }
    })();
    expect(error?.kind).toBe('not-a-workbook');
    expect(error?.message).toMatch(/^notes\.xlsx /);
  });

  test('a plan made for another file is refused', () => {
    expect(() => prepareImport(marketing, { ...renamedMarketing(), sheets: [{ from: 'Team Sales', to: 'Team Sales' }] })).toThrow(PlanMismatchError);
    expect(() => prepareImport(marketing, { ...renamedMarketing(), tables: [{ sheet: 'x', from: 'Nope', to: 'Nope_2', rows: 1 }] })).toThrow(/has no table "Nope"/);
  });
});

test('base64 round trip of every byte value, and of a large buffer', () => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  expect(base64ToBytes(bytesToBase64(all))).toEqual(all);
  expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
  const large = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 251);
  expect(bytesToBase64(large)).toBe(Buffer.from(large).toString('base64'));
  expect(strFromU8(base64ToBytes(bytesToBase64(new TextEncoder().encode('é')))).length).toBe(1);
});
