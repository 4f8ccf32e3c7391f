/**
 * `kpi-align template`: reads finance's workbook(s), runs the engine as `check` does, plans a team
 * sheet whose Parent dropdown offers the IDs a KPI of that level may align to, and writes it as a new
 * workbook, atomically and never over an input.
 */

import { checkTables, planTeamSheet, resolveSettings, LIST_NAMES, SettingsInput, SourceTable } from '../core';
import { writeTeamTemplate } from '../xlsx';
import { contentsOf, InputError, readWorkbookFile } from './load';
import { settingsFor } from './settings';
import type { TemplateOptions } from './template-options';
import type { Terminal } from './terminal';
import { sameFile, writeAtomically } from './write';

export async function runTemplate(options: TemplateOptions, terminal: Terminal): Promise<void> {
  for (const input of options.from) {
    if (await sameFile(input, options.output)) {
      throw new InputError(`-o ${options.output} would overwrite the input workbook ${input}; name a new file.`);
    }
  }
  const workbooks: { path: string; tables: SourceTable[]; settings: SettingsInput | null }[] = [];
  for (const path of options.from) workbooks.push({ path, ...contentsOf(await readWorkbookFile(path), path) });
  const defaults = resolveSettings({}, options.now);
  if (!defaults.ok) throw new Error(`The default settings are invalid: ${defaults.errors.join(' ')}`);
  const settings = settingsFor(workbooks, { flags: {}, settings: defaults.settings, now: options.now }, terminal);
  const report = checkTables(workbooks.flatMap((workbook) => workbook.tables), settings);

  // The new workbook holds nothing yet, so no sheet or table name can clash.
  const result = planTeamSheet(report, { team: options.team, level: options.level, sheets: [], tables: [] });
  if (!result.ok) throw new InputError(result.error);
  const { plan } = result;
  await writeAtomically(options.output, writeTeamTemplate(plan));

  const parents = plan.lists.find((list) => list.name === LIST_NAMES.parent)?.values.length ?? 0;
  const sources = options.from.join(', ');
  if (parents === 0) {
    terminal.err(`kpi-align: ${sources} has no KPI with an ID that a ${plan.level} KPI could align to: the Parent dropdown is empty.\n`);
  }
  terminal.out(
    `Wrote ${options.output}: sheet "${plan.sheet}" with table ${plan.table} (${plan.header.length} columns), ` +
      `${parents} Parent choice${parents === 1 ? '' : 's'} from ${sources}.\n`,
  );
}
