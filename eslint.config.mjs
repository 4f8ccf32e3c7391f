import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * The architecture's boundaries (the folder table in docs/architecture.md), enforced here so that a
 * file reaching across them fails `npm run lint`; test/lint/boundaries.test.ts holds the probes.
 *
 * - Each folder of src/ imports only the folders it lists. The front ends (cli, taskpane, functions,
 *   preview) never import one another, except that the preview hosts the task pane.
 * - A front end imports core only through its index (`../core`), never one of its modules, so core's
 *   index is its whole public surface. The adapters (excel, xlsx) sit beside core and may use its
 *   modules directly: xlsx shares core's addressing, dates and ownership record.
 * - Each folder imports only the packages of the hosts it runs in: Node built-ins only in the CLI,
 *   React and Fluent only in the pane and the preview, zip and XML only in xlsx.
 */
const FOLDERS = {
  core: { imports: [], packages: [] },
  xlsx: { imports: ['core'], packages: ['zip-xml'] },
  excel: { imports: ['core'], packages: [] },
  functions: { imports: ['core'], packages: [], coreIndexOnly: true },
  cli: { imports: ['core', 'xlsx'], packages: ['node'], coreIndexOnly: true },
  taskpane: { imports: ['core', 'excel', 'xlsx'], packages: ['react'], coreIndexOnly: true },
  preview: { imports: ['core', 'excel', 'xlsx', 'taskpane'], packages: ['react'], coreIndexOnly: true },
};

/** The packages that belong to one host or one adapter, by the name FOLDERS uses for them. */
const PACKAGES = {
  node: { names: ['node:*', ...builtinModules.filter((name) => /^[a-z]+$/.test(name)).map((name) => `node:${name}`)], what: 'Node built-ins' },
  react: { names: ['react', 'react-dom', '@fluentui/*'], what: 'React and Fluent UI' },
  'zip-xml': { names: ['fflate', 'fast-xml-parser'], what: 'the zip and XML libraries' },
  office: { names: ['office-js', '@types/office-js', '@microsoft/office-js'], what: 'office.js (its types are global)' },
};

/**
 * What core and xlsx may not touch: they run in Node and in the pane alike, so neither a page, a
 * host's API nor Node's process. Timers, Intl and TextEncoder exist everywhere and stay allowed.
 * tsconfig.core.json (no DOM library) catches the rest in core, e.g. `globalThis.document`.
 */
const HOST_GLOBALS = [
  [['document', 'window', 'navigator', 'location', 'localStorage', 'sessionStorage', 'self'], 'The page belongs to the task pane and the preview; this folder runs in Node too.'],
  [['fetch', 'XMLHttpRequest'], 'Reading files and the network belong to the hosts; take the bytes or tables as an argument.'],
  [['Office', 'Excel', 'OfficeExtension', 'CustomFunctions'], "Office's APIs belong to src/excel, src/taskpane/office.ts and src/functions; take what you need as an argument."],
  [['process', 'Buffer', 'require', '__dirname', '__filename'], 'Node belongs to the CLI; this folder runs in the browser too.'],
].flatMap(([names, message]) => names.map((name) => ({ name, message })));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The relative imports `folder`'s files may not write, as regular expressions over the import text. */
function forbiddenPaths(folder) {
  const { imports, coreIndexOnly } = FOLDERS[folder];
  const others = Object.keys(FOLDERS).filter((other) => other !== folder && !imports.includes(other));
  const rules = others.map((other) => ({
    regex: `^(\\.\\./)+${escape(other)}(/|$)`,
    message: `src/${folder} may not import src/${other} (see the folder table in docs/architecture.md).`,
  }));
  if (folder === 'core') {
    rules.push({ regex: '^(\\.\\./){2,}', message: 'src/core imports nothing outside itself.' });
  }
  if (coreIndexOnly) {
    rules.push({
      regex: '^(\\.\\./)+core/.',
      message: `src/${folder} imports core only through its index ('../core'), not one of its modules.`,
    });
  }
  return rules;
}

/**
 * A package name as a regular expression over the import text: the package or one of its files,
 * `@scope/*` for a whole scope (`node:*` for every built-in), and a Node built-in with or without
 * its `node:` prefix.
 */
function packagePattern(name) {
  if (name.endsWith('*')) return `^${escape(name.slice(0, -1))}`;
  if (name.startsWith('node:')) return `^(node:)?${escape(name.slice('node:'.length))}(/|$)`;
  return `^${escape(name)}(/|$)`;
}

/** The packages `folder`'s files may not import. */
function forbiddenPackages(folder) {
  const allowed = FOLDERS[folder].packages;
  return Object.entries(PACKAGES)
    .filter(([name]) => !allowed.includes(name))
    .map(([, { names, what }]) => ({ regex: names.map(packagePattern).join('|'), message: `src/${folder} may not import ${what}.` }));
}

/** `import('…')` and `typeof import('…')` escape no-restricted-imports, so the same paths go through no-restricted-syntax. */
function forbiddenDynamicImports(folder) {
  return forbiddenPaths(folder).flatMap(({ regex, message }) => {
    const pattern = `/${regex.replace(/\//g, '\\/')}/`;
    return [
      { selector: `ImportExpression[source.value=${pattern}]`, message },
      { selector: `TSImportType[source.value=${pattern}]`, message },
    ];
  });
}

function boundaries(folder) {
  const rules = {
    'no-restricted-imports': ['error', { patterns: [...forbiddenPaths(folder), ...forbiddenPackages(folder)] }],
    'no-restricted-syntax': ['error', ...forbiddenDynamicImports(folder)],
  };
  if (folder === 'core' || folder === 'xlsx') rules['no-restricted-globals'] = ['error', ...HOST_GLOBALS];
  return { files: [`src/${folder}/**/*.{ts,tsx}`], rules };
}

export default tseslint.config(
  { ignores: ['dist/', 'dist-web/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-console': 'error' },
  },
  ...Object.keys(FOLDERS).map(boundaries),
  { ...reactHooks.configs.flat.recommended, files: ['src/taskpane/**/*.{ts,tsx}', 'src/preview/**/*.{ts,tsx}'] },
);
