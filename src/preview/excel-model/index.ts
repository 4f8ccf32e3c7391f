/**
 * An in-memory model of the part of the Excel JavaScript API that KPI Align uses, with Excel's
 * semantics (proxies, load before read, counted syncs with estimated payloads, Excel's error codes),
 * for the adapter's tests, the benchmark and the browser preview. Pure TypeScript: no Node, no DOM.
 */

export { createWorkbookModel, WEB_PAYLOAD_LIMIT_BYTES } from './workbook-model';
export type { ModelOptions, WorkbookModel } from './workbook-model';
export { workbookSpecFromTables, BLANK_WORKBOOK } from './spec';
export type { WorkbookSpec, SheetSpec, TableSpec, NameSpec, CellSpec } from './spec';
export type { WorkbookSnapshot, SheetSnapshot, TableSnapshot, CellSnapshot } from './snapshot';
export type { SyncStats } from './context';
export type { Scalar } from './cells';
export { ModelError, ERROR_MESSAGES } from './errors';
export type { ErrorCode } from './errors';
