/**
 * prepareImport: a team workbook's bytes rewritten so that its sheets and tables carry the names an
 * import plan chose (src/core/import-plan.ts), as base64 for `Workbook.insertWorksheetsFromBase64`.
 *
 * What changes, and nothing else (every other part is copied as it is, as the writer does):
 * - workbook.xml: the renamed `<sheet name>`s; defined names' formulas; LISTS_SHEET's `<sheet>` and
 *   the defined names on it or local to it are removed (the open workbook keeps its own lists, and
 *   the imported dropdowns find them through the same names); `localSheetId`s and the window's
 *   active and first tab follow the sheets that moved up.
 * - table parts: `name` and `displayName` of renamed tables, and their column formulas.
 * - formulas everywhere they live in the package (cells, validations, conditional formats, charts,
 *   table columns): references to renamed sheets and tables (formula-names.ts). Pivot caches'
 *   `worksheetSource` follows too.
 * - LISTS_SHEET's part, its relationships part, its relationship and its content type go.
 * Not changed: docProps/app.xml's list of sheet titles (Excel rebuilds it and never reads it back),
 * 3-D references, and parts LISTS_SHEET alone referred to (none in a template of ours), which stay
 * as unreferenced parts.
 */

import { sheetReference } from '../core/addresses';
import { LISTS_SHEET } from '../core/team-sheet';
import { sameName } from '../core/ownership';
import type { ImportPlan } from '../core/types';
import { bytesToBase64 } from './base64';
import { WorkbookReadError } from './errors';
import { renameInFormula, type NameChanges } from './formula-names';
import { damaged, openPackage, readPart, relsPathFor, savePackage, type XlsxPackage } from './package';
import { readSheetTables } from './tables';
import { readWorkbookInfo, type WorkbookInfo } from './workbook';
import { decodeXml, escapeXmlText, readAttributes, setAttribute, type PartText } from './xml-text';

export interface PreparedWorkbook {
  base64: string;
  /** The sheets to insert, by their new names, in the file's tab order. */
  sheets: string[];
}

type PlannedFile = ImportPlan['files'][number];

/** Elements whose text is a formula, in any part. */
const FORMULA_ELEMENT = /<([\w.-]+:)?(f|formula|formula1|formula2|calculatedColumnFormula|totalsRowFormula)(\s[^>]*)?>([^<]*)<\/\1\2>/g;
const SHEET_TAG = /<(?:[\w.-]+:)?sheet(?=[\s>/])[^>]*>/g;
const DEFINED_NAME = /<([\w.-]+:)?definedName(?=[\s>/])([^>]*?)(?:\/>|>([^<]*)<\/\1definedName>)/g;
const WORKBOOK_VIEW = /<(?:[\w.-]+:)?workbookView(?=[\s>/])[^>]*>/g;
const TABLE_TAG = /<(?:[\w.-]+:)?table(?=[\s>/])[^>]*>/;
const WORKSHEET_SOURCE = /<(?:[\w.-]+:)?worksheetSource(?=[\s>/])[^>]*>/g;
/** Parts that never hold a formula: no need to scan them. */
const NO_FORMULAS = /(^|\/)(sharedStrings|styles)\.xml$|^xl\/theme\/|^xl\/media\//i;

/**
 * The workbook's bytes with the plan's names, as base64. Throws WorkbookReadError (a sentence naming
 * the file) when the bytes are not a readable workbook, and Error when the plan was made for another
 * file (a sheet or table it names is not in it).
 */
export function prepareImport(bytes: Uint8Array, planned: PlannedFile): PreparedWorkbook {
  try {
    const pkg = openPackage(bytes, planned.file);
    const info = readWorkbookInfo(pkg);
    const changes = nameChanges(pkg, info, planned);
    const changed = new Map<string, PartText>();
    const removed = new Set<string>();
    const lists = info.worksheets.find((entry) => sameName(entry.name, LISTS_SHEET)) ?? null;
    if (lists) removeListsSheet(pkg, info, lists.path, changed, removed);
    renameTables(pkg, info, changes, changed);
    renameInFormulas(pkg, info, changes, changed, removed);
    const workbook = changed.get(info.path) ?? readPart(pkg, info.path)!;
    changed.set(info.path, renameSheets(workbook, changes));
    return { base64: bytesToBase64(savePackage(pkg, changed, removed)), sheets: planned.sheets.map((sheet) => sheet.to) };
  } catch (error) {
    if (error instanceof WorkbookReadError || error instanceof PlanMismatchError) throw error;
    throw damaged(planned.file, (error as Error).message);
  }
}

/** The plan does not fit the bytes: a caller's bug (the plan was made for another file). */
export class PlanMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanMismatchError';
  }
}

function nameChanges(pkg: XlsxPackage, info: WorkbookInfo, planned: PlannedFile): NameChanges {
  const sheets = new Map<string, string>();
  for (const { from, to } of planned.sheets) {
    if (!info.worksheets.some((entry) => sameName(entry.name, from))) throw new PlanMismatchError(`${planned.file} has no sheet "${from}"; plan the import again.`);
    if (from !== to) sheets.set(from.toLowerCase(), to);
  }
  const tableNames = info.worksheets.flatMap((entry) => readSheetTables(pkg, entry.path, readPart(pkg, entry.path)?.text ?? '').map((table) => table.name));
  const tables = new Map<string, string>();
  for (const { from, to } of planned.tables) {
    if (from === null || to === null) continue;
    if (!tableNames.some((name) => sameName(name, from))) throw new PlanMismatchError(`${planned.file} has no table "${from}"; plan the import again.`);
    if (from !== to) tables.set(from.toLowerCase(), to);
  }
  return { sheets, tables };
}

/** The `<sheet>` tags of workbook.xml in order, with their offsets: localSheetId counts every kind of sheet. */
function sheetTags(text: string): { tag: string; index: number; name: string; id: string }[] {
  return [...text.matchAll(SHEET_TAG)].map((match) => {
    const attributes = readAttributes(match[0]);
    return { tag: match[0], index: match.index as number, name: attributes.get('name') ?? '', id: attributes.get('id') ?? '' };
  });
}

function renameSheets(part: PartText, changes: NameChanges): PartText {
  if (changes.sheets.size === 0) return part;
  const text = part.text.replace(SHEET_TAG, (tag) => {
    const renamed = changes.sheets.get((readAttributes(tag).get('name') ?? '').toLowerCase());
    return renamed === undefined ? tag : setAttribute(tag, 'name', renamed);
  });
  return { ...part, text };
}

/** Removes LISTS_SHEET from workbook.xml, its relationship, its content type and its parts. */
function removeListsSheet(pkg: XlsxPackage, info: WorkbookInfo, path: string, changed: Map<string, PartText>, removed: Set<string>): void {
  const workbook = readPart(pkg, info.path)!;
  const tags = sheetTags(workbook.text);
  const position = tags.findIndex((tag) => sameName(tag.name, LISTS_SHEET));
  const { tag, index, id } = tags[position];
  let text = workbook.text.slice(0, index) + workbook.text.slice(index + tag.length);

  const listsReference = `${sheetReference(LISTS_SHEET)}!`.toLowerCase();
  text = text.replace(DEFINED_NAME, (element, _prefix, attributeText: string, content: string | undefined) => {
    const attributes = readAttributes(attributeText);
    const local = attributes.has('localSheetId') ? Number(attributes.get('localSheetId')) : null;
    if (local === position || decodeXml(content ?? '').replace(/^=/, '').trim().toLowerCase().startsWith(listsReference)) return '';
    return local !== null && local > position ? element.replace(attributeText, setAttribute(attributeText, 'localSheetId', String(local - 1))) : element;
  });
  text = text.replace(/<([\w.-]+:)?definedNames(?=[\s>])[^>]*>\s*<\/\1definedNames>/, '');
  text = text.replace(WORKBOOK_VIEW, (view) => {
    let edited = view;
    for (const name of ['activeTab', 'firstSheet']) {
      const value = Number(readAttributes(view).get(name) ?? 0);
      if (value === position) edited = setAttribute(edited, name, '0');
      else if (value > position) edited = setAttribute(edited, name, String(value - 1));
    }
    return edited;
  });
  changed.set(info.path, { ...workbook, text });

  const relsPath = relsPathFor(info.path);
  const rels = readPart(pkg, relsPath);
  const relName = pkg.byLowerName.get(relsPath.toLowerCase());
  if (rels && relName) {
    const relText = rels.text.replace(/<(?:[\w.-]+:)?Relationship(?=[\s>/])[^>]*>/g, (rel) => (readAttributes(rel).get('Id') === id ? '' : rel));
    changed.set(relName, { ...rels, text: relText });
  }
  const types = readPart(pkg, '[Content_Types].xml');
  if (types) {
    const typesText = types.text.replace(/<(?:[\w.-]+:)?Override(?=[\s>/])[^>]*>/g, (override) =>
      (readAttributes(override).get('PartName') ?? '').replace(/^\//, '').toLowerCase() === path.toLowerCase() ? '' : override,
    );
    changed.set(pkg.byLowerName.get('[content_types].xml') as string, { ...types, text: typesText });
  }
  removed.add(path);
  const sheetRels = pkg.byLowerName.get(relsPathFor(path).toLowerCase());
  if (sheetRels) removed.add(sheetRels);
}

function renameTables(pkg: XlsxPackage, info: WorkbookInfo, changes: NameChanges, changed: Map<string, PartText>): void {
  if (changes.tables.size === 0) return;
  for (const entry of info.worksheets) {
    for (const table of readSheetTables(pkg, entry.path, readPart(pkg, entry.path)?.text ?? '')) {
      const renamed = changes.tables.get(table.name.toLowerCase());
      if (renamed === undefined) continue;
      const part = readPart(pkg, table.path)!;
      const text = part.text.replace(TABLE_TAG, (tag) => setAttribute(setAttribute(tag, 'name', renamed), 'displayName', renamed));
      changed.set(table.path, { ...part, text });
    }
  }
}

/** Every formula of every part (as already changed, if it was), with references to renamed sheets and tables. */
function renameInFormulas(pkg: XlsxPackage, info: WorkbookInfo, changes: NameChanges, changed: Map<string, PartText>, removed: Set<string>): void {
  if (changes.sheets.size === 0 && changes.tables.size === 0) return;
  for (const name of pkg.names) {
    if (removed.has(name) || NO_FORMULAS.test(name) || !/\.xml$/i.test(name)) continue;
    const part = changed.get(name) ?? readPart(pkg, name)!;
    let text = part.text.replace(FORMULA_ELEMENT, (element, _prefix, _name, _attributes, content: string) => {
      const formula = decodeXml(content);
      const renamed = renameInFormula(formula, changes);
      return renamed === formula ? element : element.replace(`>${content}<`, `>${escapeXmlText(renamed)}<`);
    });
    if (name === info.path) {
      text = text.replace(DEFINED_NAME, (element, _prefix, _attributes, content: string | undefined) => {
        if (!content) return element;
        const formula = decodeXml(content);
        const renamed = renameInFormula(formula, changes);
        return renamed === formula ? element : element.replace(`>${content}<`, `>${escapeXmlText(renamed)}<`);
      });
    }
    text = text.replace(WORKSHEET_SOURCE, (tag) => {
      const attributes = readAttributes(tag);
      const sheet = changes.sheets.get((attributes.get('sheet') ?? '').toLowerCase());
      const table = changes.tables.get((attributes.get('name') ?? '').toLowerCase());
      let edited = sheet === undefined ? tag : setAttribute(tag, 'sheet', sheet);
      if (table !== undefined) edited = setAttribute(edited, 'name', table);
      return edited;
    });
    if (text !== part.text) changed.set(name, { ...part, text });
  }
}
