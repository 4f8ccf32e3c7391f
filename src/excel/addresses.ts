/** Range addresses as Excel returns them ("'Team Sales'!A1:T21"). */

import { parseCellAddress } from '../core';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The rows and columns (1-based) of an address, with or without its sheet; null when it is not a range. */
export function parseArea(address: string): Area | null {
  const local = address.slice(address.lastIndexOf('!') + 1);
  const [from, to = from] = local.split(':');
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

/** "'Team Sales'!D7" → { sheet: "Team Sales", cell: "D7" }; a bare "D7" keeps the sheet given. */
export function splitReference(sheet: string, address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { sheet, cell: address.trim() };
  const prefix = address.slice(0, bang).trim();
  const named = /^'.*'$/.test(prefix) ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
  return { sheet: named, cell: address.slice(bang + 1).trim() };
}
