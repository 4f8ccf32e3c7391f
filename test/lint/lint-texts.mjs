/**
 * Lints texts as if they were files of the project, with the project's own eslint.config.mjs, and
 * prints their messages as JSON: stdin is `[{ filePath, code }]`, stdout `[[{ ruleId, message, line }]]`.
 * It runs as a child of test/lint/boundaries.test.ts because ESLint loads its config with `import()`,
 * which Jest's module sandbox refuses without --experimental-vm-modules.
 */
import { readFileSync } from 'node:fs';
import { stdout } from 'node:process';
import { ESLint } from 'eslint';

const probes = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint();
const results = [];
for (const { filePath, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line })));
}
stdout.write(JSON.stringify(results));
