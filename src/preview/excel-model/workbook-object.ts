/** `context.workbook` and `workbook.application`. */

import { ModelObject, type PropertyDef } from './client-object';
import type { ModelContext } from './context';
import { insertWorksheetsFromBase64, type InsertOptions, type ModelClientResult } from './insert-sheets';
import { NamedItemCollectionObject } from './names';
import { RangeObject } from './range';
import { TableCollectionObject } from './tables';
import { WorksheetCollectionObject } from './worksheets';

export class WorkbookObject extends ModelObject {
  constructor(context: ModelContext) {
    super(context, 'workbook', 'Workbook');
  }

  protected properties(): Record<string, PropertyDef> {
    return { name: { since: '1.7', get: () => 'Book1.xlsx' } };
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { worksheets: () => this.worksheets, tables: () => this.tables, names: () => this.names, application: () => this.application };
  }

  protected exists(): boolean {
    return true;
  }

  get worksheets(): WorksheetCollectionObject {
    return this.child('worksheets', () => new WorksheetCollectionObject(this.context, 'workbook.worksheets'));
  }

  get tables(): TableCollectionObject {
    return this.child('tables', () => new TableCollectionObject(this.context, 'workbook.tables', null));
  }

  get names(): NamedItemCollectionObject {
    return this.child('names', () => new NamedItemCollectionObject(this.context, 'workbook.names'));
  }

  get application(): ApplicationObject {
    return this.child('application', () => new ApplicationObject(this.context));
  }

  /** ExcelApi 1.13 (insert-sheets.ts). */
  insertWorksheetsFromBase64(base64File: string, options?: InsertOptions): ModelClientResult<string[]> {
    return insertWorksheetsFromBase64(this.context, base64File, options);
  }

  getSelectedRange(): RangeObject {
    return new RangeObject(this.context, 'workbook.getSelectedRange()', () => this.context.state.selection);
  }
}

export class ApplicationObject extends ModelObject {
  constructor(context: ModelContext) {
    super(context, 'workbook.application', 'Application');
  }

  protected properties(): Record<string, PropertyDef> {
    return { calculationMode: { since: '1.1', get: () => 'Automatic' } };
  }

  protected exists(): boolean {
    return true;
  }

  /** ExcelApi 1.6: no recalculation until the next sync; the model records it in `stats.calculationSuspended`. */
  suspendApiCalculationUntilNextSync(): void {
    this.context.enqueue({
      where: 'Application.suspendApiCalculationUntilNextSync',
      since: '1.6',
      describe: { p: this.path, m: 'suspendApiCalculationUntilNextSync' },
      run: () => this.context.suspendCalculation(),
    });
  }
}
