/**
 * The catalogue of rules: every issue code, its severity and its message, in one place (spec section 5).
 * Messages name the node, the values involved and the cell, in a finance user's words.
 */

import { fieldForHeader, type Field } from './headers';
import type { Issue, Severity } from './types';
import { choicesText, DIRECTIONS, FREQUENCIES, LEVEL_NAMES, ROLLUPS } from './vocabulary';

/** Numbers in messages: as a person would type them, without floating-point noise. */
export function formatValue(value: number): string {
  return String(Number(value.toPrecision(10)));
}

const quote = (text: string): string => `"${text}"`;

/** How a message names a node: "KPI SAL-03" or "Objective F1". */
export function subjectOf(node: { kind: 'objective' | 'kpi'; id: string }): string {
  return `${node.kind === 'objective' ? 'Objective' : 'KPI'} ${node.id}`;
}

/** A list in a message: the first few items and how many more, so that a message stays readable however many there are. */
function listOf(items: readonly string[], shown = 5): string {
  if (items.length <= shown + 1) return items.join(', ');
  return `${items.slice(0, shown).join(', ')} and ${items.length - shown} more`;
}

/** Words joined as a sentence joins them: "A", "A and B", "A, B and C". */
function joined(items: readonly string[], word: 'and' | 'or'): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** A loop as a message shows it: every ID when short, the ends and a count when long. */
function loopText(loop: string[]): string {
  const ids = loop.length <= 8 ? loop : [...loop.slice(0, 3), `… ${loop.length - 5} more …`, ...loop.slice(-2)];
  return [...ids, loop[0]].join(' > ');
}

/** The choices the invalid-word rules offer, as the engine's values (the levels by name). */
const CHOICES = {
  level: choicesText(LEVEL_NAMES),
  direction: choicesText(DIRECTIONS.map((term) => term.value)),
  rollup: choicesText(ROLLUPS.map((term) => term.value)),
  frequency: choicesText(FREQUENCIES.map((term) => term.value)),
};

interface Cell { subject: string; cell: string }
interface CellText extends Cell { text: string }

/** What a rule is: its severity, its message from the details, and what hosts need to know of it. */
interface Rule {
  severity: Severity;
  message: (details: never) => string;
  /** An issue of this rule on a node means the node is not linked to its parent (spec 4, "Links"), or not computed at all. */
  breaksLink?: true;
  /** An error of this rule on a node is why it has no progress, and so no score, of its own. */
  explainsMissingScore?: true;
  /** Whether the rule fires depends on the as-of date, not only on the workbook. */
  dependsOnAsOf?: true;
}

export const RULES = {
  'missing-id': {
    severity: 'error',
    message: (d: { row: number; cell: string }) =>
      `Row ${d.row} has data but no ID in ${d.cell}; give it an ID so that it can take part in the cascade.`,
  },
  'duplicate-id': {
    severity: 'error',
    breaksLink: true,
    explainsMissingScore: true,
    message: (d: { id: string; cells: string[] }) =>
      `ID ${quote(d.id)} is used by ${d.cells.length} rows (${listOf(d.cells)}); none of them is computed until each has an ID of its own.`,
  },
  'unknown-parent': {
    severity: 'error',
    breaksLink: true,
    message: (d: Cell & { parent: string; ambiguous: boolean; skippedIn?: string }) =>
      d.ambiguous
        ? `${d.subject}: Parent ${quote(d.parent)} in ${d.cell} is the ID of more than one row (duplicate-id), so it cannot be linked.`
        : d.skippedIn
          ? `${d.subject}: Parent ${quote(d.parent)} in ${d.cell} is not the ID of any objective or KPI; it appears in ${d.skippedIn}, which is skipped.`
          : `${d.subject}: Parent ${quote(d.parent)} in ${d.cell} is not the ID of any objective or KPI.`,
  },
  cycle: {
    severity: 'error',
    breaksLink: true,
    message: (d: Cell & { loop: string[] }) =>
      d.loop.length === 1
        ? `${d.subject} names itself as its parent in ${d.cell}.`
        : `${d.subject} is part of a loop of ${d.loop.length} parents (${loopText(d.loop)}); it is not linked to its parent in ${d.cell}.`,
  },
  'level-inverted': {
    severity: 'error',
    breaksLink: true,
    message: (d: Cell & { level: string; parent: string; parentLevel: string }) =>
      `${d.subject} (${d.level}) aligns to ${d.parent} (${d.parentLevel}) in ${d.cell}, a lower level; it is not linked to it.`,
  },
  'invalid-number': {
    severity: 'error',
    message: (d: CellText & { column: string }) =>
      `${d.subject}: ${d.column} ${quote(d.text)} in ${d.cell} is not a number; it counts as blank.`,
  },
  'invalid-date': {
    severity: 'error',
    message: (d: CellText & { column: string }) =>
      `${d.subject}: ${d.column} ${quote(d.text)} in ${d.cell} is not a date; enter a date or YYYY-MM-DD.`,
  },
  'invalid-level': {
    severity: 'error',
    message: (d: CellText) =>
      `${d.subject}: Level ${quote(d.text)} in ${d.cell} is not a level; use ${CHOICES.level}.`,
  },
  'invalid-direction': {
    severity: 'error',
    explainsMissingScore: true,
    // With `implied`, the Direction cell is a direction, but the target written as text says another (spec section 8).
    message: (d: CellText & { target?: string; targetCell?: string; implied?: string }) =>
      d.implied === undefined
        ? `${d.subject}: Direction ${quote(d.text)} in ${d.cell} is not a direction; use ${CHOICES.direction}. It gets no progress until then.`
        : `${d.subject}: Direction ${quote(d.text)} in ${d.cell} disagrees with the Target ${quote(d.target ?? '')} in ${d.targetCell}, which says ${d.implied}; make them agree (or clear the Direction). It gets no progress until then.`,
  },
  'invalid-rollup': {
    severity: 'error',
    message: (d: CellText) =>
      `${d.subject}: Rollup ${quote(d.text)} in ${d.cell} is not a rollup method; weighted is used. Use ${CHOICES.rollup}.`,
  },
  'invalid-weight': {
    severity: 'error',
    message: (d: Cell & { weight: number }) =>
      `${d.subject}: Weight ${formatValue(d.weight)} in ${d.cell} is negative; it counts as blank.`,
  },
  'invalid-band': {
    severity: 'error',
    explainsMissingScore: true,
    message: (d: Cell & { min: number; max: number }) =>
      `${d.subject}: Target Min ${formatValue(d.min)} is above Target Max ${formatValue(d.max)} (${d.cell}); it gets no progress.`,
  },
  'zero-span': {
    severity: 'error',
    explainsMissingScore: true,
    message: (d: Cell & { target: number; baseline: number }) =>
      `${d.subject}: Target ${formatValue(d.target)} in ${d.cell} equals the baseline ${formatValue(d.baseline)}, so progress cannot be measured.`,
  },
  'baseline-required': {
    severity: 'error',
    explainsMissingScore: true,
    message: (d: Cell & { target: number }) =>
      `${d.subject}: Target ${formatValue(d.target)} is not above 0, so progress needs a Baseline; add one in ${d.cell}.`,
  },
  'missing-column': {
    severity: 'error',
    message: (d: { where: string; cell: string }) =>
      `${d.where} looks like an objectives table but its header row (${d.cell}) has no ID column; it is skipped.`,
  },
  unaligned: {
    severity: 'warning',
    message: (d: Cell) => `${d.subject} has no parent in ${d.cell}, so it does not contribute to any objective.`,
  },
  'objective-uncovered': {
    severity: 'warning',
    message: (d: Cell) => `${d.subject} has no KPI anywhere beneath it, so nothing measures it.`,
  },
  'weights-not-100': {
    severity: 'warning',
    message: (d: { group: string; sum: number; count: number }) =>
      `The weights of ${d.group} (${d.count}) add up to ${formatValue(d.sum)}, not 100% (1 or 100); they are scaled to 100%.`,
  },
  'weights-partial': {
    severity: 'warning',
    message: (d: { group: string; blank: string[]; count: number }) =>
      `${d.blank.length} of the ${d.count} weights of ${d.group} are blank (${listOf(d.blank)}); they take the average of the others.`,
  },
  'weights-zero': {
    severity: 'warning',
    message: (d: { group: string; count: number }) =>
      `The weights of ${d.group} (${d.count}) add up to 0; they count as equal.`,
  },
  'missing-owner': {
    severity: 'warning',
    message: (d: Cell) => `${d.subject} has no owner in ${d.cell}.`,
  },
  'missing-target': {
    severity: 'warning',
    message: (d: Cell) => `${d.subject} has no target in ${d.cell} and no children, so it cannot be scored.`,
  },
  'unit-mismatch': {
    severity: 'warning',
    message: (d: Cell & { units: string[] }) =>
      `${d.subject} sums its children, but their units differ (${listOf(d.units)}).`,
  },
  'conflicting-direction': {
    severity: 'warning',
    message: (d: Cell & { name: string; direction: string; others: string[] }) =>
      `${d.subject} ${quote(d.name)} is ${d.direction}-is-better in ${d.cell}, but ${listOf(d.others)} with the same name differ.`,
  },
  'due-after-parent': {
    severity: 'warning',
    message: (d: Cell & { due: string; parent: string; parentDue: string }) =>
      `${d.subject} is due ${d.due} (${d.cell}), after its parent ${d.parent}, due ${d.parentDue}.`,
  },
  'stale-actual': {
    severity: 'warning',
    dependsOnAsOf: true,
    message: (d: Cell & { updated: string; frequency: string; nextUpdate: string; asOf: string }) =>
      `${d.subject}: the actual was last updated ${d.updated} (${d.cell}); a ${d.frequency} KPI was due an update by ${d.nextUpdate}, before ${d.asOf}.`,
  },
  'invalid-frequency': {
    severity: 'warning',
    message: (d: CellText) =>
      `${d.subject}: Frequency ${quote(d.text)} in ${d.cell} is not a frequency; use ${CHOICES.frequency}.`,
  },
  'duplicate-column': {
    severity: 'warning',
    message: (d: { header: string; cell: string; first: string; field: string }) =>
      `Column ${quote(d.header)} in ${d.cell} is a second ${d.field} column; the first one, ${quote(d.first)}, is used.`,
  },
  'direction-assumed': {
    severity: 'warning',
    message: (d: Cell & { name: string; word: string; hasColumn: boolean }) =>
      `${d.subject} ${quote(d.name)} has no direction, and its name says ${quote(d.word)}, so it is scored lower-is-better. ` +
      (d.hasColumn
        ? `If higher is better, put "Higher is better" in ${d.cell}; put "Lower is better" there to confirm.`
        : `If higher is better, add a Direction column with "Higher is better" on this row (${d.cell}); "Lower is better" confirms.`),
  },
  'manual-and-rollup': {
    severity: 'info',
    message: (d: Cell & { actual: number; sum: number }) =>
      `${d.subject} has its own Actual ${formatValue(d.actual)} in ${d.cell} but sums its children (${formatValue(d.sum)}); the sum is used.`,
  },
  'perspective-missing': {
    severity: 'info',
    message: (d: { missing: string[] }) =>
      `The objectives name perspectives, but none is ${d.missing.join(', ')}; a balanced scorecard usually covers all four.`,
  },
  'table-skipped': {
    severity: 'info',
    message: (d: { where: string; cell: string; mapped: string[]; hasId: boolean; needsOneOf: string[] | null }) => {
      const lacks = [
        ...(d.hasId ? [] : ['no ID column']),
        ...(d.needsOneOf ? [`none of ${joined(d.needsOneOf, 'or')}`] : []),
      ];
      const add = d.hasId ? `a ${joined(d.needsOneOf ?? [], 'or')} column` : d.needsOneOf ? `an ID column and one of those` : 'an ID column';
      const mapped = d.mapped.length > 6 ? [...d.mapped.slice(0, 5), `${d.mapped.length - 5} more`] : d.mapped;
      const maps = mapped.length > 0 ? `maps ${joined(mapped, 'and')} but has` : 'names no column of a cascade table:';
      return `${d.where} is skipped: its header row (${d.cell}) ${maps} ${joined(lacks, 'and')}; add ${add} to include it in the cascade.`;
    },
  },
  'hierarchy-from-codes': {
    severity: 'info',
    message: (d: { where: string; cell: string; count: number; example: string }) =>
      `${d.where}: ${d.count} row${d.count === 1 ? '' : 's'} with a blank Parent ${d.count === 1 ? 'is' : 'are'} placed under the row whose ID ${d.count === 1 ? 'its' : 'their'} code begins with (${d.example}; IDs in ${d.cell}); a Parent cell overrides this.`,
  },
} as const satisfies Record<string, Rule>;

export type RuleCode = keyof typeof RULES;
export type RuleDetails<C extends RuleCode> = Parameters<(typeof RULES)[C]['message']>[0];

/** Details that JSON carries faithfully: it has no Infinity or NaN, so a number that overflowed is null. */
export type PlainDetails<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] };

/** A rule's details as its issue keeps them. */
export type IssueDetails<C extends RuleCode> = PlainDetails<RuleDetails<C>>;

export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/** What a host may ask of the rules, as the flags above name it. */
export type RuleFlag = 'breaksLink' | 'explainsMissingScore' | 'dependsOnAsOf';

/** The codes of the rules that carry a flag, such as every rule that breaks a link. */
export function rulesWhere(flag: RuleFlag): ReadonlySet<RuleCode> {
  return new Set(RULE_CODES.filter((code) => (RULES[code] as Rule)[flag] === true));
}

/** Narrows an issue to one rule's, so that its details are typed: `isIssueOf(issue, 'cycle') && issue.details.loop`. */
export function isIssueOf<C extends RuleCode>(issue: Issue, code: C): issue is Issue<C> {
  return issue.code === code;
}

/** The fields the progress formulas read: an unreadable number in one of them (invalid-number) leaves a node without progress. */
const PROGRESS_FIELDS: ReadonlySet<Field> = new Set<Field>(['actual', 'target', 'baseline', 'targetMin', 'targetMax', 'tolerance']);
const MISSING_SCORE_RULES = rulesWhere('explainsMissingScore');

/**
 * Whether an issue is why its node has no score of its own: a rule flagged `explainsMissingScore`, or
 * invalid-number in a column the progress formulas read (the rule fires in every number column, and
 * only these matter for the score). KPI.ROLLUP's #VALUE! and the required-actual search name it.
 */
export function explainsMissingScore(issue: Issue): boolean {
  if (MISSING_SCORE_RULES.has(issue.code)) return true;
  const field = issue.code === 'invalid-number' ? fieldForHeader(issue.column) : undefined;
  return field !== undefined && PROGRESS_FIELDS.has(field);
}
