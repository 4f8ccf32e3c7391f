/** Every note the writer gives, in one place. A note says what was not written and why. */

/** A sheet name as a reference shows it: quoted unless it is a plain word. */
function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

export const writeNoteMessages = {
  sheetMissing: (sheet: string) => `Sheet "${sheet}" was not found; nothing was written for it.`,
  tableMissing: (table: string, sheet: string) =>
    `Table "${table}" was not found on sheet "${sheet}"; nothing was written for it.`,
  dataSourceTable: (table: string) =>
    `Table "${table}" is linked to a data query or XML map; KPI Align does not add columns to it.`,
  sheetHasTables: (sheet: string) =>
    `Sheet "${sheet}" holds Excel tables, so its cells outside them were not written; name a table instead.`,
  emptySheet: (sheet: string) => `Sheet "${sheet}" has no header row; nothing was written.`,
  noRoom: (what: string, count: number) =>
    `There is no room for ${count} more columns right of ${what}; it was left unchanged.`,
  cellInTheWay: (sheet: string, cell: string, what: string) =>
    `Cell ${sheetRef(sheet)}!${cell} is not empty and the new columns of ${what} would cover it; ${what} was left unchanged.`,
  tableInTheWay: (other: string, what: string) =>
    `Table "${other}" is where the new columns of ${what} would go; ${what} was left unchanged.`,
  mergeInTheWay: (range: string, what: string) =>
    `Merged cells ${range} are where the new columns of ${what} would go; ${what} was left unchanged.`,
  writtenTwice: (what: string) => `The columns of ${what} were given twice; only the first were written.`,
  rowCount: (what: string, header: string, rows: number, values: number) =>
    `${what[0].toUpperCase()}${what.slice(1)} has ${rows} data rows but ${values} values were given for "${header}"; ` +
    (values > rows ? 'the extra values were not written.' : 'the rows without a value were left empty.'),
  emptyHeader: (what: string) => `A column without a header cannot be added to ${what}; it was skipped.`,
  noStyles: () => 'The workbook has no cell formats (styles.xml), so numbers were written without a percent or date format.',
};
