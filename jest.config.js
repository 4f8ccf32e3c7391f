/**
 * Three projects, so that each kind of test can run on its own (`npx jest --selectProjects node`):
 *
 * - node: everything that needs neither a DOM nor a browser (most of the suite);
 * - jsdom: the files that ask for a DOM with a `@jest-environment jsdom` docblock (the task pane's);
 * - chromium: test/e2e, which drives the built preview in Debian's Chromium (`npm run test:e2e`).
 *
 * `npm test` runs all three and ends with the summary reporter's "N passed, N failed" line.
 * ts-jest only transpiles (tsconfig.json has `isolatedModules`): type checking is `npm run lint`'s job.
 */
const { readdirSync, readFileSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const TEST_FILE = /\.test\.tsx?$/;
const ASKS_FOR_JSDOM = /@jest-environment\s+jsdom\b/;

function testFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return TEST_FILE.test(entry.name) ? [path] : [];
  });
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A path under the root as a testPathIgnorePatterns entry that matches that file only. */
const exactly = (path) => `^${escapeRegExp(join(__dirname, path))}$`;

const testRoot = join(__dirname, 'test');
const e2e = `test${sep}e2e${sep}`;
// The docblock must come before any code, so the first lines are enough to find it.
const jsdomFiles = testFiles(testRoot)
  .map((path) => relative(__dirname, path))
  .filter((path) => !path.startsWith(e2e) && ASKS_FOR_JSDOM.test(readFileSync(join(__dirname, path), 'utf8').slice(0, 2000)));

const shared = {
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': 'ts-jest' },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', ...jsdomFiles.map(exactly)],
    },
    {
      ...shared,
      displayName: 'jsdom',
      testEnvironment: 'jsdom',
      testMatch: jsdomFiles.map((path) => `<rootDir>/${path.split(sep).join('/')}`),
      setupFiles: ['<rootDir>/test/support/computed-style.ts'],
    },
    {
      ...shared,
      displayName: 'chromium',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
    },
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testTimeout: 30000,
};
