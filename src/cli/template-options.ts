/** The command line of `kpi-align template --team NAME --from FINANCE.xlsx -o TEAM.xlsx [--level Team]`. */

import { TEAM_LEVELS, type TeamLevel } from '../core';
import { filesNamedTwice, readArguments } from './arguments';
import type { ParsedCommand } from './options';

export interface TemplateOptions {
  team: string;
  level: TeamLevel;
  /** Finance's workbook, and any others whose KPIs the team's may align to. */
  from: string[];
  output: string;
  now: Date;
}

/** Reads the arguments after `template`. */
export function parseTemplateCommandLine(argv: string[], now: Date): ParsedCommand {
  const parsed = readArguments(argv, {
    team: { type: 'string' },
    level: { type: 'string' },
    from: { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (!parsed.ok) return { command: 'usage-error', message: parsed.message };
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
