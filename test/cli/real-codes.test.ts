/** A real corporate plan numbered 1.1, 1.1.1 (test/fixtures/real/README.md): its hierarchy is read from its codes. */

import { AS_OF, runChecker } from './run';

it('links the TRA corporate plan by its codes; with no actuals nothing is scored', async () => {
  const { out } = await runChecker(['check', 'test/fixtures/real/tra-corporate-plan.csv', ...AS_OF, '--json']);
  const report = JSON.parse(out);
  const paths = Object.fromEntries(report.nodes.map((n: { id: string; path: string }) => [n.id, n.path]));
  expect(paths).toEqual({ '1.1': '1.1', '1.1.1': '1.1 > 1.1.1', '1.1.2': '1.1 > 1.1.2', '1.2': '1.2', '1.2.1': '1.2 > 1.2.1' });
  expect(report.nodes.map((n: { score: number | null }) => n.score)).toEqual([null, null, null, null, null]);
  const info = report.issues.filter((issue: { code: string }) => issue.code === 'hierarchy-from-codes');
  expect(info.map((issue: { cell: string }) => issue.cell)).toEqual(["'tra-corporate-plan'!A1"]);
  // 1.1 and 1.2 are KPIs with no parent: each is unaligned; their children are not.
  expect(report.issues.filter((issue: { code: string }) => issue.code === 'unaligned').map((issue: { id: string }) => issue.id)).toEqual(['1.1', '1.2']);
});
