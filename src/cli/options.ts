/** The checker's command line: `kpi-align check FILE... [options]`, read and validated. */

import { resolveSettings, Settings, SettingsInput } from '../core';
import { filesNamedTwice, readArguments } from './arguments';
import { parseTemplateCommandLine, type TemplateOptions } from './template-options';

export type { TemplateOptions };

export const USAGE = `Usage: kpi-align check FILE... [options]
       kpi-align template --team NAME --from FINANCE.xlsx [--from MORE.xlsx] -o TEAM.xlsx [--level Team]

Checks the KPI cascade held in one or more .xlsx or .xlsm workbooks or .csv files and reports its
scores and issues. Several files form one cascade (finance's workbook plus each team's workbook).
A .csv file (comma, semicolon or tab; UTF-8 or Windows-1252) is one sheet named after the file.

Options:
  --json              print the report as JSON (the format of the spec, section 7)
  --as-of YYYY-MM-DD  the date progress is measured at (default: today)
                      These four override the settings the add-in stored in the workbook.
  --on-track R        score / expected ratio at or above which a KPI is on track (default 0.9)
  --at-risk R         ratio at or above which a KPI is at risk rather than off track (default 0.7)
  --cap C             the highest score a KPI can reach, 1 to 2 (default 1)
  --write OUT.xlsx    write a copy of the (single) input workbook with the computed columns added
                      (OUT.xlsm for an .xlsm input, whose macros are kept; not for a .csv input)
  --owners            add a summary per owner: status counts, and each KPI behind with the actual
                      it needs for its parent to reach a score of 1 (with --json: an "owners" array)
  -h, --help          show this help
  -v, --version       show the version

template writes a new workbook for a team manager: a KPI table with a help message on every
column and dropdowns for Level, Direction, Rollup, Frequency and Parent (the IDs of the --from
workbooks that a KPI of the level may align to).
  --team NAME         the team; the sheet is "Team NAME"
  --level LEVEL       Organization, Department, Team or Individual (default Team)
  --from FILE.xlsx    finance's workbook (repeat for more workbooks whose KPIs may be parents)
  -o, --output FILE   the new .xlsx workbook; never one of the --from workbooks

Exit status: 0 no errors (template: written), 1 the cascade has errors, 2 the input could not be
read or the command line is wrong.
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
  /** Add the per-owner summaries to the report. */
  owners: boolean;
}

export type ParsedCommand =
  | { command: 'check'; options: CheckOptions }
  | { command: 'template'; options: TemplateOptions }
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
  // template has options of its own; check's would refuse them.
  if (argv[0] === 'template') return parseTemplateCommandLine(argv.slice(1), now);
  const parsed = readArguments(argv, {
    json: { type: 'boolean' },
    'as-of': { type: 'string' },
    'on-track': { type: 'string' },
    'at-risk': { type: 'string' },
    cap: { type: 'string' },
    write: { type: 'string' },
    owners: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  if (!parsed.ok) return { command: 'usage-error', message: parsed.message };
  const { values, positionals } = parsed;
  if (values.version) return { command: 'version' };
  if (values.help || positionals.length === 0) return { command: 'help' };
  const [command, ...files] = positionals;
  if (command !== 'check') return { command: 'usage-error', message: `Unknown command "${command}"; the commands are "check" and "template".` };
  if (files.length === 0) return { command: 'usage-error', message: 'Name at least one .xlsx, .xlsm or .csv file to check.' };

  const errors = filesNamedTwice(files);
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
  else if (write !== null) errors.push(...writeProblems(files[0], write));
  if (errors.length > 0 || !settings.ok) return { command: 'usage-error', message: errors.join('\n') };
  return { command: 'check', options: { files, json: Boolean(values.json), flags, settings: settings.settings, now, write, owners: Boolean(values.owners) } };
}

/**
 * What is wrong with `--write OUTPUT` for the one INPUT, by their names: a .csv input has no workbook
 * to copy (the result would lose nothing but gain formats a .csv cannot hold, so the user saves it
 * as .xlsx first), and the output keeps the input's kind, because Excel refuses to open an .xlsm
 * package named .xlsx and the reverse.
 */
function writeProblems(input: string, output: string): string[] {
  const kind = (name: string) => /\.(xlsx|xlsm|csv)$/i.exec(name)?.[1].toLowerCase() ?? null;
  if (kind(input) === 'csv') {
    return [`--write needs an .xlsx or .xlsm input workbook; ${input} is a .csv file. Open it in Excel, save it as an .xlsx workbook and check that, or check the .csv without --write.`];
  }
  const wanted = kind(output);
  if (wanted !== 'xlsx' && wanted !== 'xlsm') return [`--write needs an .xlsx or .xlsm file name, not "${output}".`];
  const given = kind(input);
  if (given !== null && given !== wanted) {
    return [`--write ${output} must end in .${given} like the input ${input}: Excel does not open a workbook whose extension does not match its kind.`];
  }
  return [];
}
