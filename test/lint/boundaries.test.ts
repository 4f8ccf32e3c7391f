/**
 * The architecture's boundaries hold: probe files that cross them fail `npm run lint`, and files
 * that keep to them pass. Issue 13's probe (a file in src/core importing ../excel/types, React and
 * `document`) passed lint and both type checks before eslint.config.mjs and tsconfig.core.json.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ts from 'typescript';

const root = join(__dirname, '..', '..');

interface Message {
  ruleId: string | null;
  message: string;
  line: number;
}

interface Probe {
  what: string;
  filePath: string;
  code: string;
  /** Each message the probe must get, in line order: its rule and a part of its text. */
  expected: [ruleId: string, text: string][];
}

const lines = (...text: string[]) => `${text.join('\n')}\n`;

const PROBES: Probe[] = [
  {
    what: "issue 13's probe: core importing the Excel adapter's types, React and the page",
    filePath: 'src/core/probe.ts',
    code: lines(
      "import type { OfficeHost } from '../excel/types';",
      "import { useState } from 'react';",
      'export const probe = (host: OfficeHost) => [host, useState, document.title];',
    ),
    expected: [
      ['no-restricted-imports', 'src/core may not import src/excel'],
      ['no-restricted-imports', 'src/core may not import React and Fluent UI'],
      ['no-restricted-globals', "'document'"],
    ],
  },
  {
    what: 'core importing the xlsx adapter, and reaching it through import() and import types',
    filePath: 'src/core/probe.ts',
    code: lines(
      "import { readWorkbook } from '../xlsx';",
      "export type Reader = typeof import('../xlsx/read');",
      "export const later = () => import('../xlsx/write');",
      'export { readWorkbook };',
    ),
    expected: [
      ['no-restricted-imports', 'src/core may not import src/xlsx'],
      ['no-restricted-syntax', 'src/core may not import src/xlsx'],
      ['no-restricted-syntax', 'src/core may not import src/xlsx'],
    ],
  },
  {
    what: "core using Node, Office's APIs or the browser's storage",
    filePath: 'src/core/probe.ts',
    code: lines(
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "export { writeFile } from 'fs/promises';",
      'export const probe = [readFileSync, join, process.env, Excel.run, Office.context, CustomFunctions, localStorage, window, navigator, fetch];',
    ),
    expected: [
      ['no-restricted-imports', 'src/core may not import Node built-ins'],
      ['no-restricted-imports', 'src/core may not import Node built-ins'],
      ['no-restricted-imports', 'src/core may not import Node built-ins'],
      ['no-restricted-globals', "'process'"],
      ['no-restricted-globals', "'Excel'"],
      ['no-restricted-globals', "'Office'"],
      ['no-restricted-globals', "'CustomFunctions'"],
      ['no-restricted-globals', "'localStorage'"],
      ['no-restricted-globals', "'window'"],
      ['no-restricted-globals', "'navigator'"],
      ['no-restricted-globals', "'fetch'"],
    ],
  },
  {
    what: 'core importing a file outside src/',
    filePath: 'src/core/probe.ts',
    code: lines("import sample from '../../examples/scorecard.json';", 'export { sample };'),
    expected: [['no-restricted-imports', 'src/core imports nothing outside itself']],
  },
  {
    what: 'a front end importing another front end',
    filePath: 'src/taskpane/components/Probe.tsx',
    code: lines(
      "import { required } from '../../functions/required';",
      "import { main } from '../../cli/main';",
      "export const probe = () => import('../../preview/index');",
      'export { required, main };',
    ),
    expected: [
      ['no-restricted-imports', 'src/taskpane may not import src/functions'],
      ['no-restricted-imports', 'src/taskpane may not import src/cli'],
      ['no-restricted-syntax', 'src/taskpane may not import src/preview'],
    ],
  },
  {
    what: 'the custom functions and the checker importing the other hosts',
    filePath: 'src/functions/probe.ts',
    code: lines("export { App } from '../taskpane/App';", "export * from '../excel';", "export * from '../xlsx';"),
    expected: [
      ['no-restricted-imports', 'src/functions may not import src/taskpane'],
      ['no-restricted-imports', 'src/functions may not import src/excel'],
      ['no-restricted-imports', 'src/functions may not import src/xlsx'],
    ],
  },
  {
    what: 'a front end importing one of core’s modules instead of its index',
    filePath: 'src/cli/probe.ts',
    code: lines("import { RULES } from '../core/rules';", "export type { CascadeReport } from '../core/types';", 'export { RULES };'),
    expected: [
      ['no-restricted-imports', "src/cli imports core only through its index ('../core')"],
      ['no-restricted-imports', "src/cli imports core only through its index ('../core')"],
    ],
  },
  {
    what: 'React outside the pane and the preview, and the zip library outside xlsx',
    filePath: 'src/excel/probe.ts',
    code: lines("export { createElement } from 'react';", "export { makeStyles } from '@fluentui/react-components';", "export { unzipSync } from 'fflate';"),
    expected: [
      ['no-restricted-imports', 'src/excel may not import React and Fluent UI'],
      ['no-restricted-imports', 'src/excel may not import React and Fluent UI'],
      ['no-restricted-imports', 'src/excel may not import the zip and XML libraries'],
    ],
  },
  {
    what: 'a hook called conditionally in the pane',
    filePath: 'src/taskpane/components/Probe.tsx',
    code: lines(
      "import { useState } from 'react';",
      'export function Probe({ open }: { open: boolean }) {',
      '  if (open) useState(0);',
      '  return null;',
      '}',
    ),
    expected: [['react-hooks/rules-of-hooks', 'React Hook "useState" is called conditionally']],
  },
];

const ALLOWED: Omit<Probe, 'expected'>[] = [
  {
    what: "core importing core's own modules, with timers and Intl",
    filePath: 'src/core/probe.ts',
    code: lines(
      "import { RULES } from './rules';",
      "import type { CascadeReport } from './types';",
      "export const probe = (report: CascadeReport) => setTimeout(() => new Intl.Collator('en').compare(String(report), String(RULES)), 0);",
    ),
  },
  {
    what: 'xlsx using core’s modules, fflate and TextDecoder',
    filePath: 'src/xlsx/probe.ts',
    code: lines("import { unzipSync } from 'fflate';", "import type { SourceTable } from '../core/types';", 'export const probe = (bytes: Uint8Array, tables: SourceTable[]) => [unzipSync(bytes), new TextDecoder(), tables];'),
  },
  {
    what: 'the pane using core’s index, the Excel adapter, React, Fluent and xlsx lazily',
    filePath: 'src/taskpane/components/Probe.tsx',
    code: lines(
      "import { Button } from '@fluentui/react-components';",
      "import { useState } from 'react';",
      "import { RULES } from '../../core';",
      "import type { OfficeHost } from '../../excel/types';",
      "export type Xlsx = typeof import('../../xlsx');",
      'export function Probe({ host }: { host: OfficeHost }) {',
      '  const [count, setCount] = useState(0);',
      "  const load = () => import('../../xlsx');",
      '  return <Button onClick={() => setCount(count + 1)} title={String([host, RULES, load, document.title])} />;',
      '}',
    ),
  },
  {
    what: 'the preview hosting the pane',
    filePath: 'src/preview/probe.tsx',
    code: lines("export { App } from '../taskpane/App';", "export { readWorkbook } from '../xlsx';", "export { ExcelActionError } from '../excel/types';", "export { RULES } from '../core';"),
  },
  {
    what: 'the checker using Node and xlsx',
    filePath: 'src/cli/probe.ts',
    code: lines("import { readFileSync } from 'node:fs';", "import { readWorkbook } from '../xlsx';", "import { checkTables } from '../core';", 'export const probe = [readFileSync, readWorkbook, checkTables, process.argv];'),
  },
];

/** Lints every probe with one ESLint, in a child process (see lint-texts.mjs). */
function lintAll(probes: { filePath: string; code: string }[]): Message[][] {
  const output = execFileSync(process.execPath, [join(__dirname, 'lint-texts.mjs')], {
    cwd: root,
    input: JSON.stringify(probes.map(({ filePath, code }) => ({ filePath, code }))),
    encoding: 'utf8',
  });
  return JSON.parse(output) as Message[][];
}

let forbidden: Message[][];
let allowed: Message[][];
beforeAll(() => {
  const results = lintAll([...PROBES, ...ALLOWED]);
  forbidden = results.slice(0, PROBES.length);
  allowed = results.slice(PROBES.length);
}, 60000);

describe('lint fails a file that crosses a boundary', () => {
  test.each(PROBES.map((probe, index) => [probe.what, index, probe] as const))('%s', (_what, index, probe) => {
    const got = forbidden[index].map(({ ruleId, message }) => ({ ruleId, message }));
    expect(got).toEqual(probe.expected.map(([ruleId, text]) => ({ ruleId, message: expect.stringContaining(text) })));
  });
});

describe('lint passes a file that keeps to the boundaries', () => {
  test.each(ALLOWED.map((probe, index) => [probe.what, index] as const))('%s', (_what, index) => {
    expect(allowed[index]).toEqual([]);
  });
});

describe("core's type check knows no host", () => {
  const FORBIDDEN = lines('export const probe = [document.title, globalThis.window, process.env, Office.context];');
  const ALLOWED_CODE = lines("export const probe = new Intl.Collator('en').compare('a', String(new Map().size));");

  /** Type-checks texts as files of src/core with tsconfig.core.json's options, in one program. */
  function typeErrors(codes: string[]): string[][] {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.core.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    });
    if (!config) throw new Error('tsconfig.core.json could not be read');
    const files = new Map(codes.map((code, index) => [join(root, 'src', 'core', `probe-${index}.ts`), code]));
    const host = ts.createCompilerHost(config.options);
    const getSourceFile = host.getSourceFile;
    host.getSourceFile = (name, version, ...rest) => {
      const code = files.get(name);
      return code === undefined ? getSourceFile(name, version, ...rest) : ts.createSourceFile(name, code, version);
    };
    const program = ts.createProgram([...files.keys()], config.options, host);
    const global = program.getGlobalDiagnostics().map((diagnostic) => diagnostic.messageText);
    if (global.length > 0) throw new Error(`tsconfig.core.json: ${JSON.stringify(global)}`);
    return [...files.keys()].map((name) =>
      program.getSemanticDiagnostics(program.getSourceFile(name)).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
    );
  }

  let errors: string[][];
  beforeAll(() => {
    errors = typeErrors([FORBIDDEN, ALLOWED_CODE]);
  }, 60000);

  test('the page, Node and Office are unknown names in src/core', () => {
    expect(errors[0]).toEqual([
      expect.stringContaining("Cannot find name 'document'"),
      expect.stringContaining("type 'typeof globalThis' has no index signature"),
      expect.stringContaining("Cannot find name 'process'"),
      expect.stringContaining("Cannot find name 'Office'"),
    ]);
  });

  test('the language itself is known', () => {
    expect(errors[1]).toEqual([]);
  });
});
