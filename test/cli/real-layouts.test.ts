/**
 * Spec section 8, "Header row" and "Why a table was skipped", through the checker on workbooks that copy
 * real published layouts (test/fixtures/real/README.md). Every expected cell was worked out from the
 * file by hand, not from our output.
 */

import { AS_OF, runChecker } from './run';

const REAL = 'test/fixtures/real';

interface JsonReport {
  tables: { sheet: string; table: string | null; rows: number; role: string }[];
  nodes: { id: string; sheet: string; row: number; score: number | null; parent: string | null }[];
  issues: { code: string; cell: string | null; message: string; row: number | null }[];
  summary: { errors: number; warnings: number; infos: number; orgScore: number | null; coverage: number | null };
}

async function report(file: string): Promise<{ code: number; json: JsonReport }> {
  const { code, out } = await runChecker(['check', `${REAL}/${file}`, '--json', ...AS_OF]);
  return { code, json: JSON.parse(out) as JsonReport };
}

const at = (json: JsonReport) => json.issues.map((issue) => `${issue.code}@${issue.cell}`);

describe('kpi-plan.xlsx: letterheads above the header, forgiving headers, a two-row header', () => {
  test('each sheet starts at its header row: data rows keep their own row numbers', async () => {
    const { json } = await report('kpi-plan.xlsx');
    expect(json.tables.map(({ sheet, rows, role }) => [sheet, rows, role])).toEqual([
      ['Objectives', 2, 'objectives'],
      ['KPIs', 3, 'kpis'],
      ['Team KPIs', 2, 'kpis'],
      ['Strategy', 1, 'skipped'],
    ]);
    expect(json.nodes.map(({ id, sheet, row }) => `${id}@${sheet}!${row}`)).toEqual([
      'O1@Objectives!5', 'O2@Objectives!6', 'K1@KPIs!5', 'K2@KPIs!6', 'K3@KPIs!7', 'T1@Team KPIs!4', 'T2@Team KPIs!5',
    ]);
  });

  test('"Parents", "Owner:" and "Target\\n(FY26)" are read; the person\'s Status column is not', async () => {
    const { json } = await report('kpi-plan.xlsx');
    const score = (id: string) => json.nodes.find((node) => node.id === id)?.score;
    // K1 80 of 100; the band rows: T1 0.95 in [0.9, 1] is 1, T2 0.6 is 0.1 below [0.7, 0.8] of width 0.1, so 0.
    expect([score('K1'), score('T1')]).toEqual([0.8, 1]);
    expect(score('T2')).toBeCloseTo(0, 12);
    // K2 averages its two team KPIs (no weights), O1 and O2 take their one KPI's score.
    expect([score('K2'), score('O1'), score('O2')]).toEqual([0.5, 0.8, 0.5]);
    expect(json.nodes.find((node) => node.id === 'K1')?.parent).toBe('O1');
    // O1 weighs 60 and O2 40: 0.6 × 0.8 + 0.4 × 0.5; K3, cut from its unknown parent, is the one KPI of five not aligned.
    expect(json.summary).toMatchObject({ orgScore: 0.68, coverage: 0.8, objectives: 2, kpis: 5 });
  });

  test('the only issues: K3\'s parent, found in the skipped Strategy sheet, and the missing perspectives', async () => {
    const { code, json } = await report('kpi-plan.xlsx');
    expect(code).toBe(1);
    // perspective-missing sits on the Perspective header, C4: the header row, under the letterhead.
    expect(at(json)).toEqual(['perspective-missing@Objectives!C4', 'unknown-parent@KPIs!C7']);
    expect(json.issues[1].message).toBe(
      'KPI K3: Parent "S1" in KPIs!C7 is not the ID of any objective or KPI; it appears in sheet Strategy (Strategy!A3), which is skipped.',
    );
  });
});

describe('stip-scorecard.xlsx: a balanced-scorecard export with a title and a reporting period above the header', () => {
  test('the header is row 4, not the two-cell period line; the sheet is skipped and says why', async () => {
    const { code, json } = await report('stip-scorecard.xlsx');
    expect(code).toBe(0);
    expect(json.tables).toEqual([{ workbook: `${REAL}/stip-scorecard.xlsx`, sheet: '2026_STIP_Report_Q1', table: null, rows: 4, role: 'skipped' }]);
    expect(at(json)).toEqual(["table-skipped@'2026_STIP_Report_Q1'!A4"]);
    expect(json.issues[0].message).toBe(
      "Sheet 2026_STIP_Report_Q1 is skipped: its header row ('2026_STIP_Report_Q1'!A4) maps \"Code\" and \"Max\" but has none of " +
        'Parent, Level, Perspective or Target; add a Parent, Level, Perspective or Target column to include it in the cascade.',
    );
    expect(json.summary).toMatchObject({ errors: 0, warnings: 0, infos: 1 });
  });
});

describe('pmg-contract.xlsx: a performance contract whose header is merged over rows of years', () => {
  test('nothing in it names a field, so it is skipped in silence and its years are not taken for a sub-header', async () => {
    const { code, json } = await report('pmg-contract.xlsx');
    expect(code).toBe(0);
    expect(json.tables).toEqual([{ workbook: `${REAL}/pmg-contract.xlsx`, sheet: 'Section B', table: null, rows: 2, role: 'skipped' }]);
    expect(json.issues).toEqual([]);
  });
});
