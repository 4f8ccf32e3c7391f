/**
 * The ownership marker, the same as the checker's (docs/xlsx.md, src/core/ownership.ts): hidden
 * workbook-level names `_KPIAlign_Owned_<n>` whose formula lists, per table, the columns KPI Align
 * made. Which of a table's columns are ours, and what the new ones are called, is core's one rule
 * (placeComputedColumns), which the checker follows too, so a workbook written by one and then by
 * the other never gets a second set of columns.
 */

import { isMarkerName, ownedHeadersAfterWrite, parseMarkerFormula, placeComputedColumns, type OwnershipMarker } from '../core';

/** The markers among the workbook's names (loaded with name, formula and visible). */
export function markersFrom(names: readonly { name: string; formula: unknown; visible?: boolean }[]): OwnershipMarker[] {
  const markers: OwnershipMarker[] = [];
  for (const item of names) {
    if (!isMarkerName(item.name) || typeof item.formula !== 'string') continue;
    const owned = parseMarkerFormula(item.formula);
    if (owned) markers.push({ ...owned, definedName: item.name, hidden: item.visible === undefined ? undefined : !item.visible });
  }
  return markers;
}

export interface ResolvedColumn {
  /** The column's index in the table (0-based), after the new columns are appended. */
  index: number;
  name: string;
  appended: boolean;
}

/** Our column for each header, by the rule the checker follows too (core's placeComputedColumns). */
export function resolveColumns(existing: readonly string[], headers: readonly string[], owned: readonly string[]): ResolvedColumn[] {
  let next = existing.length;
  return placeComputedColumns(existing, headers, owned).map(({ name, existingIndex }) =>
    existingIndex === null ? { index: next++, name, appended: true } : { index: existingIndex, name, appended: false },
  );
}

/** The marker after a write: our columns that still exist, then the ones written now. */
export function markerHeaders(existing: readonly string[], previous: readonly string[], resolved: readonly ResolvedColumn[]): string[] {
  return ownedHeadersAfterWrite(existing, previous, resolved.map((column) => column.name));
}

const key = (name: string) => name.trim().toLowerCase();

/** Whether a column name is one the marker lists. */
export function isOwned(name: string, owned: readonly string[]): boolean {
  return owned.some((header) => key(header) === key(name));
}
