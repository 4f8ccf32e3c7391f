/** A scanned cell's value as the engine sees it: text, number, boolean, date or blank. */
import type { CellValue } from '../core/types';
import { parseIsoDate, serialToDate } from './dates';
import type { ScannedCell } from './sheet-scan';
import { richText } from './strings';
import { decodeExcelEscapes, decodeXml } from './xml-text';
import type { CellContext } from './workbook';

function text(raw: string): string {
  return decodeExcelEscapes(decodeXml(raw));
}

/**
 * Formula cells give their cached value; one without a cached value (openpyxl
 * writes none) is blank. An error cell gives its text, such as "#N/A".
 */
export function cellValue(cell: ScannedCell, context: CellContext): CellValue {
  const raw = cell.value;
  if (cell.type === 'inlineStr') {
    if (cell.inline !== null) return richText(cell.inline);
    return raw === null ? null : text(raw);
  }
  if (raw === null || (raw === '' && cell.formula)) return null;
  switch (cell.type) {
    case 's': {
      const index = Number(raw);
      return Number.isInteger(index) ? context.sharedStrings[index] ?? null : null;
    }
    case 'str':
      return text(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim() === 'true';
    case 'e':
      return decodeXml(raw).trim();
    case 'd':
      return parseIsoDate(raw) ?? text(raw);
    default:
      return numberValue(raw, cell.style, context);
  }
}

function numberValue(raw: string, style: number, context: CellContext): CellValue {
  if (raw.trim() === '') return null;
  const number = Number(raw);
  if (!Number.isFinite(number)) return text(raw);
  if (context.dateStyles[style]) return serialToDate(number, context.date1904) ?? number;
  return number;
}
