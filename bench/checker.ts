/**
 * The checker end to end on generated .xlsx workbooks: `kpi-align check FILE --json` as a user runs
 * it (a fresh Node process, start-up included), and in-process by stage (read, check, report, write).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkTables, computedColumns, settingsOrThrow } from '../src/core';
import { readWorkbook, writeComputedColumns } from '../src/xlsx';
import { generateCascade, GENERATED_AS_OF } from './generate-cascade';
import { median, time } from './measure';
import { BenchmarkSection, formats, Row } from './section';
import { workbookFromTables } from './workbook';

const SIZES = [1_000, 10_000];
const SEED = 20261123;
const GOAL_ROWS = 10_000;
const GOAL_MS = 3_000;
const CLI = join(__dirname, '..', '..', 'bin', 'kpi-align.js');

function wallClock(command: () => void, runs: number): number {
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    command();
    samples.push(performance.now() - start);
  }
  return median(samples.sort((a, b) => a - b));
}

export const checkerBenchmark: BenchmarkSection = {
  name: 'checker',
  run(context) {
    const folder = mkdtempSync(join(tmpdir(), 'kpi-align-bench-'));
    const settings = settingsOrThrow({ asOf: GENERATED_AS_OF });
    const rows: Row[] = [];
    try {
      for (const nodes of context.sizes ?? SIZES) {
        const file = join(folder, `cascade-${nodes}.xlsx`);
        writeFileSync(file, workbookFromTables(generateCascade({ nodes, seed: SEED })));
        const bytes = readFileSync(file);
        const tables = readWorkbook(bytes, file);
        const report = checkTables(tables, settings);
        const writes = tables.map((table) => ({ sheet: table.sheet, table: table.table, columns: computedColumns(report, table) }));

        const read = time(() => readWorkbook(bytes, file), 5);
        const check = time(() => checkTables(tables, settings), 5);
        const json = time(() => JSON.stringify(report), 5);
        const write = time(() => writeComputedColumns(bytes, writes), 3);
        const runCli = (extra: string[]) => () =>
          void execFileSync(process.execPath, [CLI, 'check', file, '--json', '--as-of', GENERATED_AS_OF, ...extra], { stdio: ['ignore', 'ignore', 'ignore'] });
        // Exit status 1 (the cascade has errors) is not a failure here.
        const tolerant = (command: () => void) => () => {
          try {
            command();
          } catch (error) {
            if ((error as { status?: number }).status !== 1) throw error;
          }
        };
        const endToEnd = wallClock(tolerant(runCli([])), 5);
        const endToEndWrite = wallClock(tolerant(runCli(['--write', join(folder, `out-${nodes}.xlsx`)])), 3);
        rows.push({
          rows: nodes,
          fileBytes: bytes.length,
          read: read.median,
          check: check.median,
          json: json.median,
          write: write.median,
          endToEnd,
          endToEndWrite,
        });
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const goalRow = rows.find((row) => row.rows === GOAL_ROWS);
    return {
      title: 'Checker: kpi-align check on generated .xlsx workbooks (one table per level; medians)',
      columns: [
        { key: 'rows', heading: 'rows', format: formats.integer },
        { key: 'fileBytes', heading: 'file MB', format: formats.mb },
        { key: 'read', heading: 'read ms', format: formats.ms },
        { key: 'check', heading: 'check ms', format: formats.ms },
        { key: 'json', heading: 'json ms', format: formats.ms },
        { key: 'write', heading: 'write ms', format: formats.ms },
        { key: 'endToEnd', heading: 'cli --json ms', format: formats.ms },
        { key: 'endToEndWrite', heading: 'cli --write ms', format: formats.ms },
      ],
      rows,
      goals: goalRow
        ? [{ description: `the checker end to end on a ${GOAL_ROWS.toLocaleString('en-US')}-row workbook in under ${GOAL_MS.toLocaleString('en-US')} ms`, met: (goalRow.endToEnd as number) < GOAL_MS, measured: `${Math.round(goalRow.endToEnd as number)} ms` }]
        : [],
      notes: [
        'read/check/json/write: in-process stages (readWorkbook, checkTables, JSON.stringify, writeComputedColumns).',
        'cli: a fresh `node bin/kpi-align.js check FILE --json` process, Node start-up included; --write adds writing the copy.',
      ],
    };
  },
};
