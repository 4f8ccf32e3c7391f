/**
 * Cell text: the shared string table and inline strings. Both hold either one
 * `<t>` or rich-text runs `<r><t>`, plus phonetic guides (`<rPh>`) that are not
 * part of the text. A regular-expression scan is used rather than an XML parser
 * because a large workbook can hold hundreds of thousands of strings, and this
 * is several times faster than building a tree for each.
 */
import { decodeExcelEscapes, decodeXml } from './xml-text';

const PHONETIC_RUN = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
const TEXT_ELEMENT = /<(?:[\w.-]+:)?t(?=[\s>/])[^>]*?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g;
const STRING_ITEM = /<(?:[\w.-]+:)?si(?=[\s>/])[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;

/** The text of an `<si>` or `<is>` element's content: all its `<t>` runs, without phonetic guides. */
export function richText(content: string): string {
  const body = content.includes('rPh') ? content.replace(PHONETIC_RUN, '') : content;
  let text = '';
  TEXT_ELEMENT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TEXT_ELEMENT.exec(body)) !== null) {
    if (match[1]) text += decodeExcelEscapes(decodeXml(match[1]));
  }
  return text;
}

export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  STRING_ITEM.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = STRING_ITEM.exec(xml)) !== null) {
    strings.push(match[1] ? richText(match[1]) : '');
  }
  return strings;
}
