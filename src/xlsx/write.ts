/**
 * writeComputedColumns: adds or updates KPI Align's computed columns in an
 * .xlsx package by editing only the parts that must change (the written
 * sheets, their tables, workbook.xml for the ownership markers, styles.xml for
 * percent formats), and guards the written columns' data cells as the add-in does
 * (write-guard.ts). Every other zip entry is copied unchanged. See docs/xlsx.md.
 */
import type { CellValue } from '../core/types';
import { cellAddress, type CellRange } from './cell-address';
import { dateToSerial } from './dates';
import { findMarker, markerFormula, nextMarkerName, ownedHeadersAfterWrite, type OwnershipMarker } from '../core/ownership';
import { openPackage, readPart, savePackage, type XlsxPackage } from './package';
import { loadSheet, type LoadedSheet } from './read';
import { findObstacle, locateTarget, resolveColumns, type ResolvedColumn, type Target } from './write-plan';
import { writeNoteMessages as say } from './write-notes';
import { growTable, writeMarkers, type MarkerName } from './write-parts';
import { guardSheet } from './write-guard';
import { editSheet, type CellEdits, type NewColumnWidth } from './write-sheet';
import { StyleSheetEditor, type CellStyleKind } from './write-styles';
import { readCellContext, readWorkbookInfo, type CellContext, type WorkbookInfo } from './workbook';
import { escapeExcelText, escapeXmlText, type PartText } from './xml-text';

export type ColumnFormat = 'percent' | 'number' | 'text' | 'boolean';

export interface ColumnWrite {
  header: string;
  /** How numbers show: 'percent' as 0.00%; the others as General. The value's own type decides the cell type. */
  format: ColumnFormat;
  /** One per data row, in the table's row order. Null, undefined, NaN and infinities leave the cell empty. */
  values: CellValue[];
  /** The width of a new column in characters; 12, or 24 for text columns, when not given. */
  width?: number;
}

export interface TableWrite {
  sheet: string;
  /** The table's name, or null for a plain sheet range. */
  table: string | null;
  columns: ColumnWrite[];
}

export interface WriteNote {
  sheet: string;
  table: string | null;
  message: string;
}

export interface WriteResult {
  bytes: Uint8Array;
  notes: WriteNote[];
}

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32767;

interface SheetWork {
  sheet: LoadedSheet;
  edits: CellEdits;
  widths: NewColumnWidth[];
  /** Regions taken by columns appended earlier in this call. */
  claimed: CellRange[];
  /** The data cells of the columns written on this sheet, to guard; null while nothing is written on it. */
  guarded: CellRange[] | null;
  /** The table parts written on this sheet. */
  writtenTables: Set<string>;
  /** Row -> the columns of its existing cells, made when first needed. */
  cells?: Map<number, Set<number>>;
}

interface Session {
  pkg: XlsxPackage;
  info: WorkbookInfo;
  context: CellContext;
  styles: StyleSheetEditor;
  sheets: Map<string, SheetWork>;
  tables: Map<string, PartText>;
  markers: OwnershipMarker[];
  markerWrites: MarkerName[];
  notes: WriteNote[];
  missingStyles: boolean;
}

/**
 * Writes the computed columns. Throws WorkbookReadError when the bytes are not a
 * readable workbook; anything that cannot be written inside one becomes a note.
 */
export function writeComputedColumns(bytes: Uint8Array, writes: TableWrite[]): WriteResult {
  const pkg = openPackage(bytes, 'The workbook');
  const info = readWorkbookInfo(pkg);
  const session: Session = {
    pkg,
    info,
    context: readCellContext(pkg, info),
    styles: new StyleSheetEditor(info.stylesPath ? readPart(pkg, info.stylesPath) : null),
    sheets: new Map(),
    tables: new Map(),
    markers: [...info.markers],
    markerWrites: [],
    notes: [],
    missingStyles: false,
  };
  for (const write of writes) {
    const note = (message: string) => session.notes.push({ sheet: write.sheet, table: write.table, message });
    const entry =
      info.worksheets.find((candidate) => candidate.name === write.sheet) ??
      info.worksheets.find((candidate) => candidate.name.toLowerCase() === write.sheet.toLowerCase());
    if (!entry) {
      note(say.sheetMissing(write.sheet));
      continue;
    }
    let work = session.sheets.get(entry.path);
    if (!work) {
      const sheet = loadSheet(pkg, entry);
      if (!sheet) {
        note(say.sheetMissing(write.sheet));
        continue;
      }
      work = { sheet, edits: new Map(), widths: [], claimed: [], guarded: null, writtenTables: new Set() };
      session.sheets.set(entry.path, work);
    }
    const target = locateTarget(work.sheet, write.table, info, session.context);
    if (typeof target === 'string') note(target);
    else writeTable(session, work, target, write, note);
  }
  if (session.missingStyles) session.notes.push({ sheet: writes[0].sheet, table: writes[0].table, message: say.noStyles() });

  const changed = new Map<string, PartText>();
  for (const [path, work] of session.sheets) {
    let part = work.edits.size > 0 ? editSheet(work.sheet.part, work.sheet.scan, work.edits, work.widths) : work.sheet.part;
    if (work.guarded) {
      // An earlier guard stays only on the tables not written now; elsewhere it is replaced.
      const keep = work.sheet.tables.filter((table) => !work.writtenTables.has(table.path)).map((table) => table.ref);
      part = guardSheet(part, work.sheet.scan.prefix, { cells: work.guarded, keep });
    }
    if (part !== work.sheet.part) changed.set(path, part);
  }
  for (const [path, part] of session.tables) changed.set(path, part);
  if (session.markerWrites.length > 0) changed.set(info.path, writeMarkers(readPart(pkg, info.path)!, session.markerWrites));
  const styles = session.styles.result();
  if (styles && info.stylesPath) changed.set(info.stylesPath, styles);
  // Nothing written: hand back the very same bytes, not a re-zipped copy.
  return { bytes: changed.size > 0 ? savePackage(pkg, changed) : bytes.slice(), notes: session.notes };
}

function writeTable(session: Session, work: SheetWork, target: Target, write: TableWrite, note: (message: string) => void) {
  const what = target.table ? `table "${target.table.name}"` : `sheet "${work.sheet.entry.name}"`;
  const columns = write.columns.filter((column) => column.header.trim() !== '');
  if (columns.length < write.columns.length) note(say.emptyHeader(what));
  const marker = findMarker(session.markers, work.sheet.entry.name, target.table?.name ?? null);
  const resolved = resolveColumns(target, columns.map((column) => column.header), marker?.headers ?? []);
  const appended = resolved.filter((column) => column.appended);
  const obstacle = findObstacle(target, appended.length, work.claimed);
  if (obstacle) {
    note(obstacle);
    return;
  }
  const guarded = (work.guarded ??= []);
  if (target.table) work.writtenTables.add(target.table.path);
  if (appended.length > 0) {
    work.claimed.push({ left: target.right + 1, right: target.right + appended.length, top: target.top, bottom: target.bottom });
  }

  const p = work.sheet.scan.prefix;
  const rowCount = Math.max(target.lastRow - target.firstRow + 1, 0);
  columns.forEach((column, i) => {
    const { col, name } = resolved[i];
    if (column.values.length !== rowCount) note(say.rowCount(what, column.header, rowCount, column.values.length));
    if (resolved[i].appended && target.headerRow !== null) {
      setCell(work.edits, target.headerRow, col, textCell(p, cellAddress(col, target.headerRow), name, target.headerStyle));
    }
    for (let row = 0; row < rowCount; row++) {
      const r = target.firstRow + row;
      const cell = valueCell(session, p, cellAddress(col, r), column.values[row], column.format);
      // A blank over no cell changes nothing: no edit, so that a tall, mostly empty table costs only its filled rows.
      if (cell !== null || hasCell(work, r, col)) setCell(work.edits, r, col, cell);
    }
    if (!resolved[i].appended && target.table === null) clearBelow(work, target.lastRow, col);
    if (resolved[i].appended) work.widths.push({ col, width: column.width ?? (column.format === 'text' ? 24 : 12) });
    if (rowCount > 0) guarded.push({ left: col, right: col, top: target.firstRow, bottom: target.lastRow });
  });

  if (target.table && appended.length > 0) {
    const table = target.table;
    const part = session.tables.get(table.path) ?? readPart(session.pkg, table.path)!;
    let id = Math.max(0, ...table.columns.map((column) => (Number.isFinite(column.id) ? column.id : 0)));
    const added = appended.map((column) => ({ id: ++id, name: column.name }));
    session.tables.set(table.path, growTable(part, target.right + appended.length, added));
  }
  recordOwnership(session, work.sheet.entry.name, target, resolved);
}

/** A plain sheet's rows can shrink between runs; our old values below the last data row are removed. */
function clearBelow(work: SheetWork, lastRow: number, col: number) {
  for (const row of work.sheet.scan.rows) {
    if (row.r > lastRow && row.cells.some((cell) => cell.col === col)) setCell(work.edits, row.r, col, null);
  }
}

function hasCell(work: SheetWork, r: number, col: number): boolean {
  if (!work.cells) {
    work.cells = new Map();
    for (const row of work.sheet.scan.rows) {
      const cols = work.cells.get(row.r) ?? new Set<number>();
      for (const cell of row.cells) cols.add(cell.col);
      work.cells.set(row.r, cols);
    }
  }
  return work.cells.get(r)?.has(col) ?? false;
}

function setCell(edits: CellEdits, r: number, col: number, cell: string | null) {
  let row = edits.get(r);
  if (!row) edits.set(r, (row = new Map()));
  row.set(col, cell);
}

/** The marker lists our columns that still exist plus the ones written now, in a stable order. */
function recordOwnership(session: Session, sheet: string, target: Target, resolved: ResolvedColumn[]) {
  const table = target.table?.name ?? null;
  const existing = findMarker(session.markers, sheet, table);
  const headers = ownedHeadersAfterWrite(target.columns.map((column) => column.name), existing?.headers ?? [], resolved.map((column) => column.name));
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((header, i) => header === b[i]);
  if (existing?.hidden && existing.sheet === sheet && existing.table === table && same(existing.headers, headers)) return;
  const definedName = existing?.definedName ?? nextMarkerName(session.markers);
  const marker: OwnershipMarker = { definedName, sheet, table, headers, hidden: true };
  session.markers = [...session.markers.filter((candidate) => candidate !== existing), marker];
  session.markerWrites = [
    ...session.markerWrites.filter((write) => write.definedName !== definedName),
    { definedName, formula: markerFormula(marker) },
  ];
}

function styleAttribute(style: number | null): string {
  return style === null || style === 0 ? '' : ` s="${style}"`;
}

/** A text cell as inline text (never a formula), cut at Excel's limit; also used by the template writer. */
export function textCell(p: string, address: string, text: string, style: number | null): string {
  const safe = escapeXmlText(escapeExcelText(text.slice(0, MAX_CELL_TEXT)));
  const inline = `<${p}is><${p}t xml:space="preserve">${safe}</${p}t></${p}is>`;
  return `<${p}c r="${address}"${styleAttribute(style)} t="inlineStr">${inline}</${p}c>`;
}

function styleFor(session: Session, kind: CellStyleKind): number | null {
  const style = session.styles.styleFor(kind);
  if (style === null) session.missingStyles = true;
  return style;
}

/** A value as a cell: numbers as numbers, text as inline text that can never turn into a formula. */
function valueCell(session: Session, p: string, address: string, value: CellValue, format: ColumnFormat): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const style = format === 'percent' ? styleFor(session, 'percent') : null;
    return `<${p}c r="${address}"${styleAttribute(style)}><${p}v>${Object.is(value, -0) ? 0 : value}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${address}" t="b"><${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (value instanceof Date) {
    const serial = dateToSerial(value, session.context.date1904);
    if (!Number.isFinite(serial)) return null;
    return `<${p}c r="${address}"${styleAttribute(styleFor(session, 'date'))}><${p}v>${serial}</${p}v></${p}c>`;
  }
  // Excel would read text starting with these as a formula when the cell is edited; quotePrefix keeps it text.
  const style = /^[=+\-@]/.test(value) ? styleFor(session, 'quotedText') : null;
  return textCell(p, address, value, style);
}
