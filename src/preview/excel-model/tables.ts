/** `Excel.TableCollection`, `Excel.Table`, its columns and rows. */

import { parseRange } from './addresses';
import { ModelCollection, ModelObject, type PropertyDef } from './client-object';
import type { ModelContext } from './context';
import { ModelError } from './errors';
import { ModelEventHandlers } from './events';
import { RangeObject } from './range';
import type { SheetState } from './sheet';
import { bodyRect, headerRect, tableRect, type TableState } from './state';
import { addColumn, addTable, assertFreeTableName, deleteColumn, resizeTable } from './table-ops';
import { WorksheetObject } from './worksheets';

export class TableCollectionObject extends ModelCollection<TableObject> {
  private events: ModelEventHandlers | undefined;

  /** `scope` is the worksheet of `worksheet.tables`; null for `workbook.tables`. */
  constructor(context: ModelContext, path: string, private readonly scope: (() => SheetState) | null) {
    super(context, path, 'TableCollection');
  }

  protected members(): TableObject[] {
    const sheet = this.scope?.();
    return this.context.state.tables
      .filter((table) => !sheet || table.sheet === sheet)
      .map((table) => new TableObject(this.context, `${this.path}.getItem(${JSON.stringify(table.name)})`, () => table));
  }

  private find(key: string): TableState | undefined {
    const table = this.context.state.tableNamed(key) ?? this.context.state.tables.find((candidate) => candidate.id === key);
    const sheet = this.scope?.();
    return table && (!sheet || table.sheet === sheet) ? table : undefined;
  }

  getItem(key: string): TableObject {
    return new TableObject(this.context, `${this.path}.getItem(${JSON.stringify(key)})`, () => this.find(key));
  }

  getItemOrNullObject(key: string): TableObject {
    this.context.enqueue({ where: 'TableCollection.getItemOrNullObject', since: '1.4', describe: null, run: () => undefined });
    return new TableObject(this.context, `${this.path}.getItemOrNullObject(${JSON.stringify(key)})`, () => this.find(key), true);
  }

  /** A table over `address`. Building one without headers (Excel inserts a header row) is not modelled. */
  add(address: string, hasHeaders: boolean): TableObject {
    let created: TableState | undefined;
    const where = 'TableCollection.add';
    this.context.enqueue({
      where,
      describe: { p: this.path, m: 'add', a: [address, hasHeaders] },
      run: () => {
        if (!hasHeaders) throw new ModelError('NotImplemented', where, 'the model builds tables from a header row only');
        const parsed = typeof address === 'string' ? parseRange(address) : null;
        if (!parsed) throw new ModelError('InvalidArgument', where, `"${String(address)}"`);
        const state = this.context.state;
        const sheet = parsed.sheet !== null ? state.sheetNamed(parsed.sheet) : (this.scope?.() ?? state.activeSheet);
        if (!sheet) throw new ModelError('ItemNotFound', where, `no sheet "${parsed.sheet}"`);
        created = addTable(state, sheet, parsed.rect, where);
      },
    });
    return new TableObject(this.context, `${this.path}.add(${JSON.stringify(address)})`, () => created);
  }

  /** Any table of the workbook changed (ExcelApi 1.7). */
  get onChanged(): ModelEventHandlers {
    this.events ??= new ModelEventHandlers(this.context, () => ({ kind: 'tables' }), `${this.path}.onChanged`);
    return this.events;
  }
}

export class TableObject extends ModelObject {
  private bound: TableState | undefined;
  private events: ModelEventHandlers | undefined;

  constructor(context: ModelContext, path: string, private readonly find: () => TableState | undefined, nullable = false) {
    super(context, path, 'Table', nullable);
  }

  table(where = 'Table'): TableState {
    if (!this.exists()) throw new ModelError('ItemNotFound', where);
    return this.bound as TableState;
  }

  protected exists(): boolean {
    if (!this.bound || !this.context.state.tables.includes(this.bound)) this.bound = this.find();
    return this.bound !== undefined;
  }

  protected properties(): Record<string, PropertyDef> {
    return {
      name: { get: () => this.table().name },
      id: { get: () => this.table().id },
      showHeaders: { get: () => this.table().showHeaders },
      showTotals: { get: () => this.table().showTotals },
      style: { get: () => 'TableStyleMedium2' },
    };
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { worksheet: () => this.worksheet, columns: () => this.columns, rows: () => this.rows };
  }

  get name(): string { return this.loaded('name'); }
  get id(): string { return this.loaded('id'); }
  get showHeaders(): boolean { return this.loaded('showHeaders'); }
  get showTotals(): boolean { return this.loaded('showTotals'); }

  /** Not documented, assumed: renaming a table on a protected sheet is refused like any change to it. */
  set name(name: string) {
    this.assign('name', name, () => {
      const table = this.table('Table.name');
      this.context.state.assertWritable(table.sheet, 'Table.name');
      assertFreeTableName(this.context.state, name, table, 'Table.name');
      table.name = name;
      this.context.state.touch();
    });
  }

  get worksheet(): WorksheetObject {
    return this.child('worksheet', () => new WorksheetObject(this.context, `${this.path}.worksheet`, () => {
      this.context.requireApi('1.2', 'Table.worksheet');
      return this.table().sheet;
    }));
  }

  get columns(): TableColumnCollectionObject {
    return this.child('columns', () => new TableColumnCollectionObject(this.context, `${this.path}.columns`, this));
  }

  get rows(): TableRowCollectionObject {
    return this.child('rows', () => new TableRowCollectionObject(this.context, `${this.path}.rows`, this));
  }

  get onChanged(): ModelEventHandlers {
    this.events ??= new ModelEventHandlers(this.context, () => ({ kind: 'table', id: this.table().id }), `${this.path}.onChanged`);
    return this.events;
  }

  getRange(): RangeObject {
    return new RangeObject(this.context, `${this.path}.getRange()`, () => ({ sheet: this.table('Table.getRange').sheet, rect: tableRect(this.table()) }));
  }

  /** ExcelApi 1.13: the table takes in or gives up cells; nothing moves (table-ops.ts). */
  resize(newRange: RangeObject | string): void {
    const where = 'Table.resize';
    this.invoke('resize', [typeof newRange === 'string' ? newRange : newRange.path], () => {
      const table = this.table(where);
      let rect;
      if (typeof newRange === 'string') {
        const parsed = parseRange(newRange);
        if (!parsed || (parsed.sheet !== null && parsed.sheet.toLowerCase() !== table.sheet.name.toLowerCase())) throw new ModelError('InvalidArgument', where, `"${newRange}"`);
        rect = parsed.rect;
      } else {
        const target = newRange.target(where);
        if (target.sheet !== table.sheet) throw new ModelError('InvalidArgument', where, 'the range is on another sheet');
        rect = target.rect;
      }
      resizeTable(this.context.state, table, rect);
    }, '1.13');
  }

  /** Not documented, assumed: with the header row turned off there is no header range (InvalidOperation). */
  getHeaderRowRange(): RangeObject {
    return new RangeObject(this.context, `${this.path}.getHeaderRowRange()`, () => {
      const rect = headerRect(this.table('Table.getHeaderRowRange'));
      if (!rect) throw new ModelError('InvalidOperation', 'Table.getHeaderRowRange');
      return { sheet: this.table().sheet, rect };
    });
  }

  getDataBodyRange(): RangeObject {
    return new RangeObject(this.context, `${this.path}.getDataBodyRange()`, () => ({ sheet: this.table('Table.getDataBodyRange').sheet, rect: bodyRect(this.table()) }));
  }
}

export class TableRowCollectionObject extends ModelObject {
  constructor(context: ModelContext, path: string, private readonly owner: TableObject) {
    super(context, path, 'TableRowCollection');
  }

  protected exists(): boolean {
    this.owner.table('TableRowCollection');
    return true;
  }

  protected properties(): Record<string, PropertyDef> {
    return { count: { get: () => this.owner.table().bodyRows } };
  }

  get count(): number {
    return this.loaded('count');
  }
}

export class TableColumnCollectionObject extends ModelCollection<TableColumnObject> {
  constructor(context: ModelContext, path: string, private readonly owner: TableObject) {
    super(context, path, 'TableColumnCollection');
  }

  protected members(): TableColumnObject[] {
    return this.owner.table('TableColumnCollection').columns.map((name) => this.column(`getItem(${JSON.stringify(name)})`, name, false));
  }

  private column(call: string, key: string | number, nullable: boolean): TableColumnObject {
    return new TableColumnObject(this.context, `${this.path}.${call}`, this.owner, key, nullable);
  }

  getItem(key: string | number): TableColumnObject {
    return this.column(`getItem(${JSON.stringify(key)})`, key, false);
  }

  getItemOrNullObject(key: string | number): TableColumnObject {
    this.context.enqueue({ where: 'TableColumnCollection.getItemOrNullObject', since: '1.4', describe: null, run: () => undefined });
    return this.column(`getItemOrNullObject(${JSON.stringify(key)})`, key, true);
  }

  /** ExcelApi 1.1 needs an index inside the table; 1.4 brought appending (no index) and the name. */
  add(index?: number | null, values?: unknown[][] | null, name?: string): TableColumnObject {
    const appends = index === undefined || index === null || index === -1;
    let created = '';
    this.context.enqueue({
      where: 'TableColumnCollection.add',
      since: appends || name !== undefined ? '1.4' : '1.1',
      describe: { p: this.path, m: 'add', a: [index ?? null, values ?? null, name ?? null] },
      run: () => {
        const table = this.owner.table('TableColumnCollection.add');
        addColumn(this.context.state, table, appends ? null : (index as number), name ?? null, values ?? null);
        created = table.columns[appends ? table.columns.length - 1 : (index as number)];
      },
    });
    return new TableColumnObject(this.context, `${this.path}.add()`, this.owner, () => created, false);
  }
}

export class TableColumnObject extends ModelObject {
  constructor(
    context: ModelContext,
    path: string,
    private readonly owner: TableObject,
    private key: string | number | (() => string),
    nullable: boolean,
  ) {
    super(context, path, 'TableColumn', nullable);
  }

  private position(): number {
    const columns = this.owner.table('TableColumn').columns;
    const key = typeof this.key === 'function' ? this.key() : this.key;
    if (typeof key === 'number') return key >= 0 && key < columns.length ? key : -1;
    return columns.findIndex((name) => name.toLowerCase() === key.toLowerCase());
  }

  protected exists(): boolean {
    return this.position() >= 0;
  }

  private at(where: string): { table: TableState; index: number } {
    const index = this.position();
    if (index < 0) throw new ModelError('ItemNotFound', where);
    return { table: this.owner.table(where), index };
  }

  protected properties(): Record<string, PropertyDef> {
    return {
      name: { get: () => { const { table, index } = this.at('TableColumn.load'); return table.columns[index]; } },
      index: { get: () => this.at('TableColumn.load').index },
      id: { get: () => this.at('TableColumn.load').index + 1 },
    };
  }

  get name(): string { return this.loaded('name'); }
  get index(): number { return this.loaded('index'); }

  set name(name: string) {
    this.assign('name', name, () => {
      const { table, index } = this.at('TableColumn.name');
      this.context.state.assertWritable(table.sheet, 'TableColumn.name');
      if (table.columns.some((other, i) => i !== index && other.toLowerCase() === name.toLowerCase())) {
        throw new ModelError('InvalidArgument', 'TableColumn.name', `the table already has a column "${name}"`);
      }
      table.columns[index] = name;
      const header = headerRect(table);
      if (header) table.sheet.set(header.top, header.left + index, { ...table.sheet.get(header.top, header.left + index), value: name });
      this.key = name;
      this.context.state.record(null);
    }, '1.4');
  }

  delete(): void {
    this.invoke('delete', [], () => {
      const { table, index } = this.at('TableColumn.delete');
      deleteColumn(this.context.state, table, index);
    });
  }

  private range(call: string, rect: (table: TableState) => { top: number; rows: number } | null): RangeObject {
    return new RangeObject(this.context, `${this.path}.${call}()`, () => {
      const { table, index } = this.at(`TableColumn.${call}`);
      const rows = rect(table);
      if (!rows) throw new ModelError('InvalidOperation', `TableColumn.${call}`);
      return { sheet: table.sheet, rect: { top: rows.top, left: table.left + index, rows: rows.rows, cols: 1 } };
    });
  }

  getDataBodyRange(): RangeObject {
    return this.range('getDataBodyRange', bodyRect);
  }

  getHeaderRowRange(): RangeObject {
    return this.range('getHeaderRowRange', headerRect);
  }

  getRange(): RangeObject {
    return this.range('getRange', tableRect);
  }
}
