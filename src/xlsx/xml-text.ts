/**
 * Text-level XML helpers shared by the reader and the writer: decoding a part's
 * bytes, entities, Excel's `_xHHHH_` escapes, escaping what we write, and a
 * fast-xml-parser set up the one way this module uses it.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A part's text and how it was stored, so that a rewrite keeps the encoding's byte-order mark. */
export interface PartText {
  text: string;
  bom: boolean;
}

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

export function decodePart(bytes: Uint8Array): PartText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: false };
  }
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: utf8.decode(bom ? bytes.subarray(3) : bytes), bom };
}

/** Encodes a rewritten part as UTF-8; a UTF-16 part (rare) is re-declared as UTF-8 because we only write UTF-8. */
export function encodePart(part: PartText): Uint8Array {
  const text = part.text.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])utf-16(["'])/i, '$1UTF-8$2');
  const body = utf8Encoder.encode(text);
  if (!part.bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. Unknown entities are left as written. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Excel writes characters XML cannot carry as `_xHHHH_`; `_x005F_` escapes a literal underscore before such a pattern. */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Characters that XML 1.0 cannot hold at all, even escaped. Lone surrogates count too. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/** Escapes text for element content. A carriage return is written as a reference so parsers keep it. */
export function escapeXmlText(text: string): string {
  return stripIllegalXml(text).replace(/[&<>\r]/g, (ch) =>
    ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&#13;',
  );
}

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for a double-quoted attribute; whitespace controls are references so they survive normalisation. */
export function escapeXmlAttribute(text: string): string {
  return stripIllegalXml(text).replace(/[&<>"\r\n\t]/g, (ch) => ATTRIBUTE_ESCAPES[ch] ?? `&#${ch.charCodeAt(0)};`);
}

/** Protects a literal `_xHHHH_` in our text from being read back as an Excel escape. */
export function escapeExcelText(text: string): string {
  return text.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1');
}

/** The attributes of one start tag, by local name (namespace prefixes dropped, xmlns declarations skipped). */
export function readAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(tag)) !== null) {
    const name = match[1];
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const local = name.slice(name.indexOf(':') + 1);
    if (!attributes.has(local)) attributes.set(local, decodeXml(match[2] ?? match[3]));
  }
  return attributes;
}

/** Sets (or adds) an attribute in a start tag's text, keeping everything else as written. */
export function setAttribute(tag: string, name: string, value: string): string {
  const escaped = escapeXmlAttribute(value);
  const existing = new RegExp(`(\\s${name}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (existing.test(tag)) return tag.replace(existing, `$1"${escaped}"`);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)} ${name}="${escaped}"${tag.slice(close)}`;
}

/** A parsed element: attributes by local name, child elements by local name (always arrays), text as `#text`. */
export type XmlNode = { [key: string]: XmlNode[] | string | undefined };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  trimValues: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

/** Parses a small part (workbook, rels, tables, styles). Returns null when the XML is not well-formed. */
export function parseXml(xml: string): { root: XmlNode | null; problem: string | null } {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    return { root: null, problem: `${validation.err.msg} (line ${validation.err.line})` };
  }
  return { root: parser.parse(xml) as XmlNode, problem: null };
}

/** The child elements of a node with the given local name. */
export function children(node: XmlNode | null | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

export function child(node: XmlNode | null | undefined, name: string): XmlNode | null {
  return children(node, name)[0] ?? null;
}

/** An attribute's decoded value, or null. */
export function attribute(node: XmlNode | null | undefined, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? decodeXml(value) : null;
}
