/** `kpi-align`: the command-line checker. Files in, the engine, a report out. */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkTables, ownersWithRequired, SettingsInput, SourceTable } from '../core';
import { contentsOf, InputError, readWorkbookFile } from './load';
import { parseCommandLine, USAGE, CheckOptions, TemplateOptions } from './options';
import { processTerminal, Terminal } from './terminal';
import { settingsFor } from './settings';
import { runTemplate } from './template';
import { jsonReport } from './json-report';
import { renderOwners } from './owners-report';
import { renderTextReport } from './text-report';
import { writeResults } from './write';

export const EXIT = { clean: 0, cascadeErrors: 1, unreadable: 2 } as const;

/** Rows above which the checker tells a person at a terminal what it is doing. */
const PROGRESS_ROWS = 10_000;

export async function main(argv: string[], terminal: Terminal = processTerminal(), now: Date = new Date()): Promise<number> {
  const parsed = parseCommandLine(argv, now);
  switch (parsed.command) {
    case 'help':
      terminal.out(USAGE);
      return EXIT.clean;
    case 'version':
      terminal.out(`${version()}\n`);
      return EXIT.clean;
    case 'usage-error':
      terminal.err(`kpi-align: ${parsed.message}\n\n${USAGE}`);
      return EXIT.unreadable;
    case 'check':
      return check(parsed.options, terminal);
    case 'template':
      return template(parsed.options, terminal);
  }
}

async function check(options: CheckOptions, terminal: Terminal): Promise<number> {
  const progress = (text: string) => {
    if (terminal.progress) terminal.err(`${text}\n`);
  };
  try {
    const workbooks: { path: string; bytes: Uint8Array; tables: SourceTable[]; settings: SettingsInput | null }[] = [];
    for (const path of options.files) {
      const bytes = await readWorkbookFile(path);
      if (bytes.length > 1_000_000) progress(`Reading ${path} (${(bytes.length / 1e6).toFixed(1)} MB)…`);
      const contents = contentsOf(bytes, path);
      workbooks.push({ path, bytes, ...contents });
      if (contents.uncalculated.length > 0) terminal.err(`kpi-align: ${uncalculatedWarning(path, contents.uncalculated)}\n`);
    }
    const tables = workbooks.flatMap((workbook) => workbook.tables);
    const rows = tables.reduce((sum, table) => sum + table.rows.length, 0);
    if (rows > PROGRESS_ROWS) progress(`Checking ${rows.toLocaleString('en-US')} rows in ${tables.length} tables…`);
    const report = checkTables(tables, settingsFor(workbooks, options, terminal));

    if (options.write) {
      const [input] = workbooks;
      progress(`Writing ${options.write}…`);
      const notes = await writeResults(input.path, input.bytes, input.tables, report, options.write);
      for (const note of notes) terminal.err(`kpi-align: ${note.message}\n`);
    }
    if (options.owners && rows > PROGRESS_ROWS) progress('Working out the actuals the KPIs behind need…');
    const owners = options.owners ? ownersWithRequired(report, tables) : undefined;
    const sections = owners ? [renderOwners(owners, terminal, workbooks.length > 1)] : [];
    terminal.out(options.json ? `${JSON.stringify(jsonReport(report, owners), null, 2)}\n` : renderTextReport(report, terminal, sections));
    if (options.write && !options.json) terminal.out(`Wrote ${options.write}.\n`);
    return report.summary.errors > 0 ? EXIT.cascadeErrors : EXIT.clean;
  } catch (error) {
    if (error instanceof InputError) {
      terminal.err(`kpi-align: ${error.message}\n`);
      return EXIT.unreadable;
    }
    throw error;
  }
}

/** `kpi-align template`: a new team workbook; an input that cannot be read, or an output that cannot be written, is exit 2. */
async function template(options: TemplateOptions, terminal: Terminal): Promise<number> {
  try {
    await runTemplate(options, terminal);
    return EXIT.clean;
  } catch (error) {
    if (error instanceof InputError) {
      terminal.err(`kpi-align: ${error.message}\n`);
      return EXIT.unreadable;
    }
    throw error;
  }
}

/** A workbook whose formulas were never calculated reads them as blank: say so, and how to fix it. */
function uncalculatedWarning(path: string, cells: string[]): string {
  const shown = cells.slice(0, 3).join(', ') + (cells.length > 3 ? ', …' : '');
  return `${path} has ${cells.length} formula cell${cells.length === 1 ? '' : 's'} without a calculated value (${shown}), read as blank: it was saved by a program that does not calculate. Open and save it in Excel or LibreOffice first.`;
}

/** The package's version, from the nearest package.json above this file (src/ in tests, dist/src/ when built). */
function version(): string {
  for (let folder = __dirname; folder !== dirname(folder); folder = dirname(folder)) {
    const file = join(folder, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}
