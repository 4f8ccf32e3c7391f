/**
 * Excel serial day numbers and JavaScript dates in a workbook's own date system (1900, or 1904 when
 * workbook.xml says so). The conversions are core's (src/core/dates.ts, which says what serial 60,
 * the fictional 1900-02-29, becomes); what is the .xlsx format's own stays here: `t="d"` cells.
 */

import { dateFromSerial, serialFromDate } from '../core/dates';

/** The date a serial number stands for, or null when no Date can show it (the reader then keeps the number). */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  return dateFromSerial(serial, date1904);
}

/** The serial number of a date, the inverse of serialToDate; NaN for an invalid Date. */
export function dateToSerial(date: Date, date1904: boolean): number {
  return serialFromDate(date, date1904) ?? Number.NaN;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Parses a `t="d"` cell's ISO 8601 text. Without a zone it is a calendar date-time, read as UTC. */
export function parseIsoDate(text: string): Date | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = match;
  if (zone && zone !== 'Z') {
    const parsed = new Date(text.trim());
    return Number.isNaN(parsed.getTime()) ? null : parsed;
  }
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Math.round(Number(fraction || 0) * 1000));
  const date = new Date(ms);
  return date.getUTCDate() === +d ? date : null;
}
