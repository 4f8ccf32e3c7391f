/**
 * The one place that builds the errors a custom function returns or throws. In Excel they are
 * `CustomFunctions.Error`s (#N/A, #VALUE! with a message in the cell's tooltip); outside Excel
 * (Node, the tests, the benchmark) `CustomFunctions` does not exist and a plain class stands in,
 * with the same code and message.
 */

export type ExcelErrorKind = 'notAvailable' | 'invalidValue';

/** The stand-in outside Excel; tests read `.code` and `.message` from either kind. */
export class FunctionError {
  constructor(readonly code: ExcelErrorKind, readonly message: string) {}
}

/** What this module uses of Excel's `CustomFunctions` global (its types are not a dependency of the project). */
interface ExcelError {
  code: string;
  message?: string;
}
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => ExcelError;
  ErrorCode: { notAvailable: string; invalidValue: string };
}

function runtime(): CustomFunctionsRuntime | undefined {
  const candidate = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  return candidate && typeof candidate.Error === 'function' ? candidate : undefined;
}

export type FunctionErrorValue = FunctionError | ExcelError;

/** Excel shows at most 255 characters of an error's message. */
const MESSAGE_LIMIT = 255;

function excelError(kind: ExcelErrorKind, fullMessage: string): FunctionErrorValue {
  const message = fullMessage.length > MESSAGE_LIMIT ? `${fullMessage.slice(0, MESSAGE_LIMIT - 1)}…` : fullMessage;
  const excel = runtime();
  if (excel) return new excel.Error(excel.ErrorCode[kind], message);
  return new FunctionError(kind, message);
}

/** #N/A: there is no answer (an unknown ID, a node without data). */
export function notAvailable(message: string): FunctionErrorValue {
  return excelError('notAvailable', message);
}

/** #VALUE!: an argument cannot be read, or the node's own error is why it has no value. */
export function invalidValue(message: string): FunctionErrorValue {
  return excelError('invalidValue', message);
}

export function isFunctionError(value: unknown): value is FunctionErrorValue {
  if (value instanceof FunctionError) return true;
  const excel = runtime();
  return excel !== undefined && value instanceof excel.Error;
}

/**
 * The error raised by a function's argument checks; the wrappers catch it and return its value,
 * so no function ever ends in an unhandled exception.
 */
export class ArgumentProblem extends Error {
  constructor(readonly value: FunctionErrorValue) {
    super(value.message ?? value.code);
    this.name = 'ArgumentProblem';
  }
}
