/**
 * A new team workbook from a TeamSheetPlan (src/core/team-sheet.ts): the team sheet with its Excel
 * table, an input message and (for five columns) a dropdown on every column, and the hidden sheet
 * LISTS_SHEET whose columns the dropdowns offer through hidden defined names. Bytes out, no file
 * system, like the rest of src/xlsx. The Excel adapter builds the same sheet from the same plan.
 */
import { zipSync, type ZipOptions } from 'fflate';
import { mapHeaders, type Field } from '../core/headers';
import { sheetReference } from '../core/addresses';
import { LISTS_SHEET } from '../core/footprint';
import type { ChoiceList, ColumnHelp, TeamSheetPlan } from '../core/team-sheet';
import { cellAddress, columnLetters, formatRange } from './cell-address';
import { textCell } from './write';
import { encodePart, escapeXmlAttribute, escapeXmlText } from './xml-text';

/** The last row the validations cover: rows typed below the table (which then grows) keep them. */
export const VALIDATION_LAST_ROW = 1000;
export const TABLE_STYLE = 'TableStyleMedium2';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Same as the writer: equal plans give equal bytes. */
const ENTRY_TIME = new Date(1980, 0, 1);

/** Cell formats of styles.xml, by their index in cellXfs. */
const STYLE = { normal: 0, header: 1, text: 2, date: 3, listHeading: 4 } as const;

/** Columns whose typed values must stay text (an ID such as 0101) or show as dates. */
const TEXT_FIELDS: readonly Field[] = ['id', 'parent'];
const DATE_FIELDS: readonly Field[] = ['start', 'due', 'updated'];
const WIDTHS: Partial<Record<Field, number>> = { name: 36, owner: 22, direction: 18, unit: 10, id: 12, parent: 12 };

/** Excel refuses a workbook whose validation texts are longer than these. */
const LIMITS = { promptTitle: 32, prompt: 255, errorTitle: 32, error: 225 };

/** Where a list's choices are on LISTS_SHEET, as the defined name's formula: `'KPI Align Lists'!$A$2:$A$9`. */
export function listRange(list: ChoiceList): string {
  const letters = columnLetters(list.column + 1);
  // An empty list points at the empty cell under its heading: the name and the dropdown stay valid (one blank choice).
  const last = Math.max(list.values.length, 1) + 1;
  return `${sheetReference(LISTS_SHEET)}!$${letters}$2:$${letters}$${last}`;
}

/** The .xlsx bytes of a new workbook holding the planned team sheet and the hidden lists sheet. */
export function writeTeamTemplate(plan: TeamSheetPlan): Uint8Array {
  const parts: [string, string][] = [
    ['[Content_Types].xml', contentTypes()],
    ['_rels/.rels', relationships([['rId1', `${REL}/officeDocument`, 'xl/workbook.xml']])],
    ['xl/workbook.xml', workbookPart(plan)],
    [
      'xl/_rels/workbook.xml.rels',
      relationships([
        ['rId1', `${REL}/worksheet`, 'worksheets/sheet1.xml'],
        ['rId2', `${REL}/worksheet`, 'worksheets/sheet2.xml'],
        ['rId3', `${REL}/styles`, 'styles.xml'],
      ]),
    ],
    ['xl/styles.xml', STYLES],
    ['xl/worksheets/sheet1.xml', teamSheetPart(plan)],
    ['xl/worksheets/_rels/sheet1.xml.rels', relationships([['rId1', `${REL}/table`, '../tables/table1.xml']])],
    ['xl/tables/table1.xml', tablePart(plan)],
    ['xl/worksheets/sheet2.xml', listsSheetPart(plan.lists)],
  ];
  const entries: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const [name, text] of parts) entries[name] = [encodePart({ text: XML_HEAD + text, bom: false }), { level: 6, mtime: ENTRY_TIME }];
  return zipSync(entries);
}

function contentTypes(): string {
  const override = (part: string, type: string) =>
    `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}+xml"/>`;
  return (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('xl/workbook.xml', 'spreadsheetml.sheet.main') +
    override('xl/worksheets/sheet1.xml', 'spreadsheetml.worksheet') +
    override('xl/worksheets/sheet2.xml', 'spreadsheetml.worksheet') +
    override('xl/tables/table1.xml', 'spreadsheetml.table') +
    override('xl/styles.xml', 'spreadsheetml.styles') +
    '</Types>'
  );
}

function relationships(rels: [id: string, type: string, target: string][]): string {
  const items = rels.map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`).join('');
  return `<Relationships xmlns="${PACKAGE_REL}">${items}</Relationships>`;
}

function workbookPart(plan: TeamSheetPlan): string {
  const names = plan.lists
    .map((list) => `<definedName name="${escapeXmlAttribute(list.name)}" hidden="1">${escapeXmlText(listRange(list))}</definedName>`)
    .join('');
  return (
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/>` +
    '<bookViews><workbookView activeTab="0" firstSheet="0"/></bookViews>' +
    `<sheets><sheet name="${escapeXmlAttribute(plan.sheet)}" sheetId="1" r:id="rId1"/>` +
    `<sheet name="${escapeXmlAttribute(LISTS_SHEET)}" sheetId="2" state="hidden" r:id="rId2"/></sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="191029"/></workbook>'
  );
}

function teamSheetPart(plan: TeamSheetPlan): string {
  const fields = fieldsOf(plan.header);
  const width = plan.header.length;
  const last = cellAddress(width, 2);
  const cols = plan.header
    .map((header, i) => {
      const field = fields[i];
      const style = field && TEXT_FIELDS.includes(field) ? STYLE.text : field && DATE_FIELDS.includes(field) ? STYLE.date : STYLE.normal;
      const size = (field && WIDTHS[field]) ?? Math.max(12, header.length + 4); // room for the dropdown arrow
      return `<col min="${i + 1}" max="${i + 1}" width="${size}" customWidth="1"${style ? ` style="${style}"` : ''}/>`;
    })
    .join('');
  const headerRow = plan.header.map((header, i) => textCell('', cellAddress(i + 1, 1), header, STYLE.header)).join('');
  const firstRow = plan.firstRow
    .map((value, i) => (value === null || value === '' ? '' : textCell('', cellAddress(i + 1, 2), value, null)))
    .join('');
  return (
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    `<cols>${cols}</cols>` +
    `<sheetData><row r="1">${headerRow}</row><row r="2">${firstRow}</row></sheetData>` +
    dataValidations(plan.help) +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    '<tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>'
  );
}

function fieldsOf(header: readonly string[]): (Field | undefined)[] {
  const fields: (Field | undefined)[] = header.map(() => undefined);
  for (const [field, index] of Object.entries(mapHeaders(header).columns)) fields[index as number] = field as Field;
  return fields;
}

/** One validation per column, from the first data row down to VALIDATION_LAST_ROW. */
function dataValidations(help: readonly ColumnHelp[]): string {
  const items = help.map((column, i) => {
    const letters = columnLetters(i + 1);
    const attributes: [string, string][] = [];
    if (column.list) {
      attributes.push(['type', 'list'], ['errorStyle', column.strict ? 'stop' : 'warning']);
    }
    attributes.push(['allowBlank', '1'], ['showInputMessage', '1']);
    if (column.list) {
      attributes.push(['showErrorMessage', '1'], ['errorTitle', column.title], ['error', errorMessage(column)]);
    }
    attributes.push(['promptTitle', column.title], ['prompt', column.message], ['sqref', `${letters}2:${letters}${VALIDATION_LAST_ROW}`]);
    const text = attributes
      .map(([name, value]) => ` ${name}="${escapeXmlAttribute(name in LIMITS ? value.slice(0, LIMITS[name as keyof typeof LIMITS]) : value)}"`)
      .join('');
    // The list is the defined name, never inline choices: an inline list is limited to 255 characters.
    return column.list ? `<dataValidation${text}><formula1>${escapeXmlText(column.list)}</formula1></dataValidation>` : `<dataValidation${text}/>`;
  });
  return `<dataValidations count="${items.length}">${items.join('')}</dataValidations>`;
}

function errorMessage(column: ColumnHelp): string {
  return column.strict
    ? `Pick a ${column.title} from the list.`
    : `That is not one of the ${column.title} IDs listed. Keep it only if it is an ID the checker will find in another workbook.`;
}

function tablePart(plan: TeamSheetPlan): string {
  const ref = formatRange({ left: 1, top: 1, right: plan.header.length, bottom: 2 });
  const columns = plan.header.map((header, i) => `<tableColumn id="${i + 1}" name="${escapeXmlAttribute(header)}"/>`).join('');
  const name = escapeXmlAttribute(plan.table);
  return (
    `<table xmlns="${MAIN}" id="1" name="${name}" displayName="${name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${plan.header.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** Each list in its column: the heading in row 1, the choices below. */
function listsSheetPart(lists: readonly ChoiceList[]): string {
  const height = Math.max(1, ...lists.map((list) => list.values.length + 1));
  const rows: string[] = [];
  for (let r = 1; r <= height; r++) {
    const cells = lists
      .map((list) => {
        const text = r === 1 ? list.heading : list.values[r - 2];
        return text === undefined ? '' : textCell('', cellAddress(list.column + 1, r), text, r === 1 ? STYLE.listHeading : null);
      })
      .join('');
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  const right = Math.max(1, ...lists.map((list) => list.column + 1));
  const cols = lists
    .map((list) => {
      const size = Math.min(60, Math.max(12, list.heading.length + 2, ...list.values.map((value) => value.length + 2)));
      return `<col min="${list.column + 1}" max="${list.column + 1}" width="${size}" customWidth="1"/>`;
    })
    .join('');
  return (
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="${formatRange({ left: 1, top: 1, right, bottom: height })}"/>` +
    '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${rows.join('')}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'
  );
}

/**
 * The cell formats: 0 normal, 1 the header (wrapped, centred vertically; its font stays the normal one
 * so that the table style's bold white on blue shows: a cell font would override it), 2 text (`@`, so
 * an ID such as 0101 stays as typed), 3 a short date, 4 a list heading (bold).
 */
const STYLES =
  `<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';
