/** The Excel adapter: the task pane's only way to Excel. */

export { createKpiAlignWorkbook } from './workbook';
export type { AdapterOptions } from './workbook';
export type { RetryOptions } from './office-errors';
export { capabilitiesOf, REQUIRED_EXCEL_API } from './capabilities';
export { READ_CELLS_PER_SYNC, WRITE_BYTES_PER_SYNC } from './payload';
export { PERCENT_FORMAT } from './cells';
export * from './types';
