import { parseDate, parseDirection, parseFrequency, parseLevel, parseNumber, parseRollup, idKey, INVALID } from '../../src/core/values';
import { serialFromIso, isoFromSerial, addMonths } from '../../src/core/dates';
import { cellReference, parseReference, splitSheetReference } from '../../src/core/addresses';

describe('numbers', () => {
  test.each([
    [42, 42],
    ['42', 42],
    ['  1,234.5 ', 1234.5],
    ['$1,200', 1200],
    ['€ 300', 300],
    ['£12.50', 12.5],
    ['¥1000', 1000],
    ['300 €', 300],
    ['12%', 0.12],
    ['-4.5%', -0.045],
    ['(300)', -300],
    ['($1,250.00)', -1250],
    ['-$300', -300],
    ['$-300', -300],
    ['1e3', 1000],
    ['.5', 0.5],
  ])('%p reads as %p', (cell, expected) => {
    expect(parseNumber(cell)).toBeCloseTo(expected as number, 12);
  });

  test.each([[null], [undefined], [''], ['  '], ['-'], ['—'], ['n/a'], ['N/A']])('%p is blank', (cell) => {
    expect(parseNumber(cell)).toBeNull();
  });

  test.each([['TBD'], ['#N/A'], ['#DIV/0!'], ['1,5'], ['12,34,567'], ['(-3)'], ['1 2'], ['%'], [true], [NaN], [Infinity], ['--3'], ['(3']])(
    '%p is invalid',
    (cell) => {
      expect(parseNumber(cell)).toBe(INVALID);
    },
  );

  test('a date cell in a number column counts as its serial', () => {
    expect(parseNumber(new Date(Date.UTC(2026, 0, 1)))).toBe(46023);
  });
});

describe('dates', () => {
  test('ISO text, serial numbers and Date cells agree', () => {
    expect(parseDate('2026-03-31')).toBe(46112);
    expect(parseDate(46112)).toBe(46112);
    expect(parseDate(new Date(Date.UTC(2026, 2, 31)))).toBe(46112);
    expect(isoFromSerial(46112)).toBe('2026-03-31');
  });
  test('the 1900 leap-year bug is honoured', () => {
    expect(serialFromIso('1900-02-28')).toBe(59);
    expect(serialFromIso('1900-03-01')).toBe(61);
    expect(isoFromSerial(61)).toBe('1900-03-01');
  });
  test.each([['31/03/2026'], ['March 31'], ['2026-02-30'], [0], [-5], [true], [new Date(NaN)]])('%p is an invalid date', (cell) => {
    expect(parseDate(cell)).toBe(INVALID);
  });
  test('blank markers are blank', () => {
    expect(parseDate('n/a')).toBeNull();
    expect(parseDate(null)).toBeNull();
  });
  test('adding months keeps the day or moves back to the month end, as EDATE does', () => {
    expect(isoFromSerial(addMonths(serialFromIso('2026-01-31') as number, 1))).toBe('2026-02-28');
    expect(isoFromSerial(addMonths(serialFromIso('2026-11-15') as number, 3))).toBe('2027-02-15');
  });
});

describe('words', () => {
  test('levels rank from objective 0 to individual 4', () => {
    expect(parseLevel('Strategic Objective')).toBe(0);
    expect(parseLevel(' organisation ')).toBe(1);
    expect(parseLevel('Business  Unit')).toBe(2);
    expect(parseLevel('squad')).toBe(3);
    expect(parseLevel('Employee')).toBe(4);
    expect(parseLevel('Division KPI')).toBe(INVALID);
    expect(parseLevel('')).toBeNull();
  });
  test('directions', () => {
    expect(parseDirection('Higher is better')).toBe('higher');
    expect(parseDirection('↓')).toBe('lower');
    expect(parseDirection('stay below')).toBe('lower');
    expect(parseDirection('Within')).toBe('range');
    expect(parseDirection(null)).toBeNull();
    expect(parseDirection('sideways')).toBe(INVALID);
  });
  test('rollups and frequencies', () => {
    expect(parseRollup('Weighted Average')).toBe('weighted');
    expect(parseRollup('worst')).toBe('min');
    expect(parseRollup('Total')).toBe('sum');
    expect(parseRollup('manual')).toBe('none');
    expect(parseRollup('median')).toBe(INVALID);
    expect(parseFrequency('Yearly')).toBe('annual');
    expect(parseFrequency('every other week')).toBe(INVALID);
  });
  test.each([
    ['Annually', 'annual'], ['semiannually', 'semiannual'], ['Semi-Annual', 'semiannual'], ['biannual', 'semiannual'],
    ['Half-yearly', 'semiannual'], ['fortnightly', 'fortnightly'], ['per quarter', 'quarterly'], ['Per  Month', 'monthly'],
  ])('the frequency %p is %p (spec section 8)', (word, frequency) => {
    expect(parseFrequency(word)).toBe(frequency);
  });
  test.each([['grow', 'higher'], ['Growth', 'higher'], ['reduce', 'lower'], ['Reduction', 'lower'], ['maintain', 'range']])(
    'the direction %p is %p (spec section 8)',
    (word, direction) => {
      expect(parseDirection(word)).toBe(direction);
    },
  );
  test('IDs compare trimmed and case-insensitively, numbers and text alike', () => {
    expect(idKey(12)).toBe(idKey('12'));
    expect(idKey(' fin-01 ')).toBe(idKey('FIN-01'));
  });
});

describe('references', () => {
  test('parseReference is the inverse of cellReference, for cells and ranges', () => {
    expect(parseReference(`${cellReference("Team's Sales", 4, 7)}:E9`)).toEqual({ sheet: "Team's Sales", area: { top: 7, left: 4, bottom: 9, right: 5 } });
    expect(parseReference('B2')).toEqual({ sheet: null, area: { top: 2, left: 2, bottom: 2, right: 2 } });
    expect(parseReference('KPIs!nonsense')).toBeNull();
  });
  test('splitSheetReference leaves the local part as written', () => {
    expect(splitSheetReference("'Team Sales'!J9")).toEqual({ sheet: 'Team Sales', local: 'J9' });
    expect(splitSheetReference('J9')).toEqual({ sheet: null, local: 'J9' });
  });
});
