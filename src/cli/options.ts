/** The checker's command line: `kpi-align check FILE... [options]`, read and validated. */

import { parseArgs } from 'node:util';
import { resolveSettings, Settings, SettingsInput } from '../core';

export const USAGE = `Usage: kpi-align check FILE... [options]

Checks the KPI cascade held in one or more .xlsx workbooks and reports its scores and issues.
Several files form one cascade (finance's workbook plus each team's workbook).

Options:
  --json              print the report as JSON (the format of the spec, section 7)
  --as-of YYYY-MM-DD  the date progress is measured at (default: today)
                      These four override the settings the add-in stored in the workbook.
  --on-track R        score / expected ratio at or above which a KPI is on track (default 0.9)
  --at-risk R         ratio at or above which a KPI is at risk rather than off track (default 0.7)
  --cap C             the highest score a KPI can reach, 1 to 2 (default 1)
  --write OUT.xlsx    write a copy of the (single) input workbook with the computed columns added
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 no errors, 1 the cascade has errors, 2 the input could not be read.
`;

export interface CheckOptions {
  files: string[];
  json: boolean;
  /** The settings given on the command line only; they win over settings stored in a workbook. */
  flags: SettingsInput;
  /** The settings from the command line and the defaults, for a workbook that stores none. */
  settings: Settings;
  now: Date;
  write: string | null;
}

export type ParsedCommand =
  | { command: 'check'; options: CheckOptions }
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'usage-error'; message: string };

function ratio(name: string, text: string | undefined, errors: string[]): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    errors.push(`--${name} needs a number, not "${text}".`);
    return undefined;
  }
  return value;
}

export function parseCommandLine(argv: string[], now: Date = new Date()): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
        'on-track': { type: 'string' },
        'at-risk': { type: 'string' },
        cap: { type: 'string' },
        write: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return { command: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.version) return { command: 'version' };
  if (values.help || positionals.length === 0) return { command: 'help' };
  const [command, ...files] = positionals;
  if (command !== 'check') return { command: 'usage-error', message: `Unknown command "${command}"; the command is "check".` };
  if (files.length === 0) return { command: 'usage-error', message: 'Name at least one .xlsx file to check.' };

  const errors: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file)) errors.push(`${file} is named twice; each workbook is read once.`);
    seen.add(file);
  }
  const onTrack = ratio('on-track', values['on-track'], errors);
  const atRisk = ratio('at-risk', values['at-risk'], errors);
  const scoreCap = ratio('cap', values.cap, errors);
  const flags: SettingsInput = Object.fromEntries(
    Object.entries({ asOf: values['as-of'], onTrack, atRisk, scoreCap }).filter(([, value]) => value !== undefined),
  );
  const settings = resolveSettings(flags, now);
  if (!settings.ok) errors.push(...settings.errors);
  const write = values.write ?? null;
  if (write !== null && files.length !== 1) errors.push('--write takes exactly one input workbook.');
  if (write !== null && !/\.xlsx$/i.test(write)) errors.push(`--write needs an .xlsx file name, not "${write}".`);
  if (errors.length > 0 || !settings.ok) return { command: 'usage-error', message: errors.join('\n') };
  return { command: 'check', options: { files, json: Boolean(values.json), flags, settings: settings.settings, now, write } };
}
