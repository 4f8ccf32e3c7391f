/**
 * Builds a realistic balanced scorecard of about N nodes as plain tables, the way the hosts hand
 * them to the engine: root objectives in the four perspectives, KPIs cascaded below them over
 * departments, teams and individuals, every column of spec section 2 filled as a person would.
 * Deterministic from the seed, so the benchmark and the properties can be repeated exactly.
 */

import type { CellValue, SourceTable } from '../src/core';
import { Random } from './random';

/** Every input column of spec section 2, by its first header. */
export const CASCADE_HEADER = [
  'ID', 'Name', 'Level', 'Parent', 'Perspective', 'Owner', 'Unit', 'Direction', 'Baseline', 'Target',
  'Target Min', 'Target Max', 'Tolerance', 'Actual', 'Weight', 'Rollup', 'Start Date', 'Due', 'Updated', 'Frequency',
] as const;

export type CascadeColumn = (typeof CASCADE_HEADER)[number];

/** The as-of date the generated dates are laid out around (mid-year of fiscal 2026). */
export const GENERATED_AS_OF = '2026-07-01';

export const DEFECTS = [
  'invalid-number', 'invalid-date', 'invalid-direction', 'invalid-level', 'invalid-weight', 'unknown-parent',
  'duplicate-id', 'cycle', 'missing-owner', 'missing-target',
] as const;
export type Defect = (typeof DEFECTS)[number];

export interface CascadeOptions {
  /** About how many rows (nodes) to generate. */
  nodes: number;
  seed: number;
  /** How many tables: the root objectives in the first, the KPIs by branch in the others; 1 puts everything in one table. Default 4. */
  tables?: number;
  /** Spread the tables over this many workbook names, as the checker sees several files; default: no workbook name. */
  workbooks?: number;
  /** Levels from the objectives down: 4 (Objective, Department, Team, Individual) or 5 (with Organization). Default: 4 below 10,000 nodes, else 5. */
  depth?: 4 | 5;
  /** The fraction of rows (0..1) that get one defect each. Default 0: a valid cascade. */
  defects?: number;
}

type Direction = 'higher' | 'lower' | 'range';
type Rollup = 'weighted' | 'average' | 'min' | 'max' | 'sum' | 'none';

interface PlannedNode {
  rank: number;
  id: string;
  parent: PlannedNode | null;
  children: PlannedNode[];
  /** Which first-level KPI this node descends from: decides its table. -1 for the root objectives. */
  branch: number;
  perspective: string | null;
  direction: Direction | null;
  unit: string | null;
  rollup: Rollup | null;
  weight: number | null;
  values: Partial<Record<CascadeColumn, CellValue>>;
  effectiveDue: number;
}

const LEVEL_LABELS = ['Objective', 'Organization', 'Department', 'Team', 'Individual'];
const ID_PREFIXES = ['OBJ', 'ORG', 'DEP', 'TEAM', 'IND'];
const PERSPECTIVES = ['Financial', 'Customer', 'Internal Process', 'Learning & Growth'];
const OBJECTIVE_NAMES: Record<string, string[]> = {
  Financial: ['Grow revenue', 'Improve margin', 'Reduce cost to serve', 'Diversify income'],
  Customer: ['Delight customers', 'Win new segments', 'Keep our clients', 'Be easy to buy from'],
  'Internal Process': ['Ship faster', 'Run reliable operations', 'Automate the back office', 'Close the books on time'],
  'Learning & Growth': ['Grow our people', 'Hire well', 'Build a data culture', 'Keep talent'],
};
/** Disjoint by direction, so that KPIs sharing a name never disagree on direction. */
const METRICS: Record<Direction, string[]> = {
  higher: ['Revenue', 'Gross margin', 'New customers', 'NPS', 'Renewal rate', 'Pipeline', 'Training hours', 'Uptime', 'Deals closed', 'Upsell revenue'],
  lower: ['Cost per ticket', 'Churn', 'Days to close', 'Defects', 'Overtime hours', 'Time to hire', 'Incidents', 'DSO', 'Backlog', 'Returns'],
  range: ['Utilisation', 'Inventory days', 'Headcount ratio', 'Budget variance', 'Span of control'],
};
const UNITS: Record<Direction, string[]> = {
  higher: ['USD', '%', 'count', 'score', 'hours'],
  lower: ['USD', '%', 'days', 'count', 'hours'],
  range: ['%', 'ratio', 'days'],
};
const OWNERS = [
  'Ana Silva', 'Ben Okafor', 'Chen Wei', 'Dana Levi', 'Emil Novak', 'Fatima Zahra', 'Gita Rao', 'Hugo Martin',
  'Ines Costa', 'Jon Berg', 'Kemal Aydin', 'Lena Fischer', 'Mia Tanaka', 'Noor Haddad', 'Omar Diallo', 'Pia Lund',
];
const FREQUENCIES = { Monthly: 5, Quarterly: 3, Weekly: 1, Annual: 1 };
/** About one period of each frequency in days: most actuals are fresh, about one in seven is stale. */
const FREQUENCY_DAYS: Record<keyof typeof FREQUENCIES, number> = { Monthly: 31, Quarterly: 92, Weekly: 7, Annual: 365 };

/** Excel serials of fiscal 2026: the objectives' period and the quarter ends KPIs may be due by. */
const YEAR_START = 46023; // 2026-01-01
const QUARTER_ENDS = [46112, 46203, 46295, 46387]; // 2026-03-31, 06-30, 09-30, 12-31
const AS_OF_SERIAL = 46204; // 2026-07-01

export function generateCascade(options: CascadeOptions): SourceTable[] {
  const random = new Random(options.seed);
  const total = Math.max(0, Math.floor(options.nodes));
  const depth = options.depth ?? (total < 10_000 ? 4 : 5);
  const levels = planTree(total, depth, random);
  const ordered = levels.flat();
  const roots = levels[0] ?? [];

  assignWeights(roots, random);
  for (const node of ordered) assignWeights(node.children, random);
  for (const node of ordered) describeNode(node, random);
  for (let index = ordered.length - 1; index >= 0; index--) measureNode(ordered[index], random);

  const rows = ordered.map(renderRow);
  const defects = Math.min(1, Math.max(0, options.defects ?? 0));
  if (defects > 0) addDefects(rows, ordered, defects, random);
  return placeInTables(ordered, rows, options.tables ?? 4, options.workbooks);
}

/** Level sizes growing by one fan-out f, with roots · (1 + f + … + f^(depth−1)) ≈ total; parents in contiguous blocks. */
function planTree(total: number, depth: number, random: Random): PlannedNode[][] {
  const ranks = depth === 5 ? [0, 1, 2, 3, 4] : [0, 2, 3, 4];
  const perPerspective = Math.min(6, Math.max(1, Math.round(Math.log10(Math.max(total, 1)))));
  const rootCount = Math.min(total, perPerspective * PERSPECTIVES.length);
  let low = 0;
  let high = Math.max(1, total);
  for (let step = 0; step < 60; step++) {
    const fanOut = (low + high) / 2;
    let sum = 0;
    for (let level = 0, size = rootCount; level < ranks.length; level++, size *= fanOut) sum += size;
    if (sum > total) high = fanOut;
    else low = fanOut;
  }
  const counts = [rootCount];
  let assigned = rootCount;
  for (let level = 1, size = rootCount * low; level < ranks.length; level++, size *= low) {
    const count = level === ranks.length - 1 ? total - assigned : Math.min(total - assigned, Math.round(size));
    counts.push(count);
    assigned += count;
  }

  const levels: PlannedNode[][] = [];
  let above: PlannedNode[] = [];
  counts.forEach((count, level) => {
    const rank = ranks[level];
    const width = String(Math.max(count, 1)).length + 1;
    const nodes: PlannedNode[] = [];
    for (let index = 0; index < count; index++) {
      const parent = above.length === 0 ? null : above[Math.min(above.length - 1, Math.floor(((index + random.float()) / count) * above.length))];
      const node: PlannedNode = {
        rank,
        id: `${ID_PREFIXES[rank]}-${String(index + 1).padStart(width, '0')}`,
        parent,
        children: [],
        branch: parent === null ? -1 : parent.branch === -1 ? index : parent.branch,
        perspective: parent ? parent.perspective : PERSPECTIVES[index % PERSPECTIVES.length],
        direction: null,
        unit: null,
        rollup: null,
        weight: null,
        values: {},
        effectiveDue: QUARTER_ENDS[3],
      };
      parent?.children.push(node);
      nodes.push(node);
    }
    levels.push(nodes);
    if (nodes.length > 0) above = nodes;
  });
  return levels;
}

/** Most groups weigh to 100 (as percents or fractions of 1); some leave every weight blank. */
function assignWeights(group: PlannedNode[], random: Random): void {
  if (group.length === 0) return;
  const style = group.length > 40 ? random.weighted({ blank: 2, percent: 1 }) : random.weighted({ percent: 7, fraction: 1.5, blank: 1.5 });
  if (style === 'blank') return;
  const raw = group.map(() => random.between(0.5, 2));
  const rawSum = raw.reduce((sum, value) => sum + value, 0);
  const percents = raw.map((value) => Math.floor((100 * value) / rawSum));
  percents[0] += 100 - percents.reduce((sum, value) => sum + value, 0);
  group.forEach((node, index) => {
    node.weight = style === 'percent' ? percents[index] : percents[index] / 100;
  });
}

/** Top-down: direction, unit, rollup, name, owner, dates. A sum's children share its unit and direction. */
function describeNode(node: PlannedNode, random: Random): void {
  const v = node.values;
  v.ID = node.id;
  v.Level = LEVEL_LABELS[node.rank];
  v.Parent = node.parent?.id ?? null;
  v.Weight = node.weight;
  if (node.rank === 0 && node.parent === null) {
    const perspective = node.perspective as string;
    v.Perspective = perspective;
    v.Name = random.pick(OBJECTIVE_NAMES[perspective]);
    v.Owner = random.pick(OWNERS);
    v['Start Date'] = YEAR_START;
    v.Due = QUARTER_ENDS[3];
    if (node.children.length > 0 && random.chance(0.15)) node.rollup = random.pick(['weighted', 'average'] as const);
    v.Rollup = rollupText(node.rollup, random);
    return;
  }

  const parent = node.parent as PlannedNode;
  const direction = parent.rollup === 'sum' ? (parent.direction as Direction) : random.weighted({ higher: 60, lower: 25, range: 15 });
  node.direction = direction;
  node.unit = parent.rollup === 'sum' ? parent.unit : random.pick(UNITS[direction]);
  if (node.children.length > 0) {
    const canSum = direction !== 'range' && node.unit !== '%';
    node.rollup = random.weighted({ weighted: 70, average: 8, min: 5, max: 3, sum: canSum ? 10 : 0, none: 4 });
  }
  v.Name = random.pick(METRICS[direction]);
  v.Owner = random.pick(OWNERS);
  v.Unit = node.unit;
  v.Direction = random.pick(DIRECTION_TEXT[direction]);
  v.Rollup = rollupText(node.rollup, random);
  node.effectiveDue = parent.effectiveDue;
  if (random.chance(0.25)) {
    node.effectiveDue = random.pick(QUARTER_ENDS.filter((serial) => serial <= parent.effectiveDue));
    v.Due = node.effectiveDue;
  }
}

const DIRECTION_TEXT: Record<Direction, string[]> = {
  higher: ['Higher is better', 'Higher is better', 'Higher', 'Increase', ''],
  lower: ['Lower is better', 'Lower', 'Decrease'],
  range: ['Range', 'Maintain', 'Within'],
};

/** Blank most of the time for weighted, as people leave the default alone. */
function rollupText(rollup: Rollup | null, random: Random): string | null {
  if (rollup === null) return null;
  if (rollup === 'weighted') return random.chance(0.8) ? null : 'Weighted';
  return { average: 'Average', min: 'Min', max: 'Max', sum: 'Sum', none: 'None' }[rollup];
}

/** Bottom-up: baseline, target, band and actual; a sum's target and baseline total its children's. */
function measureNode(node: PlannedNode, random: Random): void {
  if (node.direction === null) return;
  const v = node.values;
  if (node.rollup === 'sum') {
    const children = node.children.map((child) => child.values);
    v.Target = round(children.reduce((sum, child) => sum + (child.Target as number), 0));
    if (children.every((child) => typeof child.Baseline === 'number')) {
      v.Baseline = round(children.reduce((sum, child) => sum + (child.Baseline as number), 0));
    }
  } else {
    Object.assign(v, measures(node.direction, node.unit === '%' ? 1 : random.pick([10, 100, 1000, 50_000]), random));
  }
  if (v.Actual !== undefined && v.Actual !== null) {
    const frequency = random.weighted(FREQUENCIES);
    v.Frequency = frequency;
    v.Updated = AS_OF_SERIAL - random.integer(0, Math.round(FREQUENCY_DAYS[frequency] * 1.15));
  }
}

/** Values a person would enter for one KPI of the given direction at the given scale. */
function measures(direction: Direction, scale: number, random: Random): Partial<Record<CascadeColumn, number | null>> {
  const noData = random.chance(0.03);
  if (direction === 'range') {
    const target = round(scale * random.between(0.5, 1));
    const actual = noData ? null : round(target * (1 + random.between(-0.15, 0.15)));
    const style = random.weighted({ tolerance: 5, band: 3, exact: 2 });
    if (style === 'band') return { Target: target, 'Target Min': round(target * 0.95), 'Target Max': round(target * 1.05), Actual: actual };
    if (style === 'tolerance') return { Target: target, Tolerance: round(target * random.between(0.02, 0.1)), Actual: actual };
    return { Target: target, Actual: actual };
  }
  const hasBaseline = random.chance(0.75);
  const achieved = random.between(-0.1, 1.25);
  if (direction === 'higher') {
    const baseline = hasBaseline ? round(scale * random.between(0, 1)) : null;
    const target = round((baseline ?? 0) + scale * random.between(0.1, 1));
    const actual = round((baseline ?? 0) + (target - (baseline ?? 0)) * achieved);
    return { Baseline: baseline, Target: target, Actual: noData ? null : actual };
  }
  const baseline = hasBaseline ? round(scale * random.between(0.5, 1.5)) : null;
  const target = round((baseline ?? scale) * random.between(0.4, 0.9));
  const base = baseline ?? 2 * target;
  return { Baseline: baseline, Target: target, Actual: noData ? null : round(base - (base - target) * achieved) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function renderRow(node: PlannedNode): CellValue[] {
  return CASCADE_HEADER.map((column) => node.values[column] ?? null);
}

const COLUMN = Object.fromEntries(CASCADE_HEADER.map((header, index) => [header, index])) as Record<CascadeColumn, number>;

/** One defect on each chosen row, as people make them: typos, stale links, copy-pasted IDs. */
function addDefects(rows: CellValue[][], nodes: PlannedNode[], fraction: number, random: Random): void {
  rows.forEach((row, index) => {
    if (!random.chance(fraction)) return;
    const defect = random.pick(DEFECTS);
    const node = nodes[index];
    switch (defect) {
      case 'invalid-number': row[COLUMN.Actual] = random.pick(['TBD', '#N/A', '#DIV/0!', '12..5']); break;
      case 'invalid-date': row[COLUMN.Due] = random.pick(['31/12/2026', 'end of Q3', '2026-13-01']); break;
      case 'invalid-direction': row[COLUMN.Direction] = random.pick(['Sideways', 'Better', 'n.a.']); break;
      case 'invalid-level': row[COLUMN.Level] = random.pick(['Manager', 'L3', 'Sub-team']); break;
      case 'invalid-weight': row[COLUMN.Weight] = -random.integer(1, 50); break;
      case 'unknown-parent': row[COLUMN.Parent] = `${node.id}-OLD`; break;
      case 'duplicate-id': row[COLUMN.ID] = index > 0 ? rows[random.integer(0, index - 1)][COLUMN.ID] : node.id; break;
      case 'cycle': row[COLUMN.Parent] = node.children.length > 0 ? random.pick(node.children).id : node.id; break;
      case 'missing-owner': row[COLUMN.Owner] = null; break;
      case 'missing-target': row[COLUMN.Target] = null; row[COLUMN['Target Min']] = null; row[COLUMN['Target Max']] = null; break;
    }
  });
}

/** The root objectives in an "Objectives" table; each first-level branch of KPIs with its subtree in one KPI table. */
function placeInTables(nodes: PlannedNode[], rows: CellValue[][], tableCount: number, workbooks: number | undefined): SourceTable[] {
  const count = Math.max(1, Math.floor(tableCount));
  const names = count === 1
    ? [{ sheet: 'Scorecard', table: 'Scorecard' }]
    : Array.from({ length: count }, (_, index) => (index === 0 ? { sheet: 'Objectives', table: 'Objectives' } : { sheet: `Dept ${index}`, table: `KPIs${index}` }));
  const tables: SourceTable[] = names.map(({ sheet, table }, index) => ({
    ...(workbooks ? { workbook: `scorecard-${(index % workbooks) + 1}.xlsx` } : {}),
    sheet,
    table,
    origin: 'A1',
    header: [...CASCADE_HEADER],
    rows: [],
  }));
  nodes.forEach((node, index) => {
    const table = count === 1 || node.branch === -1 ? 0 : 1 + (node.branch % (count - 1));
    tables[table].rows.push(rows[index]);
  });
  return tables;
}
