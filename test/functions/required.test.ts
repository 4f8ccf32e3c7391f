/**
 * KPI.REQUIRED's wrapper (src/functions/required.ts): core's answer as the cell shows it. The search
 * itself is tested in test/core/required.test.ts and, through the functions, in functions.test.ts.
 */

import { clearCascadeCache } from '../../src/functions/cascade-args';
import * as KPI from '../../src/functions/functions';

function outcome(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    return error;
  }
}

beforeEach(() => clearCascadeCache());

const cascade = (actual: unknown) => [[
  ['ID', 'Parent', 'Level', 'Target', 'Actual'],
  ['O', '', 'Objective', '', ''],
  ['A', 'O', 'Department', 100, actual],
]];

describe('KPI.REQUIRED', () => {
  test('a number when there is one', () => {
    expect(KPI.required([['A']], cascade(40))).toEqual([[100]]);
  });

  test("#VALUE! for the KPI's own error, naming the rule; #N/A when there is no answer", () => {
    expect(outcome(() => KPI.required([['A']], cascade('lots')))).toMatchObject({ code: 'invalidValue', message: expect.stringMatching(/^invalid-number: /) });
    expect(outcome(() => KPI.required([['O']], cascade(40)))).toMatchObject({ code: 'notAvailable', message: expect.stringMatching(/^No data: O has no parent/) });
  });
});
