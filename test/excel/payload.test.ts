/** How rows are shared out over syncs (src/excel/payload.ts). */

import { halve, packRows } from '../../src/excel/payload';

test('rows are packed into syncs by their cost, in order, a costly row alone', () => {
  const item = (name: string, costs: number[]) => ({ item: name, rows: costs.length, cost: (row: number) => costs[row] });
  expect(packRows([item('a', [4, 4, 4]), item('b', [4, 20, 1])], 10)).toEqual([
    [{ item: 'a', start: 0, count: 2 }],
    [{ item: 'a', start: 2, count: 1 }, { item: 'b', start: 0, count: 1 }],
    [{ item: 'b', start: 1, count: 1 }],
    [{ item: 'b', start: 2, count: 1 }],
  ]);
  expect(packRows([item('a', [1, 1])], 10, 9)).toEqual([[{ item: 'a', start: 0, count: 1 }], [{ item: 'a', start: 1, count: 1 }]]);
  expect(packRows([], 10)).toEqual([[]]);
  expect(halve([{ item: 'a', start: 0, count: 3 }, { item: 'b', start: 5, count: 2 }])).toEqual([
    [{ item: 'a', start: 0, count: 2 }],
    [{ item: 'a', start: 2, count: 1 }, { item: 'b', start: 5, count: 2 }],
  ]);
  expect(halve([{ item: 'a', start: 4, count: 1 }])).toBeNull();
});
