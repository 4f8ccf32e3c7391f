/**
 * functions.js as Excel on Windows runs it: the JavaScript-only runtime is documented to support
 * ECMAScript 2016, so the built file must parse as ES2016 and must run where no later built-in
 * exists (no Object.entries, no flatMap, no globalThis, …). The file is run in a fresh V8 context
 * stripped of those built-ins, with a stand-in for Excel's CustomFunctions.associate, and its
 * answers are compared with the functions imported directly.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { parse } from 'acorn';
import * as KPI from '../../src/functions/functions';
import { buildIfStale, distWeb } from '../support/build';

/** Built-ins added after ES2016, by where they live. Deleting them leaves an ES2016 global object. */
const LATER_BUILT_INS: Record<string, string[]> = {
  Object: ['entries', 'values', 'fromEntries', 'getOwnPropertyDescriptors', 'hasOwn', 'groupBy'],
  'Object.prototype': [],
  'Array.prototype': ['flat', 'flatMap', 'at', 'findLast', 'findLastIndex', 'toSorted', 'toReversed', 'toSpliced', 'with'],
  'String.prototype': ['padStart', 'padEnd', 'trimStart', 'trimEnd', 'matchAll', 'replaceAll', 'at', 'isWellFormed', 'toWellFormed'],
  'Promise.prototype': ['finally'],
  Promise: ['allSettled', 'any', 'withResolvers'],
  Map: ['groupBy'],
  globalThis: ['globalThis', 'BigInt', 'WeakRef', 'FinalizationRegistry', 'AggregateError', 'SharedArrayBuffer', 'Atomics', 'structuredClone'],
};

const STRIP = `
  (function (global) {
    var places = ${JSON.stringify(LATER_BUILT_INS)};
    Object.keys(places).forEach(function (place) {
      var target = place === 'globalThis' ? global : place.split('.').reduce(function (at, key) { return at[key]; }, global);
      places[place].forEach(function (name) { delete target[name]; });
    });
  })(this);
`;

type Associated = Record<string, (...args: unknown[]) => unknown>;

let source: string;
let associated: Associated;

beforeAll(() => {
  buildIfStale();
  source = readFileSync(join(distWeb, 'functions.js'), 'utf8');
  const context = createContext({});
  runInContext(STRIP, context);
  // What Excel's runtime provides: CustomFunctions.associate, and Error with its codes (named here as
  // the stand-in outside Excel names them, so that the answers compare).
  runInContext(
    `var __associated = {};
     var CustomFunctions = {
       associate: function (id, fn) { __associated[id] = fn; },
       Error: function (code, message) { this.code = code; this.message = message; },
       ErrorCode: { invalidValue: 'invalidValue', notAvailable: 'notAvailable' },
     };`,
    context,
  );
  runInContext(source, context, { filename: 'functions.js' });
  associated = runInContext('__associated', context) as Associated;
}, 300_000);

test('functions.js parses as ECMAScript 2016', () => {
  expect(() => parse(source, { ecmaVersion: 2016, sourceType: 'script' })).not.toThrow();
});

test('the ES2016 context really lacks the later built-ins', () => {
  const context = createContext({});
  runInContext(STRIP, context);
  expect(runInContext('[typeof Object.entries, typeof [].flatMap, typeof globalThis, typeof "".padStart]', context)).toEqual([
    'undefined', 'undefined', 'undefined', 'undefined',
  ]);
});

test('every function is associated, and each answers as the functions do in Node', () => {
  expect(Object.keys(associated).sort()).toEqual(
    ['ALIGNED', 'CHILDREN', 'CONTRIBUTION', 'EXPECTED', 'ISSUES', 'PATH', 'PROGRESS', 'REQUIRED', 'ROLLUP', 'SCORE', 'STATUS'],
  );
  const objectives = [
    ['ID', 'Name', 'Level', 'Perspective', 'Weight'],
    ['F1', 'Grow revenue', 'Objective', 'Financial', 60],
    ['C1', 'Delight customers', 'Objective', 'Customer', 40],
  ];
  const kpis = [
    ['ID', 'Name', 'Parent', 'Level', 'Target', 'Actual', 'Direction', 'Weight', 'Baseline'],
    ['K1', 'Revenue', 'F1', 'Department', 100, 80, '', 2, ''],
    ['K2', 'Margin', 'F1', 'Department', '20%', '15%', '', 1, ''],
    ['K3', 'Churn', 'C1', 'Department', 5, 6, 'lower is better', '', ''],
    ['K4', 'NPS', 'C1', 'Department', 'TBD', 40, '', '', 10],
  ];
  const ids = [['F1'], ['C1'], ['K1'], ['K3'], ['K4']];
  for (const [id, fn, args] of [
    ['PROGRESS', KPI.progress, [80, 100, null, null]],
    ['PROGRESS', KPI.progress, [6, 5, null, 'lower is better']],
    ['SCORE', KPI.score, ['92%', '90%', null, null, 1.2]],
    ['EXPECTED', KPI.expected, [46023, 46387, 46204]],
    ['STATUS', KPI.status, [0.5, 0.8, null, null]],
    ['ROLLUP', KPI.rollup, [ids, [objectives, kpis]]],
    ['CONTRIBUTION', KPI.contribution, [ids, [objectives, kpis]]],
    ['PATH', KPI.path, [ids, [objectives, kpis]]],
    ['ALIGNED', KPI.aligned, [ids, [objectives, kpis]]],
    ['CHILDREN', KPI.children, [[['F1']], [objectives, kpis]]],
    ['ISSUES', KPI.issues, [[objectives, kpis]]],
    ['REQUIRED', KPI.required, [[['K1']], [objectives, kpis]]],
  ] as [string, (...args: unknown[]) => unknown, unknown[]][]) {
    const inVm = settle(() => associated[id](...args));
    const inNode = settle(() => fn(...args));
    expect([id, plain(inVm)]).toEqual([id, plain(inNode)]);
  }
});

/** A function's answer, or the error value it threw (as Excel shows it in the cell). */
function settle(run: () => unknown): unknown {
  try {
    return run();
  } catch (error) {
    return { thrown: error };
  }
}

/** Values from another context compared by their data: objects of another realm are not `toEqual` to ours by prototype. */
function plain(value: unknown): unknown {
  const errorLike = (inner: unknown): inner is { code: unknown; message: unknown } => typeof inner === 'object' && inner !== null && 'code' in inner;
  return JSON.parse(JSON.stringify(value, (_key, inner) => (errorLike(inner) ? { code: inner.code, message: inner.message } : inner)));
}
