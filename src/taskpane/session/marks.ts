/**
 * Mark issues in cells: the session's own switch (not a setting saved in the workbook, and off at
 * first, because marks change how the user's sheets look). While on, every check marks its issues.
 */

import type { SessionCore } from './session';

export interface MarksFeature {
  /** Marks the issues of the report on screen, or clears the marks; a failure puts the switch back. */
  setMarkIssues(on: boolean): Promise<void>;
}

export function marksFeature(core: SessionCore): MarksFeature {
  const { workbook, capabilities } = core;
  if (capabilities.markIssues.available) {
    core.afterEachCheck('marks', async (report) => {
      if (core.getSnapshot().markIssues) await workbook.markIssueCells(report.issues);
    });
  }
  return {
    setMarkIssues: (on) =>
      core.run('marks', async () => {
        core.update({ markIssues: on });
        try {
          const { report } = core.getSnapshot();
          if (!on) await workbook.clearIssueMarks();
          else if (report) await workbook.markIssueCells(report.issues);
        } catch (error) {
          core.update({ markIssues: !on });
          throw error;
        }
        return null;
      }),
  };
}
