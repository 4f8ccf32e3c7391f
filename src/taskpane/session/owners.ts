/** Owner report: checks afresh and writes the owners of that check, with the required actual of each KPI behind. */

import type { OwnerReportLayout } from '../../excel/types';
import { ownerReportNotice } from '../notices';
import { ownersWithRequired } from '../owners';
import type { CheckFeature } from './check';
import type { SessionCore } from './session';

export interface OwnersFeature {
  writeOwnerReport(layout: OwnerReportLayout): Promise<void>;
}

export function ownersFeature(core: SessionCore, { readAndCheck }: CheckFeature): OwnersFeature {
  return {
    writeOwnerReport: (layout) =>
      core.run('owner-report', async () => {
        const fresh = await readAndCheck();
        core.onProgress(0, 0, 'Writing the owner report…');
        const { sheets } = await core.workbook.writeOwnerReport(ownersWithRequired(fresh.report, fresh.tables), layout, fresh.report.asOf);
        return ownerReportNotice(sheets);
      }),
  };
}
