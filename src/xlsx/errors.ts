/** Why a workbook could not be read at all. Problems inside a readable workbook are never thrown. */
export type WorkbookReadErrorKind = 'not-a-workbook' | 'encrypted-or-xls' | 'not-excel' | 'damaged' | 'empty' | 'not-text';

/**
 * Thrown when the bytes are not a readable .xlsx package. `reason` is a whole
 * sentence for the user that names the workbook, e.g.
 * "budget.xlsx is password-protected or an old .xls file; save it as an unprotected .xlsx".
 */
export class WorkbookReadError extends Error {
  readonly kind: WorkbookReadErrorKind;
  readonly reason: string;

  constructor(kind: WorkbookReadErrorKind, reason: string) {
    super(reason);
    this.name = 'WorkbookReadError';
    this.kind = kind;
    this.reason = reason;
  }
}

/** The user-facing sentences, one place for all of them. */
export const readErrorReasons = {
  notAWorkbook: (workbook: string) => `${workbook} is not an .xlsx workbook`,
  encryptedOrXls: (workbook: string) =>
    `${workbook} is password-protected or an old .xls file; save it as an unprotected .xlsx`,
  notExcel: (workbook: string) => `${workbook} is a zip file but not an Excel workbook`,
  binaryWorkbook: (workbook: string) => `${workbook} is a binary .xlsb workbook; save it as an .xlsx`,
  damaged: (workbook: string, detail: string) => `${workbook} is damaged: ${detail}`,
  emptyFile: (file: string) => `${file} is empty: it holds no rows to check`,
  notText: (file: string) =>
    `${file} is not a text file, so not a .csv (it holds binary data); export the sheet from Excel as "CSV UTF-8"`,
};
