/** Write results and Remove results: the computed columns into the cascade tables, and out again. */

import { hasCascade, noCascadeNotice, removeNotice, writeNotice } from '../notices';
import type { CheckFeature } from './check';
import type { SessionCore } from './session';

export interface ResultsFeature {
  /** Checks the workbook afresh and writes that report, so what is written matches the tables as they are. */
  writeResults(): Promise<void>;
  removeResults(): Promise<void>;
}

export function resultsFeature(core: SessionCore, { readAndCheck }: CheckFeature): ResultsFeature {
  return {
    writeResults: () =>
      core.run('write', async () => {
        const fresh = await readAndCheck();
        if (!hasCascade(fresh.report)) return noCascadeNotice();
        core.onProgress(0, 0, 'Writing the results…');
        return writeNotice(await core.workbook.writeResults(fresh.report, fresh.tables, core.onProgress));
      }),
    removeResults: () =>
      core.run('remove', async () => {
        core.onProgress(0, 0, 'Removing the results…');
        return removeNotice(await core.workbook.removeResults(core.onProgress));
      }),
  };
}
