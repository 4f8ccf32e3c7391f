/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { checkTables, type SourceTable } from '../../src/core';
import { cascadeItems, nodeRowAddress, UNALIGNED_BRANCH } from '../../src/taskpane/cascade-items';
import { EXAMPLE_AS_OF, EXAMPLE_TABLES } from './fake-workbook';
import { checkNow, openTab, renderPane } from './render';

const report = checkTables(EXAMPLE_TABLES, { asOf: EXAMPLE_AS_OF });

async function openCascade() {
  const view = await renderPane();
  await checkNow();
  openTab('Cascade');
  return view;
}

describe('Cascade tree', () => {
  test('opens on the objectives, each with its score, status and contribution', async () => {
    await openCascade();
    const tree = screen.getByRole('tree', { name: 'Cascade' });
    const f1 = within(tree).getByRole('treeitem', { name: /^Objective F1 Grow profitable revenue/ });
    const node = report.nodes.find((candidate) => candidate.id === 'F1')!;
    expect(f1.getAttribute('aria-label')).toContain(node.status);
    expect(f1.getAttribute('aria-level')).toBe('1');
    expect(f1.getAttribute('aria-expanded')).toBe('true');
    expect(within(f1).getByText(node.status)).toBeTruthy();
    // The first level below each objective is shown; deeper levels wait until opened.
    expect(within(tree).getByRole('treeitem', { name: /^KPI FIN-01 / }).getAttribute('aria-level')).toBe('2');
    expect(within(tree).queryByRole('treeitem', { name: /^KPI SAL-01 / })).toBeNull();
    expect(within(tree).getByRole('treeitem', { name: /^Not aligned: / })).toBeTruthy();
  });

  test('the chevron opens a branch without selecting its row', async () => {
    const { workbook } = await openCascade();
    const fin01 = screen.getByRole('treeitem', { name: /^KPI FIN-01 / });
    fireEvent.click(fin01.querySelector('.fui-TreeItemLayout__expandIcon') as HTMLElement);
    expect(await screen.findByRole('treeitem', { name: /^KPI SAL-01 / })).toBeTruthy();
    expect(workbook.callsTo('selectCell')).toHaveLength(0);
  });

  test('choosing a node selects its table row', async () => {
    const { workbook } = await openCascade();
    fireEvent.click(screen.getByRole('treeitem', { name: /^Objective F1 / }));
    fireEvent.click(screen.getByRole('treeitem', { name: /^KPI FIN-02 / }));
    await screen.findByRole('tree');
    expect(workbook.callsTo('selectCell').map((call) => call.args)).toEqual([
      ['Objectives', 'A2:J2'],
      ['Department KPIs', 'A3:S3'],
    ]);
    // A branch stays open when chosen.
    expect(screen.getByRole('treeitem', { name: /^Objective F1 / }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('cascadeItems', () => {
  const items = cascadeItems(report);
  const byId = (id: string) => items.filter((item) => item.node?.id === id);

  test('lists every node once, each after its parent', () => {
    expect(items.filter((item) => item.node)).toHaveLength(report.nodes.length);
    const seen = new Set<string>();
    for (const item of items) {
      if (item.parentValue !== undefined) expect(seen.has(item.parentValue)).toBe(true);
      seen.add(item.value);
    }
  });

  test('puts linked nodes under their parent and loose ones under "Not aligned"', () => {
    const parentOf = (id: string) => items.find((item) => item.value === byId(id)[0].parentValue)?.node?.id ?? byId(id)[0].parentValue;
    expect(parentOf('FIN-01')).toBe('F1');
    expect(parentOf('IND-01')).toBe('SAL-02');
    expect(parentOf('F1')).toBeUndefined();
    // Unaligned, level-inverted, unknown parent, both duplicates.
    for (const id of ['MKT-04', 'SCM-04', 'IND-11']) expect(byId(id)[0].parentValue).toBe(UNALIGNED_BRANCH);
    expect(byId('SAL-06').map((item) => item.parentValue)).toEqual([UNALIGNED_BRANCH, UNALIGNED_BRANCH]);
    expect(items.find((item) => item.value === UNALIGNED_BRANCH)?.childCount).toBe(5);
  });

  test('follows the links the engine made, whatever the IDs hold: an inverted " > " ID hangs loose', () => {
    const tables: SourceTable[] = [
      { sheet: 'Objectives', table: 'Objectives', origin: 'A1', header: ['ID', 'Name', 'Perspective'], rows: [['F1', 'Grow revenue', 'Financial']] },
      {
        sheet: 'KPIs', table: 'KPIs', origin: 'A1', header: ['ID', 'Level', 'Parent'],
        rows: [['DEP-1', 'Department', 'F1'], ['Sales > North', 'Organization', 'DEP-1'], ['Sales > South', 'Team', 'DEP-1']],
      },
    ];
    const cut = checkTables(tables, { asOf: EXAMPLE_AS_OF });
    const north = cut.nodes.find((node) => node.id === 'Sales > North')!;
    expect(north.issues).toContain('level-inverted');
    const tree = cascadeItems(cut);
    const under = (id: string) => tree.find((item) => item.node?.id === id)?.parentValue;
    const valueOf = (id: string) => tree.find((item) => item.node?.id === id)?.value;
    expect(under('Sales > North')).toBe(UNALIGNED_BRANCH);
    expect(under('Sales > South')).toBe(valueOf('DEP-1'));
    expect(tree.find((item) => item.node?.id === 'DEP-1')?.childCount).toBe(1);
  });

  test('a row address spans its table from the first column to the last', () => {
    const node = report.nodes.find((candidate) => candidate.id === 'OPS-11')!;
    expect(nodeRowAddress(node, EXAMPLE_TABLES)).toBe('A12:R12');
    expect(nodeRowAddress(node, [])).toBe('A12');
  });
});
