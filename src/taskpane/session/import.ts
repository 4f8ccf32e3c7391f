/** Import team workbooks: plan the chosen files against the workbook (nothing changes), then insert them and check again. */

import type { ImportPlan } from '../../core';
import { planImportInto, preparedImports, type ChosenWorkbook } from '../import-files';
import { importNotice } from '../notices';
import type { CheckFeature } from './check';
import { nextFrame, type SessionCore } from './session';

export interface ImportFeature {
  /** What importing these workbooks would do, before anything changes. Throws what the adapter throws. */
  planImport(chosen: ChosenWorkbook[]): Promise<ImportPlan>;
  importWorkbooks(chosen: ChosenWorkbook[], plan: ImportPlan): Promise<void>;
}

export function importFeature(core: SessionCore, { readAndCheck }: CheckFeature): ImportFeature {
  return {
    planImport: (chosen) => planImportInto(core.workbook, chosen),
    importWorkbooks: (chosen, plan) =>
      core.run('import', async () => {
        core.onProgress(0, 0, 'Preparing the team workbooks…');
        await nextFrame();
        const outcome = await core.workbook.importSheets(await preparedImports(chosen, plan), plan, core.onProgress);
        await readAndCheck();
        return importNotice(outcome);
      }),
  };
}
