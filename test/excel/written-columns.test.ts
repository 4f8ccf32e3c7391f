/**
 * The add-in writes whatever columns the descriptors list: with every header changed, the order
 * reversed and a Trend column more (test/support/written-columns.ts), each column gets its header,
 * its cells, its colours and the guard, so nothing in the adapter is keyed by a column's name.
 */

import { checkTables, columnLetters, computedColumns, GUARD_TEXT, type CellColors } from '../../src/core';
import { writeJobs, writeTables } from '../../src/excel/write';
import { RENAMED_WITH_TREND, TREND } from '../support/written-columns';
import { columnCells, columnValues, tableOf } from './grid';
import { adapterFor, EXAMPLE_AS_OF, exampleModel } from './support';

const headers = RENAMED_WITH_TREND.map((column) => column.header);

describe.each(['1.12', '1.13'])('ExcelApi %s', (version) => {
  async function written() {
    const model = exampleModel({ supportedSets: { ExcelApi: version } });
    const tables = await adapterFor(model).readCascade();
    const report = checkTables(tables, { asOf: EXAMPLE_AS_OF });
    const jobs = writeJobs(report, tables, RENAMED_WITH_TREND);
    const outcome = await model.host.run((context) => writeTables(context, jobs, version === '1.13', true, () => undefined));
    return { snapshot: model.snapshot(), tables, report, outcome };
  }

  test("every cascade table gains the descriptors' columns, in their order, with their cells", async () => {
    const { snapshot, tables, report, outcome } = await written();
    expect(outcome.skipped).toEqual([]);
    for (const source of tables) {
      const name = source.table as string;
      expect(tableOf(snapshot, name).table.columns).toEqual([...source.header, ...headers]);
      for (const column of computedColumns(report, source, RENAMED_WITH_TREND)) {
        expect(columnValues(snapshot, name, column.header)).toEqual(column.values.map((value) => value ?? null));
      }
    }
  });

  test('each column with colours, and only those, shows its cells in them; every column is guarded', async () => {
    const { snapshot, tables } = await written();
    const seen = new Set<string>();
    for (const source of tables) {
      for (const column of RENAMED_WITH_TREND) {
        for (const cell of columnCells(snapshot, source.table as string, column.header)) {
          const colors: CellColors | undefined = column.colors?.[String(cell?.value)];
          expect({ header: column.header, fill: cell?.fill ?? null, font: cell?.font ?? null })
            .toEqual({ header: column.header, fill: colors?.fill ?? null, font: colors?.font ?? null });
          if (colors) seen.add(`${column.header}=${cell?.value}`);
        }
      }
      const { table, sheet, first, last } = tableOf(snapshot, source.table as string);
      for (let index = source.header.length; index < table.columns.length; index++) {
        for (let row = first.row + 1; row <= last.row; row++) {
          expect(sheet.validations[`${columnLetters(first.column + index)}${row}`]).toMatchObject({ errorAlert: { title: GUARD_TEXT.title } });
        }
      }
    }
    // The renamed Status column and Trend both drew their colours.
    expect([...seen].filter((entry) => entry.startsWith(`${TREND.header}=`)).length).toBe(2);
    expect([...seen].filter((entry) => !entry.startsWith(`${TREND.header}=`)).length).toBeGreaterThanOrEqual(3);
  });
});
