/**
 * Renaming sheets and tables inside formulas: `'Team Sales'!A1`, `Sales!A1`, `Sales[Score]`,
 * `ROWS(Sales)`. A small scanner, not a formula parser: it skips text constants ("…") and the
 * insides of brackets (structured references' column names, external workbook indexes), and
 * looks only at names followed by `!` (a sheet) or standing as a name (a table); a sheet of another
 * workbook (`[1]Ops!A1`) is left alone. Names compare
 * case-insensitively, as Excel's do. 3-D references (`Jan:Mar!A1`) are left as written.
 */
import { sheetReference } from '../core/addresses';

export interface NameChanges {
  /** Lower-cased old name -> new name. */
  sheets: ReadonlyMap<string, string>;
  tables: ReadonlyMap<string, string>;
}

const NAME_CHAR = /[\p{L}\p{N}_.\\]/u;
const NAME_START = /[\p{L}_\\]/u;

/** The formula with renamed sheets and tables; the very same string when nothing was renamed. */
export function renameInFormula(formula: string, changes: NameChanges): string {
  if (changes.sheets.size === 0 && changes.tables.size === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closingQuote(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = closingQuote(formula, i, "'");
      const name = formula.slice(i + 1, end - 1).replace(/''/g, "'");
      const renamed = formula[end] === '!' ? changes.sheets.get(name.toLowerCase()) : undefined;
      out += renamed === undefined ? formula.slice(i, end) : sheetReference(renamed);
      i = end;
    } else if (ch === '[') {
      // `[1]Ops!A1` names a sheet of another workbook: the brackets and the name after them stay as written.
      const external = i === 0 || !NAME_CHAR.test(formula[i - 1]);
      let end = closingBracket(formula, i);
      if (external) while (end < formula.length && NAME_CHAR.test(formula[end])) end++;
      out += formula.slice(i, end);
      i = end;
    } else if (NAME_START.test(ch)) {
      let end = i + 1;
      while (end < formula.length && NAME_CHAR.test(formula[end])) end++;
      const name = formula.slice(i, end);
      const next = formula[end];
      const sheet = next === '!' ? changes.sheets.get(name.toLowerCase()) : undefined;
      const table = next !== '!' && next !== '(' ? changes.tables.get(name.toLowerCase()) : undefined;
      out += sheet !== undefined ? sheetReference(sheet) : (table ?? name);
      i = end;
    } else {
      out += ch;
      i++;
    }
  }
  return out === formula ? formula : out;
}

/** The offset after the quote that closes the one at `start`; a doubled quote is part of the text. */
function closingQuote(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

/** The offset after the bracket that closes the one at `start`; inside, `'` escapes the next character. */
function closingBracket(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") i++;
    else if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) return i + 1;
  }
  return text.length;
}
