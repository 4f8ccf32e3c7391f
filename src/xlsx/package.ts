/**
 * The .xlsx package: a zip of XML parts tied together by relationship parts.
 * Opening checks the container and finds the workbook part; saving writes every
 * entry back in its original order, replacing only the parts we changed.
 */
import { WorkbookReadError, readErrorReasons } from './errors';
import { attribute, children, child, decodePart, encodePart, parseXml, type PartText } from './xml-text';
import { inflateEntry, readZip, replaceEntry, writeZip, type ZipEntry } from './zip';

export interface Relationship {
  id: string;
  type: string;
  /** The part's path inside the zip (no leading slash), or the raw target when external. */
  target: string;
  external: boolean;
}

export interface XlsxPackage {
  /** The name used in error messages. */
  workbookName: string;
  /** Entry names in the zip's order, each once. */
  names: string[];
  /** Name -> content; of a name the zip holds twice, the last copy (as fflate and Python's zipfile take it). */
  files: Map<string, Uint8Array>;
  /** Lower-cased name -> actual name: package part names are case-insensitive. */
  byLowerName: Map<string, string>;
  /** Every zip entry as it came, duplicates included, written back by savePackage. */
  entries: ZipEntry[];
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const OFFICE_DOCUMENT = /\/officeDocument$/;

export function openPackage(bytes: Uint8Array, workbookName: string): XlsxPackage {
  if (CFB_MAGIC.every((byte, i) => bytes[i] === byte)) {
    throw new WorkbookReadError('encrypted-or-xls', readErrorReasons.encryptedOrXls(workbookName));
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new WorkbookReadError('not-a-workbook', readErrorReasons.notAWorkbook(workbookName));
  }
  const files = new Map<string, Uint8Array>();
  const byLowerName = new Map<string, string>();
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
    for (const entry of entries) {
      files.set(entry.name, inflateEntry(entry));
      byLowerName.set(entry.name.toLowerCase(), entry.name);
    }
  } catch (error) {
    throw damaged(workbookName, `the zip container cannot be opened (${(error as Error).message})`);
  }
  return { workbookName, names: [...files.keys()], files, byLowerName, entries };
}

export function damaged(workbookName: string, detail: string): WorkbookReadError {
  return new WorkbookReadError('damaged', readErrorReasons.damaged(workbookName, detail));
}

/** The actual entry name for a part path, or null when the package has no such part. */
export function findPart(pkg: XlsxPackage, path: string): string | null {
  return pkg.byLowerName.get(path.toLowerCase()) ?? null;
}

export function readPart(pkg: XlsxPackage, path: string): PartText | null {
  const name = findPart(pkg, path);
  return name === null ? null : decodePart(pkg.files.get(name)!);
}

/** Reads a part that must be well-formed XML; anything else means the workbook is damaged. */
export function readXmlPart(pkg: XlsxPackage, path: string) {
  const part = readPart(pkg, path);
  if (part === null) return null;
  const { root, problem } = parseXml(part.text);
  if (root === null) throw damaged(pkg.workbookName, `${path} is not well-formed XML: ${problem}`);
  return root;
}

/** xl/worksheets/sheet1.xml -> xl/worksheets/_rels/sheet1.xml.rels */
export function relsPathFor(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that owns it. */
export function resolveTarget(sourcePart: string, target: string): string {
  let path = target.replace(/\\/g, '/');
  try {
    path = decodeURI(path);
  } catch {
    // A stray % is a literal character in the name.
  }
  const segments = path.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of path.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

/** The relationships of a part (empty when it has none or they cannot be read). */
export function readRelationships(pkg: XlsxPackage, sourcePart: string): Relationship[] {
  const part = readPart(pkg, relsPathFor(sourcePart));
  if (part === null) return [];
  const { root } = parseXml(part.text);
  return children(child(root, 'Relationships'), 'Relationship').map((rel) => {
    const external = (attribute(rel, 'TargetMode') ?? '').toLowerCase() === 'external';
    const target = attribute(rel, 'Target') ?? '';
    return {
      id: attribute(rel, 'Id') ?? '',
      type: attribute(rel, 'Type') ?? '',
      target: external ? target : resolveTarget(sourcePart, target),
      external,
    };
  });
}

/** Finds the workbook part through the package relationships, as Office does. */
export function findWorkbookPart(pkg: XlsxPackage): string {
  const main = readRelationships(pkg, '').find((rel) => OFFICE_DOCUMENT.test(rel.type) && !rel.external);
  const candidates = [...(main ? [main.target] : []), 'xl/workbook.xml', 'xl/workbook.bin'];
  for (const candidate of candidates) {
    const name = findPart(pkg, candidate);
    if (name === null) continue;
    if (name.toLowerCase().endsWith('.bin')) {
      throw new WorkbookReadError('not-excel', readErrorReasons.binaryWorkbook(pkg.workbookName));
    }
    return name;
  }
  throw new WorkbookReadError('not-excel', readErrorReasons.notExcel(pkg.workbookName));
}

/**
 * Writes the package with some parts replaced (and some left out). Every other entry, duplicates
 * included, keeps its name bytes, position, flags, compression method and compressed bytes.
 * A replaced part is the copy the reader used (the last one of its name); earlier copies stay.
 */
export function savePackage(pkg: XlsxPackage, changed: Map<string, PartText>, removed: ReadonlySet<string> = new Set()): Uint8Array {
  const last = new Map(pkg.entries.map((entry) => [entry.name, entry]));
  const entries = pkg.entries
    .filter((entry) => !removed.has(entry.name))
    .map((entry) => {
      const replacement = last.get(entry.name) === entry ? changed.get(entry.name) : undefined;
      return replacement ? replaceEntry(entry, encodePart(replacement)) : entry;
    });
  return writeZip(entries);
}
