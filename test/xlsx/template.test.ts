/**
 * The team template writer: read back with our own reader, its XML checked part by part, and (where
 * /usr/bin/python3 has openpyxl: always on CI) opened and saved by openpyxl, a real tool.
 */
import { describeWithOpenpyxl, runPython } from '../support/openpyxl';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTables, LIST_NAMES, LISTS_SHEET, parentChoices, planTeamSheet, type TeamSheetPlan } from '../../src/core';
import { listRange, readWorkbook, VALIDATION_LAST_ROW, writeTeamTemplate } from '../../src/xlsx';
import { attribute, child, children, parseXml, type XmlNode } from '../../src/xlsx/xml-text';
import { entries, part, replacePart } from './build-package';

const report = checkTables(readWorkbook(readFileSync('examples/scorecard.xlsx'), 'scorecard.xlsx'));

function planFor(team: string, source = report): TeamSheetPlan {
  const result = planTeamSheet(source, { team, level: 'Team', sheets: [], tables: [] });
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

const plan = planFor('Marketing');
const bytes = writeTeamTemplate(plan);

function xml(name: string, from = bytes): XmlNode {
  const { root, problem } = parseXml(part(from, name));
  if (!root) throw new Error(`${name}: ${problem}`);
  return root;
}

const letters = (index: number) => String.fromCharCode(65 + index);
const validations = () => children(child(child(xml('xl/worksheets/sheet1.xml'), 'worksheet'), 'dataValidations'), 'dataValidation');
const definedNames = (from = bytes) => children(child(child(xml('xl/workbook.xml', from), 'workbook'), 'definedNames'), 'definedName');
/** An element's text: the parser gives a text-only element as a plain string. */
const text = (node: XmlNode | string | null) => (typeof node === 'string' ? node : typeof node?.['#text'] === 'string' ? node['#text'] : '');

/** The lists sheet read as a plain sheet, by giving it another name so that the reader does not skip it. */
function listsSheetAsTable(from: Uint8Array) {
  const renamed = replacePart(from, 'xl/workbook.xml', part(from, 'xl/workbook.xml').replace(`name="${LISTS_SHEET}"`, 'name="Shown"'));
  return readWorkbook(renamed, 'renamed').find((table) => table.sheet === 'Shown')!;
}

describe('the team template, read back', () => {
  test('gives exactly the team table: its sheet, name, header and one blank row; the lists sheet is not a table', () => {
    const tables = readWorkbook(bytes, 'team.xlsx');
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({ sheet: 'Team Marketing', table: 'TeamMarketing', origin: 'A1', header: plan.header });
    expect(tables[0].rows).toEqual([plan.header.map(() => null)]);
  });

  test('the lists sheet would be read if the reader did not skip it by name', () => {
    expect(listsSheetAsTable(bytes).header).toEqual(plan.lists.map((list) => list.heading));
  });

  test('every list is in its column under its heading, and its defined name covers exactly its filled cells', () => {
    const sheet = listsSheetAsTable(bytes);
    const names = new Map(definedNames().map((name) => [attribute(name, 'name'), name]));
    for (const list of plan.lists) {
      const column = sheet.rows.map((row) => row[list.column]).filter((value) => value !== null);
      expect(column).toEqual(list.values);
      const name = names.get(list.name)!;
      expect(attribute(name, 'hidden')).toBe('1');
      const L = letters(list.column);
      expect(text(name)).toBe(`'${LISTS_SHEET}'!$${L}$2:$${L}$${list.values.length + 1}`);
      expect(listRange(list)).toBe(text(name));
    }
    expect(names.size).toBe(plan.lists.length);
  });

  test('the Parent choices are the IDs a Team KPI may align to', () => {
    const parents = plan.lists.find((list) => list.name === LIST_NAMES.parent)!;
    expect(parents.values).toEqual(parentChoices(report, 'Team'));
    expect(parents.values).toEqual(expect.arrayContaining(['F1', 'FIN-01', 'MKT-02']));
    expect(parents.values).not.toContain('SAL-01'); // a Team KPI: not above Team
    expect(parents.values).not.toContain('SAL-06'); // a duplicate ID
    expect(listsSheetAsTable(bytes).rows.map((row) => row[0]).filter(Boolean)).toEqual(parents.values);
  });

  test('the lists sheet is hidden and the team sheet is first and visible', () => {
    const sheets = children(child(child(xml('xl/workbook.xml'), 'workbook'), 'sheets'), 'sheet');
    expect(sheets.map((sheet) => [attribute(sheet, 'name'), attribute(sheet, 'state')])).toEqual([
      ['Team Marketing', null],
      [LISTS_SHEET, 'hidden'],
    ]);
  });
});

describe('the validations', () => {
  test('one per column, from row 2 to row 1000, with the column\'s input message', () => {
    const all = validations();
    expect(all).toHaveLength(plan.header.length);
    plan.help.forEach((help, i) => {
      const validation = all[i];
      expect(attribute(validation, 'sqref')).toBe(`${letters(i)}2:${letters(i)}${VALIDATION_LAST_ROW}`);
      expect(attribute(validation, 'showInputMessage')).toBe('1');
      expect(attribute(validation, 'promptTitle')).toBe(help.title);
      expect(attribute(validation, 'prompt')).toBe(help.message);
      expect(attribute(validation, 'allowBlank')).toBe('1');
    });
  });

  test('dropdown columns list their defined name; Parent only warns, the others stop', () => {
    const byHeader = new Map(validations().map((validation, i) => [plan.header[i], validation]));
    const expected: [string, string, string][] = [
      ['Level', LIST_NAMES.level, 'stop'],
      ['Parent', LIST_NAMES.parent, 'warning'],
      ['Direction', LIST_NAMES.direction, 'stop'],
      ['Rollup', LIST_NAMES.rollup, 'stop'],
      ['Frequency', LIST_NAMES.frequency, 'stop'],
    ];
    for (const [header, name, style] of expected) {
      const validation = byHeader.get(header)!;
      expect(attribute(validation, 'type')).toBe('list');
      expect(text(child(validation, 'formula1'))).toBe(name);
      expect(attribute(validation, 'errorStyle')).toBe(style);
      expect(attribute(validation, 'showErrorMessage')).toBe('1');
      expect(attribute(validation, 'error')).toBeTruthy();
    }
    const free = [...byHeader].filter(([header]) => !expected.some(([listed]) => listed === header));
    expect(free).toHaveLength(plan.header.length - expected.length);
    for (const [, validation] of free) {
      expect(attribute(validation, 'type')).toBeNull();
      expect(child(validation, 'formula1')).toBeNull();
    }
  });

  test('texts beyond Excel\'s limits are cut (32-character title, 255-character message)', () => {
    const long = { ...plan, help: plan.help.map((help) => ({ ...help, title: 'T'.repeat(40), message: 'M'.repeat(300) })) };
    const [first] = children(child(child(xml('xl/worksheets/sheet1.xml', writeTeamTemplate(long)), 'worksheet'), 'dataValidations'), 'dataValidation');
    expect(attribute(first, 'promptTitle')).toBe('T'.repeat(32));
    expect(attribute(first, 'prompt')).toBe('M'.repeat(255));
  });

  test('an empty Parent list still gives a valid name (the empty cell under its heading) and dropdown', () => {
    const empty = planFor('Marketing', checkTables([]));
    expect(empty.lists.find((list) => list.name === LIST_NAMES.parent)!.values).toEqual([]);
    const written = writeTeamTemplate(empty);
    const parent = definedNames(written).find((name) => attribute(name, 'name') === LIST_NAMES.parent)!;
    expect(text(parent)).toBe(`'${LISTS_SHEET}'!$A$2:$A$2`);
    // The lists sheet is as long as its longest list (the frequencies, daily to annual): the Parent column is blank all the way.
    const longest = Math.max(...empty.lists.map((list) => list.values.length));
    expect(longest).toBe(7);
    expect(listsSheetAsTable(written).rows.map((row) => row[0])).toEqual(Array(longest).fill(null));
    expect(readWorkbook(written, 'empty.xlsx')).toHaveLength(1);
  });
});

describe('the package', () => {
  test('the table part: its ref, columns, style and no totals row', () => {
    const table = child(xml('xl/tables/table1.xml'), 'table');
    expect(attribute(table, 'displayName')).toBe('TeamMarketing');
    expect(attribute(table, 'ref')).toBe('A1:S2');
    expect(attribute(child(table, 'autoFilter'), 'ref')).toBe('A1:S2');
    expect(children(child(table, 'tableColumns'), 'tableColumn').map((column) => attribute(column, 'name'))).toEqual(plan.header);
    expect(attribute(child(table, 'tableStyleInfo'), 'name')).toBe('TableStyleMedium2');
    expect(attribute(table, 'totalsRowCount')).toBeNull();
  });

  test('header cells use the header style; ID and Parent columns are text, the dates are dates, every column has a width', () => {
    const sheet = child(xml('xl/worksheets/sheet1.xml'), 'worksheet');
    const [header] = children(child(sheet, 'sheetData'), 'row');
    expect(children(header, 'c').map((cell) => attribute(cell, 's'))).toEqual(plan.header.map(() => '1'));
    const xfs = children(child(child(xml('xl/styles.xml'), 'styleSheet'), 'cellXfs'), 'xf');
    expect(attribute(child(xfs[1], 'alignment'), 'wrapText')).toBe('1');
    const cols = children(child(sheet, 'cols'), 'col');
    expect(cols).toHaveLength(plan.header.length);
    const format = (header: string) => {
      const style = attribute(cols[plan.header.indexOf(header)], 'style');
      return style === null ? null : attribute(xfs[Number(style)], 'numFmtId');
    };
    expect([format('ID'), format('Parent'), format('Start Date'), format('Due'), format('Updated'), format('Target')]).toEqual(['49', '49', '14', '14', '14', null]);
    for (const col of cols) expect(Number(attribute(col, 'width'))).toBeGreaterThanOrEqual(10);
    expect(Number(attribute(cols[plan.header.indexOf('Name')], 'width'))).toBeGreaterThan(30);
  });

  test('every part is well-formed XML and declared in [Content_Types].xml; the same plan gives the same bytes', () => {
    const names = Object.keys(entries(bytes));
    const types = part(bytes, '[Content_Types].xml');
    for (const name of names) {
      expect(parseXml(part(bytes, name)).root).not.toBeNull();
      if (!name.endsWith('.rels') && name !== '[Content_Types].xml') expect(types).toContain(`PartName="/${name}"`);
    }
    expect(names).toEqual(expect.arrayContaining(['xl/workbook.xml', 'xl/styles.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/tables/table1.xml']));
    expect(Buffer.from(writeTeamTemplate(plan)).equals(Buffer.from(bytes))).toBe(true);
  });

  test('sheet and table names with characters XML escapes read back as written', () => {
    const tables = readWorkbook(writeTeamTemplate(planFor('R&D <Labs>')), 'team.xlsx');
    expect(tables.map((table) => [table.sheet, table.table])).toEqual([['Team R&D <Labs>', 'TeamRDLabs']]);
  });
});

/** Loads the template with openpyxl, saves it, loads the copy, and prints what both saw. */
const OPENPYXL_SCRIPT = `
import json, sys, openpyxl
def seen(path):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    return {
        "sheets": [[w.title, w.sheet_state] for w in wb.worksheets],
        "tables": [[name, ref] for name, ref in ws.tables.items()],
        "validations": [[dv.type, dv.formula1, dv.errorStyle, str(dv.sqref), dv.promptTitle] for dv in ws.data_validations.dataValidation],
        "names": [[n.name, n.attr_text, bool(n.hidden)] for n in wb.defined_names.definedName],
    }
first = seen(sys.argv[1])
openpyxl.load_workbook(sys.argv[1]).save(sys.argv[2])
print(json.dumps({"loaded": first, "saved": seen(sys.argv[2])}))
`;

describeWithOpenpyxl('opens and saves the template', () => {

  test('opens the template, sees the table, the validations, the hidden sheet and names, and keeps them on save', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpi-align-template-'));
    const input = join(folder, 'team.xlsx');
    writeFileSync(input, bytes);
    const { loaded, saved } = JSON.parse(runPython(OPENPYXL_SCRIPT, [input, join(folder, 'saved.xlsx')]));
    expect(loaded.sheets).toEqual([['Team Marketing', 'visible'], [LISTS_SHEET, 'hidden']]);
    expect(loaded.tables).toEqual([['TeamMarketing', 'A1:S2']]);
    expect(loaded.validations).toEqual(
      plan.help.map((help, i) => [
        help.list ? 'list' : null,
        help.list ?? null,
        help.list ? (help.strict ? 'stop' : 'warning') : null,
        `${letters(i)}2:${letters(i)}${VALIDATION_LAST_ROW}`,
        help.title,
      ]),
    );
    expect(loaded.names).toEqual(plan.lists.map((list) => [list.name, listRange(list), true]));
    expect(saved).toEqual(loaded);
  });
});
