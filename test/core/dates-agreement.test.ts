/**
 * Core's Excel dates against an independent calculation: Excel's serials worked out from the proleptic
 * Gregorian day count (Howard Hinnant's days_from_civil, with no JavaScript Date), plus the rule that
 * the 1900 system counts a 29 February 1900. The .xlsx reader's conversion goes through core and is
 * checked to agree with the engine's text on every serial, serial 60 included.
 */
import fc from 'fast-check';
import { addMonths, dateFromSerial, isoFromSerial, LAST_SERIAL, serialFromDate, serialFromIso, serialFromParts } from '../../src/core/dates';
import { serialFromIsoDate } from '../../src/preview/excel-model/cells';
import { dateToSerial, serialToDate } from '../../src/xlsx/dates';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS) || 500 };

/** Days from 1970-01-01 to a Gregorian date. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The Gregorian date of a day count from 1970-01-01. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const DAY_ZERO_1900 = daysFromCivil(1899, 12, 31); // serial 1 is the next day
const MARCH_1900 = daysFromCivil(1900, 3, 1);
const DAY_ZERO_1904 = daysFromCivil(1904, 1, 1);

/** Excel's 1900 serial of a real date: a day count, plus one from March 1900 on for the 29 February that never was. */
function expectedSerial(year: number, month: number, day: number): number {
  const days = daysFromCivil(year, month, day);
  return days - DAY_ZERO_1900 + (days >= MARCH_1900 ? 1 : 0);
}

function expectedIso(serial: number): string {
  if (serial === 60) return '1900-02-29';
  const { year, month, day } = civilFromDays(serial < 60 ? serial + DAY_ZERO_1900 : serial - 1 + DAY_ZERO_1900);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const daysInMonth = (year: number, month: number) => civilFromDays(daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - 1).day;

/** A real calendar day Excel shows, 1900-01-01 to 9999-12-31. */
const realDay = fc
  .record({ year: fc.integer({ min: 1900, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter(({ year, month, day }) => day <= daysInMonth(year, month));

const isoOf = ({ year, month, day }: { year: number; month: number; day: number }) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

describe('1900 system against the independent calculation', () => {
  test('the calculation itself: serial 1 is 1900-01-01, 61 is 1900-03-01, 46112 is 2026-03-31, 2958465 is 9999-12-31', () => {
    expect([expectedSerial(1900, 1, 1), expectedSerial(1900, 2, 28), expectedSerial(1900, 3, 1), expectedSerial(2026, 3, 31), expectedSerial(9999, 12, 31)])
      .toEqual([1, 59, 61, 46112, LAST_SERIAL]);
  });

  test('every serial around the fictional day, and the last ones', () => {
    for (let serial = 0; serial <= 400; serial++) expect(isoFromSerial(serial)).toBe(expectedIso(serial));
    for (let serial = LAST_SERIAL - 400; serial <= LAST_SERIAL; serial++) expect(isoFromSerial(serial)).toBe(expectedIso(serial));
  });

  test('a date and its serial, both ways, and through a JavaScript Date', () => {
    fc.assert(
      fc.property(realDay, (date) => {
        const serial = expectedSerial(date.year, date.month, date.day);
        const iso = isoOf(date);
        expect(serialFromParts(date.year, date.month, date.day)).toBe(serial);
        expect(serialFromIso(iso)).toBe(serial);
        expect(serialFromIsoDate(iso)).toBe(serial); // the Excel model's own conversion
        expect(isoFromSerial(serial)).toBe(iso);
        const asDate = dateFromSerial(serial) as Date;
        expect(asDate.toISOString().slice(0, 10)).toBe(iso);
        expect(serialFromDate(asDate)).toBe(serial);
      }),
      RUNS,
    );
  });

  test('a time of day is the fraction of the serial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: LAST_SERIAL }).filter((serial) => serial !== 60), fc.integer({ min: 0, max: 86_399 }), (whole, seconds) => {
        const serial = whole + seconds / 86_400;
        const date = dateFromSerial(serial) as Date;
        expect(date.toISOString().slice(0, 10)).toBe(expectedIso(whole));
        expect(date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds()).toBe(seconds);
        expect(serialFromDate(date)).toBeCloseTo(serial, 9);
      }),
      RUNS,
    );
  });

  test('EDATE: the day is kept or moved back to the month end, February 1900 having 29 days', () => {
    const monthLength = (year: number, month: number) => (year === 1900 && month === 2 ? 29 : daysInMonth(year, month));
    fc.assert(
      fc.property(realDay.filter(({ year }) => year < 9990), fc.integer({ min: -24, max: 24 }), (start, months) => {
        const index = start.year * 12 + start.month - 1 + months;
        const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
        fc.pre(year >= 1900);
        const day = Math.min(start.day, monthLength(year, month));
        const expected = year === 1900 && month === 2 && day === 29 ? 60 : expectedSerial(year, month, day);
        expect(addMonths(expectedSerial(start.year, start.month, start.day), months)).toBe(expected);
      }),
      RUNS,
    );
  });
});

describe('1904 system against the independent calculation', () => {
  test('a date from 1904 on and its serial, both ways', () => {
    fc.assert(
      fc.property(realDay.filter(({ year }) => year >= 1904), (date) => {
        const serial = daysFromCivil(date.year, date.month, date.day) - DAY_ZERO_1904;
        expect(serialFromParts(date.year, date.month, date.day, true)).toBe(serial);
        expect(serial).toBe(expectedSerial(date.year, date.month, date.day) - 1462);
        expect(isoFromSerial(serial, true)).toBe(isoOf(date));
        expect((dateFromSerial(serial, true) as Date).toISOString().slice(0, 10)).toBe(isoOf(date));
        expect(dateToSerial(serialToDate(serial, true) as Date, true)).toBe(serial);
      }),
      RUNS,
    );
  });
});

describe('the .xlsx reader and the engine agree on every serial', () => {
  test('serialToDate shows the day isoFromSerial names, and has no Date only for the fictional 1900-02-29', () => {
    const check = (serial: number) => {
      const date = serialToDate(serial, false);
      const toTheMillisecond = Math.round(serial * 86_400_000) / 86_400_000;
      if (toTheMillisecond >= 60 && toTheMillisecond < 61) expect(date).toBeNull();
      else expect(date?.toISOString().slice(0, 10)).toBe(isoFromSerial(serial));
    };
    for (let serial = 0; serial <= 400; serial += 0.25) check(serial);
    for (const serial of [59.999_999_999, 60.999_999_999, 46112.999_999_999_99, LAST_SERIAL - 1e-9]) check(serial);
    fc.assert(fc.property(fc.double({ min: 0, max: LAST_SERIAL, noNaN: true }), (serial) => check(serial)), RUNS);
  });
});
