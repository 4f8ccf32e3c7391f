/** Range addresses as Excel returns them ("'Team Sales'!A1:T21"). */

import { parseReference, splitSheetReference, type CellArea } from '../core';

export type Area = CellArea;

/** The rows and columns (1-based) of an address, with or without its sheet; null when it is not a range. */
export function parseArea(address: string): Area | null {
  return parseReference(address)?.area ?? null;
}

/** "'Team Sales'!D7" → { sheet: "Team Sales", cell: "D7" }; a bare "D7" keeps the sheet given. */
export function splitReference(sheet: string, address: string): { sheet: string; cell: string } {
  const split = splitSheetReference(address);
  return { sheet: split.sheet ?? sheet, cell: split.local };
}
