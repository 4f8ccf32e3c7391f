/**
 * What an Excel error means for the person: every failure leaves the adapter as an ExcelActionError
 * that says what to do. Cell-edit mode is waited out first: Excel refuses every API call while a
 * person is typing in a cell (InvalidOperationInCellEditMode), and most people finish within a second or two.
 */

import { ExcelActionError } from './types';
import { say, type ActionName } from './messages';

/** `OfficeExtension.Error.code`, or null for anything that is not an Office error. */
export function officeErrorCode(error: unknown): string | null {
  const code = error !== null && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : null;
}

export interface RetryOptions {
  /** Waits between tries: three tries over two seconds by default. */
  delaysMs: readonly number[];
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_RETRY: RetryOptions = {
  delaysMs: [500, 1500],
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs `work` again while Excel is in cell-edit mode. Only whole operations are retried: each is
 * written so that running it twice gives the workbook of running it once.
 */
export async function retryInCellEditMode<T>(work: () => Promise<T>, retry: RetryOptions): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (officeErrorCode(error) !== 'InvalidOperationInCellEditMode' || attempt >= retry.delaysMs.length) throw error;
      await retry.sleep(retry.delaysMs[attempt]);
    }
  }
}

export function toActionError(error: unknown, action: ActionName): ExcelActionError {
  if (error instanceof ExcelActionError) return error;
  const code = officeErrorCode(error);
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return new ExcelActionError(say.cellEditMode(action), 'cell-edit-mode');
    case 'AccessDenied':
      return new ExcelActionError(say.accessDenied(action), 'protected');
    case 'ApiNotFound':
    case 'UnsupportedOperation':
      return new ExcelActionError(say.apiMissing(action), 'unsupported');
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return new ExcelActionError(say.payload(action), 'payload');
    case 'ItemNotFound':
    case 'InvalidReference':
    case 'InsertDeleteConflict':
      return new ExcelActionError(say.changed(action), 'changed');
    case 'Conflict':
    case 'ActivityLimitReached':
    case 'RequestAborted':
      return new ExcelActionError(say.busy(action), 'busy');
    default: {
      const message = error instanceof Error ? error.message : String(error);
      const detail = `${message.replace(/\.?$/, '.')}${code ? ` (${code})` : ''}`;
      return new ExcelActionError(say.unexpected(action, detail), 'unexpected');
    }
  }
}
