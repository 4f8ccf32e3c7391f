/**
 * Syncs and payloads for 10 and 50,000 rows (the generated cascade, 20 columns). Reading takes a
 * fixed number of syncs; writing grows with the bytes written, by the formula of src/excel/payload.ts;
 * no request or response comes near Excel on the web's 5 MB.
 */

import { checkTables } from '../../src/core';
import { READ_CELLS_PER_SYNC, WRITE_BYTES_PER_SYNC } from '../../src/excel';
import { adapterFor, FIVE_MB, generatedModel, largest } from './support';

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

describe.each([10, 50_000])('%i rows', (rows) => {
  test('read, write, write again and remove stay within their sync formulas and far from 5 MB', async () => {
    const { model } = generatedModel(rows);
    const workbook = adapterFor(model);

    model.stats.reset();
    const tables = await workbook.readCascade();
    const cells = tables.reduce((total, table) => total + table.rows.length * table.header.length, 0);
    expect(model.stats.syncs).toBe(1 + Math.max(1, Math.ceil(cells / READ_CELLS_PER_SYNC)));
    expect(model.stats.syncs).toBeLessThanOrEqual(3);
    expect(largest(model.stats.payloads)).toBeLessThan(0.8 * FIVE_MB);

    const report = checkTables(tables, { asOf: '2026-07-01' });
    for (const pass of ['write', 'rewrite']) {
      model.stats.reset();
      const outcome = await workbook.writeResults(report, pass === 'write' ? tables : await rereadQuietly());
      expect(outcome.rows).toBe(rows);
      const written = sum(model.stats.requests.slice(1));
      // One sync to look, then one per megabyte written (a little over, for the column adds and colours).
      expect(model.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(written / WRITE_BYTES_PER_SYNC));
      expect(largest(model.stats.requests)).toBeLessThan(1.1 * WRITE_BYTES_PER_SYNC);
      expect(largest(model.stats.payloads)).toBeLessThan(0.25 * FIVE_MB);
    }

    model.stats.reset();
    await workbook.removeResults();
    // Two to remove the columns, two to look for issue marks (there are none to delete).
    expect(model.stats.syncs).toBe(4);

    async function rereadQuietly() {
      const again = await workbook.readCascade();
      model.stats.reset();
      return again;
    }
  }, 120_000);
});
