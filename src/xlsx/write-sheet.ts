/**
 * Surgical edits to a worksheet part: cells replaced, inserted or removed in
 * `<sheetData>`, the `<dimension>` grown, and `<col>` widths for new columns.
 * Every row and cell we do not edit is copied as written.
 */
import { cellAddress, formatRange, parseRange, type CellRange } from './cell-address';
import type { ScannedCell, ScannedRow, SheetScan } from './sheet-scan';
import { readAttributes, setAttribute, type PartText } from './xml-text';

/** Row -> column -> the new `<c>` element, or null to leave the cell out (empty). */
export type CellEdits = Map<number, Map<number, string | null>>;

export interface NewColumnWidth {
  col: number;
  width: number;
}

export function editSheet(part: PartText, scan: SheetScan, edits: CellEdits, widths: NewColumnWidth[]): PartText {
  const { text } = part;
  if (scan.dataStart < 0) return part; // a worksheet without sheetData: nothing we could have read
  const p = scan.prefix;
  let openTag = text.slice(scan.dataStart, scan.dataContentStart);
  if (scan.selfClosing) openTag = openTag.replace(/\s*\/>$/, '>');
  const head = addColumnWidths(growDimension(text.slice(0, scan.dataStart), edits), p, widths);
  const body = editRows(text, scan, edits);
  const tail = scan.selfClosing ? `</${p}sheetData>${text.slice(scan.dataContentStart)}` : text.slice(scan.dataContentEnd);
  return { ...part, text: head + openTag + body + tail };
}

function editRows(text: string, scan: SheetScan, edits: CellEdits): string {
  const p = scan.prefix;
  const existing = new Set(scan.rows.map((row) => row.r));
  const pending = [...edits.keys()].filter((r) => !existing.has(r)).sort((a, b) => a - b);
  let out = '';
  let cursor = scan.dataContentStart;
  let nextPending = 0; // an index, not shift(): shifting a long array is linear each time
  const flushNewRowsBefore = (limit: number) => {
    for (; nextPending < pending.length && pending[nextPending] < limit; nextPending++) {
      out += newRow(p, pending[nextPending], edits.get(pending[nextPending]));
    }
  };
  for (const row of scan.rows) {
    out += text.slice(cursor, row.start);
    flushNewRowsBefore(row.r);
    const rowEdits = edits.get(row.r);
    out += rowEdits || !row.hasRef ? editRow(text, p, row, rowEdits ?? new Map()) : text.slice(row.start, row.end);
    cursor = row.end;
  }
  flushNewRowsBefore(Infinity);
  return out + text.slice(cursor, scan.selfClosing ? scan.dataContentStart : scan.dataContentEnd);
}

function newRow(p: string, r: number, rowEdits: Map<number, string | null> | undefined): string {
  const cells = [...(rowEdits ?? new Map()).entries()]
    .filter((entry): entry is [number, string] => entry[1] !== null)
    .sort((a, b) => a[0] - b[0])
    .map(([, cell]) => cell)
    .join('');
  return cells === '' ? '' : `<${p}row r="${r}">${cells}</${p}row>`;
}

/**
 * Rewrites one row: edits merged in by column, and explicit r attributes on the
 * row and its cells, so that inserted cells cannot shift implicit positions.
 */
function editRow(text: string, p: string, row: ScannedRow, rowEdits: Map<number, string | null>): string {
  let openTag = text.slice(row.start, row.tagEnd);
  if (row.selfClosing) openTag = openTag.replace(/\s*\/>$/, '>');
  if (!row.hasRef) openTag = setAttribute(openTag, 'r', String(row.r));
  const newCells = [...rowEdits.entries()].sort((a, b) => a[0] - b[0]);
  openTag = growSpans(openTag, newCells);

  let body = '';
  let cursor = row.tagEnd;
  let next = 0;
  const insertBefore = (col: number) => {
    while (next < newCells.length && newCells[next][0] < col) body += newCells[next++][1] ?? '';
  };
  for (const cell of row.cells) {
    body += text.slice(cursor, cell.start);
    insertBefore(cell.col);
    if (next < newCells.length && newCells[next][0] === cell.col) {
      body += newCells[next++][1] ?? '';
    } else {
      body += withReference(text, cell, row.r);
    }
    cursor = cell.end;
  }
  insertBefore(Infinity);
  if (row.selfClosing) return `${openTag}${body}</${p}row>`;
  return openTag + body + text.slice(cursor, row.end);
}

function withReference(text: string, cell: ScannedCell, r: number): string {
  const element = text.slice(cell.start, cell.end);
  if (cell.hasRef) return element;
  const tagEnd = element.indexOf('>') + 1;
  return setAttribute(element.slice(0, tagEnd), 'r', cellAddress(cell.col, r)) + element.slice(tagEnd);
}

/** `spans` is an optional hint of the row's first and last columns; keep it true when cells are added. */
function growSpans(openTag: string, newCells: [number, string | null][]): string {
  const spans = readAttributes(openTag).get('spans');
  const added = newCells.filter(([, cell]) => cell !== null).map(([col]) => col);
  if (!spans || added.length === 0) return openTag;
  const bounds = spans.split(/[\s:]+/).map(Number).filter(Number.isInteger);
  if (bounds.length === 0) return openTag;
  const low = Math.min(...bounds, ...added);
  const high = Math.max(...bounds, ...added);
  return setAttribute(openTag, 'spans', `${low}:${high}`);
}

function growDimension(head: string, edits: CellEdits): string {
  const dimension = /<(?:[\w.-]+:)?dimension(?=[\s>/])[^>]*>/.exec(head);
  if (!dimension) return head;
  const current = parseRange(readAttributes(dimension[0]).get('ref') ?? '');
  if (!current) return head;
  const grown: CellRange = { ...current };
  for (const [r, cells] of edits) {
    for (const [col, cell] of cells) {
      if (cell === null) continue;
      grown.left = Math.min(grown.left, col);
      grown.right = Math.max(grown.right, col);
      grown.top = Math.min(grown.top, r);
      grown.bottom = Math.max(grown.bottom, r);
    }
  }
  const ref = formatRange(grown);
  if (ref === formatRange(current)) return head;
  const tag = setAttribute(dimension[0], 'ref', ref);
  return head.slice(0, dimension.index) + tag + head.slice(dimension.index + dimension[0].length);
}

/** Adds `<col>` widths for new columns that no existing `<col>` covers, keeping the list sorted as Excel requires. */
function addColumnWidths(head: string, p: string, widths: NewColumnWidth[]): string {
  const open = /<(?:[\w.-]+:)?cols(?=[\s>/])[^>]*>/.exec(head);
  const existing: { min: number; max: number; start: number }[] = [];
  let contentEnd = -1;
  if (open && !open[0].endsWith('/>')) {
    contentEnd = head.indexOf(`</${p}cols>`, open.index);
    const col = /<(?:[\w.-]+:)?col(?=[\s>/])([^>]*)>/g;
    col.lastIndex = open.index + open[0].length;
    let match: RegExpExecArray | null;
    while ((match = col.exec(head)) !== null && match.index < contentEnd) {
      const attributes = readAttributes(match[1]);
      existing.push({ min: Number(attributes.get('min')), max: Number(attributes.get('max')), start: match.index });
    }
  }
  const missing = widths.filter(({ col }) => !existing.some((range) => range.min <= col && col <= range.max));
  if (missing.length === 0) return head;
  const element = ({ col, width }: NewColumnWidth) => `<${p}col min="${col}" max="${col}" width="${width}" customWidth="1"/>`;
  if (contentEnd < 0) {
    if (open) return head; // a self-closing <cols/> is not valid; leave it alone
    return `${head}<${p}cols>${missing.map(element).join('')}</${p}cols>`;
  }
  // Insert each new <col> before the first existing one that starts to its right.
  const inserts = new Map<number, string>();
  for (const width of missing) {
    const at = existing.find((range) => range.min > width.col)?.start ?? contentEnd;
    inserts.set(at, (inserts.get(at) ?? '') + element(width));
  }
  let out = '';
  let cursor = 0;
  for (const at of [...inserts.keys()].sort((a, b) => a - b)) {
    out += head.slice(cursor, at) + inserts.get(at);
    cursor = at;
  }
  return out + head.slice(cursor);
}
