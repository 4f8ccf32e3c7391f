/** Insert sample scorecard: the Northwind Outfitters example as real tables, read at its own as-of date, then checked. */

import type { SampleData } from '../sample';
import type { CheckFeature } from './check';
import type { SessionCore } from './session';

export interface SampleFeature {
  insertSample(): Promise<void>;
}

export function sampleFeature(core: SessionCore, { readAndCheck }: CheckFeature, loadSample: () => Promise<SampleData>): SampleFeature {
  return {
    insertSample: () =>
      core.run('sample', async () => {
        core.onProgress(0, 0, 'Loading the sample scorecard…');
        const sample = await loadSample();
        core.onProgress(0, 0, 'Building the sample tables…');
        await core.workbook.insertSampleScorecard({ tables: sample.tables });
        // The sample's figures are read at its own date; without it every actual would look stale.
        if (sample.asOf) {
          const next = { ...core.getSnapshot().settings, asOf: sample.asOf };
          if (core.capabilities.settings.available) await core.workbook.saveSettings(next);
          core.update({ settings: next });
        }
        await readAndCheck();
        return {
          intent: 'success',
          title: 'Sample scorecard inserted',
          text: `The Northwind Outfitters scorecard is in this workbook${sample.asOf ? `, read as of ${sample.asOf}` : ''}. Its issues are deliberate: open the Issues tab to see them.`,
        };
      }),
  };
}
