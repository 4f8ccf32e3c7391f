/**
 * The workbook part: its worksheets in tab order, the date system, where the
 * shared strings and styles live, and our ownership markers and stored settings among the defined names.
 */
import { decodeXml, attribute, children, child, type XmlNode } from './xml-text';
import { findPart, findWorkbookPart, readPart, readRelationships, readXmlPart, type XlsxPackage } from './package';
import { isMarkerName, parseMarkerFormula, type OwnershipMarker } from '../core/ownership';
import type { SettingsInput } from '../core/settings';
import { parseSettingsFormula, SETTINGS_NAME } from '../core/workbook-settings';
import { readDateStyles } from './styles';
import { readSharedStrings } from './strings';

export interface WorksheetEntry {
  name: string;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml. */
  path: string;
}

export interface WorkbookInfo {
  path: string;
  date1904: boolean;
  /** Worksheets only, in tab order: chart sheets, dialog sheets and macro sheets are left out. */
  worksheets: WorksheetEntry[];
  sharedStringsPath: string | null;
  stylesPath: string | null;
  markers: OwnershipMarker[];
  /** The settings the add-in stored in the workbook (`_KPIAlign_Settings`), or null. */
  settings: SettingsInput | null;
}

/** What reading a cell needs besides the sheet itself. */
export interface CellContext {
  sharedStrings: string[];
  /** Per cell style index: does the style show a date? */
  dateStyles: boolean[];
  date1904: boolean;
}

const WORKSHEET = /\/worksheet$/;
const SHARED_STRINGS = /\/sharedStrings$/;
const STYLES = /\/styles$/;

function isTrue(value: string | null): boolean {
  return value === '1' || value === 'true';
}

export function readWorkbookInfo(pkg: XlsxPackage): WorkbookInfo {
  const path = findWorkbookPart(pkg);
  const workbook = child(readXmlPart(pkg, path), 'workbook');
  const rels = readRelationships(pkg, path);
  const relById = new Map(rels.map((rel) => [rel.id, rel]));

  const worksheets: WorksheetEntry[] = [];
  for (const sheet of children(child(workbook, 'sheets'), 'sheet')) {
    const rel = relById.get(attribute(sheet, 'id') ?? '');
    if (!rel || rel.external || !WORKSHEET.test(rel.type)) continue;
    const part = findPart(pkg, rel.target);
    if (part !== null) worksheets.push({ name: attribute(sheet, 'name') ?? '', path: part });
  }

  const partOfType = (type: RegExp) => {
    const rel = rels.find((candidate) => type.test(candidate.type) && !candidate.external);
    return rel ? findPart(pkg, rel.target) : null;
  };

  return {
    path,
    date1904: isTrue(attribute(child(workbook, 'workbookPr'), 'date1904')),
    worksheets,
    sharedStringsPath: partOfType(SHARED_STRINGS),
    stylesPath: partOfType(STYLES),
    markers: readMarkers(workbook),
    settings: readSettings(workbook),
  };
}

function readSettings(workbook: XmlNode | null): SettingsInput | null {
  for (const name of children(child(workbook, 'definedNames'), 'definedName')) {
    if ((attribute(name, 'name') ?? '').toLowerCase() !== SETTINGS_NAME.toLowerCase() || attribute(name, 'localSheetId') !== null) continue;
    const text = name['#text'];
    return parseSettingsFormula(decodeXml(typeof text === 'string' ? text : ''));
  }
  return null;
}

function readMarkers(workbook: XmlNode | null): OwnershipMarker[] {
  const markers: OwnershipMarker[] = [];
  for (const name of children(child(workbook, 'definedNames'), 'definedName')) {
    const definedName = attribute(name, 'name') ?? '';
    if (!isMarkerName(definedName) || attribute(name, 'localSheetId') !== null) continue;
    const text = name['#text'];
    const owned = parseMarkerFormula(decodeXml(typeof text === 'string' ? text : ''));
    if (owned) markers.push({ ...owned, definedName, hidden: isTrue(attribute(name, 'hidden')) });
  }
  return markers;
}

export function readCellContext(pkg: XlsxPackage, info: WorkbookInfo): CellContext {
  const strings = info.sharedStringsPath ? readPart(pkg, info.sharedStringsPath) : null;
  const styles = info.stylesPath ? readPart(pkg, info.stylesPath) : null;
  return {
    sharedStrings: strings ? readSharedStrings(strings.text) : [],
    dateStyles: readDateStyles(styles ? styles.text : null),
    date1904: info.date1904,
  };
}
