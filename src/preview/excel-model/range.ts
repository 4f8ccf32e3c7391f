/**
 * `Excel.Range`. A range proxy knows how to find its cells when a sync runs: a fixed address on a
 * sheet, or a place relative to another proxy (a table's data body, a cell of it, resized), worked
 * out again each time it is used, so that it follows the table as Excel's proxies do within a batch.
 */

import { containsRect, MAX_COLUMNS, MAX_ROWS, onGrid, qualifiedAddress, rectName, type Rect } from './addresses';
import { enteredCell, GENERAL } from './cells';
import { ModelObject, type PropertyDef } from './client-object';
import { ConditionalFormatCollectionObject } from './conditional-formats';
import type { ModelContext } from './context';
import { DataValidationObject } from './data-validation';
import { ModelError } from './errors';
import type { SheetState } from './sheet';
import { formatsOn, headerRect } from './state';
import { syncHeaderNames } from './table-ops';
import { WorksheetObject } from './worksheets';

export interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

/** Finds the range's cells; null when a nullable range has none (an empty used range). */
export type RangeResolver = () => RangeTarget | null;

/** Excel cuts text at 32,767 characters a cell and refuses longer input. */
const MAX_TEXT = 32_767;

export class RangeObject extends ModelObject {
  constructor(context: ModelContext, path: string, private readonly resolver: RangeResolver, nullable = false) {
    super(context, path, 'Range', nullable);
  }

  target(where = 'Range'): RangeTarget {
    const target = this.resolver();
    if (!target) throw new ModelError('ItemNotFound', where);
    return target;
  }

  protected exists(): boolean {
    return this.resolver() !== null;
  }

  protected properties(): Record<string, PropertyDef> {
    const t = () => this.target('Range.load');
    return {
      address: { get: () => qualifiedAddress(t().sheet.name, t().rect) },
      addressLocal: { get: () => qualifiedAddress(t().sheet.name, t().rect) },
      rowCount: { get: () => t().rect.rows },
      columnCount: { get: () => t().rect.cols },
      rowIndex: { get: () => t().rect.top },
      columnIndex: { get: () => t().rect.left },
      values: { get: () => this.grid((cell) => cell?.value ?? '') },
      formulas: { get: () => this.grid((cell) => cell?.formula ?? cell?.value ?? '') },
      numberFormat: { get: () => this.grid((cell) => cell?.format ?? GENERAL) },
      rowHidden: { since: '1.2', get: () => this.rowHiddenValue() },
    };
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { worksheet: () => this.worksheet, conditionalFormats: () => this.conditionalFormats, dataValidation: () => this.dataValidation };
  }

  get address(): string { return this.loaded('address'); }
  get rowCount(): number { return this.loaded('rowCount'); }
  get columnCount(): number { return this.loaded('columnCount'); }
  get rowIndex(): number { return this.loaded('rowIndex'); }
  get columnIndex(): number { return this.loaded('columnIndex'); }
  get formulas(): unknown[][] { return this.loaded('formulas'); }
  get rowHidden(): boolean | null { return this.loaded('rowHidden'); }

  get values(): unknown[][] {
    return this.loaded('values');
  }

  set values(input: unknown[][]) {
    this.assign('values', input, () => this.writeValues(input));
  }

  get numberFormat(): unknown[][] {
    return this.loaded('numberFormat');
  }

  set numberFormat(input: unknown[][]) {
    this.assign('numberFormat', input, () => this.writeFormats(input));
  }

  get worksheet(): WorksheetObject {
    return this.child('worksheet', () => new WorksheetObject(this.context, `${this.path}.worksheet`, () => this.target().sheet));
  }

  get conditionalFormats(): ConditionalFormatCollectionObject {
    return this.child('conditionalFormats', () => new ConditionalFormatCollectionObject(this.context, `${this.path}.conditionalFormats`, () => this.target()));
  }

  /** ExcelApi 1.8 (data-validation.ts). */
  get dataValidation(): DataValidationObject {
    return this.child('dataValidation', () => new DataValidationObject(this.context, `${this.path}.dataValidation`, (where) => this.target(where)));
  }

  private derived(name: string, args: unknown[], place: (rect: Rect) => Rect, since?: string): RangeObject {
    const where = `Range.${name}`;
    return new RangeObject(this.context, `${this.path}.${name}(${args.join(',')})`, () => {
      this.context.requireApi(since, where);
      const { sheet, rect } = this.target(where);
      const next = place(rect);
      if (!onGrid(next)) throw new ModelError('InvalidArgument', where);
      return { sheet, rect: next };
    });
  }

  /** The cell may lie outside the range, as long as it is on the sheet (Excel's documentation). */
  getCell(row: number, column: number): RangeObject {
    return this.derived('getCell', [row, column], (rect) => ({ top: rect.top + row, left: rect.left + column, rows: 1, cols: 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeObject {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], (rect) => ({ ...rect, rows: rect.rows + deltaRows, cols: rect.cols + deltaColumns }), '1.2');
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeObject {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], (rect) => ({ ...rect, top: rect.top + rowOffset, left: rect.left + columnOffset }));
  }

  getColumn(column: number): RangeObject {
    return this.derived('getColumn', [column], (rect) => {
      if (column < 0 || column >= rect.cols) throw new ModelError('InvalidArgument', 'Range.getColumn');
      return { ...rect, left: rect.left + column, cols: 1 };
    });
  }

  getRow(row: number): RangeObject {
    return this.derived('getRow', [row], (rect) => {
      if (row < 0 || row >= rect.rows) throw new ModelError('InvalidArgument', 'Range.getRow');
      return { ...rect, top: rect.top + row, rows: 1 };
    });
  }

  getEntireRow(): RangeObject {
    return this.derived('getEntireRow', [], (rect) => ({ ...rect, left: 0, cols: MAX_COLUMNS }));
  }

  getColumnsAfter(count = 1): RangeObject {
    return this.derived('getColumnsAfter', [count], (rect) => ({ ...rect, left: rect.left + rect.cols, cols: count }), '1.2');
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeObject {
    const where = 'Range.getUsedRangeOrNullObject';
    return new RangeObject(this.context, `${this.path}.getUsedRangeOrNullObject(${valuesOnly})`, () => {
      this.context.requireApi('1.4', where);
      const { sheet, rect } = this.target(where);
      const used = sheet.usedRect(valuesOnly, rect);
      return used ? { sheet, rect: used } : null;
    }, true);
  }

  /**
   * "All" and "Formats" also take away the conditional formats lying inside the range, as the Excel
   * UI's Clear Formats does (not documented for the API); "Contents" keeps formats.
   */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.invoke('clear', [applyTo], () => {
      const { sheet, rect } = this.target('Range.clear');
      const state = this.context.state;
      state.assertWritable(sheet, 'Range.clear');
      for (let r = rect.top; r < rect.top + Math.min(rect.rows, MAX_ROWS); r++) {
        const line = sheet.rows.get(r);
        if (!line) continue;
        for (let c = rect.left; c < Math.min(line.length, rect.left + rect.cols); c++) {
          const cell = line[c];
          if (!cell) continue;
          const kept = applyTo === 'Contents' ? (cell.format ? { value: '', format: cell.format } : undefined)
            : applyTo === 'Formats' ? (cell.value !== '' || cell.formula ? { ...cell, format: undefined } : undefined)
            : undefined;
          sheet.set(r, c, kept);
        }
      }
      if (applyTo !== 'Contents') {
        for (const format of formatsOn(state, sheet, rect)) if (containsRect(rect, format.rect)) state.formats.splice(state.formats.indexOf(format), 1);
      }
      for (const table of state.tablesOn(sheet)) {
        const header = headerRect(table);
        if (header && header.top >= rect.top && header.top < rect.top + rect.rows && applyTo !== 'Formats') syncHeaderNames(table);
      }
      state.record(applyTo === 'Formats' ? null : { sheet, rect, changeType: 'RangeEdited' });
    });
  }

  /** Not documented, assumed: selecting a range on another sheet activates that sheet. */
  select(): void {
    this.invoke('select', [], () => {
      const { sheet, rect } = this.target('Range.select');
      this.context.state.activeSheet = sheet;
      this.context.state.selection = { sheet, rect };
      this.context.state.touch();
    });
  }

  private grid<T>(read: (cell: ReturnType<SheetState['get']>) => T): T[][] {
    const { sheet, rect } = this.target('Range.load');
    if (rect.rows * rect.cols > 5_000_000) throw new ModelError('InvalidArgument', 'Range.load', 'Excel reads at most five million cells at a time');
    return Array.from({ length: rect.rows }, (_, r) => Array.from({ length: rect.cols }, (_, c) => read(sheet.get(rect.top + r, rect.left + c))));
  }

  private rowHiddenValue(): boolean | null {
    const { sheet, rect } = this.target('Range.load');
    let hidden = 0;
    for (let r = rect.top; r < rect.top + rect.rows; r++) if (sheet.hiddenRows.has(r)) hidden++;
    return hidden === 0 ? false : hidden === rect.rows ? true : null;
  }

  private checkShape(input: unknown, rect: Rect, where: string): asserts input is unknown[][] {
    const ok = Array.isArray(input) && input.length === rect.rows && input.every((row) => Array.isArray(row) && row.length === rect.cols);
    if (!ok) throw new ModelError('InvalidArgument', where, `the range ${rectName(rect)} needs ${rect.rows} rows of ${rect.cols} values`);
  }

  private writeValues(input: unknown[][]): void {
    const where = 'Range.values';
    const { sheet, rect } = this.target(where);
    this.checkShape(input, rect, where);
    const state = this.context.state;
    state.assertWritable(sheet, where);
    input.forEach((row, r) =>
      row.forEach((raw, c) => {
        // Values travel as JSON: NaN and infinities arrive as null (no change), dates as ISO text.
        const value = typeof raw === 'number' && !Number.isFinite(raw) ? null : raw instanceof Date ? raw.toISOString() : raw;
        if (value !== null && typeof value === 'object') throw new ModelError('InvalidArgument', where, 'a value must be text, a number or a boolean');
        if (typeof value === 'string' && value.length > MAX_TEXT) throw new ModelError('InvalidArgument', where, 'text longer than 32,767 characters');
        const next = enteredCell(value, sheet.get(rect.top + r, rect.left + c));
        if (next !== null) sheet.set(rect.top + r, rect.left + c, next);
      }),
    );
    for (const table of state.tablesOn(sheet)) {
      const header = headerRect(table);
      if (header && header.top >= rect.top && header.top < rect.top + rect.rows) syncHeaderNames(table);
    }
    state.record({ sheet, rect, changeType: 'RangeEdited' });
  }

  private writeFormats(input: unknown[][]): void {
    const where = 'Range.numberFormat';
    const { sheet, rect } = this.target(where);
    this.checkShape(input, rect, where);
    this.context.state.assertWritable(sheet, where);
    input.forEach((row, r) =>
      row.forEach((format, c) => {
        if (format === null || format === undefined) return;
        const previous = sheet.get(rect.top + r, rect.left + c);
        const next = { ...(previous ?? { value: '' }), format: String(format) === GENERAL ? undefined : String(format) };
        sheet.set(rect.top + r, rect.left + c, next.value === '' && next.format === undefined && !next.formula ? undefined : next);
      }),
    );
    this.context.state.touch();
  }
}

/** The whole grid of a sheet, for `worksheet.getRange()` without an address. */
export const WHOLE_SHEET: Rect = { top: 0, left: 0, rows: MAX_ROWS, cols: MAX_COLUMNS };
