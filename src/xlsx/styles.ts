/**
 * Which cell styles show numbers as dates. A date cell holds a plain number; only
 * its number format (styles.xml cellXfs -> numFmtId -> format code) says it is a date.
 */
import { attribute, children, child, parseXml } from './xml-text';

/**
 * Built-in formats that are dates or times: 14-22 and 45-47 in every locale, and
 * 27-36 and 50-58, which the East Asian versions of Excel define as dates
 * (other locales never write them without a numFmt of their own).
 */
const BUILT_IN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a format code shows a date or a time of day. Literal text ("..."), escaped
 * characters (\x), padding (_x) and fill (*x) are skipped, and so is anything in
 * brackets: colours, conditions and locales ([Red], [<100], [$-409]). Elapsed-time
 * formats ([h]:mm) show a duration, not a date, so they stay numbers.
 */
export function isDateFormatCode(code: string): boolean {
  if (/\[(h+|m+|s+)\]/i.test(code)) return false;
  let inQuotes = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (inQuotes) {
      if (ch === '"') inQuotes = false;
      continue;
    }
    if (ch === '"') inQuotes = true;
    else if (ch === '\\' || ch === '_' || ch === '*') i++;
    else if (ch === '[') {
      const close = code.indexOf(']', i);
      if (close < 0) return false;
      i = close;
    } else if ('dDmMyYhHsS'.includes(ch)) {
      return true;
    } else if ((ch === 'e' || ch === 'E') && /[+-]/.test(code[i + 1] ?? '')) {
      i++; // scientific notation, E+ or E-
    }
  }
  return false;
}

export function isDateFormat(numFmtId: number, customCodes: Map<number, string>): boolean {
  const code = customCodes.get(numFmtId);
  if (code !== undefined) return isDateFormatCode(code);
  return BUILT_IN_DATE_IDS.has(numFmtId);
}

/** For each cellXfs index (a cell's `s`), whether the cell shows a date. Missing or unreadable styles: none are dates. */
export function readDateStyles(stylesXml: string | null): boolean[] {
  if (stylesXml === null) return [];
  const { root } = parseXml(stylesXml);
  const sheet = child(root, 'styleSheet');
  if (!sheet) return [];
  const customCodes = new Map<number, string>();
  for (const format of children(child(sheet, 'numFmts'), 'numFmt')) {
    const id = Number(attribute(format, 'numFmtId'));
    const code = attribute(format, 'formatCode');
    if (Number.isInteger(id) && code !== null) customCodes.set(id, code);
  }
  return children(child(sheet, 'cellXfs'), 'xf').map((xf) =>
    isDateFormat(Number(attribute(xf, 'numFmtId') ?? 0), customCodes),
  );
}
