/**
 * New team sheet, and the Parent dropdown that follows the cascade: after every check the lists
 * sheet's choices are rewritten (the adapter writes nothing when the workbook has no lists sheet).
 */

import { choiceLists, planTeamSheet, type TeamLevel } from '../../core';
import { teamSheetNotice } from '../notices';
import type { CheckFeature } from './check';
import type { SessionCore } from './session';

export interface TeamSheetRequest {
  team: string;
  level: TeamLevel;
}

/** The cell a new team sheet opens on: the first ID to fill in, below the header. */
export const TEAM_SHEET_FIRST_CELL = 'A2';

export interface TeamSheetFeature {
  /** Creates a team sheet; resolves to the sentence that says what is wrong with the request, or null once done (or failed with a notice). */
  createTeamSheet(request: TeamSheetRequest): Promise<string | null>;
}

export function teamSheetFeature(core: SessionCore, { readAndCheck }: CheckFeature): TeamSheetFeature {
  const { workbook, capabilities } = core;
  if (capabilities.teamSheet.available) {
    // The workbook has one Parent list, for the level its heading records (that of the last team sheet made).
    core.afterEachCheck('lists', async (report) => {
      await workbook.refreshChoiceLists((level) => choiceLists(report, level));
    });
  }
  return {
    async createTeamSheet({ team, level }) {
      let refusal: string | null = null;
      await core.run('team-sheet', async () => {
        const fresh = await readAndCheck();
        const names = await workbook.listNames();
        const planned = planTeamSheet(fresh.report, { team, level, sheets: names.sheets, tables: names.tables });
        if (!planned.ok) {
          refusal = planned.error;
          return null;
        }
        const { plan } = planned;
        core.onProgress(0, 0, `Creating the sheet ${plan.sheet}…`);
        await workbook.createTeamSheet(plan);
        await readAndCheck();
        await workbook.selectCell(plan.sheet, TEAM_SHEET_FIRST_CELL);
        return teamSheetNotice(plan.sheet, plan.table, plan.lists[0]?.values.length ?? 0);
      });
      return refusal;
    },
  };
}
