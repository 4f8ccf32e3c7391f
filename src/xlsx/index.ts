/** Reading and writing .xlsx and .xlsm workbooks, and reading .csv files, without Excel: bytes in, bytes out, no file system (it also runs in the task pane). */
export { readWorkbook, readWorkbookContents } from './read';
export type { WorkbookContents } from './read';
export { writeComputedColumns } from './write';
export type { ColumnFormat, ColumnWrite, TableWrite, WriteNote, WriteResult } from './write';
export { writeTeamTemplate, listRange, VALIDATION_LAST_ROW } from './template';
export { WorkbookReadError } from './errors';
export type { WorkbookReadErrorKind } from './errors';
export { prepareImport, PlanMismatchError } from './rename';
export type { PreparedWorkbook } from './rename';
export { bytesToBase64, base64ToBytes } from './base64';
export { readSheetContents } from './sheet-contents';
export type { SheetContents, ContentCell, ContentTable } from './sheet-contents';
export { readCsvContents, decodeCsv, parseCsv, csvSheetName, europeanNumber, isCsvFile, isWorkbookBytes, CSV_DELIMITERS } from './csv';
export type { CsvContents, CsvDelimiter, CsvEncoding } from './csv';
