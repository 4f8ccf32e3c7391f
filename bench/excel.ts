/**
 * The Excel adapter against the in-memory Excel model (src/preview/excel-model) on generated
 * cascades: for read, write (first time, columns added), rewrite (in place) and remove, the syncs,
 * the largest payload of one sync (request plus response), the total payload, and the time in the
 * model. The model's time is not Excel's: in Excel each sync is a round trip (tens to hundreds of
 * milliseconds on the web) and the values are written by Excel itself; the syncs and the payloads
 * are what carry over.
 */

import { performance } from 'node:perf_hooks';
import { checkTables, settingsOrThrow, type CascadeReport, type SourceTable } from '../src/core';
import { createKpiAlignWorkbook } from '../src/excel';
import { createWorkbookModel, WEB_PAYLOAD_LIMIT_BYTES, workbookSpecFromTables, type WorkbookModel } from '../src/preview/excel-model';
import { generateCascade, GENERATED_AS_OF } from './generate-cascade';
import { median } from './measure';
import { BenchmarkSection, formats, Goal, Row } from './section';

const SIZES = [1_000, 10_000, 50_000];
const SEED = 20261123;
const OPERATIONS = ['read', 'write', 'rewrite', 'remove'] as const;
type Operation = (typeof OPERATIONS)[number];

interface Measured {
  syncs: number;
  largest: number;
  total: number;
  ms: number;
}

/** A fresh model in the state the operation starts from; building it is not timed. */
async function prepared(tables: SourceTable[], operation: Operation, report: CascadeReport): Promise<WorkbookModel> {
  const model = createWorkbookModel(workbookSpecFromTables(tables));
  if (operation === 'rewrite' || operation === 'remove') {
    const workbook = createKpiAlignWorkbook(model.host);
    await workbook.writeResults(report, await workbook.readCascade());
  }
  model.stats.reset();
  return model;
}

async function runOnce(model: WorkbookModel, operation: Operation, report: CascadeReport, read: SourceTable[]): Promise<number> {
  const workbook = createKpiAlignWorkbook(model.host);
  const start = performance.now();
  if (operation === 'read') await workbook.readCascade();
  else if (operation === 'remove') await workbook.removeResults();
  else await workbook.writeResults(report, read);
  return performance.now() - start;
}

async function measure(tables: SourceTable[], operation: Operation, report: CascadeReport, runs: number): Promise<Measured> {
  const samples: number[] = [];
  let last: WorkbookModel | null = null;
  const read = await createKpiAlignWorkbook(createWorkbookModel(workbookSpecFromTables(tables)).host).readCascade();
  for (let run = 0; run <= runs; run++) {
    const model = await prepared(tables, operation, report);
    const ms = await runOnce(model, operation, report, read);
    if (run > 0) samples.push(ms); // the first run warms up
    last = model;
  }
  const stats = (last as WorkbookModel).stats;
  return {
    syncs: stats.syncs,
    largest: Math.max(0, ...stats.payloads),
    total: stats.payloads.reduce((sum, bytes) => sum + bytes, 0),
    ms: median(samples.sort((a, b) => a - b)),
  };
}

export const excelBenchmark: BenchmarkSection = {
  name: 'excel',
  async run(context) {
    const settings = settingsOrThrow({ asOf: GENERATED_AS_OF });
    const rows: Row[] = [];
    for (const nodes of context.sizes ?? SIZES) {
      const tables = generateCascade({ nodes, seed: SEED });
      const report = checkTables(tables, settings);
      const runs = nodes >= 50_000 ? 3 : 5;
      for (const [index, operation] of OPERATIONS.entries()) {
        const measured = await measure(tables, operation, report, runs);
        rows.push({ rows: nodes, operation: index, ...measured });
      }
    }
    const reads = rows.filter((row) => row.operation === 0);
    const largest = Math.max(...rows.map((row) => row.largest as number));
    const goals: Goal[] = [
      {
        description: 'reading takes at most 3 syncs at every size',
        met: reads.every((row) => (row.syncs as number) <= 3),
        measured: reads.map((row) => `${row.syncs} at ${(row.rows as number).toLocaleString('en-US')}`).join(', '),
      },
      {
        description: "no sync's payload comes near Excel on the web's 5 MB (under 80 %)",
        met: largest < 0.8 * WEB_PAYLOAD_LIMIT_BYTES,
        measured: `${(largest / 1024).toFixed(0)} KB`,
      },
    ];
    return {
      title: 'Excel adapter against the Excel model: syncs and payloads per operation (generated cascade, 20 columns; medians)',
      columns: [
        { key: 'rows', heading: 'rows', format: formats.integer },
        { key: 'operation', heading: 'operation', format: (value) => OPERATIONS[value] },
        { key: 'syncs', heading: 'syncs', format: formats.integer },
        { key: 'largest', heading: 'largest KB', format: (value) => (value / 1024).toFixed(0) },
        { key: 'total', heading: 'total KB', format: (value) => (value / 1024).toFixed(0) },
        { key: 'ms', heading: 'model ms', format: formats.ms },
      ],
      rows,
      goals,
      notes: [
        'payload: the JSON of a sync\'s queued actions (request) plus its loaded values (response), as the model estimates it.',
        'write: the first write (8 columns added); rewrite: the same columns rewritten in place; remove: the columns and markers deleted.',
        'read syncs = 1 + ceil(cells / 500,000); write syncs = 1 + ceil(bytes written / 1 MB) (src/excel/payload.ts).',
        'model ms is time spent in the adapter and the model, not in Excel: each sync is a round trip in Excel.',
      ],
    };
  },
};
