/**
 * Excel serial day numbers are the engine's one representation of a date: they are what Excel hands
 * to add-ins and custom functions, and they subtract as plain numbers. This is the one place the
 * engine and the .xlsx reader and writer turn serials into calendar dates and back, in both of
 * Excel's date systems:
 *
 * - 1900 (the default): serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never was
 *   (Lotus 1-2-3's leap-year bug, kept for compatibility) as serial 60, so from 1900-03-01 (serial 61)
 *   on a serial is the day count from 1899-12-30, and before it one less.
 * - 1904 (a workbook setting, once the Mac default): serial 0 is 1904-01-01, without the fictional day.
 *
 * Serial 60 is 1900-02-29, as Excel shows it: as text (isoFromSerial, serialFromIso) and in EDATE's
 * arithmetic (addMonths). A JavaScript Date cannot hold that day, so dateFromSerial gives null for it
 * rather than a neighbouring day; the .xlsx reader then keeps the serial number itself, which is the
 * engine's own representation of the date, so a workbook's serial 60 reaches the engine as 60.
 * Fractions of a serial are the time of day; dates are UTC (a date cell is a calendar day, never an
 * instant in the reader's time zone).
 */

const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last date Excel shows (1900 system). */
export const LAST_SERIAL = 2_958_465;
/** 1900-02-29, the day that never was. */
export const FICTIONAL_LEAP_DAY = 60;
/** Serial 0 of the 1900 system for every date from 1900-03-01 on. */
const EPOCH_1900_MS = Date.UTC(1899, 11, 30);
/** Serial 0 of the 1904 system. */
const EPOCH_1904_MS = Date.UTC(1904, 0, 1);
/** A date's 1904 serial is its 1900 serial less this (1904-01-01 is serial 1462 in the 1900 system). */
const DAYS_1900_TO_1904 = 1462;

/** Calendar parts: month 1..12, day 1..31. */
interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/** The serial of a day count from the system's epoch (a real calendar day, possibly with a time). */
function serialFromDayCount(days: number, date1904: boolean): number {
  if (date1904) return days;
  // Before 1900-03-01 Excel's serials are one lower than the true day count.
  return days < 61 ? days - 1 : days;
}

function epochMs(date1904: boolean): number {
  return date1904 ? EPOCH_1904_MS : EPOCH_1900_MS;
}

function isFictionalLeapDay(serial: number, date1904: boolean): boolean {
  return !date1904 && serial >= FICTIONAL_LEAP_DAY && serial < FICTIONAL_LEAP_DAY + 1;
}

/** The real day count from the epoch of a serial that is not the fictional day. */
function dayCountFromSerial(serial: number, date1904: boolean): number {
  return date1904 || serial >= FICTIONAL_LEAP_DAY + 1 ? serial : serial + 1;
}

/**
 * A serial rounded to the millisecond, Excel's precision for a time of day: a serial a floating-point
 * hair short of midnight (46112.99999999999) is the next day, for the text and the Date alike.
 */
function toMillisecond(serial: number): number {
  return Math.round(serial * MS_PER_DAY) / MS_PER_DAY;
}

/** The calendar day of a serial (time of day dropped); serial 60 of the 1900 system is 1900-02-29. */
function calendarDay(serial: number, date1904: boolean): CalendarDay {
  const whole = Math.floor(toMillisecond(serial));
  if (isFictionalLeapDay(whole, date1904)) return { year: 1900, month: 2, day: 29 };
  const date = new Date(epochMs(date1904) + dayCountFromSerial(whole, date1904) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The last day of a month as Excel counts it: February 1900 has 29 days in the 1900 system. */
function lastDayOfMonth(year: number, month: number, date1904: boolean): number {
  if (!date1904 && year === 1900 && month === 2) return 29;
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The serial number of a calendar date, or null when the parts do not form a date (1900-02-29 is serial 60). */
export function serialFromParts(year: number, month: number, day: number, date1904 = false): number | null {
  if (!date1904 && year === 1900 && month === 2 && day === 29) return FICTIONAL_LEAP_DAY;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return serialFromDayCount((ms - epochMs(date1904)) / MS_PER_DAY, date1904);
}

/** A JavaScript Date as a serial (with its time of day as the fraction), read in UTC (hosts hand us dates at UTC midnight). */
export function serialFromDate(date: Date, date1904 = false): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  return serialFromDayCount((ms - epochMs(date1904)) / MS_PER_DAY, date1904);
}

/**
 * The date (UTC, with the time of day) a serial stands for, or null when Excel would not show it as a
 * date (negative, after 9999-12-31 23:59:59.999) or when it is the fictional 1900-02-29, which no Date can hold.
 * Serial 0 of the 1900 system (Excel's "1900-01-00") is 1899-12-31.
 */
export function dateFromSerial(serial: number, date1904 = false): Date | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const rounded = toMillisecond(serial);
  if (rounded >= (date1904 ? LAST_SERIAL - DAYS_1900_TO_1904 : LAST_SERIAL) + 1) return null;
  if (isFictionalLeapDay(rounded, date1904)) return null;
  return new Date(epochMs(date1904) + Math.round(dayCountFromSerial(rounded, date1904) * MS_PER_DAY));
}

/** "2026-03-31" (optionally followed by a time) as a serial of the 1900 system, or null. */
export function serialFromIso(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text);
  if (!match) return null;
  return serialFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** The calendar date of a serial as YYYY-MM-DD (time of day dropped); serial 60 of the 1900 system is "1900-02-29". */
export function isoFromSerial(serial: number, date1904 = false): string {
  const { year, month, day } = calendarDay(serial, date1904);
  // Past Excel's years (or for no date at all), as toISOString writes it, or its RangeError.
  if (!(year >= 0 && year <= 9999)) return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The serial of today's date in UTC. */
export function todaySerial(now: Date = new Date()): number {
  return serialFromParts(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()) as number;
}

/** Adds calendar months as Excel's EDATE does (1900 system): the day is kept, or moved back to the month's last day. */
export function addMonths(serial: number, months: number): number {
  const start = calendarDay(serial, false);
  const monthIndex = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(start.day, lastDayOfMonth(year, month, false));
  return serialFromParts(year, month, day) as number;
}
