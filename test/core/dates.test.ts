/** Core's Excel-date module: the 1900 system with its fictional 29 February, the 1904 system, and EDATE. */
import { addMonths, dateFromSerial, FICTIONAL_LEAP_DAY, isoFromSerial, LAST_SERIAL, serialFromDate, serialFromIso, serialFromParts } from '../../src/core/dates';

const utc = (year: number, month: number, day: number, hours = 0) => new Date(Date.UTC(year, month - 1, day, hours));

describe('serial 60, the 29 February 1900 Excel shows', () => {
  test('is 1900-02-29 as text, both ways', () => {
    expect(FICTIONAL_LEAP_DAY).toBe(60);
    expect(isoFromSerial(59)).toBe('1900-02-28');
    expect(isoFromSerial(60)).toBe('1900-02-29');
    expect(isoFromSerial(60.75)).toBe('1900-02-29');
    expect(isoFromSerial(61)).toBe('1900-03-01');
    expect(serialFromIso('1900-02-29')).toBe(60);
    expect(serialFromParts(1900, 2, 29)).toBe(60);
  });

  test('has no JavaScript Date: dateFromSerial gives null rather than a neighbouring day', () => {
    expect(dateFromSerial(59.5)).toEqual(utc(1900, 2, 28, 12));
    expect(dateFromSerial(60)).toBeNull();
    expect(dateFromSerial(60.5)).toBeNull();
    expect(dateFromSerial(61)).toEqual(utc(1900, 3, 1));
  });

  test('the days around it keep their serials through a Date', () => {
    expect(serialFromDate(utc(1900, 2, 28))).toBe(59);
    expect(serialFromDate(utc(1900, 2, 28, 18))).toBe(59.75);
    expect(serialFromDate(utc(1900, 3, 1))).toBe(61);
  });

  test('counts as a day of February 1900 in EDATE', () => {
    expect(addMonths(60, 1)).toBe(serialFromIso('1900-03-29'));
    expect(addMonths(31, 1)).toBe(60); // 1900-01-31 plus a month is the last day of February 1900, as Excel counts it
    expect(addMonths(60, 12)).toBe(serialFromIso('1901-02-28'));
    expect(addMonths(serialFromIso('1900-03-29') as number, -1)).toBe(60);
  });
});

describe('the 1900 system', () => {
  test('serial 1 is 1900-01-01 and serial 0 is the day before', () => {
    expect(serialFromParts(1900, 1, 1)).toBe(1);
    expect(isoFromSerial(1)).toBe('1900-01-01');
    expect(dateFromSerial(0)).toEqual(utc(1899, 12, 31));
    expect(serialFromDate(utc(1899, 12, 31))).toBe(0);
  });

  test('ends at 9999-12-31', () => {
    expect(serialFromParts(9999, 12, 31)).toBe(LAST_SERIAL);
    expect(dateFromSerial(LAST_SERIAL)).toEqual(utc(9999, 12, 31));
    expect(dateFromSerial(LAST_SERIAL + 0.5)).toEqual(utc(9999, 12, 31, 12));
    expect(dateFromSerial(LAST_SERIAL + 1)).toBeNull();
    expect(dateFromSerial(LAST_SERIAL + 0.999_999_999_9)).toBeNull(); // the next midnight, to the millisecond
  });

  test.each([Number.NaN, Infinity, -1, -0.5])('%p is not a date', (serial) => {
    expect(dateFromSerial(serial)).toBeNull();
  });

  test.each([[2026, 2, 29], [1900, 2, 30], [2026, 13, 1], [2026, 4, 31]])('%d-%d-%d is not a date', (year, month, day) => {
    expect(serialFromParts(year, month, day)).toBeNull();
  });

  test('a serial is read to the millisecond: a floating-point hair short of midnight is the next day, as text and as a Date', () => {
    expect(isoFromSerial(46112.999_999_999_99)).toBe('2026-04-01');
    expect(dateFromSerial(46112.999_999_999_99)).toEqual(utc(2026, 4, 1));
    expect(isoFromSerial(46112.999)).toBe('2026-03-31');
  });

  test('an invalid Date has no serial', () => {
    expect(serialFromDate(new Date(Number.NaN))).toBeNull();
  });
});

describe('the 1904 system', () => {
  test('serial 0 is 1904-01-01, 1462 days after the 1900 system', () => {
    expect(serialFromParts(1904, 1, 1, true)).toBe(0);
    expect(dateFromSerial(0, true)).toEqual(utc(1904, 1, 1));
    expect(serialFromDate(utc(2026, 3, 31), true)).toBe((serialFromIso('2026-03-31') as number) - 1462);
    expect(isoFromSerial(46112 - 1462, true)).toBe('2026-03-31');
  });

  test('has no fictional day: its serial 60 is a real day, and 1900-02-29 is not a date', () => {
    expect(dateFromSerial(60, true)).toEqual(utc(1904, 3, 1));
    expect(isoFromSerial(60, true)).toBe('1904-03-01');
    expect(serialFromParts(1900, 2, 29, true)).toBeNull();
  });

  test('ends at 9999-12-31 and starts at 0', () => {
    expect(dateFromSerial(LAST_SERIAL - 1462, true)).toEqual(utc(9999, 12, 31));
    expect(dateFromSerial(LAST_SERIAL - 1461, true)).toBeNull();
    expect(dateFromSerial(-1, true)).toBeNull();
  });
});
