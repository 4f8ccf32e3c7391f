/**
 * The text a cell shows for the number formats KPI Align and the sample use. Enough for the preview
 * grid; anything else is shown as General.
 */

import { isoFromSerial } from '../core';

const general = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 11, useGrouping: false });

export function formatCell(value: string | number | boolean | null | undefined, format: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const percent = /^0(?:\.(0+))?%$/.exec(format ?? '');
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  if (format && /^[yd]/i.test(format) && /y/i.test(format)) return isoFromSerial(value);
  const grouped = /^#,##0(?:\.(0+))?$/.exec(format ?? '');
  if (grouped) {
    const digits = grouped[1]?.length ?? 0;
    return new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }
  return general.format(value);
}
