/**
 * functions.json as the build generates it: regenerated offline here with custom-functions-metadata
 * from the JSDoc of src/functions/functions.ts, and checked function by function.
 */

import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as KPI from '../../src/functions/functions';

interface Parameter { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean; repeating?: boolean }
interface FunctionMetadata { id: string; name: string; description: string; parameters: Parameter[]; result: { dimensionality?: string }; options?: Record<string, boolean> }

const EXPECTED: Record<string, { exported: keyof typeof KPI; parameters: string[]; optional: string[]; spills: boolean }> = {
  PROGRESS: { exported: 'progress', parameters: ['actual', 'target', 'baseline', 'direction'], optional: ['baseline', 'direction'], spills: false },
  SCORE: { exported: 'score', parameters: ['actual', 'target', 'baseline', 'direction', 'cap'], optional: ['baseline', 'direction', 'cap'], spills: false },
  EXPECTED: { exported: 'expected', parameters: ['start', 'due', 'asOf'], optional: ['asOf'], spills: false },
  STATUS: { exported: 'status', parameters: ['score', 'expected', 'onTrack', 'atRisk'], optional: ['expected', 'onTrack', 'atRisk'], spills: false },
  ROLLUP: { exported: 'rollup', parameters: ['id', 'cascade'], optional: [], spills: true },
  CONTRIBUTION: { exported: 'contribution', parameters: ['id', 'cascade'], optional: [], spills: true },
  PATH: { exported: 'path', parameters: ['id', 'cascade'], optional: [], spills: true },
  ALIGNED: { exported: 'aligned', parameters: ['id', 'cascade'], optional: [], spills: true },
  CHILDREN: { exported: 'children', parameters: ['id', 'cascade'], optional: [], spills: true },
  ISSUES: { exported: 'issues', parameters: ['cascade'], optional: [], spills: true },
  REQUIRED: { exported: 'required', parameters: ['id', 'cascade'], optional: [], spills: true },
};

let functions: FunctionMetadata[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(join(__dirname, '..', '..', 'src', 'functions', 'functions.ts'));
  expect(result.errors).toEqual([]);
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
});

test('every function of the issue, and nothing else, each an exported function', () => {
  expect(functions.map((fn) => fn.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const fn of functions) {
    expect(fn.name).toBe(fn.id);
    expect(typeof KPI[EXPECTED[fn.id].exported]).toBe('function');
  }
});

test('parameters: names, order, optional ones, the repeating cascade and the ID ranges', () => {
  for (const fn of functions) {
    const expected = EXPECTED[fn.id];
    expect([fn.id, fn.parameters.map((parameter) => parameter.name)]).toEqual([fn.id, expected.parameters]);
    expect([fn.id, fn.parameters.filter((parameter) => parameter.optional).map((parameter) => parameter.name)]).toEqual([fn.id, expected.optional]);
    for (const parameter of fn.parameters) {
      expect(parameter.type).toBe('any');
      if (parameter.name === 'cascade') expect([fn.id, parameter.repeating, parameter.dimensionality]).toEqual([fn.id, true, 'matrix']);
      else if (parameter.name === 'id') expect([fn.id, parameter.repeating, parameter.dimensionality]).toEqual([fn.id, undefined, 'matrix']);
      else expect([fn.id, parameter.name, parameter.repeating, parameter.dimensionality]).toEqual([fn.id, parameter.name, undefined, undefined]);
    }
    expect([fn.id, fn.result.dimensionality]).toEqual([fn.id, expected.spills ? 'matrix' : undefined]);
  }
});

test('descriptions for analysts: every function and every parameter has one, in sentences', () => {
  for (const fn of functions) {
    expect([fn.id, fn.description]).toEqual([fn.id, expect.stringMatching(/^[A-Z].{20,}\.$/s)]);
    for (const parameter of fn.parameters) {
      expect([fn.id, parameter.name, parameter.description]).toEqual([fn.id, parameter.name, expect.stringMatching(/^[A-Z].{10,}\.$/s)]);
    }
  }
});

test('nothing is volatile, streaming or asking for its address: a result depends only on its arguments', () => {
  for (const fn of functions) {
    const options = fn.options ?? {};
    expect([fn.id, options.volatile, options.stream, options.requiresAddress]).toEqual([fn.id, undefined, undefined, undefined]);
  }
});
