/**
 * Builds small .xlsx packages in memory for tests that need XML no fixture
 * writer produces (prefixes, missing r attributes, rich text, t="d", ...).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The content of <sheetData>, or a whole worksheet part when it starts with "<?xml" or "<worksheet". */
  xml: string;
  /** Table parts of this sheet: their whole XML. */
  tables?: string[];
}

export interface PackageSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  /** The whole styles part; a minimal one with date style 1 (numFmtId 14) when left out. */
  styles?: string | null;
  date1904?: boolean;
  definedNames?: string;
}

const DEFAULT_STYLES = `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

export function buildPackage(spec: PackageSpec): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  const workbookRels: string[] = [];
  let tableCount = 0;
  spec.sheets.forEach((sheet, i) => {
    const n = i + 1;
    workbookRels.push(`<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    const tableRels = (sheet.tables ?? []).map((table) => {
      tableCount++;
      put(`xl/tables/table${tableCount}.xml`, table);
      return `<Relationship Id="rIdT${tableCount}" Type="${REL}/table" Target="../tables/table${tableCount}.xml"/>`;
    });
    const whole = /^\s*(<\?xml|<(\w+:)?worksheet)/.test(sheet.xml);
    const parts = tableRels.map((rel) => `<tablePart r:id="${/Id="([^"]+)"/.exec(rel)![1]}"/>`).join('');
    const tableParts = parts ? `<tableParts count="${tableRels.length}">${parts}</tableParts>` : '';
    put(
      `xl/worksheets/sheet${n}.xml`,
      whole ? sheet.xml : `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheet.xml}</sheetData>${tableParts}</worksheet>`,
    );
    if (tableRels.length > 0) {
      put(`xl/worksheets/_rels/sheet${n}.xml.rels`, `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${tableRels.join('')}</Relationships>`);
    }
  });
  if (spec.sharedStrings !== undefined) {
    const items = typeof spec.sharedStrings === 'string' ? spec.sharedStrings : spec.sharedStrings.map((s) => `<si><t>${s}</t></si>`).join('');
    put('xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${items}</sst>`);
    workbookRels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== null) {
    put('xl/styles.xml', spec.styles ?? DEFAULT_STYLES);
    workbookRels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="/xl/styles.xml"/>`);
  }
  const sheets = spec.sheets.map((sheet, i) => `<sheet name="${sheet.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${spec.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets}</sheets>${spec.definedNames ?? ''}<calcPr calcId="191029"/></workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${workbookRels.join('')}</Relationships>`);
  put('_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  put('[Content_Types].xml', `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`);
  return zipSync(files);
}

/** A table part's XML. */
export function tableXml(name: string, ref: string, columns: string[], extra = ''): string {
  const cols = columns.map((column, i) => `<tableColumn id="${i + 1}" name="${column}"/>`).join('');
  return `<table xmlns="${MAIN}" id="1" name="${name}" displayName="${name}" ref="${ref}"${extra}><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns></table>`;
}

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(__dirname, '..', 'fixtures', name)));
}

/** Every entry of a package, as text or bytes. */
export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function part(bytes: Uint8Array, name: string): string {
  const data = unzipSync(bytes)[name];
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

export function replacePart(bytes: Uint8Array, name: string, text: string): Uint8Array {
  const files = unzipSync(bytes);
  files[name] = strToU8(text);
  return zipSync(files);
}
