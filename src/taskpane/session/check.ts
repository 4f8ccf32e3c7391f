/** Check: read every table through the adapter and check the cascade with the engine at the current settings. */

import { checkTables, resolveSettings, type CascadeReport, type SourceTable } from '../../core';
import { hasCascade, noCascadeNotice, SettingsProblem } from '../notices';
import { nextFrame, type SessionCore } from './session';

export interface CheckedWorkbook {
  tables: SourceTable[];
  report: CascadeReport;
}

export interface CheckFeature {
  /** Reads and checks, shows the report, and brings the workbook in line with it; for use inside an action. */
  readAndCheck(): Promise<CheckedWorkbook>;
  check(): Promise<void>;
  /** The automatic re-check: the same check, quiet (it keeps the message on screen). */
  recheck(): Promise<void>;
}

export function checkFeature(core: SessionCore): CheckFeature {
  const readAndCheck = async (): Promise<CheckedWorkbook> => {
    await core.settingsRead;
    core.onProgress(0, 0, 'Reading the workbook…');
    const tables = await core.workbook.readCascade();
    const resolved = resolveSettings(core.getSnapshot().settings, core.now());
    if (!resolved.ok) throw new SettingsProblem(resolved.errors);
    core.onProgress(0, 0, 'Checking the cascade…');
    await nextFrame();
    const report = checkTables(tables, resolved.settings);
    core.update({ tables, report });
    await core.bringWorkbookInLine(report);
    return { tables, report };
  };
  const checkWork = async () => (hasCascade((await readAndCheck()).report) ? null : noCascadeNotice());
  return {
    readAndCheck,
    check: () => core.run('check', checkWork),
    recheck: () => core.run('check', checkWork, true),
  };
}
