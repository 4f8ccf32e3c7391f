/**
 * How much goes into one `context.sync`. Excel on the web refuses a request or a response larger
 * than 5 MB ("Resource limits and performance optimization for Office Add-ins"); Excel on Windows
 * and on the Mac document no limit, and the adapter keeps to the web's everywhere.
 *
 * Reading: at most READ_CELLS_PER_SYNC cells a sync. A scorecard's cells take 7 to 8 bytes each in
 * Excel's JSON (numbers, IDs, short texts; the generated 20-column cascade: 7.4), so 500,000 cells
 * come to about 4 MB. A response that is larger anyway (long texts) is refused by Excel; the read
 * then splits that sync's rows in two and asks again.
 *
 *     read syncs = 1 + max(1, ceil(cells / 500,000))        cells = data rows × columns read
 *
 * Writing: the values and number formats of each row are measured as the JSON they travel as, and
 * rows are packed into syncs of at most WRITE_BYTES_PER_SYNC. One megabyte leaves room for what
 * Excel's request format adds (object paths, action ids) and never comes near the limit.
 *
 *     write syncs = 1 + max(1, ceil(bytes / 1,000,000))     bytes ≈ 150–170 a row for the 8 columns
 */

export const READ_CELLS_PER_SYNC = 500_000;
export const WRITE_BYTES_PER_SYNC = 1_000_000;

export interface RowBlock<T> {
  item: T;
  /** The first row (0-based, in the item's data rows) and how many. */
  start: number;
  count: number;
}

export interface Packable<T> {
  item: T;
  rows: number;
  /** What one row costs against the budget (cells, bytes). */
  cost(row: number): number;
}

/**
 * Splits the rows of several items, in order, into syncs of at most `budget`; `used` is what the
 * first sync already carries. A row costlier than the budget gets a sync of its own.
 */
export function packRows<T>(items: readonly Packable<T>[], budget: number, used = 0): RowBlock<T>[][] {
  const syncs: RowBlock<T>[][] = [[]];
  let room = budget - used;
  for (const { item, rows, cost } of items) {
    let start = 0;
    for (let row = 0; row < rows; row++) {
      const size = cost(row);
      if (size > room && (row > start || syncs[syncs.length - 1].length > 0)) {
        if (row > start) syncs[syncs.length - 1].push({ item, start, count: row - start });
        syncs.push([]);
        room = budget;
        start = row;
      }
      room -= size;
    }
    if (rows > start) syncs[syncs.length - 1].push({ item, start, count: rows - start });
  }
  return syncs;
}

/** Splits a sync's blocks in two halves of rows, for a retry after Excel refused the response as too large. */
export function halve<T>(blocks: readonly RowBlock<T>[]): [RowBlock<T>[], RowBlock<T>[]] | null {
  const total = blocks.reduce((sum, block) => sum + block.count, 0);
  if (total < 2) return null;
  let left = Math.floor(total / 2);
  const first: RowBlock<T>[] = [];
  const second: RowBlock<T>[] = [];
  for (const block of blocks) {
    if (left >= block.count) {
      first.push(block);
      left -= block.count;
    } else if (left > 0) {
      first.push({ ...block, count: left });
      second.push({ ...block, start: block.start + left, count: block.count - left });
      left = 0;
    } else second.push(block);
  }
  return [first, second];
}
