/** The Excel tables (ListObjects) of a worksheet: xl/tables/tableN.xml, reached through the sheet's relationships. */
import { parseRange, type CellRange } from './cell-address';
import { readRelationships, readPart, findPart, type XlsxPackage } from './package';
import { attribute, children, child, decodeExcelEscapes, parseXml, readAttributes } from './xml-text';

export interface TableColumnInfo {
  id: number;
  name: string;
}

export interface TableInfo {
  /** The table part, e.g. xl/tables/table1.xml. */
  path: string;
  /** The name Excel shows and formulas use: `displayName`, else `name`. */
  name: string;
  ref: CellRange;
  headerRowCount: number;
  totalsRowCount: number;
  columns: TableColumnInfo[];
  /** 'worksheet' for an ordinary table; 'queryTable' and 'xml' tables are bound to a data source. */
  tableType: string;
}

const TABLE_REL = /\/table$/;
const TABLE_PART = /<(?:[\w.-]+:)?tablePart(?=[\s>/])([^>]*)>/g;

/** The sheet's tables in the order its `<tableParts>` lists them. Unreadable tables are left out. */
export function readSheetTables(pkg: XlsxPackage, sheetPath: string, sheetXml: string): TableInfo[] {
  const rels = readRelationships(pkg, sheetPath).filter((rel) => TABLE_REL.test(rel.type) && !rel.external);
  if (rels.length === 0) return [];
  const order: string[] = [];
  for (const match of sheetXml.matchAll(TABLE_PART)) {
    const id = readAttributes(match[1]).get('id');
    if (id) order.push(id);
  }
  const ordered = order.length > 0 ? order.map((id) => rels.find((rel) => rel.id === id)) : rels;
  const tables: TableInfo[] = [];
  for (const rel of ordered) {
    const path = rel ? findPart(pkg, rel.target) : null;
    const table = path ? readTable(pkg, path) : null;
    if (table) tables.push(table);
  }
  return tables;
}

function count(value: string | null, fallback: number): number {
  const n = Number(value ?? fallback);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function readTable(pkg: XlsxPackage, path: string): TableInfo | null {
  const part = readPart(pkg, path);
  const table = part ? child(parseXml(part.text).root, 'table') : null;
  const ref = parseRange(attribute(table, 'ref') ?? '');
  if (!table || !ref) return null;
  const columns = children(child(table, 'tableColumns'), 'tableColumn').map((column) => ({
    id: Number(attribute(column, 'id')),
    name: decodeExcelEscapes(attribute(column, 'name') ?? ''),
  }));
  return {
    path,
    name: attribute(table, 'displayName') || attribute(table, 'name') || '',
    ref,
    headerRowCount: count(attribute(table, 'headerRowCount'), 1),
    totalsRowCount: count(attribute(table, 'totalsRowCount'), 0),
    columns,
    tableType: attribute(table, 'tableType') ?? 'worksheet',
  };
}

/** The first and last worksheet rows of the table's data, without its header and totals rows. */
export function dataRows(table: TableInfo): { first: number; last: number } {
  return {
    first: table.ref.top + Math.min(table.headerRowCount, 1),
    last: table.ref.bottom - Math.min(table.totalsRowCount, 1),
  };
}
