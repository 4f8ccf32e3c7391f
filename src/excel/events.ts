/**
 * Tells the pane when a table changes, so that it can check again. One handler on the workbook's
 * table collection (`TableCollection.onChanged`, ExcelApi 1.7) hears every table, including tables
 * added later. Excel raises the event for changes made by add-ins too ("Work with events using the
 * Excel JavaScript API"), so writing the results raises it as well; the pane only reads and checks
 * on it, which changes nothing, so nothing loops.
 */

import type { OfficeHost } from './types';

export async function watchTables(host: OfficeHost, listener: () => void): Promise<() => Promise<void>> {
  const registration = await host.run(async (context) => {
    const result = context.workbook.tables.onChanged.add(async () => listener());
    await context.sync();
    return result;
  });
  return async () => {
    // Office.js removes a handler in the context it was added in: Excel.run(result.context, …).
    const context = registration.context as Excel.RequestContext;
    const remove = async (batch: Excel.RequestContext) => {
      registration.remove();
      await batch.sync();
    };
    if (host.runInContext) await host.runInContext(context, remove);
    else await remove(context);
  };
}
