/**
 * Cell text: the shared string table and inline strings. Both hold either one
 * `<t>` or rich-text runs `<r><t>`, plus phonetic guides (`<rPh>`) that are not
 * part of the text. A scan with indexOf and bounded regular expressions is used
 * rather than an XML parser because a large workbook can hold hundreds of
 * thousands of strings, and this is several times faster than building a tree for each.
 *
 * Every search moves forward only, so a malformed part costs linear time (issue 15):
 * an element that is never closed is skipped (an `<si>`) or read as text (an `<rPh>`),
 * and once a closing tag is known to be missing from some point on it is not searched for again.
 * No pattern here may hold a lazy `[\s\S]*?` over the part: on unclosed elements it rescans
 * to the end from each of them.
 */
import { decodeExcelEscapes, decodeXml } from './xml-text';

const PHONETIC_OPEN = /<(?:[\w.-]+:)?rPh\b/g;
const PHONETIC_CLOSE = /<\/(?:[\w.-]+:)?rPh>/g;
/** `[^<]*` and `[^>]*?` stop at the next `<` or `>`, so a failed attempt costs no more than the tag it is at. */
const TEXT_ELEMENT = /<(?:[\w.-]+:)?t(?=[\s>/])[^>]*?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g;
const ITEM_OPEN = /<(?:[\w.-]+:)?si(?=[\s>/])/g;
const ITEM_CLOSE = /<\/(?:[\w.-]+:)?si>/g;

/**
 * The offset of the next match of a global pattern from `from`, or -1. The pattern must match
 * a bounded length (a tag name), so that each call costs the distance to the match.
 */
function next(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index : -1;
}

/** The content without its phonetic runs; one that is never closed is kept, as the text it holds. */
function withoutPhonetics(content: string): string {
  let out = '';
  let cursor = 0;
  for (let open = next(PHONETIC_OPEN, content, 0); open >= 0; open = next(PHONETIC_OPEN, content, cursor)) {
    const close = next(PHONETIC_CLOSE, content, open);
    if (close < 0) break; // no run after this one can close either
    out += content.slice(cursor, open);
    cursor = PHONETIC_CLOSE.lastIndex;
  }
  return out + content.slice(cursor);
}

/** The text of an `<si>` or `<is>` element's content: all its `<t>` runs, without phonetic guides. */
export function richText(content: string): string {
  const body = content.includes('rPh') ? withoutPhonetics(content) : content;
  let text = '';
  TEXT_ELEMENT.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TEXT_ELEMENT.exec(body)) !== null) {
    if (match[1]) text += decodeExcelEscapes(decodeXml(match[1]));
  }
  return text;
}

/**
 * The shared strings in order. An `<si>` runs to the first `</si>` after it; one with no
 * `</si>` after it is left out (as is every later one that is not self-closing), so the
 * well-formed items are read and a damaged tail costs one pass.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let closesFound = true;
  for (let open = next(ITEM_OPEN, xml, 0); open >= 0; ) {
    const gt = xml.indexOf('>', ITEM_OPEN.lastIndex);
    if (gt < 0) break; // no start tag after this one is complete either
    let resume = gt + 1;
    if (xml.charCodeAt(gt - 1) === 47 /* '/' */) {
      strings.push('');
    } else if (closesFound) {
      const close = next(ITEM_CLOSE, xml, gt + 1);
      if (close < 0) closesFound = false;
      else {
        strings.push(richText(xml.slice(gt + 1, close)));
        resume = ITEM_CLOSE.lastIndex;
      }
    }
    open = next(ITEM_OPEN, xml, resume);
  }
  return strings;
}
