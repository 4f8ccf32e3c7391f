/**
 * `Workbook.insertWorksheetsFromBase64` (ExcelApi 1.13): the sheets of another workbook, given as a
 * base64 .xlsx, inserted with their cells (values, formulas, date formats) and tables. The file is
 * read with the repo's own reader (src/xlsx), so the model inserts what Excel would find in it.
 *
 * The base64 text travels in the request, so it counts against the payload limit like any value
 * (context.ts): a 4 MB workbook is about 5.3 MB of base64, over Excel on the web's 5 MB.
 *
 * A documented choice, not Excel's behaviour: when an inserted sheet's or table's name is taken,
 * Excel renames it ("Sales (2)", "Sales_2"), and the model refuses with ItemAlreadyExists and
 * inserts nothing. KPI Align's adapter renames everything in the file before inserting, so a clash
 * means the workbook changed under it, and a test should see that rather than a silent rename.
 * Also assumed: a file that cannot be read fails with InvalidArgument, and a name in
 * `sheetNamesToInsert` that the file does not have fails with ItemNotFound, before anything is
 * inserted. Only positionType "End" (the default) is modelled.
 */

import { base64ToBytes } from '../../xlsx/base64';
import { WorkbookReadError } from '../../xlsx/errors';
import { readSheetContents, type SheetContents } from '../../xlsx/sheet-contents';
import { ISO_DATE_FORMAT, type Cell } from './cells';
import type { ModelContext } from './context';
import { ModelError, propertyNotLoaded } from './errors';
import type { TableState } from './state';

const WHERE = 'Workbook.insertWorksheetsFromBase64';

export interface InsertOptions {
  sheetNamesToInsert?: string[];
  positionType?: string;
  relativeTo?: unknown;
}

/** `OfficeExtension.ClientResult`: its value is readable once the sync that computed it has run. */
export class ModelClientResult<T> {
  private result: { value: T } | undefined;

  get value(): T {
    if (!this.result) throw propertyNotLoaded('ClientResult', 'value');
    return this.result.value;
  }

  set(value: T): void {
    this.result = { value };
  }
}

export function insertWorksheetsFromBase64(context: ModelContext, base64: string, options: InsertOptions = {}): ModelClientResult<string[]> {
  const result = new ModelClientResult<string[]>();
  context.enqueue({
    where: WHERE,
    since: '1.13',
    describe: { p: 'workbook', m: 'insertWorksheetsFromBase64', a: [base64, options] },
    run: () => {
      const ids = insert(context, base64, options);
      return { json: ids, commit: () => result.set(ids) };
    },
  });
  return result;
}

function insert(context: ModelContext, base64: string, options: InsertOptions): string[] {
  const state = context.state;
  if (options.relativeTo !== undefined || (options.positionType !== undefined && options.positionType !== 'End')) {
    throw new ModelError('NotImplemented', WHERE, 'the model inserts only at the end');
  }
  const sheets = readSource(base64);
  const wanted = options.sheetNamesToInsert && options.sheetNamesToInsert.length > 0 ? options.sheetNamesToInsert : sheets.map((sheet) => sheet.name);
  const chosen = wanted.map((name) => {
    const sheet = sheets.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new ModelError('ItemNotFound', WHERE, `the workbook has no sheet "${name}"`);
    return sheet;
  });
  for (const sheet of chosen) {
    if (state.sheetNamed(sheet.name)) throw new ModelError('ItemAlreadyExists', WHERE, `the sheet "${sheet.name}" exists`);
    for (const table of sheet.tables) {
      if (state.tableNamed(table.name) || state.nameNamed(table.name)) throw new ModelError('ItemAlreadyExists', WHERE, `the name "${table.name}" is taken`);
    }
  }
  const ids = chosen.map((source) => {
    const sheet = state.addSheet(source.name);
    for (const cell of source.cells) sheet.set(cell.row - 1, cell.col - 1, modelCell(cell));
    for (const table of source.tables) state.tables.push(tableState(state.newId('{table-'), sheet, table));
    return sheet.id;
  });
  state.touch();
  return ids;
}

function readSource(base64: string): SheetContents[] {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(base64);
  } catch {
    throw new ModelError('InvalidArgument', WHERE, 'the text is not base64');
  }
  try {
    return readSheetContents(bytes, 'The workbook to insert');
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new ModelError('InvalidArgument', WHERE, error.reason);
    throw error;
  }
}

function modelCell(cell: SheetContents['cells'][number]): Cell {
  const value = cell.value ?? (cell.formula ? '#NAME?' : '');
  return { value, ...(cell.formula ? { formula: cell.formula } : {}), ...(cell.date ? { format: ISO_DATE_FORMAT } : {}) };
}

function tableState(id: string, sheet: TableState['sheet'], table: SheetContents['tables'][number]): TableState {
  const rows = table.ref.bottom - table.ref.top + 1;
  const showHeaders = table.headerRowCount > 0;
  const showTotals = table.totalsRowCount > 0;
  return {
    id,
    name: table.name,
    sheet,
    top: table.ref.top - 1,
    left: table.ref.left - 1,
    columns: table.columns,
    bodyRows: Math.max(1, rows - (showHeaders ? 1 : 0) - (showTotals ? 1 : 0)),
    showHeaders,
    showTotals,
  };
}
