/** Surgical edits to a table part (new columns) and to the workbook part (our ownership markers). */
import { formatRange, parseRange } from './cell-address';
import { escapeExcelText, escapeXmlAttribute, escapeXmlText, readAttributes, setAttribute, type PartText } from './xml-text';

export interface NewTableColumn {
  id: number;
  name: string;
}

function replaceTag(text: string, pattern: RegExp, edit: (tag: string) => string): string {
  const match = pattern.exec(text);
  if (!match) return text;
  return text.slice(0, match.index) + edit(match[0]) + text.slice(match.index + match[0].length);
}

/** A tag's `ref` with its right column moved; rows stay (an autoFilter leaves out the totals row). */
function widenRef(tag: string, right: number): string {
  const range = parseRange(readAttributes(tag).get('ref') ?? '');
  return range ? setAttribute(tag, 'ref', formatRange({ ...range, right })) : tag;
}

/** Grows the table's `ref` and `autoFilter` to the new right column and appends the new `<tableColumn>`s. */
export function growTable(part: PartText, right: number, columns: NewTableColumn[]): PartText {
  let text = part.text;
  const table = /<([\w.-]+:)?table(?=[\s>/])[^>]*>/.exec(text);
  if (!table) return part;
  const p = table[1] ?? '';
  text = replaceTag(text, /<(?:[\w.-]+:)?table(?=[\s>/])[^>]*>/, (tag) => widenRef(tag, right));
  text = replaceTag(text, /<(?:[\w.-]+:)?autoFilter(?=[\s>/])[^>]*>/, (tag) => widenRef(tag, right));
  const open = /<(?:[\w.-]+:)?tableColumns(?=[\s>/])[^>]*>/.exec(text);
  if (!open) return { ...part, text };
  const close = text.indexOf(`</${p}tableColumns>`, open.index);
  if (close < 0) return { ...part, text };
  const count = (text.slice(open.index, close).match(/<(?:[\w.-]+:)?tableColumn(?=[\s>/])/g) ?? []).length;
  const added = columns
    .map((column) => `<${p}tableColumn id="${column.id}" name="${escapeXmlAttribute(escapeExcelText(column.name))}"/>`)
    .join('');
  const openTag = setAttribute(open[0], 'count', String(count + columns.length));
  text = text.slice(0, open.index) + openTag + text.slice(open.index + open[0].length, close) + added + text.slice(close);
  return { ...part, text };
}

export interface MarkerName {
  definedName: string;
  /** The formula, unescaped; written as the element's text. */
  formula: string;
}

/** Elements that follow `<definedNames>` in CT_Workbook, in schema order. */
const AFTER_DEFINED_NAMES = new RegExp(
  '<(?:[\\w.-]+:)?(?:calcPr|oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|' +
    'webPublishing|fileRecoveryPr|webPublishObjects|extLst)(?=[\\s>/])',
  'g',
);

/** Updates our markers in place or adds them, creating `<definedNames>` at its schema position when needed. */
export function writeMarkers(part: PartText, markers: MarkerName[]): PartText {
  let text = part.text;
  const workbook = /<([\w.-]+:)?workbook(?=[\s>/])/.exec(text);
  const p = workbook?.[1] ?? '';
  const toAdd: string[] = [];
  for (const marker of markers) {
    const element = findDefinedName(text, marker.definedName);
    const content = escapeXmlText(marker.formula);
    if (element) {
      // Re-hide it too: a round trip through another program may have shown it.
      const tag = setAttribute(text.slice(element.tagStart, element.contentStart), 'hidden', '1');
      text = text.slice(0, element.tagStart) + tag + content + text.slice(element.contentEnd);
    } else {
      toAdd.push(`<${p}definedName name="${escapeXmlAttribute(marker.definedName)}" hidden="1">${content}</${p}definedName>`);
    }
  }
  if (toAdd.length === 0) return { ...part, text };
  const added = toAdd.join('');
  const names = /<(?:[\w.-]+:)?definedNames(?=[\s>/])[^>]*>/.exec(text);
  if (names && names[0].endsWith('/>')) {
    const opened = `${names[0].replace(/\s*\/>$/, '>')}${added}</${p}definedNames>`;
    return { ...part, text: text.slice(0, names.index) + opened + text.slice(names.index + names[0].length) };
  }
  if (names) {
    const close = text.indexOf(`</${p}definedNames>`, names.index);
    return { ...part, text: text.slice(0, close) + added + text.slice(close) };
  }
  // No <definedNames> yet: it goes after <sheets> (and functionGroups, externalReferences), before calcPr and the rest.
  const sheetsEnd = Math.max(text.indexOf(`</${p}sheets>`), 0);
  AFTER_DEFINED_NAMES.lastIndex = sheetsEnd;
  const follower = AFTER_DEFINED_NAMES.exec(text);
  const at = follower ? follower.index : text.lastIndexOf(`</${p}workbook>`);
  return { ...part, text: `${text.slice(0, at)}<${p}definedNames>${added}</${p}definedNames>${text.slice(at)}` };
}

function findDefinedName(text: string, name: string): { tagStart: number; contentStart: number; contentEnd: number } | null {
  const element = /<([\w.-]+:)?definedName(?=[\s>/])([^>]*?)(\/?)>/g;
  let match: RegExpExecArray | null;
  while ((match = element.exec(text)) !== null) {
    const attributes = readAttributes(match[2]);
    if ((attributes.get('name') ?? '').toLowerCase() !== name.toLowerCase() || attributes.has('localSheetId')) continue;
    const contentStart = match.index + match[0].length;
    if (match[3]) return null; // a self-closing name is not valid; leave it and add ours
    const contentEnd = text.indexOf(`</${match[1] ?? ''}definedName>`, contentStart);
    return contentEnd < 0 ? null : { tagStart: match.index, contentStart, contentEnd };
  }
  return null;
}
