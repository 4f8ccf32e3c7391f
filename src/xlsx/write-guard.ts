/**
 * The guard on our columns' data cells, as the add-in sets it (src/core/footprint.ts): one custom data
 * validation `FALSE` with a Stop alert and an input prompt, in the worksheet's `<dataValidations>`.
 * A validation is ours when its type is custom and its error title is GUARD_TEXT.title; a rewrite
 * replaces ours and copies every other validation as written. See docs/xlsx.md.
 */
import { GUARD_RULE, GUARD_TEXT } from '../core/footprint';
import { formatRange, MAX_COLUMN, MAX_ROW, parseCellAddress, type CellRange } from './cell-address';
import { escapeXmlAttribute, readAttributes, setAttribute, type PartText } from './xml-text';

/** Elements that follow `<dataValidations>` in CT_Worksheet, in schema order (AlternateContent wraps controls and OLE objects). */
const AFTER_DATA_VALIDATIONS = new RegExp(
  '<(?:[\\w.-]+:)?(?:hyperlinks|printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|customProperties|' +
    'cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|' +
    'webPublishItems|tableParts|extLst|AlternateContent)(?=[\\s>/])',
  'g',
);

export interface SheetGuard {
  /** The data cells of the columns written now. */
  cells: CellRange[];
  /** Where an earlier guard of ours stays: the tables of the sheet that were not written now. */
  keep: CellRange[];
}

interface Validation {
  start: number;
  end: number;
  ours: boolean;
  ranges: CellRange[];
}

/**
 * Rewrites the sheet's `<dataValidations>` so that ours covers exactly `guard.cells` (and what an
 * earlier guard covered inside `guard.keep`), less any cell a person's validation already covers:
 * a cell takes one validation, and theirs is left exactly as it is. Returns `part` itself when
 * nothing changes.
 */
export function guardSheet(part: PartText, p: string, guard: SheetGuard): PartText {
  const { text } = part;
  const tailStart = sheetDataEnd(text, p);
  if (tailStart < 0) return part;
  const block = findValidations(text, p, tailStart);
  const theirs = block?.items.filter((item) => !item.ours) ?? [];
  const covered = new CellSet();
  for (const range of guard.cells) covered.add(range);
  for (const old of block?.items.filter((item) => item.ours) ?? []) {
    for (const range of old.ranges) for (const keep of guard.keep) covered.add(intersection(range, keep));
  }
  for (const range of [...theirs.flatMap((item) => item.ranges), ...extensionRanges(text, p, tailStart)]) covered.subtract(range);
  const sqref = covered.ranges().map(formatRange).join(' ');
  const ours = sqref === '' ? '' : guardElement(p, sqref);
  const count = theirs.length + (ours ? 1 : 0);

  if (!block) {
    if (!ours) return part;
    AFTER_DATA_VALIDATIONS.lastIndex = tailStart;
    const follower = AFTER_DATA_VALIDATIONS.exec(text);
    const at = follower ? follower.index : text.lastIndexOf(`</${p}worksheet>`);
    if (at < tailStart) return part;
    return { ...part, text: `${text.slice(0, at)}<${p}dataValidations count="1">${ours}</${p}dataValidations>${text.slice(at)}` };
  }
  // The list may not be empty: with nothing left in it, it goes.
  if (count === 0) return { ...part, text: text.slice(0, block.start) + text.slice(block.end) };
  const open = setAttribute(block.openTag.replace(/\s*\/>$/, '>'), 'count', String(count));
  // A person's validations and what lies between them (whitespace, as some programs indent) are kept; ours goes last.
  const kept = block.selfClosing ? '' : keptContent(text, block.contentStart, block.contentEnd, block.items);
  const next = `${text.slice(0, block.start)}${open}${kept}${ours}</${p}dataValidations>${text.slice(block.end)}`;
  return next === text ? part : { ...part, text: next };
}

function guardElement(p: string, sqref: string): string {
  const attributes: [string, string][] = [
    ['type', 'custom'],
    ['errorStyle', 'stop'],
    ['allowBlank', '1'],
    ['showInputMessage', '1'],
    ['showErrorMessage', '1'],
    ['errorTitle', GUARD_TEXT.title],
    ['error', GUARD_TEXT.alert],
    ['promptTitle', GUARD_TEXT.title],
    ['prompt', GUARD_TEXT.prompt],
    ['sqref', sqref],
  ];
  const text = attributes.map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`).join('');
  return `<${p}dataValidation${text}><${p}formula1>${GUARD_RULE}</${p}formula1></${p}dataValidation>`;
}

/** Where `<sheetData>` ends: what follows it is where validations live. */
function sheetDataEnd(text: string, p: string): number {
  const close = text.indexOf(`</${p}sheetData>`);
  if (close >= 0) return close + `</${p}sheetData>`.length;
  const empty = new RegExp(`<${escapeRegExp(p)}sheetData(?=[\\s/])[^>]*/>`).exec(text);
  return empty ? empty.index + empty[0].length : -1;
}

function findValidations(text: string, p: string, from: number) {
  const pattern = new RegExp(`<${escapeRegExp(p)}dataValidations(?=[\\s>/])[^>]*>`, 'g');
  pattern.lastIndex = from;
  const open = pattern.exec(text);
  if (!open) return null;
  const openTag = open[0];
  const contentStart = open.index + openTag.length;
  const selfClosing = openTag.endsWith('/>');
  const closeTag = `</${p}dataValidations>`;
  const contentEnd = selfClosing ? contentStart : text.indexOf(closeTag, contentStart);
  if (contentEnd < 0) return null;
  const items: Validation[] = [];
  const element = new RegExp(`<${escapeRegExp(p)}dataValidation(?=[\\s>/])([^>]*?)(/?)>`, 'g');
  element.lastIndex = contentStart;
  let match: RegExpExecArray | null;
  while ((match = element.exec(text)) !== null && match.index < contentEnd) {
    let end = element.lastIndex;
    if (!match[2]) {
      const close = text.indexOf(`</${p}dataValidation>`, end);
      end = close < 0 || close > contentEnd ? contentEnd : close + `</${p}dataValidation>`.length;
      element.lastIndex = end;
    }
    const attributes = readAttributes(match[1]);
    const ours = attributes.get('type') === 'custom' && attributes.get('errorTitle') === GUARD_TEXT.title;
    items.push({ start: match.index, end, ours, ranges: parseSqref(attributes.get('sqref') ?? '') });
  }
  return { start: open.index, end: selfClosing ? contentStart : contentEnd + closeTag.length, openTag, contentStart, contentEnd, selfClosing, items };
}

/** The content of `<dataValidations>` without our elements. */
function keptContent(text: string, start: number, end: number, items: Validation[]): string {
  let out = '';
  let cursor = start;
  for (const item of items) {
    if (!item.ours) continue;
    out += text.slice(cursor, item.start);
    cursor = item.end;
  }
  return out + text.slice(cursor, end);
}

/** The cells of validations Excel keeps in the extension list (`<x14:dataValidations>`: those that name another sheet). */
function extensionRanges(text: string, p: string, from: number): CellRange[] {
  const ranges: CellRange[] = [];
  const block = /<([\w.-]+:)dataValidations(?=[\s>/])[^>]*>([\s\S]*?)<\/\1dataValidations>/g;
  block.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = block.exec(text)) !== null) {
    if (match[1] === p) continue;
    for (const sqref of match[2].matchAll(/<(?:[\w.-]+:)?sqref>([^<]*)</g)) ranges.push(...parseSqref(sqref[1]));
  }
  return ranges;
}

/** A space-separated list of cells and ranges; whole columns (`K:K`) and rows (`2:2`) too. */
export function parseSqref(sqref: string): CellRange[] {
  const ranges: CellRange[] = [];
  for (const item of sqref.trim().split(/\s+/)) {
    const [first, second = first] = item.split(':');
    const a = parseEnd(first, 'top');
    const b = parseEnd(second, 'bottom');
    if (!a || !b) continue;
    ranges.push({ left: Math.min(a.col, b.col), top: Math.min(a.row, b.row), right: Math.max(a.col, b.col), bottom: Math.max(a.row, b.row) });
  }
  return ranges;
}

/** One end of a range: a cell, a column (all rows) or a row (all columns). */
function parseEnd(text: string, end: 'top' | 'bottom'): { col: number; row: number } | null {
  const cell = parseCellAddress(text);
  if (cell) return cell;
  if (/^\$?[A-Za-z]{1,3}$/.test(text)) return { col: parseCellAddress(`${text.replace('$', '')}1`)?.col ?? 0, row: end === 'top' ? 1 : MAX_ROW };
  if (/^\$?\d+$/.test(text)) return { col: end === 'top' ? 1 : MAX_COLUMN, row: Number(text.replace('$', '')) };
  return null;
}

function intersection(a: CellRange, b: CellRange): CellRange | null {
  const range = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return range.left <= range.right && range.top <= range.bottom ? range : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A set of cells as each column's sorted, disjoint row intervals; it lists itself as few rectangles, the same whatever the order it was built in. */
export class CellSet {
  private readonly columns = new Map<number, [number, number][]>();

  add(range: CellRange | null): void {
    if (!range) return;
    for (let col = range.left; col <= range.right; col++) {
      const merged: [number, number][] = [];
      let [top, bottom] = [range.top, range.bottom];
      for (const [from, to] of this.columns.get(col) ?? []) {
        if (to < top - 1 || from > bottom + 1) merged.push([from, to]);
        else [top, bottom] = [Math.min(top, from), Math.max(bottom, to)];
      }
      merged.push([top, bottom]);
      this.columns.set(col, merged.sort((x, y) => x[0] - y[0]));
    }
  }

  subtract(range: CellRange): void {
    for (const [col, intervals] of this.columns) {
      if (col < range.left || col > range.right) continue;
      const left: [number, number][] = [];
      for (const [from, to] of intervals) {
        if (to < range.top || from > range.bottom) {
          left.push([from, to]);
          continue;
        }
        if (from < range.top) left.push([from, range.top - 1]);
        if (to > range.bottom) left.push([range.bottom + 1, to]);
      }
      if (left.length > 0) this.columns.set(col, left);
      else this.columns.delete(col);
    }
  }

  /** Adjacent columns with the same intervals become one rectangle per interval, left to right. */
  ranges(): CellRange[] {
    const ranges: CellRange[] = [];
    const cols = [...this.columns.keys()].sort((a, b) => a - b);
    const key = (col: number) => JSON.stringify(this.columns.get(col));
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1 && key(cols[j + 1]) === key(cols[i])) j++;
      for (const [top, bottom] of this.columns.get(cols[i])!) ranges.push({ left: cols[i], right: cols[j], top, bottom });
      i = j + 1;
    }
    return ranges;
  }
}
