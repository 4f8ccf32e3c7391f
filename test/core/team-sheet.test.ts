/** A team sheet's Parent choices: the IDs the engine would link a KPI of that level to. */

import { parentChoices } from '../../src/core';
import { check, tableOf } from './build';

describe('parentChoices', () => {
  const report = check([
    tableOf('Objectives', [{ ID: 'F1', Name: 'Grow revenue', Perspective: 'Financial' }]),
    tableOf('KPIs', [
      { ID: 'ORG-1', Name: 'Revenue', Level: 'Company', Parent: 'F1' },
      { ID: 'DEP-1', Name: 'Sales revenue', Level: 'Dept', Parent: 'ORG-1' },
      { ID: 'DEP-2', Name: 'Service revenue', Level: 'Department', Parent: 'ORG-1' },
      { ID: 'TEAM-1', Name: 'Deals won', Level: 'Squad', Parent: 'DEP-1' },
      { ID: 'LOOSE', Name: 'No level', Parent: 'F1' },
    ]),
  ]);

  test('a KPI whose Level is a synonym ("Dept", "Company") is offered to the levels below it', () => {
    expect(parentChoices(report, 'Team')).toEqual(['F1', 'ORG-1', 'DEP-1', 'DEP-2']);
    expect(parentChoices(report, 'Individual')).toEqual(['F1', 'ORG-1', 'DEP-1', 'DEP-2', 'TEAM-1']);
    expect(parentChoices(report, 'Department')).toEqual(['F1', 'ORG-1']);
  });

  test('a KPI of unknown level and a duplicated ID are never offered', () => {
    const twice = check([
      tableOf('Objectives', [{ ID: 'F1', Name: 'Grow revenue', Perspective: 'Financial' }, { ID: 'f1', Name: 'Again', Perspective: 'Customer' }]),
      tableOf('KPIs', [{ ID: 'ORG-1', Level: 'Organization', Parent: 'F1' }, { ID: 'LOOSE', Parent: 'F1' }]),
    ]);
    expect(parentChoices(twice, 'Individual')).toEqual(['ORG-1']);
  });
});
