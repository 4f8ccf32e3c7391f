/** `Excel.WorksheetCollection`, `Excel.Worksheet` and `Excel.WorksheetProtection`. */

import { parseRange, quoteSheet } from './addresses';
import { ModelCollection, ModelObject, type PropertyDef } from './client-object';
import type { ModelContext } from './context';
import { ModelError } from './errors';
import { ModelEventHandlers } from './events';
import { RangeObject, WHOLE_SHEET } from './range';
import type { SheetState, SheetVisibility } from './sheet';
import type { WorkbookState } from './state';
import { isValidSheetName } from './table-ops';
import { TableCollectionObject } from './tables';

export class WorksheetObject extends ModelObject {
  private bound: SheetState | undefined;
  private events: ModelEventHandlers | undefined;

  /** `find` runs when the proxy is first used in a sync; the proxy then stays on that sheet, renamed or not. */
  constructor(context: ModelContext, path: string, private readonly find: () => SheetState | undefined, nullable = false) {
    super(context, path, 'Worksheet', nullable);
  }

  sheet(where = 'Worksheet'): SheetState {
    if (!this.bound || !this.context.state.sheets.includes(this.bound)) this.bound = this.find();
    if (!this.bound) throw new ModelError('ItemNotFound', where);
    return this.bound;
  }

  protected exists(): boolean {
    if (!this.bound || !this.context.state.sheets.includes(this.bound)) this.bound = this.find();
    return this.bound !== undefined;
  }

  protected properties(): Record<string, PropertyDef> {
    return {
      name: { get: () => this.sheet().name },
      id: { get: () => this.sheet().id },
      position: { get: () => this.context.state.sheets.indexOf(this.sheet()) },
      visibility: { since: '1.1', get: () => this.sheet().visibility },
    };
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { protection: () => this.protection, tables: () => this.tables };
  }

  get name(): string { return this.loaded('name'); }
  get id(): string { return this.loaded('id'); }
  get position(): number { return this.loaded('position'); }

  set name(name: string) {
    this.assign('name', name, () => {
      const state = this.context.state;
      const sheet = this.sheet('Worksheet.name');
      if (!isValidSheetName(name)) throw new ModelError('InvalidArgument', 'Worksheet.name', `"${name}" is not a valid sheet name`);
      const other = state.sheetNamed(name);
      if (other && other !== sheet) throw new ModelError('ItemAlreadyExists', 'Worksheet.name');
      // Excel keeps references to the sheet pointing at it: defined names follow the new name.
      const before = `${quoteSheet(sheet.name)}!`;
      for (const item of state.names) if (item.formula.includes(before)) item.formula = item.formula.split(before).join(`${quoteSheet(name)}!`);
      sheet.name = name;
      state.touch();
    });
  }

  get visibility(): SheetVisibility { return this.loaded('visibility'); }

  /** Excel keeps one sheet visible: hiding the last refuses (InvalidOperation, assumed); hiding the active sheet activates the next visible one. */
  set visibility(visibility: SheetVisibility) {
    this.assign('visibility', visibility, () => {
      const state = this.context.state;
      const sheet = this.sheet('Worksheet.visibility');
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility)) throw new ModelError('InvalidArgument', 'Worksheet.visibility', `"${visibility}"`);
      if (visibility !== 'Visible' && !state.sheets.some((other) => other !== sheet && other.visibility === 'Visible')) {
        throw new ModelError('InvalidOperation', 'Worksheet.visibility', 'a workbook keeps one sheet visible');
      }
      sheet.visibility = visibility;
      if (visibility !== 'Visible' && state.activeSheet === sheet) activateNeighbour(state, sheet);
      state.touch();
    });
  }

  /**
   * Deletes the sheet with its cells, tables and conditional formats. As in Excel, the last visible
   * sheet cannot go (InvalidOperation, assumed), and defined names that referred to the sheet now
   * refer to #REF!. Not documented, assumed: a protected sheet can be deleted (sheet protection
   * guards cells; workbook-structure protection, not modelled, guards sheets).
   */
  delete(): void {
    this.invoke('delete', [], () => {
      const state = this.context.state;
      const sheet = this.sheet('Worksheet.delete');
      if (sheet.visibility === 'Visible' && !state.sheets.some((other) => other !== sheet && other.visibility === 'Visible')) {
        throw new ModelError('InvalidOperation', 'Worksheet.delete', 'a workbook keeps one sheet visible');
      }
      if (state.activeSheet === sheet) activateNeighbour(state, sheet);
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      removeAll(state.tables, (table) => table.sheet === sheet);
      removeAll(state.formats, (format) => format.sheet === sheet);
      const reference = `${quoteSheet(sheet.name)}!`;
      for (const item of state.names) if (item.formula.includes(reference)) item.formula = item.formula.split(reference).join('#REF!');
      state.record(null);
    });
  }

  get protection(): WorksheetProtectionObject {
    return this.child('protection', () => new WorksheetProtectionObject(this.context, `${this.path}.protection`, this));
  }

  get tables(): TableCollectionObject {
    return this.child('tables', () => new TableCollectionObject(this.context, `${this.path}.tables`, () => this.sheet()));
  }

  get onChanged(): ModelEventHandlers {
    this.events ??= new ModelEventHandlers(this.context, () => ({ kind: 'worksheet', id: this.sheet().id }), `${this.path}.onChanged`);
    return this.events;
  }

  getRange(address?: string): RangeObject {
    return new RangeObject(this.context, `${this.path}.getRange(${JSON.stringify(address ?? '')})`, () => {
      const sheet = this.sheet('Worksheet.getRange');
      if (address === undefined || address === '') return { sheet, rect: WHOLE_SHEET };
      const parsed = parseRange(address);
      if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== sheet.name.toLowerCase())) {
        throw new ModelError('InvalidArgument', 'Worksheet.getRange', `"${address}"`);
      }
      return { sheet, rect: parsed.rect };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeObject {
    return this.getRange().getUsedRangeOrNullObject(valuesOnly);
  }

  /** Not documented, assumed: the selection moves to A1 of the sheet activated (Excel remembers one per sheet). */
  activate(): void {
    this.invoke('activate', [], () => {
      const state = this.context.state;
      const sheet = this.sheet('Worksheet.activate');
      if (state.activeSheet !== sheet) {
        state.activeSheet = sheet;
        state.selection = { sheet, rect: { top: 0, left: 0, rows: 1, cols: 1 } };
        state.touch();
      }
    });
  }
}

function removeAll<T>(items: T[], gone: (item: T) => boolean): void {
  for (let i = items.length - 1; i >= 0; i--) if (gone(items[i])) items.splice(i, 1);
}

/** Excel activates the next visible sheet (the previous one for the last). */
function activateNeighbour(state: WorkbookState, sheet: SheetState): void {
  const at = state.sheets.indexOf(sheet);
  const visible = (other: SheetState) => other !== sheet && other.visibility === 'Visible';
  const next = state.sheets.slice(at + 1).find(visible) ?? [...state.sheets.slice(0, at)].reverse().find(visible);
  if (!next) return;
  state.activeSheet = next;
  state.selection = { sheet: next, rect: { top: 0, left: 0, rows: 1, cols: 1 } };
}

export class WorksheetProtectionObject extends ModelObject {
  constructor(context: ModelContext, path: string, private readonly worksheet: WorksheetObject) {
    super(context, path, 'WorksheetProtection');
  }

  protected exists(): boolean {
    this.worksheet.sheet('WorksheetProtection');
    return true;
  }

  protected properties(): Record<string, PropertyDef> {
    return { protected: { since: '1.2', get: () => this.worksheet.sheet().protected } };
  }

  get protected(): boolean {
    return this.loaded('protected');
  }
}

export class WorksheetCollectionObject extends ModelCollection<WorksheetObject> {
  constructor(context: ModelContext, path: string) {
    super(context, path, 'WorksheetCollection');
  }

  protected members(): WorksheetObject[] {
    return this.context.state.sheets.map((sheet) => new WorksheetObject(this.context, `${this.path}.getItem(${JSON.stringify(sheet.name)})`, () => sheet));
  }

  getItem(key: string): WorksheetObject {
    return new WorksheetObject(this.context, `${this.path}.getItem(${JSON.stringify(key)})`, () => this.context.state.sheetNamed(key));
  }

  getItemOrNullObject(key: string): WorksheetObject {
    this.context.enqueue({ where: 'WorksheetCollection.getItemOrNullObject', since: '1.4', describe: null, run: () => undefined });
    return new WorksheetObject(this.context, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.context.state.sheetNamed(key), true);
  }

  getActiveWorksheet(): WorksheetObject {
    return new WorksheetObject(this.context, `${this.path}.getActiveWorksheet()`, () => this.context.state.activeSheet);
  }

  /** A new sheet goes last, named "SheetN" when no name is given. */
  add(name?: string): WorksheetObject {
    let created: SheetState | undefined;
    this.context.enqueue({
      where: 'WorksheetCollection.add',
      describe: { p: this.path, m: 'add', a: [name ?? null] },
      run: () => {
        const state = this.context.state;
        let wanted = name;
        for (let n = state.sheets.length + 1; wanted === undefined || (name === undefined && state.sheetNamed(wanted)); n++) wanted = `Sheet${n}`;
        if (!isValidSheetName(wanted)) throw new ModelError('InvalidArgument', 'WorksheetCollection.add', `"${wanted}" is not a valid sheet name`);
        if (state.sheetNamed(wanted)) throw new ModelError('ItemAlreadyExists', 'WorksheetCollection.add');
        created = state.addSheet(wanted);
        state.touch();
      },
    });
    return new WorksheetObject(this.context, `${this.path}.add(${JSON.stringify(name ?? '')})`, () => created);
  }
}
