/**
 * Reads every Excel table of every sheet into the engine's plain tables.
 *
 * Sync 1 loads, for all tables at once through load paths, their names, sheets, row counts and
 * column names, and the workbook's names (the ownership marker). Sync 2 loads each table's address
 * and the values of its data rows; when the rows hold more than READ_CELLS_PER_SYNC cells, the
 * rest come in further syncs (payload.ts). KPI Align's own columns are not read: the engine never
 * reads them, and on a rerun they would be a third of what comes back. Hidden (filtered) rows are
 * read like the others: `Range.values` holds every row of the range.
 */

import { columnLetters, findMarker, type CellValue, type OwnershipMarker, type SourceTable } from '../core';
import { parseArea } from './addresses';
import { officeErrorCode } from './office-errors';
import { isOwned, markersFrom } from './ownership';
import { halve, packRows, READ_CELLS_PER_SYNC, type RowBlock } from './payload';

interface Layout {
  table: Excel.Table;
  name: string;
  sheet: string;
  sheetPosition: number;
  showHeaders: boolean;
  header: string[];
  rows: number;
  /** Runs of columns to read (start, width); KPI Align's own columns are left out. */
  spans: { start: number; width: number }[];
  values: CellValue[][];
  address: Excel.Range;
}

function spansOf(header: readonly string[], marker: OwnershipMarker | null): { start: number; width: number }[] {
  const spans: { start: number; width: number }[] = [];
  header.forEach((name, index) => {
    if (marker && isOwned(name, marker.headers)) return;
    const last = spans[spans.length - 1];
    if (last && last.start + last.width === index) last.width++;
    else spans.push({ start: index, width: 1 });
  });
  return spans;
}

/** Excel hands back "" for an empty cell; the engine's blank is null. */
function cell(value: unknown): CellValue {
  return value === '' || value === undefined ? null : (value as CellValue);
}

export async function readTables(context: Excel.RequestContext, readMarkers: boolean): Promise<SourceTable[]> {
  const tables = context.workbook.tables.load(
    'items/name,items/showHeaders,items/worksheet/name,items/worksheet/position,items/rows/count,items/columns/items/name',
  );
  const names = readMarkers ? context.workbook.names.load('items/name,items/formula') : null;
  await context.sync();

  if (tables.items.length === 0) return [];
  const markers = names ? markersFrom(names.items.map((item) => ({ name: item.name, formula: item.formula }))) : [];
  // A table's column names are its header cells' texts (Excel keeps them equal), so no header range is read.
  const layouts: Layout[] = tables.items.map((table) => {
    const header = table.columns.items.map((column) => column.name);
    const marker = findMarker(markers, table.worksheet.name, table.name);
    return {
      table,
      name: table.name,
      sheet: table.worksheet.name,
      sheetPosition: table.worksheet.position,
      showHeaders: table.showHeaders,
      header,
      rows: table.rows.count,
      spans: spansOf(header, marker),
      values: Array.from({ length: table.rows.count }, () => header.map(() => null as CellValue)),
      address: table.getRange(),
    };
  });

  const syncs = packRows(
    layouts.map((layout) => {
      const width = layout.spans.reduce((sum, span) => sum + span.width, 0);
      return { item: layout, rows: width === 0 ? 0 : layout.rows, cost: () => width };
    }),
    READ_CELLS_PER_SYNC,
  );
  const loadAddresses = () => layouts.forEach((layout) => layout.address.load('address'));
  for (const [index, blocks] of syncs.entries()) await loadBlocks(context, blocks, index === 0 ? loadAddresses : () => undefined);

  return layouts
    .map((layout) => ({ layout, area: parseArea(layout.address.address) }))
    .sort((a, b) => a.layout.sheetPosition - b.layout.sheetPosition || (a.area?.top ?? 0) - (b.area?.top ?? 0) || (a.area?.left ?? 0) - (b.area?.left ?? 0))
    .map(({ layout, area }) => ({
      sheet: layout.sheet,
      table: layout.name,
      origin: originOf(area, layout.showHeaders),
      header: layout.header,
      rows: layout.values,
    }));
}

/**
 * The header row's first cell; for a table whose header row is off, the row above its data, as the
 * checker does (a headerless table starting in row 1 has no such row: its origin stays in row 1).
 */
function originOf(area: ReturnType<typeof parseArea>, showHeaders: boolean): string {
  if (!area) return 'A1';
  return `${columnLetters(area.left)}${Math.max(1, showHeaders ? area.top : area.top - 1)}`;
}

/** Loads one sync's row blocks; when Excel finds the response too large, halves them and tries again. */
async function loadBlocks(context: Excel.RequestContext, blocks: RowBlock<Layout>[], alsoLoad: () => void): Promise<void> {
  alsoLoad();
  const loads = blocks.flatMap((block) =>
    block.item.spans.map((span) => ({
      block,
      span,
      range: block.item.table.getDataBodyRange().getCell(block.start, span.start).getResizedRange(block.count - 1, span.width - 1).load('values'),
    })),
  );
  try {
    await context.sync();
  } catch (error) {
    const halves = officeErrorCode(error) === 'ResponsePayloadSizeLimitExceeded' ? halve(blocks) : null;
    if (!halves) throw error;
    await loadBlocks(context, halves[0], alsoLoad);
    await loadBlocks(context, halves[1], () => undefined);
    return;
  }
  for (const { block, span, range } of loads) {
    range.values.forEach((row, r) => {
      const target = block.item.values[block.start + r];
      row.forEach((value, c) => (target[span.start + c] = cell(value)));
    });
  }
}
