/**
 * onChanged events. Excel raises them for changes made by people and by add-ins alike ("Work with
 * events using the Excel JavaScript API"), after the change, asynchronously. The model raises
 * TableChanged and WorksheetChanged for value edits and for table columns added or deleted, not
 * for format changes (those are onFormatChanged in Excel), one event per change and table.
 */

import { intersects, rectName } from './addresses';
import type { ModelContext } from './context';
import { tableRect, type Change, type EventRegistration, type EventTarget, type WorkbookState } from './state';

export interface ModelEventHandlerResult {
  context: ModelContext;
  remove(): void;
}

export class ModelEventHandlers {
  constructor(
    private readonly context: ModelContext,
    private readonly target: () => EventTarget,
    private readonly path: string,
  ) {}

  /** Registers at the next sync (ExcelApi 1.7 for table and worksheet onChanged). */
  add(handler: (args: Record<string, unknown>) => unknown): ModelEventHandlerResult {
    const context = this.context;
    let registration: EventRegistration | null = null;
    context.enqueue({
      where: 'EventHandlers.add',
      since: '1.7',
      describe: { p: this.path, e: 'add' },
      run: () => void context.state.registrations.push((registration = { target: this.target(), handler })),
    });
    return {
      context,
      remove: () =>
        context.enqueue({
          where: 'EventHandlerResult.remove',
          describe: { p: this.path, e: 'remove' },
          run: () => {
            const list = context.state.registrations;
            if (registration && list.includes(registration)) list.splice(list.indexOf(registration), 1);
          },
        }),
    };
  }
}

/** Calls the handlers registered for what changed, each in its own microtask, as Excel calls them later. */
export function dispatchChanges(state: WorkbookState, changes: Change[]): void {
  for (const change of changes) {
    const address = rectName(change.rect);
    const tables = change.tableId !== undefined
      ? state.tables.filter((table) => table.id === change.tableId)
      : state.tablesOn(change.sheet).filter((table) => intersects(tableRect(table), change.rect));
    for (const registration of [...state.registrations]) {
      const { target } = registration;
      if (target.kind === 'worksheet') {
        if (target.id === change.sheet.id) {
          call(registration, { type: 'WorksheetChanged', changeType: change.changeType, source: 'Local', worksheetId: change.sheet.id, address });
        }
        continue;
      }
      for (const table of tables) {
        if (target.kind === 'table' && target.id !== table.id) continue;
        call(registration, {
          type: 'TableChanged', changeType: change.changeType, source: 'Local', tableId: table.id, worksheetId: change.sheet.id, address,
        });
      }
    }
  }
}

function call(registration: EventRegistration, args: Record<string, unknown>): void {
  queueMicrotask(() => {
    // Excel ignores what a handler returns or throws; so does the model.
    Promise.resolve()
      .then(() => registration.handler(args))
      .catch(() => undefined);
  });
}
