/** `check --json`: the report object of spec section 7, and with `--owners` the owners beside it. */

import type { CascadeReport, NodeReport, OwnerSummary } from '../core';

/** The node fields of spec section 7, in its order: the engine's nodes carry more for the other views (owner, cell, and the graph: linkedParent, levelRank). */
const NODE_FIELDS = [
  'id', 'name', 'kind', 'level', 'parent', 'workbook', 'sheet', 'table', 'row',
  'progress', 'score', 'expected', 'status', 'contribution', 'aligned', 'path', 'issues',
] as const satisfies readonly (keyof NodeReport)[];

export type JsonNode = Pick<NodeReport, (typeof NODE_FIELDS)[number]>;

export type JsonReport = Omit<CascadeReport, 'nodes'> & { nodes: JsonNode[]; owners?: OwnerSummary[] };

export function jsonNode(node: NodeReport): JsonNode {
  return Object.fromEntries(NODE_FIELDS.map((field) => [field, node[field]])) as JsonNode;
}

export function jsonReport(report: CascadeReport, owners?: OwnerSummary[]): JsonReport {
  const json: JsonReport = { ...report, nodes: report.nodes.map(jsonNode) };
  if (owners) json.owners = owners;
  return json;
}
