/** Reading and writing .xlsx workbooks without Excel: bytes in, bytes out, no file system (it also runs in the task pane). */
export { readWorkbook, readWorkbookContents } from './read';
export type { WorkbookContents } from './read';
export { writeComputedColumns } from './write';
export type { ColumnFormat, ColumnWrite, TableWrite, WriteNote, WriteResult } from './write';
export { WorkbookReadError } from './errors';
export type { WorkbookReadErrorKind } from './errors';
