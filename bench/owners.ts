/**
 * Owner summaries (`check --owners`, the pane's Owners view and owner report): grouping the report by
 * owner, and the required actual of every KPI behind (KPI.REQUIRED's search, one engine run on the
 * parent's subtree per step), on generated scorecards of 1,000 and 10,000 nodes.
 */

import { checkTables, ownerSummaries, ownersWithRequired, settingsOrThrow, serialFromIso } from '../src/core';
import { generateCascade, GENERATED_AS_OF } from './generate-cascade';
import { BenchmarkSection, formats, Row } from './section';

const SIZES = [1_000, 10_000];
const SEED = 20261123;

const now = () => Number(process.hrtime.bigint()) / 1e6;

export const ownersBenchmark: BenchmarkSection = {
  name: 'owners',
  run(context) {
    const rows: Row[] = [];
    const settings = settingsOrThrow({ asOf: serialFromIso(GENERATED_AS_OF) as number });
    for (const nodes of context.sizes ?? SIZES) {
      const tables = generateCascade({ nodes, seed: SEED });
      const report = checkTables(tables, settings);
      let start = now();
      const grouped = ownerSummaries(report);
      const groupMs = now() - start;
      start = now();
      const withRequired = ownersWithRequired(report, tables);
      const requiredMs = now() - start;
      const behind = withRequired.reduce((sum, owner) => sum + owner.behind, 0);
      rows.push({ nodes, owners: grouped.length, behind, groupMs, requiredMs, perKpiMs: behind > 0 ? requiredMs / behind : null });
    }
    return {
      title: `Owner summaries on generated scorecards (seed ${SEED})`,
      columns: [
        { key: 'nodes', heading: 'nodes', format: formats.integer },
        { key: 'owners', heading: 'owners', format: formats.integer },
        { key: 'behind', heading: 'KPIs behind', format: formats.integer },
        { key: 'groupMs', heading: 'grouping ms', format: formats.ms },
        { key: 'requiredMs', heading: 'with required actuals ms', format: formats.ms },
        { key: 'perKpiMs', heading: 'ms per KPI behind', format: (value: number) => value.toFixed(2) },
      ],
      rows,
      goals: [],
      notes: ['The Owners view computes required actuals for the chosen owner only; `check --owners` and the owner report compute them for every KPI behind.'],
    };
  },
};
