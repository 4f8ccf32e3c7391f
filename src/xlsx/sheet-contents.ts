/**
 * Every worksheet's cells and tables, as plain data: what a workbook holds, rather than what the
 * cascade reads from it. The Excel model (src/preview/excel-model) inserts sheets from it, as Excel
 * does with `insertWorksheetsFromBase64`. Dates come back as serial numbers flagged `date`, the
 * way Excel stores them.
 */

import type { CellValue } from '../core/types';
import type { CellRange } from './cell-address';
import { cellValue } from './cell-values';
import { dateToSerial } from './dates';
import { WorkbookReadError } from './errors';
import { damaged, openPackage } from './package';
import { loadSheet } from './read';
import { readCellContext, readWorkbookInfo } from './workbook';
import { decodeXml } from './xml-text';

export interface ContentCell {
  /** 1-based, as Excel numbers them. */
  row: number;
  col: number;
  /** Text, number, boolean or an error's text; a date is its serial number. */
  value: Exclude<CellValue, Date | undefined>;
  /** The formula with its "=", or null (a shared formula's later cells have none written). */
  formula: string | null;
  /** The cell's format shows a date. */
  date: boolean;
}

export interface ContentTable {
  name: string;
  ref: CellRange;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

export interface SheetContents {
  name: string;
  cells: ContentCell[];
  tables: ContentTable[];
}

const FORMULA_TEXT = /<(?:[\w.-]+:)?f(?=[\s>/])[^>]*?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?f>)/;

/** The worksheets of a workbook in tab order. Throws only WorkbookReadError. */
export function readSheetContents(bytes: Uint8Array, workbookName: string): SheetContents[] {
  try {
    const pkg = openPackage(bytes, workbookName);
    const info = readWorkbookInfo(pkg);
    const context = readCellContext(pkg, info);
    const sheets: SheetContents[] = [];
    for (const entry of info.worksheets) {
      const sheet = loadSheet(pkg, entry);
      if (!sheet) continue;
      const cells: ContentCell[] = [];
      for (const row of sheet.scan.rows) {
        for (const cell of row.cells) {
          const value = cellValue(cell, context);
          const formula = cell.formula ? FORMULA_TEXT.exec(sheet.part.text.slice(cell.start, cell.end))?.[1] : undefined;
          if ((value === null || value === undefined || value === '') && !formula) continue;
          const date = value instanceof Date;
          cells.push({
            row: row.r,
            col: cell.col,
            value: value instanceof Date ? dateToSerial(value, info.date1904) : (value ?? null),
            formula: formula ? `=${decodeXml(formula)}` : null,
            date,
          });
        }
      }
      const tables = sheet.tables.map((table) => ({
        name: table.name,
        ref: table.ref,
        headerRowCount: table.headerRowCount,
        totalsRowCount: table.totalsRowCount,
        columns: table.columns.map((column) => column.name),
      }));
      sheets.push({ name: entry.name, cells, tables });
    }
    return sheets;
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    throw damaged(workbookName, (error as Error).message);
  }
}
