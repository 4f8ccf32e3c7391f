/** The sample scorecard (examples/scorecard.json), loaded only when asked for so that it stays out of the first load. */

import type { SourceTable } from '../core';

export interface SampleData {
  /** The date the sample's figures are read at; the pane stores it as the as-of setting. */
  asOf?: string;
  tables: SourceTable[];
}

export async function loadSampleScorecard(): Promise<SampleData> {
  const module = await import(/* webpackChunkName: "sample-scorecard" */ '../../examples/scorecard.json');
  const data = (module.default ?? module) as { asOf: string; tables: SourceTable[] };
  return { asOf: data.asOf, tables: data.tables };
}
