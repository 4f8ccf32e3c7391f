/**
 * `--write OUT.xlsx`: a copy of the input with the computed columns of spec section 6, written
 * atomically (a temporary file beside the output, then a rename) and never over the input itself.
 */

import { randomBytes } from 'node:crypto';
import { open, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CascadeReport, computedColumns, SourceTable, WRITTEN_COLUMNS, type WrittenColumn } from '../core';
import { TableWrite, writeComputedColumns, WriteNote } from '../xlsx';
import { InputError } from './load';

/** Whether two paths name the same file (also through a link or another spelling). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [first, second] = await Promise.all([stat(a), stat(b)]);
    return first.dev === second.dev && first.ino === second.ino;
  } catch {
    return false;
  }
}

export async function writeResults(
  input: string, bytes: Uint8Array, tables: SourceTable[], report: CascadeReport, output: string,
): Promise<WriteNote[]> {
  if (await sameFile(input, output)) {
    throw new InputError(`--write ${output} would overwrite the input workbook; name a new file.`);
  }
  const result = writeComputedColumns(bytes, tableWrites(report, tables));
  await writeAtomically(output, result.bytes);
  return result.notes;
}

/** What `--write` writes into each cascade table: the computed columns, each as wide as its descriptor says. */
export function tableWrites(
  report: CascadeReport, tables: readonly SourceTable[], columns: readonly WrittenColumn[] = WRITTEN_COLUMNS,
): TableWrite[] {
  return tables
    .map((table) => ({ sheet: table.sheet, table: table.table, columns: computedColumns(report, table, columns) }))
    .filter((write) => write.columns.length > 0);
}

/** Writes a temporary file beside `path`, syncs it and renames it: a half-written file never appears. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await holdForTests();
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw new InputError(`${path} could not be written: ${why}. Nothing was written.`);
  }
}

/**
 * A test seam, read by nothing but test/cli/write-signals.test.ts: with KPI_ALIGN_TEST_HOLD_TEMPORARY
 * set, the complete temporary file waits up to a minute before its rename, so that a test can
 * signal the checker at that point deterministically.
 */
async function holdForTests(): Promise<void> {
  if (process.env.KPI_ALIGN_TEST_HOLD_TEMPORARY) await new Promise((resolve) => setTimeout(resolve, 60_000));
}
