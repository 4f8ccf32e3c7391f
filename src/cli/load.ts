/**
 * Reads the files named on the command line into the engine's plain tables: a file named .csv is read
 * as CSV unless its bytes are a workbook (a zip, "PK", or an old compound file), which is read as a
 * workbook whatever its name; every other file (.xlsx, .xlsm) is read as a workbook.
 */

import { readFile, stat } from 'node:fs/promises';
import { isCsvFile, readCsvContents, readWorkbookContents, WorkbookContents, WorkbookReadError } from '../xlsx';

/** A workbook or .csv file the checker cannot read at all: exit status 2, with a sentence that says which and why. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: 'does not exist',
  EACCES: 'cannot be opened: permission denied',
  EPERM: 'cannot be opened: permission denied',
  EISDIR: 'is a folder, not a workbook',
  EBUSY: 'is locked by another program; close it and try again',
};

export async function readWorkbookFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`${path} ${FILE_PROBLEMS[code] ?? `cannot be read: ${(error as Error).message}`}.`);
  }
}

/** The cascade tables and plain sheets of one workbook or .csv file, each naming the file as it was given, and its stored settings. */
export function contentsOf(bytes: Uint8Array, path: string): WorkbookContents {
  try {
    return isCsvFile(bytes, path) ? readCsvContents(bytes, path) : readWorkbookContents(bytes, path);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw new InputError(`${error.reason}.`);
    throw error;
  }
}
