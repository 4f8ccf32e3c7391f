/**
 * A hand-written scanner for a worksheet's `<sheetData>`.
 *
 * Why not fast-xml-parser: a 10,000 x 20 sheet is 200,000 cells, and building an
 * object tree for it takes most of a second, while we need only each cell's
 * position, type, style and raw value. The writer also needs the character
 * offsets of every row and cell to splice new cells in without touching the rest
 * of the part, which a tree parser does not give.
 *
 * What it handles: any namespace prefix (`<x:row>`, `<x:c>`), self-closing rows
 * and cells, rows and cells without an `r` attribute (the next position after the
 * previous one), `<v>`, `<f>` and `<is>` children. Values are returned raw
 * (entities still encoded); cell-values.ts decodes them.
 *
 * Malformed input costs linear time (issue 15): every search moves forward, and a closing tag
 * found missing from some offset on is not searched for again. A `<c>` that is never closed is
 * read as its start tag alone (no value), an `<is>` never closed as no inline string, and an
 * unclosed last row ends at `</sheetData>`: the reader keeps what is well-formed.
 */
import { parseCellAddress } from '../core/addresses';
import { readAttributes } from './xml-text';

export interface ScannedCell {
  col: number;
  /** Offsets of the whole element in the sheet XML, end exclusive. */
  start: number;
  end: number;
  hasRef: boolean;
  /** The `t` attribute ('' when absent: a number). */
  type: string;
  /** The `s` attribute, the cellXfs index (0 when absent). */
  style: number;
  /** The raw text of `<v>`, or null when there is none. */
  value: string | null;
  /** The raw content of `<is>` (an inline string), or null. */
  inline: string | null;
  formula: boolean;
}

export interface ScannedRow {
  r: number;
  start: number;
  end: number;
  /** Offset just after the start tag's `>`. */
  tagEnd: number;
  selfClosing: boolean;
  hasRef: boolean;
  cells: ScannedCell[];
}

export interface SheetScan {
  /** The namespace prefix the part uses for SpreadsheetML elements, with its colon ('' for none). */
  prefix: string;
  /** Offset of `<sheetData`, or -1 when the sheet has none. */
  dataStart: number;
  /** Offset after `<sheetData ...>` (its whole tag when self-closing). */
  dataContentStart: number;
  /** Offset of `</sheetData>` (equal to dataContentStart when self-closing). */
  dataContentEnd: number;
  selfClosing: boolean;
  rows: ScannedRow[];
}

const SHEET_DATA = /<([\w.-]+:)?sheetData(?=[\s>/])[^>]*>/;
const VALUE = /<(?:[\w.-]+:)?v(?=[\s>/])[^>]*?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?v>)/;
const FORMULA = /<(?:[\w.-]+:)?f(?=[\s>/])/;
const INLINE_OPEN = /<(?:[\w.-]+:)?is(?=[\s>/])/g;
const INLINE_CLOSE = /<\/(?:[\w.-]+:)?is>/g;

const SLASH = 47;
const GREATER = 62;

/** Offset of the end of an element name that starts at `from`: the first space, `/` or `>`. */
function nameEnd(xml: string, from: number): number {
  let i = from;
  for (; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (code === GREATER || code === SLASH || code <= 32) break;
  }
  return i;
}

export function scanSheet(xml: string): SheetScan {
  const open = SHEET_DATA.exec(xml);
  if (!open) {
    return { prefix: '', dataStart: -1, dataContentStart: -1, dataContentEnd: -1, selfClosing: false, rows: [] };
  }
  const prefix = open[1] ?? '';
  const dataContentStart = open.index + open[0].length;
  if (open[0].endsWith('/>')) {
    return { prefix, dataStart: open.index, dataContentStart, dataContentEnd: dataContentStart, selfClosing: true, rows: [] };
  }
  let dataContentEnd = xml.indexOf(`</${prefix}sheetData>`, dataContentStart);
  if (dataContentEnd < 0) dataContentEnd = xml.length;

  const rows: ScannedRow[] = [];
  const missing: MissingCloses = new Map();
  let row: ScannedRow | null = null;
  let previousRow = 0;
  let previousCol = 0;
  // Only <row> and <c> elements matter; indexOf and character codes keep this loop
  // several times faster than a regular expression over the whole part.
  for (let lt = xml.indexOf('<', dataContentStart); lt >= 0 && lt < dataContentEnd; ) {
    const closing = xml.charCodeAt(lt + 1) === SLASH;
    const nameStart = closing ? lt + 2 : lt + 1;
    const end = nameEnd(xml, nameStart);
    const qualified = xml.slice(nameStart, end);
    const colon = qualified.indexOf(':');
    const name = colon < 0 ? qualified : qualified.slice(colon + 1);
    const gt = xml.indexOf('>', end);
    if (gt < 0) break;
    const tagEnd = gt + 1;
    const selfClosing = xml.charCodeAt(gt - 1) === SLASH;
    let next = tagEnd;
    if (name === 'row') {
      if (closing) {
        if (row) {
          row.end = tagEnd;
          rows.push(row);
          row = null;
        }
      } else {
        const ref = Number(readAttribute(xml.slice(end, selfClosing ? gt - 1 : gt), 'r'));
        const hasRef = Number.isInteger(ref) && ref > 0;
        previousRow = hasRef ? ref : previousRow + 1;
        previousCol = 0;
        row = { r: previousRow, start: lt, end: tagEnd, tagEnd, selfClosing, hasRef, cells: [] };
        if (selfClosing) {
          rows.push(row);
          row = null;
        }
      }
    } else if (name === 'c' && !closing) {
      const cellPrefix = colon < 0 ? '' : qualified.slice(0, colon + 1);
      const attributeText = xml.slice(end, selfClosing ? gt - 1 : gt);
      const cell = scanCell(xml, lt, tagEnd, cellPrefix, attributeText, selfClosing, previousCol, missing);
      next = cell.end;
      previousCol = cell.col;
      row?.cells.push(cell);
    }
    lt = xml.indexOf('<', next);
  }
  if (row) {
    row.end = dataContentEnd; // an unclosed last row: tolerate it
    rows.push(row);
  }
  return { prefix, dataStart: open.index, dataContentStart, dataContentEnd, selfClosing: false, rows };
}

/** Closing tag -> the offset from which it is known not to occur: so that unclosed cells do not each search to the end. */
type MissingCloses = Map<string, number>;

function scanCell(
  xml: string,
  start: number,
  tagEnd: number,
  prefix: string,
  attributeText: string,
  selfClosing: boolean,
  previousCol: number,
  missing: MissingCloses,
): ScannedCell {
  const ref = readAttribute(attributeText, 'r');
  const position = ref === null ? null : parseCellAddress(ref);
  const style = Number(readAttribute(attributeText, 's') ?? 0);
  const cell: ScannedCell = {
    col: position ? position.column : previousCol + 1,
    start,
    end: tagEnd,
    hasRef: position !== null,
    type: readAttribute(attributeText, 't') ?? '',
    style: Number.isInteger(style) && style >= 0 ? style : 0,
    value: null,
    inline: null,
    formula: false,
  };
  if (selfClosing) return cell;
  const close = `</${prefix}c>`;
  const contentEnd = tagEnd >= (missing.get(close) ?? Infinity) ? -1 : xml.indexOf(close, tagEnd);
  if (contentEnd < 0) {
    missing.set(close, Math.min(tagEnd, missing.get(close) ?? Infinity));
    return cell; // never closed: the start tag alone
  }
  cell.end = contentEnd + close.length;
  const content = xml.slice(tagEnd, contentEnd);
  // The common case, `<v>123</v>` and nothing else, without regular expressions.
  if (content.startsWith('<v>') && content.indexOf('<', 3) === content.length - 4 && content.endsWith('</v>')) {
    cell.value = content.slice(3, -4);
    return cell;
  }
  if (content === '') return cell;
  const value = VALUE.exec(content);
  if (value) cell.value = value[1] ?? '';
  cell.formula = FORMULA.test(content);
  cell.inline = inlineContent(content);
  return cell;
}

/** The content of a cell's first `<is>` ('' when self-closing), or null when it has none or it is never closed. */
function inlineContent(content: string): string | null {
  INLINE_OPEN.lastIndex = 0;
  if (!INLINE_OPEN.exec(content)) return null;
  const gt = content.indexOf('>', INLINE_OPEN.lastIndex);
  if (gt < 0) return null;
  if (content.charCodeAt(gt - 1) === SLASH) return '';
  INLINE_CLOSE.lastIndex = gt + 1;
  const close = INLINE_CLOSE.exec(content);
  return close ? content.slice(gt + 1, close.index) : null;
}

/**
 * One attribute of a start tag. The quick path finds ` name="` directly (row and
 * cell tags are written that way by every producer we know); anything unusual
 * goes through the general attribute reader.
 */
function readAttribute(attributeText: string, name: string): string | null {
  const key = ` ${name}="`;
  const at = attributeText.indexOf(key);
  if (at >= 0) {
    const end = attributeText.indexOf('"', at + key.length);
    const raw = attributeText.slice(at + key.length, end);
    return raw.includes('&') ? readAttributes(attributeText).get(name) ?? null : raw;
  }
  if (!attributeText.includes(name)) return null;
  return readAttributes(attributeText).get(name) ?? null;
}

/** Whether a cell holds something: a value, an inline string or a formula. A cell with only a style does not. */
export function isFilled(cell: ScannedCell): boolean {
  return cell.formula || cell.inline !== null || (cell.value !== null && cell.value !== '');
}
