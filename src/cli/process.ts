/**
 * The checker as a process: what `bin/kpi-align.js` runs. A failure of KPI Align itself (a bug, or a
 * limit of the machine such as memory) is exit status 3 with one line that says so, never a stack
 * trace and never status 1, which means "the cascade has errors".
 */

import type { Terminal } from './terminal';

export const INTERNAL_ERROR = 3;

export async function runProcess(run: () => Promise<number>, terminal: Pick<Terminal, 'err'>, debug = false): Promise<number> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    terminal.err(`kpi-align: KPI Align failed, please report it: ${reason}\n`);
    if (debug && error instanceof Error && error.stack) terminal.err(`${error.stack}\n`);
    return INTERNAL_ERROR;
  }
}
