/**
 * The columns KPI Align writes into each cascade table (spec section 6), one descriptor each: its
 * header, how its numbers show, how wide a new one is, its colours, and its cell for a row. Every
 * host writes from this list (through `computedColumns`) and no host names a column, so a new
 * column is one descriptor here plus the computation of its value.
 */

import type { CellValue, NodeReport, Status } from './types';

/** How a column's cells show: ratios as percentages, texts as texts (never formulas), TRUE/FALSE as booleans. */
export type ColumnFormat = 'percent' | 'text' | 'boolean';

/** A fill and a font colour, "#RRGGBB". */
export interface CellColors {
  fill: string;
  font: string;
}

export interface WrittenColumn {
  header: string;
  format: ColumnFormat;
  /** A new column's width in characters, where the host sets one (the checker's file). */
  width: number;
  /**
   * Colours by cell value, where the host draws them (the add-in, as one conditional format per
   * value, so that a person who edits a cell sees the colour follow). Values match case-insensitively.
   */
  colors?: Readonly<Record<string, CellColors>>;
  /** The cell of a node's row; null leaves it empty. */
  value: (node: NodeReport) => CellValue;
  /** The cell of a row that is not a node (a blank row, a row without an ID), from its issue codes; empty when absent. */
  otherRow?: (codes: readonly string[]) => CellValue;
}

/**
 * The colours of Excel's own Good / Neutral / Bad cell styles (and a grey for No data). Each sets the
 * fill and the font together, so the text's contrast does not depend on the theme: 4.7:1 to 8.9:1 in
 * light and dark themes alike (WCAG AA asks 4.5:1). How Excel's dark grid (Microsoft 365's dark cell
 * background) shows explicit fills is not documented; these pale fills stay readable.
 */
export const STATUS_COLORS: Readonly<Record<Status, CellColors>> = {
  Achieved: { fill: '#C6EFCE', font: '#006100' },
  'On track': { fill: '#C6EFCE', font: '#006100' },
  'At risk': { fill: '#FFEB9C', font: '#9C5700' },
  'Off track': { fill: '#FFC7CE', font: '#9C0006' },
  'No data': { fill: '#EDEDED', font: '#404040' },
};

/** The codes of a row's own issues, as the Issues column shows them. */
const joinCodes = (codes: readonly string[]): CellValue => codes.join('; ') || null;

/** A number column's width, and a text column's unless it says otherwise (the checker's defaults before the descriptors). */
const NUMBER_WIDTH = 12;
const TEXT_WIDTH = 24;

/** In the order they are written, left to right. */
export const WRITTEN_COLUMNS = [
  { header: 'Progress', format: 'percent', width: NUMBER_WIDTH, value: (node) => node.progress },
  { header: 'Score', format: 'percent', width: NUMBER_WIDTH, value: (node) => node.score },
  { header: 'Expected', format: 'percent', width: NUMBER_WIDTH, value: (node) => node.expected },
  { header: 'Status', format: 'text', width: TEXT_WIDTH, colors: STATUS_COLORS, value: (node) => node.status },
  { header: 'Contribution', format: 'percent', width: NUMBER_WIDTH, value: (node) => node.contribution },
  { header: 'Aligned', format: 'boolean', width: NUMBER_WIDTH, value: (node) => node.aligned },
  // The alignment path is the one long text.
  { header: 'Path', format: 'text', width: 40, value: (node) => node.path },
  { header: 'Issues', format: 'text', width: TEXT_WIDTH, value: (node) => joinCodes(node.issues), otherRow: joinCodes },
] as const satisfies readonly WrittenColumn[];

export type WrittenHeader = (typeof WRITTEN_COLUMNS)[number]['header'];
