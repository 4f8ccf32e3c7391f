/**
 * Excel serial day numbers (1900 date system) are the engine's one representation of a date:
 * they are what Excel hands to add-ins and custom functions, and they subtract as plain numbers.
 */

const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last date Excel shows. */
export const LAST_SERIAL = 2_958_465;
/** 1899-12-30: serial 0 for every date from 1900-03-01 on (Excel counts a fictional 1900-02-29 as serial 60). */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** The serial number of a calendar date, or null when the parts do not form a real date. */
export function serialFromParts(year: number, month: number, day: number): number | null {
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const serial = (ms - EPOCH_MS) / MS_PER_DAY;
  // Before 1900-03-01 Excel's serials are one lower than the true day count.
  return serial < 61 ? serial - 1 : serial;
}

/** A JavaScript Date as a serial, read in UTC (hosts hand us dates at UTC midnight). */
export function serialFromDate(date: Date): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = (ms - EPOCH_MS) / MS_PER_DAY;
  return serial < 61 ? serial - 1 : serial;
}

/** "2026-03-31" (optionally followed by a time) as a serial, or null. */
export function serialFromIso(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (!match) return null;
  return serialFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The calendar date of a serial as YYYY-MM-DD (time of day dropped). */
export function isoFromSerial(serial: number): string {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole;
  return new Date(EPOCH_MS + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The serial of today's date in UTC. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromParts(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()) as number;
}

/** Adds calendar months as Excel's EDATE does: the day is kept, or moved back to the month's last day. */
export function addMonths(serial: number, months: number): number {
  const date = new Date(EPOCH_MS + (serial < 61 ? serial + 1 : serial) * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const moved = Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay));
  const result = (moved - EPOCH_MS) / MS_PER_DAY;
  return result < 61 ? result - 1 : result;
}
