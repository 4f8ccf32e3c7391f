/**
 * `--write OUT.xlsx`: a copy of the input with the computed columns of spec section 6, written
 * atomically (a temporary file beside the output, then a rename) and never over the input itself.
 * The temporary file is removed on failure and on SIGINT, SIGTERM and SIGHUP; one left by a run
 * that was killed outright is removed by the next write of the same output.
 */

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
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

/** The signals that stop a run from a terminal or a service manager; SIGKILL cannot be caught. */
const STOPPING_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * `.OUT.xlsx.<pid>-<random>.tmp`: hidden, beside the output, and naming the process that writes it,
 * so that a later run can tell a file left by a killed run from one another run is writing now.
 */
const temporaryName = (output: string) => `.${basename(output)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;

function temporaryPattern(output: string): RegExp {
  const name = basename(output).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\.${name}\\.(\\d+)-[0-9a-f]{12}\\.tmp$`);
}

/** Writes a temporary file beside `path`, syncs it and renames it: a half-written file never appears. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  await removeStaleTemporaries(path);
  const temporary = join(dirname(path), temporaryName(path));
  // A signal ends the process here and now: remove the temporary file, then die of the signal as usual.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(temporary, { force: true });
    stopListening();
    process.kill(process.pid, signal);
  };
  const stopListening = () => STOPPING_SIGNALS.forEach((signal) => process.off(signal, onSignal));
  STOPPING_SIGNALS.forEach((signal) => process.on(signal, onSignal));
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
  } finally {
    stopListening();
  }
}

/** Removes our temporary files for this output whose process has ended (killed before it could clean up). */
async function removeStaleTemporaries(output: string): Promise<void> {
  const pattern = temporaryPattern(output);
  let names: string[];
  try {
    names = await readdir(dirname(output));
  } catch {
    return; // the folder is missing or unreadable: writing will say so
  }
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid !== undefined && !isRunning(Number(pid))) await rm(join(dirname(output), name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
