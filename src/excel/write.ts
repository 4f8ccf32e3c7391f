/**
 * Writes the computed columns of spec section 6 into every cascade table, only into columns KPI
 * Align made (the ownership marker), so that a rerun rewrites them in place.
 *
 * Sync 1 looks at every table to write (write-plan.ts). The following syncs write: each starts by
 * suspending calculation, the first also records the markers, adds the new columns and sets the
 * colours of the columns that have them (Status's), and then come the values and percent formats
 * in blocks of rows packed to at most WRITE_BYTES_PER_SYNC (payload.ts). The marker goes before the columns it lists: should the write
 * stop half way, a second write finds those columns marked as ours instead of adding another set.
 * The last sync also guards our columns' data cells (with ExcelApi 1.8): a data validation that
 * refuses typing, see guardColumns. It is not packed: about 1 KB a run of adjacent columns (one run a
 * table as writing leaves them; 4.8 KB for the example's five), so even hundreds of tables stay far
 * inside the 4 MB that WRITE_BYTES_PER_SYNC leaves below Excel on the web's 5 MB.
 * Every row of a range is written, hidden or not, so that a filtered table gets its values in the
 * right rows: `Range.values` sets every cell of the range, visible or not (not documented; the model
 * assumes it, and a filtered table is tested).
 */

import {
  computedColumns, GUARD_RULE, GUARD_TEXT, WRITTEN_COLUMNS, type CascadeReport, type OwnershipMarker, type SourceTable, type WrittenColumn,
} from '../core';
import { equalsTextRule } from './cells';
import { markersFrom } from './ownership';
import { packRows, WRITE_BYTES_PER_SYNC, type RowBlock } from './payload';
import type { ProgressListener, WriteOutcome } from './types';
import { inspect, planTable, type TablePlan, type WriteJob } from './write-plan';

/** What the first write sync carries for one table besides its values: column adds, colours, the marker. */
const STRUCTURE_BYTES_PER_TABLE = 4_000;

/** The guard's rule (src/core/footprint.ts) as the API takes it: with its `=`. The API documents no local form for it (assumed English). */
export const GUARD_FORMULA = `=${GUARD_RULE}`;

/** The tables to write and their computed columns; `columns` is for tests that add one. */
export function writeJobs(report: CascadeReport, tables: readonly SourceTable[], columns: readonly WrittenColumn[] = WRITTEN_COLUMNS): WriteJob[] {
  return tables
    .filter((source): source is SourceTable & { table: string } => source.table !== null)
    .map((source) => ({ source, columns: computedColumns(report, source, columns) }))
    .filter((job) => job.columns.length > 0);
}

export async function writeTables(
  context: Excel.RequestContext,
  jobs: WriteJob[],
  canResize: boolean,
  canGuard: boolean,
  onProgress: ProgressListener,
): Promise<WriteOutcome> {
  onProgress(0, 0, 'Looking at the tables…');
  const names = context.workbook.names.load('items/name,items/formula,items/visible');
  const inspections = jobs.map((job) => inspect(context, job));
  await context.sync();

  const markers: OwnershipMarker[] = markersFrom(names.items.map((item) => ({ name: item.name, formula: item.formula, visible: item.visible })));
  const plans: TablePlan[] = [];
  const skipped: WriteOutcome['skipped'] = [];
  for (const found of inspections) {
    const plan = planTable(found, markers, canResize);
    if (typeof plan === 'string') skipped.push({ table: found.job.source.table, reason: plan });
    else plans.push(plan);
  }
  if (plans.length === 0) return { tables: [], skipped, rows: 0 };

  const syncs = packRows(
    plans.map((plan) => ({ item: plan, rows: plan.rows, cost: (row: number) => plan.rowBytes[row] })),
    WRITE_BYTES_PER_SYNC,
    STRUCTURE_BYTES_PER_TABLE * plans.length,
  );
  const total = 1 + syncs.length;
  for (const [index, blocks] of syncs.entries()) {
    onProgress(1 + index, total, progressStep(blocks));
    context.workbook.application.suspendApiCalculationUntilNextSync();
    if (index === 0) for (const plan of plans) writeStructure(context, plan);
    for (const block of blocks) writeBlock(block);
    if (canGuard && index === syncs.length - 1) for (const plan of plans) guardColumns(plan);
    await context.sync();
  }
  onProgress(total, total, 'Results written');
  return {
    tables: plans.map((plan) => plan.job.source.table),
    skipped,
    rows: plans.reduce((sum, plan) => sum + plan.rows, 0),
  };
}

/** What the next sync writes, for the progress bar: "Writing DeptKPIs, TeamSales…". */
function progressStep(blocks: RowBlock<TablePlan>[]): string {
  const names = [...new Set(blocks.map((block) => block.item.job.source.table))];
  return names.length === 0 ? 'Adding the columns…' : `Writing ${names.join(', ')}…`;
}

/** The marker first, then the new columns (write-plan.ts: Growth), then the columns' colours, such as Status's (cleared and set again on a rerun). */
function writeStructure(context: Excel.RequestContext, plan: TablePlan): void {
  if (plan.marker) {
    const item = plan.marker.exists
      ? context.workbook.names.getItem(plan.marker.definedName)
      : context.workbook.names.add(plan.marker.definedName, plan.marker.formula);
    if (plan.marker.exists) item.formula = plan.marker.formula;
    item.visible = false;
  }
  if (plan.growth === 'resize') {
    // The header cells first: the table names its new columns after them.
    plan.table.getHeaderRowRange().getColumnsAfter(plan.appended.length).values = [plan.appended.map((name) => `'${name}`)];
    plan.table.resize(plan.table.getRange().getResizedRange(0, plan.appended.length));
  }
  if (plan.growth === 'add') for (const name of plan.appended) plan.table.columns.add(undefined, undefined, name);
  if (plan.rows === 0) return;
  for (const { index, colors } of plan.colored) {
    const cells = plan.table.getDataBodyRange().getColumn(index);
    cells.conditionalFormats.clearAll();
    for (const [value, color] of Object.entries(colors)) {
      const rule = cells.conditionalFormats.add('CellValue').cellValue;
      rule.format.fill.color = color.fill;
      rule.format.font.color = color.font;
      rule.rule = equalsTextRule(value);
    }
  }
}

/** One block of rows: for each run of adjacent columns, formats first (they decide how values are read), then values. */
function writeBlock({ item: plan, start, count }: RowBlock<TablePlan>): void {
  const body = plan.table.getDataBodyRange();
  for (const run of plan.runs) {
    const range = body.getCell(start, run.start).getResizedRange(count - 1, run.width - 1);
    if (run.formats) range.numberFormat = Array.from({ length: count }, () => run.formats as (string | null)[]);
    range.values = run.cells.slice(start, start + count);
  }
}

/**
 * Each run of our columns' data cells gets a validation that refuses typing, with a prompt and a Stop
 * alert that say why and what to do. Excel validates only what a person types: a paste, the Delete
 * key and an add-in's writes (ours included) go through, so this guards against slips, not on
 * purpose. Cleared first, as Microsoft's samples do, so that a rerun replaces the guard.
 */
function guardColumns(plan: TablePlan): void {
  if (plan.rows === 0) return;
  const body = plan.table.getDataBodyRange();
  for (const run of plan.runs) {
    const validation = body.getColumn(run.start).getResizedRange(0, run.width - 1).dataValidation;
    validation.clear();
    validation.rule = { custom: { formula: GUARD_FORMULA } };
    validation.errorAlert = { showAlert: true, style: 'Stop', title: GUARD_TEXT.title, message: GUARD_TEXT.alert };
    validation.prompt = { showPrompt: true, title: GUARD_TEXT.title, message: GUARD_TEXT.prompt };
  }
}
