/** The command line of `kpi-align template --team NAME --from FINANCE.xlsx -o TEAM.xlsx [--level Team]`. */

import { parseArgs } from 'node:util';
import { TEAM_LEVELS, type TeamLevel } from '../core';
import type { ParsedCommand } from './options';

export interface TemplateOptions {
  team: string;
  level: TeamLevel;
  /** Finance's workbook, and any others whose KPIs the team's may align to. */
  from: string[];
  output: string;
  now: Date;
}

/** A sentence for each workbook named more than once (check's files, template's --from): each is read once. */
export function filesNamedTwice(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const file of files) {
    if (seen.has(file)) errors.push(`${file} is named twice; each workbook is read once.`);
    seen.add(file);
  }
  return errors;
}

/** Reads the arguments after `template`. */
export function parseTemplateCommandLine(argv: string[], now: Date): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        team: { type: 'string' },
        level: { type: 'string' },
        from: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { command: 'usage-error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const errors: string[] = [];
  if (positionals.length > 0) errors.push(`template takes its workbooks with --from, not "${positionals.join(' ')}".`);
  const team = (values.team ?? '').trim();
  if (team === '') errors.push('Name the team with --team, such as --team Sales.');
  const level = TEAM_LEVELS.find((name) => name.toLowerCase() === (values.level ?? 'Team').trim().toLowerCase());
  if (!level) errors.push(`--level "${values.level}" is not a level for a team sheet; use ${TEAM_LEVELS.join(', ')}.`);
  const from = values.from ?? [];
  if (from.length === 0) errors.push("Name finance's workbook with --from FINANCE.xlsx.");
  errors.push(...filesNamedTwice(from));
  const output = values.output ?? '';
  if (output === '') errors.push('Name the new workbook with -o TEAM.xlsx.');
  else if (!/\.xlsx$/i.test(output)) errors.push(`-o needs an .xlsx file name, not "${output}".`);
  if (errors.length > 0 || !level) return { command: 'usage-error', message: errors.join('\n') };
  return { command: 'template', options: { team, level, from, output, now } };
}
