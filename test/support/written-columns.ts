/**
 * The written columns as a later version might have them: every header changed, the order reversed
 * and one column more ("Trend", with colours of its own). A host that named a column ("Path" is
 * wide, "Status" is coloured, "Issues" fills the rows that are not nodes) or counted on a position
 * writes these wrongly, so the host tests that write them prove that a column is one descriptor.
 */

import { WRITTEN_COLUMNS, type NodeReport, type WrittenColumn } from '../../src/core';

export const TREND: WrittenColumn = {
  header: 'Trend',
  format: 'text',
  width: 31,
  colors: { Up: { fill: '#DDEEFF', font: '#002244' }, Down: { fill: '#FFEEDD', font: '#442200' } },
  value: (node: NodeReport) => (node.score === null || node.expected === null ? null : node.score >= node.expected ? 'Up' : 'Down'),
  otherRow: () => 'not a KPI',
};

/** "Result 1" … for each of today's columns, last first, then TREND. */
export const RENAMED_WITH_TREND: WrittenColumn[] = [
  ...WRITTEN_COLUMNS.map((column, index) => ({ ...column, header: `Result ${index + 1}` })).reverse(),
  TREND,
];
