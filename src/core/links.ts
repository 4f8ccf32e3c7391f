/**
 * Links each node to its parent (spec section 4, "Links"): duplicate IDs are left out, unknown
 * parents, level inversions and loops are reported and cut, so that the links form a forest.
 */

import { cellLocation, describeCell, fieldLocation, IssueList } from './issues';
import { CascadeNode, levelName } from './nodes';
import { subjectOf } from './rules';
import { describeTable, type CascadeTable } from './tables';
import { idKey, keyOfId } from './values';

export interface LinkedCascade {
  /** The nodes that take part in the computation: every node whose ID is unique. */
  nodes: CascadeNode[];
}

/** @param skipped the tables that do not take part: an unknown parent's message says where its ID appears among them. */
export function linkNodes(all: CascadeNode[], issues: IssueList, skipped: readonly CascadeTable[] = []): LinkedCascade {
  const { byKey, duplicatedKeys } = indexByKey(all, issues);
  const skippedIn = skippedIdFinder(skipped);
  const nodes = all.filter((node) => !node.duplicate);
  nodes.forEach((node, index) => (node.index = index));

  // Proposed parents, by node index; loops are looked for among them before any link is made.
  const proposed: (CascadeNode | undefined)[] = new Array(nodes.length);
  const byCode = new Map<CascadeTable, { count: number; example: string }>();
  for (const node of nodes) {
    if (node.parentText === null) {
      const parent = parentByCode(node, byKey, duplicatedKeys);
      if (!parent) continue;
      // A parent read from the code is a link like any other: it is checked below as a Parent cell is.
      node.parentText = parent.id;
      const seen = byCode.get(node.table);
      if (seen) seen.count++;
      else byCode.set(node.table, { count: 1, example: `${node.id} under ${parent.id}` });
    }
    const parentKey = keyOfId(node.parentText);
    const parent = byKey.get(parentKey);
    if (!parent) {
      const ambiguous = duplicatedKeys.has(parentKey);
      const found = ambiguous ? undefined : skippedIn(parentKey);
      issues.addFor(node, 'unknown-parent', 'parent', { parent: node.parentText, ambiguous, ...(found && { skippedIn: found }) });
    } else if (parent === node) {
      issues.addFor(node, 'cycle', 'parent', { loop: [node.id] });
    } else if (isInverted(node, parent)) {
      issues.addFor(node, 'level-inverted', 'parent', { level: levelName(node), parent: subjectOf(parent), parentLevel: levelName(parent) });
    } else {
      proposed[node.index] = parent;
    }
  }

  for (const [table, { count, example }] of byCode) {
    const location = cellLocation(table, null, table.columns.id ?? null);
    issues.add('hierarchy-from-codes', location, null, { where: describeTable(table.source, true), cell: describeCell(location), count, example });
  }

  for (const loop of findLoops(nodes, proposed)) {
    const ids = loop.map((node) => node.id);
    loop.forEach((node, position) => {
      proposed[node.index] = undefined;
      issues.addFor(node, 'cycle', 'parent', { loop: [...ids.slice(position), ...ids.slice(0, position)] });
    });
  }

  // Nodes are visited in reading order, so every node's children are listed in reading order.
  for (const node of nodes) {
    const parent = proposed[node.index];
    if (!parent) continue;
    node.parent = parent;
    parent.children.push(node);
  }
  return { nodes };
}

/** A code is an ID of two or more parts joined by `.`, without spaces: `1.2.3`, `P1.F1.A1` (never `SAL-03`). */
const CODE = /^[^\s.]+(\.[^\s.]+)+$/;

/**
 * The parent a node's code names, for a node whose Parent cell is blank (spec section 8): the nearest
 * existing ancestor code (`1.2.3` under `1.2`, else under `1`); a code used by two rows links to nothing.
 */
function parentByCode(node: CascadeNode, byKey: Map<string, CascadeNode>, duplicatedKeys: Set<string>): CascadeNode | undefined {
  if (!CODE.test(node.key)) return undefined;
  const parts = node.key.split('.');
  for (let length = parts.length - 1; length >= 1; length--) {
    const key = parts.slice(0, length).join('.');
    if (duplicatedKeys.has(key)) return undefined;
    const parent = byKey.get(key);
    if (parent) return parent;
  }
  return undefined;
}

/** Every node by its ID key; rows sharing an ID are marked duplicate and reported, each of them. */
function indexByKey(all: CascadeNode[], issues: IssueList): { byKey: Map<string, CascadeNode>; duplicatedKeys: Set<string> } {
  const byKey = new Map<string, CascadeNode>();
  const duplicates = new Map<string, CascadeNode[]>();
  for (const node of all) {
    const first = byKey.get(node.key);
    if (!first) {
      byKey.set(node.key, node);
      continue;
    }
    const rows = duplicates.get(node.key);
    if (rows) rows.push(node);
    else duplicates.set(node.key, [first, node]);
  }
  for (const [key, rows] of duplicates) {
    byKey.delete(key);
    const cells = rows.map((node) => describeCell(fieldLocation(node.table, node.rowIndex, 'id')));
    for (const node of rows) {
      node.duplicate = true;
      issues.addFor(node, 'duplicate-id', 'id', { id: node.id, cells });
    }
  }
  return { byKey, duplicatedKeys: new Set(duplicates.keys()) };
}

/**
 * Where an ID appears in a skipped table, as a message says it ("sheet Notes (Notes!A5)"), looked up by
 * ID key; the table's ID column is searched, or its first column when it has none (where a list keeps
 * its codes). The index is built on the first question, since most cascades have no unknown parent.
 */
function skippedIdFinder(skipped: readonly CascadeTable[]): (key: string) => string | undefined {
  let index: Map<string, string> | undefined;
  return (key) => {
    if (!index) {
      index = new Map();
      for (const table of skipped) {
        const column = table.columns.id ?? 0;
        table.source.rows.forEach((row, rowIndex) => {
          const id = idKey(row[column]);
          if (id === '' || index?.has(id)) return;
          index?.set(id, `${describeTable(table.source, false)} (${describeCell(cellLocation(table, rowIndex, column))})`);
        });
      }
    }
    return index.get(key);
  };
}

/** A node whose level ranks above its parent's; a node of unknown level is never inverted. */
function isInverted(node: CascadeNode, parent: CascadeNode): boolean {
  return node.levelRank !== null && parent.levelRank !== null && node.levelRank < parent.levelRank;
}

const UNSEEN = 0;
const VISITING = 1;
const DONE = 2;

/** The loops in a graph where each node has at most one parent, each listed from a node down its parent chain. */
function findLoops(nodes: CascadeNode[], parents: (CascadeNode | undefined)[]): CascadeNode[][] {
  const state = new Uint8Array(nodes.length);
  const loops: CascadeNode[][] = [];
  const trail: CascadeNode[] = [];
  for (const start of nodes) {
    if (state[start.index] !== UNSEEN) continue;
    trail.length = 0;
    let node: CascadeNode | undefined = start;
    while (node && state[node.index] === UNSEEN) {
      state[node.index] = VISITING;
      trail.push(node);
      node = parents[node.index];
    }
    if (node && state[node.index] === VISITING) loops.push(trail.slice(trail.indexOf(node)));
    for (const visited of trail) state[visited.index] = DONE;
  }
  return loops;
}
