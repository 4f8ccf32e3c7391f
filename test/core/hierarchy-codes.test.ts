/** Hierarchy from hierarchical codes (spec section 8, rule 1): used only where the Parent cell is blank. */

import { check, codes, node, table, where } from './build';

const HEADER = ['ID', 'Name', 'Level', 'Parent', 'Target', 'Actual'];

describe('hierarchy from codes', () => {
  it('links 1.2.3 under 1.2 and P1.F1.A1 under P1.F1, with one info for the table', () => {
    const report = check([table('Plan', HEADER, [
      ['1', 'Goal', 'Objective', null, null, null],
      ['1.2', 'Objective', 'Department', null, null, null],
      ['1.2.3', 'Measure', 'Team', null, 10, 5],
      ['P1', 'Pillar', 'Objective', null, null, null],
      ['P1.F1', 'Focus', 'Department', null, null, null],
      ['P1.F1.A1', 'Activity', 'Team', null, 4, 4],
    ])]);
    expect(node(report, '1.2.3').path).toBe('1 > 1.2 > 1.2.3');
    expect(node(report, 'P1.F1.A1').path).toBe('P1 > P1.F1 > P1.F1.A1');
    expect(node(report, '1.2.3').aligned).toBe(true);
    expect(node(report, '1').score).toBe(0.5);
    expect(where(report, 'unaligned')).toEqual([]);
    expect(where(report, 'hierarchy-from-codes')).toEqual(['null@Plan!A1']);
    expect(report.summary.orgScore).toBe(0.75);
  });

  it('does not read SAL-03 as a child of SAL', () => {
    const report = check([table('KPIs', HEADER, [['SAL', 'Sales', 'Department', null, 5, 5], ['SAL-03', 'Wholesale', 'Team', null, 5, 5]])]);
    expect(node(report, 'SAL-03').path).toBe('SAL-03');
    expect(where(report, 'unaligned')).toEqual(['SAL@KPIs!D2', 'SAL-03@KPIs!D3']);
    expect(codes(report)).not.toContain('hierarchy-from-codes');
  });

  it('lets a Parent cell win over the code', () => {
    const report = check([table('Plan', HEADER, [
      ['1', 'One', 'Objective', null, null, null],
      ['2', 'Two', 'Objective', null, null, null],
      ['1.1', 'Measure', 'Team', '2', 10, 10],
    ])]);
    expect(node(report, '1.1').path).toBe('2 > 1.1');
    expect(codes(report)).not.toContain('hierarchy-from-codes');
  });

  it('links to the nearest existing ancestor code when an intermediate one is missing', () => {
    const report = check([table('Plan', HEADER, [['1', 'One', 'Objective', null, null, null], ['1.2.3', 'Measure', 'Team', null, 10, 10]])]);
    expect(node(report, '1.2.3').path).toBe('1 > 1.2.3');
  });

  it('links to nothing when the code names two rows, and a code naming no node stays unaligned', () => {
    const report = check([table('Plan', HEADER, [
      ['1', 'One', 'Objective', null, null, null],
      ['1.1', 'A', 'Department', null, null, null],
      ['1.1', 'B', 'Department', null, null, null],
      ['1.1.1', 'Measure', 'Team', null, 10, 10],
      ['7.1', 'Lost', 'Team', null, 10, 10],
    ])]);
    expect(node(report, '1.1.1').path).toBe('1.1.1');
    expect(where(report, 'unaligned')).toEqual(['1.1.1@Plan!D5', '7.1@Plan!D6']);
    expect(codes(report)).not.toContain('unknown-parent');
  });

  it('reports a code parent of a lower level as level-inverted, like a Parent cell', () => {
    const report = check([table('Plan', HEADER, [['1', 'Team KPI', 'Team', null, 5, 5], ['1.1', 'Dept KPI', 'Department', null, 5, 5]])]);
    expect(where(report, 'level-inverted')).toEqual(['1.1@Plan!D3']);
    expect(node(report, '1.1').path).toBe('1.1');
  });
});
