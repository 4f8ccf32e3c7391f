/**
 * Excel serial day numbers and JavaScript dates. Dates are UTC: a date cell is a
 * calendar day (plus a time of day), never an instant in the reader's time zone.
 */

import { serialFromDate } from '../core/dates';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** 9999-12-31, the last day Excel can show. */
const LAST_SERIAL_1900 = 2_958_465;

/**
 * The date a serial number stands for, or null when Excel would not show it as a date.
 * The 1900 system counts a 29 February 1900 that never was (Lotus's bug, kept by Excel):
 * serials before 60 are one day later than the plain epoch gives, and 60 itself is shown as 28 February.
 */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  if (date1904) {
    return serial > LAST_SERIAL_1900 - 1462 ? null : new Date(EPOCH_1904 + Math.round(serial * DAY_MS));
  }
  if (serial > LAST_SERIAL_1900) return null;
  const lotusShift = serial < 60 ? DAY_MS : 0;
  return new Date(EPOCH_1900 + lotusShift + Math.round(serial * DAY_MS));
}

/** The serial number of a date, the inverse of serialToDate. */
export function dateToSerial(date: Date, date1904: boolean): number {
  const ms = date.getTime();
  if (date1904) return (ms - EPOCH_1904) / DAY_MS;
  return serialFromDate(date) ?? Number.NaN;
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
