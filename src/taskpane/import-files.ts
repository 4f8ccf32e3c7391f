/**
 * Importing team workbooks, the pane's side: the chosen files are read in the browser with the
 * repo's .xlsx reader, planned against the workbook as it is now (nothing changes), and, once the
 * person confirms, renamed as the plan says and handed to the adapter as base64. The reader is a
 * chunk loaded on the first import: most sessions never import, and the pane's first load stays small.
 */

import { planImport, type ImportPlan, type IncomingWorkbook } from '../core';
import type { KpiAlignWorkbook, PreparedImport } from '../excel/types';

type XlsxModule = typeof import('../xlsx');
const loadXlsx = (): Promise<XlsxModule> => import(/* webpackChunkName: "xlsx-reader" */ '../xlsx');

/** A file the person chose, read into memory. */
export interface ChosenWorkbook {
  file: string;
  bytes: Uint8Array;
}

export async function readChosenFiles(files: readonly File[]): Promise<ChosenWorkbook[]> {
  return Promise.all(files.map(async (file) => ({ file: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}

/** Reads one chosen workbook; a file that cannot be read becomes an entry with its error, never a crash. */
export function incomingWorkbook(xlsx: XlsxModule, { file, bytes }: ChosenWorkbook): IncomingWorkbook {
  try {
    const contents = xlsx.readWorkbookContents(bytes, file);
    return { file, tables: contents.tables, sheets: contents.sheets };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, tables: [], sheets: [], error: reason };
  }
}

/** What importing the chosen workbooks would do to this workbook as it is now. */
export async function planImportInto(workbook: KpiAlignWorkbook, chosen: readonly ChosenWorkbook[]): Promise<ImportPlan> {
  const [xlsx, tables, names] = await Promise.all([loadXlsx(), workbook.readCascade(), workbook.listNames()]);
  return planImport({ tables, sheets: names.sheets, tableNames: names.tables }, chosen.map((one) => incomingWorkbook(xlsx, one)));
}

/** Each planned file's bytes with the sheets and tables renamed as the plan says. */
export async function preparedImports(chosen: readonly ChosenWorkbook[], plan: ImportPlan): Promise<PreparedImport[]> {
  const xlsx = await loadXlsx();
  const bytesOf = new Map(chosen.map((workbook) => [workbook.file, workbook.bytes]));
  return plan.files
    .filter((planned) => planned.sheets.length > 0)
    .map((planned) => {
      const bytes = bytesOf.get(planned.file);
      if (!bytes) throw new Error(`The plan names "${planned.file}", which was not chosen.`);
      return { file: planned.file, ...xlsx.prepareImport(bytes, planned) };
    });
}
