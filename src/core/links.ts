/**
 * Links each node to its parent (spec section 4, "Links"): duplicate IDs are left out, unknown
 * parents, level inversions and loops are reported and cut, so that the links form a forest.
 */

import { describeCell, fieldLocation, IssueList } from './issues';
import { CascadeNode, levelName, subjectOf } from './nodes';
import { idKey } from './values';

export interface LinkedCascade {
  /** The nodes that take part in the computation: every node whose ID is unique. */
  nodes: CascadeNode[];
  byKey: Map<string, CascadeNode>;
}

export function linkNodes(all: CascadeNode[], issues: IssueList): LinkedCascade {
  const rowsByKey = new Map<string, CascadeNode[]>();
  for (const node of all) {
    const rows = rowsByKey.get(node.key);
    if (rows) rows.push(node);
    else rowsByKey.set(node.key, [node]);
  }
  const byKey = new Map<string, CascadeNode>();
  for (const [key, rows] of rowsByKey) {
    if (rows.length === 1) {
      byKey.set(key, rows[0]);
      continue;
    }
    const cells = rows.map((node) => describeCell(fieldLocation(node.table, node.rowIndex, 'id')));
    for (const node of rows) {
      node.duplicate = true;
      issues.add('duplicate-id', fieldLocation(node.table, node.rowIndex, 'id'), node.id, { id: node.id, cells });
    }
  }
  const nodes = all.filter((node) => !node.duplicate);

  const proposed = new Map<CascadeNode, CascadeNode>();
  for (const node of nodes) {
    if (node.parentText === null) continue;
    const parentKey = idKey(node.parentText);
    const location = fieldLocation(node.table, node.rowIndex, 'parent');
    const cell = describeCell(location);
    const parent = byKey.get(parentKey);
    if (!parent) {
      issues.add('unknown-parent', location, node.id, {
        subject: subjectOf(node), parent: node.parentText, cell, ambiguous: rowsByKey.has(parentKey),
      });
    } else if (parent === node) {
      issues.add('cycle', location, node.id, { subject: subjectOf(node), cell, loop: [node.id] });
    } else if (rank(node) !== null && rank(parent) !== null && (rank(node) as number) < (rank(parent) as number)) {
      issues.add('level-inverted', location, node.id, {
        subject: subjectOf(node), cell, level: levelName(node), parent: subjectOf(parent), parentLevel: levelName(parent),
      });
    } else {
      proposed.set(node, parent);
    }
  }

  for (const loop of findLoops(proposed)) {
    const ids = loop.map((node) => node.id);
    loop.forEach((node, index) => {
      proposed.delete(node);
      const location = fieldLocation(node.table, node.rowIndex, 'parent');
      const rotated = [...ids.slice(index), ...ids.slice(0, index)];
      issues.add('cycle', location, node.id, { subject: subjectOf(node), cell: describeCell(location), loop: rotated });
    });
  }

  for (const [node, parent] of proposed) {
    node.parent = parent;
    parent.children.push(node);
  }
  // `proposed` keeps insertion order, which is reading order, so children are listed in reading order.
  return { nodes, byKey };
}

/** A node's rank for the level check: its Level, or 0 for an objective whose Level is blank. */
function rank(node: CascadeNode): number | null {
  return node.levelRank ?? (node.kind === 'objective' ? 0 : null);
}

/** The loops in a graph where each node has at most one parent, each listed from a node down its parent chain. */
function findLoops(parents: Map<CascadeNode, CascadeNode>): CascadeNode[][] {
  const state = new Map<CascadeNode, 'visiting' | 'done'>();
  const loops: CascadeNode[][] = [];
  for (const start of parents.keys()) {
    if (state.has(start)) continue;
    const trail: CascadeNode[] = [];
    let node: CascadeNode | undefined = start;
    while (node && !state.has(node)) {
      state.set(node, 'visiting');
      trail.push(node);
      node = parents.get(node);
    }
    if (node && state.get(node) === 'visiting') loops.push(trail.slice(trail.indexOf(node)));
    for (const visited of trail) state.set(visited, 'done');
  }
  return loops;
}
