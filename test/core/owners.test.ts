import { checkTables, isBehind, NO_OWNER, NodeReport, ownerSummaries, RequiredActual, requiredActuals, SourceTable } from '../../src/core';
import * as KPI from '../../src/functions/functions';
import example from '../../examples/scorecard.json';
import { check, node, table, tableOf } from './build';

const tables = example.tables as SourceTable[];
const report = checkTables(tables, { asOf: '2026-09-30' });

/** KPI.REQUIRED as Excel shows it: the number, or the message of the error it raises. */
function functionAnswer(id: string): { value: number | null; note: string | null } {
  try {
    const [[value]] = KPI.required([[id]], tables.map((source) => [source.header, ...source.rows]));
    return { value: value as number, note: null };
  } catch (error) {
    return { value: null, note: (error as { message: string }).message };
  }
}

describe('ownerSummaries on the example scorecard', () => {
  const owners = ownerSummaries(report);
  const byOwner = (name: string) => {
    const found = owners.find((summary) => summary.owner === name);
    if (!found) throw new Error(`no owner ${name}`);
    return found;
  };

  test('every owner of a KPI, by name, "(no owner)" last; owners of objectives only are not listed', () => {
    expect(owners.map((summary) => summary.owner)).toEqual([
      'Aisha Bello', 'Amara Nwosu', 'Ana Petrović', 'Ben Adeyemi', 'Carlos Mendes', 'Chloe Dubois', 'Dana Whitfield',
      'Diego Alvarez', 'Elena Sokolova', 'Ethan Walker', 'Fatima Zahra', 'Grace Okafor', 'Hannah Price', 'Hiro Tanaka',
      'Jonas Weber', 'Jordan Ellis', 'Kwame Mensah', "Liam O'Connor", 'Luis Ortega', 'Marcus Lee', 'Maya Chen', 'Mei Lin',
      'Noah Fischer', 'Olivia Grant', 'Oskar Berg', 'Priya Raman', 'Rachel Kim', 'Ryan Patel', 'Sofia Rossi', 'Tomás Herrera',
      'Tyler Brooks', 'Viktor Nowak', NO_OWNER,
    ]);
    expect(owners.map((summary) => summary.owner)).not.toContain('Sam Brennan');
    expect(byOwner(NO_OWNER).kpis.map((kpi) => kpi.id)).toEqual(['OPS-12']);
    expect(node(report, 'OPS-12').owner).toBeNull();
  });

  test('only KPIs, each once: the owners hold every KPI of the report and their statuses', () => {
    const kpis = report.nodes.filter((candidate) => candidate.kind === 'kpi');
    const listed = owners.flatMap((summary) => summary.kpis);
    expect(listed).toHaveLength(kpis.length);
    expect(new Set(listed.map((kpi) => `${kpi.sheet}!${kpi.row}`)).size).toBe(kpis.length);
    const total = (status: NodeReport['status']) => owners.reduce((sum, summary) => sum + summary.status[status], 0);
    for (const status of ['Achieved', 'On track', 'At risk', 'Off track', 'No data'] as const) {
      expect(total(status)).toBe(kpis.filter((kpi) => kpi.status === status).length);
    }
  });

  test('counts, behind and the average score of one owner; KPIs in reading order with their cells', () => {
    const kwame = byOwner('Kwame Mensah');
    expect(kwame.status).toEqual({ Achieved: 0, 'On track': 2, 'At risk': 1, 'Off track': 0, 'No data': 1 });
    expect(kwame.behind).toBe(1);
    const scored = kwame.kpis.filter((kpi) => kpi.score !== null).map((kpi) => kpi.score as number);
    expect(scored).toHaveLength(3);
    expect(kwame.averageScore).toBeCloseTo(scored.reduce((a, b) => a + b) / 3, 12);
    expect(kwame.averageScore).toBe(0.588265306122);

    const mei = byOwner('Mei Lin');
    expect(mei.kpis.map((kpi) => kpi.sheet)).toEqual(['Department KPIs', 'Team Operations']);
    const ops08 = byOwner('Kwame Mensah').kpis.find((kpi) => kpi.id === 'OPS-08');
    expect(ops08).toEqual(expect.objectContaining({
      name: node(report, 'OPS-08').name, sheet: 'Team Operations', table: 'TeamOps', row: 9, cell: "'Team Operations'!A9",
      status: 'At risk', score: 0.625, contribution: node(report, 'OPS-08').contribution, required: null, requiredNote: null,
    }));
    expect(byOwner('Rachel Kim').behind).toBe(1);
    expect(byOwner('Tomás Herrera')).toEqual(expect.objectContaining({ behind: 0, averageScore: 1 }));
  });

  test('required actuals: asked for KPIs behind only, equal to KPI.REQUIRED', () => {
    const asked: string[] = [];
    const required = requiredActuals(tables, report);
    const withRequired = ownerSummaries(report, (kpi) => {
      asked.push(kpi.id);
      return required(kpi.id);
    });
    const listed = withRequired.flatMap((summary) => summary.kpis);
    const behind = listed.filter((kpi) => isBehind(kpi.status));
    expect(asked.sort()).toEqual(behind.map((kpi) => kpi.id).sort());
    expect(asked).toHaveLength(12);
    for (const kpi of behind) expect({ value: kpi.required, note: kpi.requiredNote }).toEqual(functionAnswer(kpi.id));
    const values = Object.fromEntries(behind.filter((kpi) => kpi.required !== null).map((kpi) => [kpi.id, kpi.required]));
    expect(values).toEqual({ 'FIN-04': 60, 'SAL-07': 4, 'OPS-08': 8, 'IND-16': 50 });
    expect(behind.find((kpi) => kpi.id === 'CX-01')?.requiredNote).toBe('Even at its best, CX-01 leaves C1 at a score of 88.0%: no actual brings C1 to 100%.');
    for (const kpi of listed.filter((other) => !isBehind(other.status))) expect([kpi.required, kpi.requiredNote]).toEqual([null, null]);
  });
});

describe('ownerSummaries: owners as people write them', () => {
  const objectives = tableOf('Objectives', [{ ID: 'O1', Level: 'Objective', Perspective: 'Financial', Owner: 'Zoe' }]);
  const kpi = (id: string, owner: string | null, actual: number | null) => ({ ID: id, Level: 'Department', Parent: 'O1', Owner: owner, Target: 100, Actual: actual });

  test('trimmed and case-insensitive, the first spelling kept; blank owners last whatever the sort', () => {
    const kpis = tableOf('KPIs', [kpi('K1', ' ana ', 80), kpi('K2', 'Bob', 100), kpi('K3', 'ANA', 40), kpi('K4', '  ', 90), kpi('K5', 'ana', null), kpi('K6', null, 50)]);
    const owners = ownerSummaries(check([objectives, kpis]));
    expect(owners.map((summary) => [summary.owner, summary.kpis.map((one) => one.id)])).toEqual([
      ['ana', ['K1', 'K3', 'K5']], ['Bob', ['K2']], [NO_OWNER, ['K4', 'K6']],
    ]);
    expect(owners[0].averageScore).toBe(0.6);
    expect(owners[0].status['No data']).toBe(1);
    expect(owners.map((summary) => summary.owner)).not.toContain('Zoe');
  });

  test('sorted as a person reads names: case and accents aside, numbers by value', () => {
    const kpis = tableOf('KPIs', [kpi('K1', 'team 10', 1), kpi('K2', 'Émile', 1), kpi('K3', 'team 9', 1), kpi('K4', 'adam', 1), kpi('K5', 'Zed', 1)]);
    expect(ownerSummaries(check([objectives, kpis])).map((summary) => summary.owner)).toEqual(['adam', 'Émile', 'team 9', 'team 10', 'Zed']);
  });

  test('a table without an Owner column: its KPIs have no owner; an owner without scores has no average', () => {
    const kpis = table('KPIs', ['ID', 'Level', 'Parent', 'Target'], [['K1', 'Department', 'O1', 100]]);
    const [only] = ownerSummaries(check([objectives, kpis]));
    expect(only).toEqual({
      owner: NO_OWNER, kpis: [expect.objectContaining({ id: 'K1', status: 'No data', score: null })],
      status: { Achieved: 0, 'On track': 0, 'At risk': 0, 'Off track': 0, 'No data': 1 }, behind: 0, averageScore: null,
    });
  });

  test('no KPIs, no owners; a number as owner is its text', () => {
    expect(ownerSummaries(check([objectives]))).toEqual([]);
    const kpis = tableOf('KPIs', [kpi('K1', 42 as unknown as string, 10)]);
    expect(ownerSummaries(check([objectives, kpis])).map((summary) => summary.owner)).toEqual(['42']);
  });

  test('behind KPIs: the note is kept only when there is no value; the ID cell follows the table origin', () => {
    const kpis = tableOf('KPIs', [kpi('K1', 'Ana', 10), kpi('K2', 'Ana', 100)], { origin: 'C4', sheet: 'Team X' });
    const required = (one: NodeReport): RequiredActual => (one.id === 'K1' ? { value: 7, note: 'ignored' } : { value: null, note: 'why' });
    const [ana] = ownerSummaries(check([objectives, kpis], { asOf: '2026-12-31' }), required);
    expect(ana.kpis.map((one) => [one.id, one.status, one.required, one.requiredNote, one.cell])).toEqual([
      ['K1', 'Off track', 7, null, "'Team X'!C5"],
      ['K2', 'Achieved', null, null, "'Team X'!C6"],
    ]);
    expect(ana.behind).toBe(1);
  });
});
