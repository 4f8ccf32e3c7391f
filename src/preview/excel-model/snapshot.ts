/**
 * The workbook as plain data, for the preview's grid and for tests that compare a workbook before
 * and after: every non-empty cell with its value, formula and number format, the colours its
 * conditional formats give it, hidden rows, tables, defined names, the active sheet and selection.
 * An empty cell appears too when a custom conditional format colours it (an issue's mark on a blank
 * cell), and each sheet lists its visibility and its cells' data validation.
 */

import { cellName, containsCell, qualifiedAddress, rectName } from './addresses';
import { displayText, type Cell, type Scalar } from './cells';
import type { SheetState } from './sheet';
import { typeOf, type ValidationSettings } from './data-validation';
import type { SheetVisibility } from './sheet';
import { tableRect, type ConditionalFormatState, type WorkbookState } from './state';

export interface CellSnapshot {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
  quotePrefix?: boolean;
  /** Colours from a conditional format whose rule the cell meets. */
  fill?: string;
  font?: string;
}

export interface SheetSnapshot {
  name: string;
  protected: boolean;
  cells: Record<string, CellSnapshot>;
  /** 1-based row numbers, as Excel shows them. */
  hiddenRows: number[];
  visibility: SheetVisibility;
  /** Data validation by cell ("B2"): its type ("List" or "None" for a prompt alone) and settings. */
  validations: Record<string, ValidationSettings & { type: string }>;
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** "A1:T21", header and totals rows included. */
  address: string;
  columns: string[];
  showHeaders: boolean;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  activeSheet: string;
  /** "Sheet1!A1". */
  selection: string;
  tables: TableSnapshot[];
  names: { name: string; formula: string; visible: boolean }[];
  conditionalFormats: { sheet: string; address: string; type: string; rule: unknown; fill: string | null; font: string | null }[];
}

/** Whether a cell meets a rule: text contains (case-insensitive), or equals a "=…" constant. */
function meets(format: ConditionalFormatState, cell: Cell | undefined): boolean {
  const rule = format.rule;
  if (rule && 'formula' in rule) return alwaysTrue(rule.formula);
  if (!rule || !cell) return false;
  const text = displayText(cell).toLowerCase();
  if ('text' in rule) {
    const wanted = rule.text.toLowerCase();
    switch (rule.operator) {
      case 'Contains': return text.includes(wanted);
      case 'NotContains': return !text.includes(wanted);
      case 'BeginsWith': return text.startsWith(wanted);
      case 'EndsWith': return text.endsWith(wanted);
      default: return false;
    }
  }
  const constant = /^="((?:[^"]|"")*)"$/.exec(rule.formula1);
  const wanted = constant ? constant[1].replace(/""/g, '"').toLowerCase() : rule.formula1.replace(/^=/, '').toLowerCase();
  if (rule.operator === 'EqualTo') return text === wanted;
  if (rule.operator === 'NotEqualTo') return text !== wanted;
  return false;
}

/**
 * The model does not calculate: of custom rules it knows only formulas that are true for every cell,
 * TRUE and N("any text")=0 (N of a text is 0), the form KPI Align's issue marks take.
 */
function alwaysTrue(formula: string): boolean {
  const body = formula.replace(/^=/, '').trim();
  return /^TRUE$/i.test(body) || /^N\("(?:[^"]|"")*"\)\s*=\s*0$/i.test(body);
}

function sheetSnapshot(state: WorkbookState, sheet: SheetState): SheetSnapshot {
  const cells: Record<string, CellSnapshot> = {};
  const formats = state.formats.filter((format) => format.sheet === sheet);
  const places: [number, number][] = [];
  for (const [row, line] of sheet.rows) line.forEach((cell, col) => cell && places.push([row, col]));
  for (const format of formats) {
    if (format.type !== 'Custom' || format.rect.rows * format.rect.cols > MAX_MARKED_CELLS) continue;
    for (let row = format.rect.top; row < format.rect.top + format.rect.rows; row++) {
      for (let col = format.rect.left; col < format.rect.left + format.rect.cols; col++) if (!sheet.get(row, col)) places.push([row, col]);
    }
  }
  places.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [row, col] of places) {
    const cell = sheet.get(row, col);
    const snapshot: CellSnapshot = { value: cell?.value ?? '' };
    if (cell?.formula) snapshot.formula = cell.formula;
    if (cell?.format) snapshot.numberFormat = cell.format;
    if (cell?.quotePrefix) snapshot.quotePrefix = true;
    // The rule added last comes first, as in Excel; the first rule met gives the colours.
    const rule = [...formats].reverse().find((format) => containsCell(format.rect, row, col) && meets(format, cell));
    if (rule?.fill) snapshot.fill = rule.fill;
    if (rule?.font) snapshot.font = rule.font;
    if (cell || snapshot.fill || snapshot.font) cells[cellName(row, col)] = snapshot;
  }
  const validations: SheetSnapshot['validations'] = {};
  for (const [key, settings] of sheet.validations) {
    const [row, col] = key.split(':').map(Number);
    validations[cellName(row, col)] = { type: typeOf(settings), ...JSON.parse(JSON.stringify(settings)) };
  }
  return {
    name: sheet.name,
    protected: sheet.protected,
    cells,
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((row) => row + 1),
    visibility: sheet.visibility,
    validations,
  };
}

/** Empty cells shown for a custom rule: enough for any marks, not a whole column. */
const MAX_MARKED_CELLS = 10_000;

export function takeSnapshot(state: WorkbookState): WorkbookSnapshot {
  return {
    sheets: state.sheets.map((sheet) => sheetSnapshot(state, sheet)),
    activeSheet: state.activeSheet.name,
    selection: qualifiedAddress(state.selection.sheet.name, state.selection.rect),
    tables: state.tables.map((table) => ({
      name: table.name,
      sheet: table.sheet.name,
      address: rectName(tableRect(table)),
      columns: [...table.columns],
      showHeaders: table.showHeaders,
    })),
    names: state.names.map(({ name, formula, visible }) => ({ name, formula, visible })),
    conditionalFormats: state.formats.map((format) => ({
      sheet: format.sheet.name,
      address: rectName(format.rect),
      type: format.type,
      rule: format.rule,
      fill: format.fill,
      font: format.font,
    })),
  };
}
