/**
 * The automatic re-check: once the workbook has been checked, a change to a cascade table checks it
 * again after the changes stop for a while; a change that arrives while an action runs waits for it.
 * Before the first Check nothing is read on its own.
 */

import type { CheckFeature } from './check';
import type { SessionCore } from './session';

export interface AutoCheck {
  /** Starts listening for changes; the function returned stops. */
  listen(): () => void;
}

export function autoCheckFeature(core: SessionCore, { recheck }: CheckFeature, delayMs: number): AutoCheck {
  return {
    listen() {
      if (!core.capabilities.autoCheck.available) return () => undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let stop: (() => Promise<void>) | null = null;
      let stopped = false;
      const fire = () => {
        const { report, busy } = core.getSnapshot();
        if (!report) return;
        if (busy !== null) schedule();
        else void recheck();
      };
      const schedule = () => {
        clearTimeout(timer);
        timer = setTimeout(fire, delayMs);
      };
      core.workbook.onCascadeChanged(schedule).then(
        (stopListening) => {
          if (stopped) void stopListening().catch(ignoreWhileClosing);
          else stop = stopListening;
        },
        (error: unknown) => core.fail('auto-check', error),
      );
      return () => {
        stopped = true;
        clearTimeout(timer);
        if (stop) void stop().catch(ignoreWhileClosing);
      };
    },
  };
}

/** The pane is closing: there is nobody left to tell that the listener could not be removed. */
function ignoreWhileClosing(): void {}
