/** How the pane writes numbers: ratios as percentages, absent values as a dash that screen readers read as "no data". */

const percentFormat = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('en-US');

/** 0.747 → "74.7%"; null → "—". */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : percentFormat.format(value);
}

/** The same value as a screen reader should hear it. */
export function percentLabel(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? 'no data' : percentFormat.format(value);
}

export function count(value: number): string {
  return countFormat.format(value);
}

/** "1 issue", "14 issues". */
export function plural(value: number, one: string, many = `${one}s`): string {
  return `${count(value)} ${value === 1 ? one : many}`;
}

const wholeFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const smallFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** A value in the KPI's own unit: 1234.567 → "1,234.57", 0.04567 → "0.0457"; null → "—". */
export function amount(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Math.abs(value) >= 1 || value === 0 ? wholeFormat.format(value) : smallFormat.format(value);
}
