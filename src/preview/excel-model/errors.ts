/**
 * The errors the model raises, with Excel's codes (`Excel.ErrorCodes`, `OfficeExtension.ErrorCodes`)
 * and the messages "Error handling with the Excel JavaScript API" gives for them, so that code under test sees what it would see in Excel:
 * `error.code`, `error.message` and `error.debugInfo.errorLocation`.
 */

export const ERROR_MESSAGES = {
  PropertyNotLoaded: 'The property is not available. Before reading the property\'s value, call the load method on the containing object and call "context.sync()" on the associated request context.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource being created already exists.',
  AccessDenied: 'You cannot perform the requested operation.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidOperationInCellEditMode:
    "The operation isn't available while Excel is in Edit cell mode. Exit Edit mode by using the ENTER or TAB keys, or by selecting another cell, and then try again.",
  ApiNotFound: 'The API you are trying to use could not be found. It may be available in a newer version of Excel.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  InsertDeleteConflict: 'The insert or delete operation attempted resulted in a conflict.',
  MergedRangeConflict: "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NonBlankCellOffSheet: "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  NotImplemented: 'The requested feature isn\'t implemented.',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Shaped like `OfficeExtension.Error`: its name is "RichApi.Error", as Excel's is. */
export class ModelError extends Error {
  readonly debugInfo: { code: ErrorCode; message: string; errorLocation?: string };

  constructor(
    readonly code: ErrorCode,
    location?: string,
    detail?: string,
  ) {
    const message = detail ? `${ERROR_MESSAGES[code]} (${detail})` : ERROR_MESSAGES[code];
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(location ? { errorLocation: location } : {}) };
  }
}

/** Office.js throws this on the client, without a round trip, when an unloaded property is read. */
export function propertyNotLoaded(objectName: string, property: string): ModelError {
  return new ModelError('PropertyNotLoaded', `${objectName}.${property}`, `property '${property}' of ${objectName}`);
}
