/** `Excel.WorksheetCollection`, `Excel.Worksheet` and `Excel.WorksheetProtection`. */

import { parseRange } from './addresses';
import { ModelCollection, ModelObject, type PropertyDef } from './client-object';
import type { ModelContext } from './context';
import { ModelError } from './errors';
import { ModelEventHandlers } from './events';
import { RangeObject, WHOLE_SHEET } from './range';
import type { SheetState } from './sheet';
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
      visibility: { get: () => 'Visible' },
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
      sheet.name = name;
      state.touch();
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
