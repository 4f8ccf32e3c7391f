/**
 * The owner report: one sheet per owner ("Owner - Ann Lee") or one sheet ("Owner report") with a
 * block per owner. A block is the owner's name, the count of each status and the mean score, then a
 * row per KPI: ID, Name, Status, Score, Expected, Contribution, Required actual, Note, Issues, the
 * Status cells in the colours of the written results.
 *
 * Our report sheets are recognised by hidden names `_KPIAlign_Report_<n>` (REPORT_NAME_PREFIX,
 * src/core/footprint.ts), one per sheet, each a reference to the sheet's A1: Excel keeps a
 * reference pointing at its sheet when the sheet is renamed, so a renamed report sheet is still
 * found and replaced, and a sheet a person made is never one of ours, whatever its name. Writing
 * again replaces every sheet of the earlier report: they are renamed aside, the new sheets added,
 * then the old ones deleted (so the workbook never runs out of visible sheets, and the new ones can
 * take the old names). Sync 1 lists the sheets and names; sync 2 does the rest.
 */

import {
  columnLetters, parseReference, REPORT_NAME_PREFIX, sameName, serialFromIso, sheetReference, STATUS_COLORS, STATUSES, uniqueName,
  type OwnerKpi, type OwnerSummary,
} from '../core';
import { equalsTextRule } from './cells';
import type { OwnerReportLayout } from './types';

const ONE_SHEET = 'Owner report';
const PERCENT = '0.0%';
const DATE = 'yyyy-mm-dd';
const KPI_HEADER = ['ID', 'Name', 'Status', 'Score', 'Expected', 'Contribution', 'Required actual', 'Note', 'Issues'];
const KPI_PERCENT_COLUMNS = new Set([3, 4, 5]);
const COUNTS_HEADER = [...STATUSES, 'Average score'];

type Cell = string | number;
interface Line {
  cells: Cell[];
  /** Number formats by column index. */
  formats?: Record<number, string>;
  /** A KPI's row: its Status cell takes the Status colours, as in the written results. */
  kpi?: boolean;
}

/** The KPI rows' Status column (C). */
const STATUS_COLUMN = 2;

/** A sheet name for an owner: Excel's forbidden characters taken out, at most 31 characters, unique. */
export function ownerSheetName(owner: string, taken: readonly string[]): string {
  const cleaned = `Owner - ${owner}`.replace(/[:\\/?*[\]]/g, ' ').replace(/\s+/g, ' ').trim().replace(/'+$/, '').slice(0, 31).trim();
  return uniqueName(cleaned, taken);
}

/** The sheet an ownership name refers to, or null when it refers to none (#REF! after the sheet was deleted). */
function sheetOf(formula: unknown): string | null {
  return typeof formula === 'string' ? parseReference(formula.replace(/^=/, ''))?.sheet ?? null : null;
}

export async function writeOwnerReport(
  context: Excel.RequestContext,
  owners: readonly OwnerSummary[],
  layout: OwnerReportLayout,
  asOf: string,
): Promise<{ sheets: string[] }> {
  const sheets = context.workbook.worksheets.load('items/name');
  const names = context.workbook.names.load('items/name,items/formula');
  await context.sync();

  const markers = names.items.filter((item) => item.name.toLowerCase().startsWith(REPORT_NAME_PREFIX.toLowerCase()));
  const ours = sheets.items.filter((sheet) => markers.some((marker) => sameName(sheetOf(marker.formula), sheet.name)));
  const taken = sheets.items.filter((sheet) => !ours.includes(sheet)).map((sheet) => sheet.name);
  const pages = layout === 'one-sheet' || owners.length === 0
    ? [{ name: uniqueName(ONE_SHEET, taken), lines: oneSheet(owners, asOf) }]
    : owners.map((owner) => {
      const name = ownerSheetName(owner.owner, taken);
      taken.push(name);
      return { name, lines: [...heading(`Owner report: ${owner.owner}`, asOf), ...ownerBlock(owner)] };
    });

  const aside = [...taken, ...pages.map((page) => page.name)];
  for (const sheet of ours) {
    const temporary = uniqueName('KPI Align old report', aside);
    aside.push(temporary);
    sheet.name = temporary;
  }
  for (const marker of markers) marker.delete();
  pages.forEach((page, index) => {
    const sheet = context.workbook.worksheets.add(page.name);
    writeLines(sheet, page.lines);
    const item = context.workbook.names.add(`${REPORT_NAME_PREFIX}${index + 1}`, `=${sheetReference(page.name)}!$A$1`);
    item.visible = false;
    if (index === 0) {
      sheet.activate();
      sheet.getRange('A1').select();
    }
  });
  for (const sheet of ours) sheet.delete();
  await context.sync();
  return { sheets: pages.map((page) => page.name) };
}

function heading(title: string, asOf: string): Line[] {
  const serial = serialFromIso(asOf);
  return [
    { cells: [text(title)] },
    { cells: ['As of', serial ?? text(asOf)], formats: serial === null ? undefined : { 1: DATE } },
    { cells: [] },
  ];
}

function oneSheet(owners: readonly OwnerSummary[], asOf: string): Line[] {
  const lines = heading('Owner report', asOf);
  if (owners.length === 0) return [...lines, { cells: [text('No KPIs were checked.')] }];
  owners.forEach((owner, index) => {
    if (index > 0) lines.push({ cells: [] });
    lines.push({ cells: [text(owner.owner)] }, ...ownerBlock(owner));
  });
  return lines;
}

function ownerBlock(owner: OwnerSummary): Line[] {
  return [
    { cells: COUNTS_HEADER.map(text) },
    { cells: [...STATUSES.map((status) => owner.status[status]), number(owner.averageScore)], formats: { [STATUSES.length]: PERCENT } },
    { cells: [] },
    { cells: KPI_HEADER.map(text) },
    ...owner.kpis.map(kpiLine),
  ];
}

function kpiLine(kpi: OwnerKpi): Line {
  return {
    cells: [
      text(kpi.id), text(kpi.name), text(kpi.status), number(kpi.score), number(kpi.expected), number(kpi.contribution),
      number(kpi.required), text(kpi.requiredNote), text(kpi.issues.join(', ')),
    ],
    formats: Object.fromEntries([...KPI_PERCENT_COLUMNS].map((column) => [column, PERCENT])),
    kpi: true,
  };
}

/** Text after an apostrophe, so that Excel keeps it as written ("2026-09-30" or "1,200" stay text). */
function text(value: string | null): string {
  return value === null || value === '' ? '' : `'${value}`;
}

function number(value: number | null): Cell {
  return value === null || !Number.isFinite(value) ? '' : value;
}

/** One rectangle of values from A1, and the number formats where a line has them. */
function writeLines(sheet: Excel.Worksheet, lines: readonly Line[]): void {
  const width = Math.max(1, ...lines.map((line) => line.cells.length));
  const address = `A1:${columnLetters(width)}${lines.length}`;
  sheet.getRange(address).values = lines.map((line) => Array.from({ length: width }, (_, c) => line.cells[c] ?? ''));
  if (lines.some((line) => line.formats)) {
    sheet.getRange(address).numberFormat = lines.map((line) => Array.from({ length: width }, (_, c) => line.formats?.[c] ?? null));
  }
  colourStatuses(sheet, lines);
}

/**
 * The Status cells of each run of KPI rows take the colours of the written results (STATUS_COLORS), by
 * one rule per status on the run, so that a person who edits a status sees the colour follow.
 */
function colourStatuses(sheet: Excel.Worksheet, lines: readonly Line[]): void {
  const letter = columnLetters(STATUS_COLUMN + 1);
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start].kpi) continue;
    let end = start;
    while (end + 1 < lines.length && lines[end + 1].kpi) end++;
    const formats = sheet.getRange(`${letter}${start + 1}:${letter}${end + 1}`).conditionalFormats;
    for (const status of STATUSES) {
      const rule = formats.add('CellValue').cellValue;
      rule.format.fill.color = STATUS_COLORS[status].fill;
      rule.format.font.color = STATUS_COLORS[status].font;
      rule.rule = equalsTextRule(status);
    }
    start = end;
  }
}
