/** The report's index: the links the engine made (never the ones it cut), each row's issues, rows across workbooks. */

import { reportIndex, type CascadeReport, type NodeReport } from '../../src/core';
import { check, node, table, tableOf } from './build';

const ids = (nodes: readonly NodeReport[]) => nodes.map((one) => one.id);

/** One objective, a sound chain under it, and every way a link is cut. */
function cutLinks(): CascadeReport {
  return check([
    tableOf('Objectives', [
      { ID: 'F1', Name: 'Grow revenue', Perspective: 'Financial' },
      { ID: 'C1', Name: 'Delight customers', Perspective: 'Customer' },
    ]),
    tableOf('KPIs', [
      { ID: 'ORG', Level: 'Organization', Parent: 'F1', Target: 10, Actual: 5 },
      { ID: 'DEP-A', Level: 'Dept', Parent: 'ORG', Target: 10, Actual: 5 },
      { ID: 'DEP-B', Level: 'Department', Parent: 'ORG', Target: 10, Actual: 5 },
      { ID: 'GONE', Level: 'Team', Parent: 'NOWHERE', Target: 10, Actual: 5 },
      { ID: 'SELF', Level: 'Team', Parent: 'SELF', Target: 10, Actual: 5 },
      { ID: 'LOOP-1', Level: 'Team', Parent: 'LOOP-2', Target: 10, Actual: 5 },
      { ID: 'LOOP-2', Level: 'Team', Parent: 'LOOP-1', Target: 10, Actual: 5 },
      { ID: 'UP', Level: 'Organization', Parent: 'DEP-A', Target: 10, Actual: 5 },
      { ID: 'TWICE', Level: 'Team', Parent: 'DEP-B', Target: 10, Actual: 5 },
      { ID: 'twice', Level: 'Team', Parent: 'DEP-B', Target: 10, Actual: 5 },
      { ID: 'UNDER-TWICE', Level: 'Individual', Parent: 'TWICE', Target: 10, Actual: 5 },
      { ID: 'TEAM-1', Level: 'Team', Parent: 'DEP-A', Target: 10, Actual: 5 },
    ]),
  ]);
}

describe('NodeReport carries its graph', () => {
  const report = cutLinks();

  test('linkedParent is the position of the linked parent in the report, null where the engine cut the link', () => {
    const position = (id: string) => report.nodes.indexOf(node(report, id));
    expect(node(report, 'ORG').linkedParent).toBe(position('F1'));
    expect(node(report, 'DEP-A').linkedParent).toBe(position('ORG'));
    expect(node(report, 'TEAM-1').linkedParent).toBe(position('DEP-A'));
    for (const id of ['F1', 'C1', 'GONE', 'SELF', 'LOOP-1', 'LOOP-2', 'UP', 'TWICE', 'twice', 'UNDER-TWICE']) {
      expect([id, node(report, id).linkedParent]).toEqual([id, null]);
    }
  });

  test('levelRank is the rank the engine read, synonyms included; 0 for an objective, null for a KPI of unknown level', () => {
    const ranked = check([
      tableOf('Objectives', [{ ID: 'F1', Perspective: 'Financial' }, { ID: 'F2', Level: 'Objective', Perspective: 'Financial' }]),
      tableOf('KPIs', [
        { ID: 'A', Level: 'Company', Parent: 'F1' },
        { ID: 'B', Level: 'Dept', Parent: 'A' },
        { ID: 'C', Level: 'squad', Parent: 'B' },
        { ID: 'D', Level: 'Employee', Parent: 'C' },
        { ID: 'E', Parent: 'F1' },
        { ID: 'G', Level: 'Galaxy', Parent: 'F1' },
      ]),
    ]);
    expect(ranked.nodes.map((one) => [one.id, one.levelRank])).toEqual([
      ['F1', 0], ['F2', 0], ['A', 1], ['B', 2], ['C', 3], ['D', 4], ['E', null], ['G', null],
    ]);
  });
});

describe('reportIndex', () => {
  const report = cutLinks();
  const index = reportIndex(report);

  test('is built once per report', () => {
    expect(reportIndex(report)).toBe(index);
    expect(reportIndex(cutLinks())).not.toBe(index);
  });

  test('parentOf and childrenOf follow the links the engine made, children in report order', () => {
    expect(index.parentOf(node(report, 'DEP-A'))?.id).toBe('ORG');
    expect(ids(index.childrenOf(node(report, 'F1')))).toEqual(['ORG']);
    expect(ids(index.childrenOf(node(report, 'ORG')))).toEqual(['DEP-A', 'DEP-B']);
    expect(ids(index.childrenOf(node(report, 'DEP-A')))).toEqual(['TEAM-1']);
    expect(index.childrenOf(node(report, 'C1'))).toEqual([]);
  });

  test('a cut link is no link: unknown parent, cycles, level inverted, duplicates and what names a duplicate', () => {
    const cut = { GONE: 'unknown-parent', SELF: 'cycle', 'LOOP-1': 'cycle', 'LOOP-2': 'cycle', UP: 'level-inverted', TWICE: 'duplicate-id', twice: 'duplicate-id', 'UNDER-TWICE': 'unknown-parent' };
    for (const [id, code] of Object.entries(cut)) {
      const one = node(report, id);
      expect([id, one.issues]).toEqual([id, expect.arrayContaining([code])]);
      expect([id, index.parentOf(one)]).toEqual([id, null]);
    }
    // DEP-A and DEP-B keep only their sound children; the duplicates and the loop have none.
    expect(ids(index.childrenOf(node(report, 'DEP-B')))).toEqual([]);
    for (const id of ['SELF', 'LOOP-1', 'LOOP-2', 'TWICE', 'twice']) expect(index.childrenOf(node(report, id))).toEqual([]);
  });

  test('agrees with the engine on every node: a linked node is its parent\'s child and continues its path', () => {
    for (const one of report.nodes) {
      const parent = index.parentOf(one);
      if (parent === null) {
        expect([one.id, one.path]).toEqual([one.id, one.id]);
        continue;
      }
      expect(index.childrenOf(parent)).toContain(one);
      expect(one.path).toBe(`${parent.path} > ${one.id}`);
      expect(one.aligned).toBe(parent.aligned);
    }
    const linked = report.nodes.filter((one) => index.parentOf(one) !== null);
    const children = report.nodes.flatMap((one) => index.childrenOf(one));
    expect(children).toHaveLength(linked.length);
  });

  test('issuesOf gives the issues on the node\'s row, as the node lists their codes', () => {
    for (const one of report.nodes) {
      const own = index.issuesOf(one);
      expect(own).toEqual(report.issues.filter((issue) => issue.sheet === one.sheet && issue.table === one.table && issue.row === one.row));
      expect(new Set(own.map((issue) => issue.code))).toEqual(new Set(one.issues));
      for (const issue of own) expect(issue.id).toBe(one.id);
    }
    expect(index.issuesOf(node(report, 'ORG'))).toEqual([]);
    expect(index.issuesOf(node(report, 'UP')).map((issue) => issue.code)).toEqual(['level-inverted']);
  });

  test('rowOf finds the node at a worksheet row, telling workbooks apart', () => {
    const header = ['ID', 'Level', 'Parent', 'Target', 'Actual'];
    const objectives = table('Objectives', ['ID', 'Perspective'], [['F1', 'Financial']], { workbook: 'finance.xlsx' });
    const sales = table('KPIs', header, [['S1', 'Team', 'F1', 10, 5], [null, null, null, 10, null], [null, null, null, null, null]], { workbook: 'sales.xlsx' });
    const service = table('KPIs', header, [['V1', 'Team', 'F1', 10, 5]], { workbook: 'service.xlsx', origin: 'B3' });
    const both = check([objectives, sales, service]);
    const at = reportIndex(both);
    expect(at.rowOf('sales.xlsx', 'KPIs', 'KPIs', 2)?.id).toBe('S1');
    expect(at.rowOf('service.xlsx', 'KPIs', 'KPIs', 4)?.id).toBe('V1');
    expect(at.rowOf('service.xlsx', 'KPIs', 'KPIs', 2)).toBeNull();
    expect(at.rowOf(null, 'KPIs', 'KPIs', 2)).toBeNull();
    expect(at.rowOf('sales.xlsx', 'KPIs', 'Other', 2)).toBeNull();
    // A row that is not a node: no node, but its issue codes; a blank row has neither.
    expect(at.rowOf('sales.xlsx', 'KPIs', 'KPIs', 3)).toBeNull();
    expect(at.codesAt('sales.xlsx', 'KPIs', 'KPIs', 3)).toEqual(['missing-id']);
    expect(at.codesAt('sales.xlsx', 'KPIs', 'KPIs', 4)).toEqual([]);
    expect(at.parentOf(at.rowOf('service.xlsx', 'KPIs', 'KPIs', 4) as NodeReport)?.workbook).toBe('finance.xlsx');
  });

  test('rowOf reads a missing workbook as none, as a host without file names passes it', () => {
    expect(index.rowOf(undefined, 'KPIs', 'KPIs', 2)?.id).toBe('ORG');
    expect(index.rowOf(null, 'KPIs', 'KPIs', 2)?.id).toBe('ORG');
  });

  test('codesAt lists each code of a row once, in report order', () => {
    const twice = check([tableOf('KPIs', [{ ID: 'K', Level: 'Team', Target: 'lots', Actual: 'some' }])]);
    expect(node(twice, 'K').issues.filter((code) => code === 'invalid-number')).toHaveLength(1);
    expect(reportIndex(twice).issuesOf(node(twice, 'K')).filter((issue) => issue.code === 'invalid-number')).toHaveLength(2);
    expect(reportIndex(twice).codesAt(null, 'KPIs', 'KPIs', 2).filter((code) => code === 'invalid-number')).toEqual(['invalid-number']);
  });

  test('roleOf gives the role the engine gave each table, null for one it never saw', () => {
    const withSkipped = check([tableOf('Objectives', [{ ID: 'F1', Perspective: 'Financial' }]), table('Notes', ['Remark'], [['hello']])]);
    const roles = reportIndex(withSkipped);
    expect(roles.roleOf(null, 'Objectives', 'Objectives')).toBe('objectives');
    expect(roles.roleOf(undefined, 'Notes', 'Notes')).toBe('skipped');
    expect(roles.roleOf(null, 'Elsewhere', null)).toBeNull();
    expect(index.roleOf(null, 'KPIs', 'KPIs')).toBe('kpis');
  });
});
