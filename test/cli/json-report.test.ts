/** `check --json` keeps to the spec's node fields: what the engine adds for the other views stays out. */

import { AS_OF, EXAMPLE, runChecker } from './run';

/** Spec section 7, in its order. Written out here, not imported, so that a field added to the JSON fails this test. */
const SPEC_NODE_FIELDS = [
  'id', 'name', 'kind', 'level', 'parent', 'workbook', 'sheet', 'table', 'row',
  'progress', 'score', 'expected', 'status', 'contribution', 'aligned', 'path', 'issues',
];

describe('the JSON nodes', () => {
  test('have exactly the fields of spec section 7, in its order, and not the graph, owner or cell', async () => {
    const { out } = await runChecker(['check', EXAMPLE, ...AS_OF, '--json']);
    const report = JSON.parse(out) as { nodes: Record<string, unknown>[] };
    expect(report.nodes.length).toBeGreaterThan(0);
    for (const node of report.nodes) expect(Object.keys(node)).toEqual(SPEC_NODE_FIELDS);
  });
});
