/**
 * `Excel.DataValidation` (ExcelApi 1.8): list and custom rules, the input prompt, the error alert.
 * Excel keeps validation per cell; the model does too (SheetState.validations), so a range's
 * validation is what its cells have in common, and "Inconsistent" or "MixedCriteria" when they
 * differ, as Excel reports.
 *
 * Excel's limits (the Data Validation dialog's, which the API shares): a prompt's title holds 32
 * characters and its message 255; an error alert's title 32 and its message 225; an inline list
 * ("a,b,c") 255 characters. A list whose source is "=Name" needs the name to exist when the rule is
 * set (the dialog refuses "A named range you specified cannot be found"); the model refuses it with
 * InvalidArgument. A custom rule is a formula (`rule.custom.formula`, type "Custom"); the model asks
 * for the leading "=" that Microsoft's samples write and does not evaluate it: Excel applies it only
 * to what a person types, never to values an add-in writes. Not documented, assumed: setting a rule
 * replaces the cells' earlier rule (the adapter clears first anyway, as Microsoft's samples do); a
 * prompt or an alert can be set on cells without a rule (the dialog's "Any value" with an input
 * message). Validation belongs to its cells: when cells are deleted or inserted with a shift
 * (SheetState.deleteCells, insertCells: what adding and deleting table columns do), theirs goes or
 * moves with them (sheet.ts). Rules of the other kinds (whole number, date, text length…) are not
 * modelled.
 */

import { parseRange } from './addresses';
import { ModelObject, type PropertyDef } from './client-object';
import type { ModelContext } from './context';
import { ModelError } from './errors';
import type { RangeTarget } from './range';
import { validationKey } from './sheet';
import { isValidName } from './table-ops';

export interface ValidationSettings {
  rule: { list: { source: string; inCellDropDown: boolean } } | { custom: { formula: string } } | null;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: 'Stop' | 'Warning' | 'Information'; title: string; message: string };
  ignoreBlanks: boolean;
}

const DEFAULTS: ValidationSettings = {
  rule: null,
  prompt: { showPrompt: true, title: '', message: '' },
  errorAlert: { showAlert: true, style: 'Stop', title: '', message: '' },
  ignoreBlanks: true,
};

/** More cells than a sheet's validation in the model should ever need (a table column is far fewer). */
const MAX_CELLS = 200_000;
const ALERT_STYLES = ['Stop', 'Warning', 'Information'];

export function typeOf(settings: ValidationSettings | undefined): string {
  if (!settings?.rule) return 'None';
  return 'list' in settings.rule ? 'List' : 'Custom';
}

export class DataValidationObject extends ModelObject {
  constructor(context: ModelContext, path: string, private readonly range: (where: string) => RangeTarget) {
    super(context, path, 'DataValidation');
  }

  protected exists(): boolean {
    this.range('DataValidation');
    return true;
  }

  /** Every cell's settings (undefined: none). */
  private cells(where: string): (ValidationSettings | undefined)[] {
    const { sheet, rect } = this.range(where);
    if (rect.rows * rect.cols > MAX_CELLS) throw new ModelError('NotImplemented', where, 'the model keeps validation for at most 200,000 cells at a time');
    const cells: (ValidationSettings | undefined)[] = [];
    for (let r = rect.top; r < rect.top + rect.rows; r++) {
      for (let c = rect.left; c < rect.left + rect.cols; c++) cells.push(sheet.validations.get(validationKey(r, c)));
    }
    return cells;
  }

  private common(): { type: string; settings: ValidationSettings } {
    const cells = this.cells('DataValidation.load');
    const first = cells[0] ?? DEFAULTS;
    const same = cells.every((cell) => JSON.stringify(cell ?? DEFAULTS) === JSON.stringify(first));
    const types = new Set(cells.map(typeOf));
    return { type: same ? typeOf(cells[0]) : types.size > 1 ? 'Inconsistent' : 'MixedCriteria', settings: first };
  }

  protected properties(): Record<string, PropertyDef> {
    return {
      type: { since: '1.8', get: () => this.common().type },
      rule: { since: '1.8', get: () => JSON.parse(JSON.stringify(this.common().settings.rule ?? {})) },
      prompt: { since: '1.8', get: () => ({ ...this.common().settings.prompt }) },
      errorAlert: { since: '1.8', get: () => ({ ...this.common().settings.errorAlert }) },
      ignoreBlanks: { since: '1.8', get: () => this.common().settings.ignoreBlanks },
    };
  }

  get type(): string { return this.loaded('type'); }
  get rule(): Excel.DataValidationRule { return this.loaded('rule'); }
  get prompt(): Excel.DataValidationPrompt { return this.loaded('prompt'); }
  get errorAlert(): Excel.DataValidationErrorAlert { return this.loaded('errorAlert'); }
  get ignoreBlanks(): boolean { return this.loaded('ignoreBlanks'); }

  set rule(rule: Excel.DataValidationRule) {
    this.change('rule', rule, (where) => {
      const kinds = Object.keys(rule ?? {}).filter((kind) => (rule as Record<string, unknown>)[kind] !== undefined);
      if (kinds.length !== 1) throw new ModelError('InvalidArgument', where, 'a rule has exactly one kind');
      const next = kinds[0] === 'list' ? this.listRule(rule.list as Excel.ListDataValidation, where)
        : kinds[0] === 'custom' ? customRule(rule.custom as Excel.CustomDataValidation, where)
        : null;
      if (!next) throw new ModelError('NotImplemented', where, `the model has no ${kinds[0]} validation`);
      return (settings) => ({ ...settings, rule: next });
    });
  }

  private listRule(list: Excel.ListDataValidation, where: string): ValidationSettings['rule'] {
    if (typeof list.source !== 'string') throw new ModelError('NotImplemented', where, 'the model takes a list source as text');
    this.checkSource(list.source, where);
    return { list: { source: list.source, inCellDropDown: list.inCellDropDown ?? true } };
  }

  set prompt(prompt: Excel.DataValidationPrompt) {
    this.change('prompt', prompt, (where) => {
      limit(prompt.title, 32, 'a prompt title', where);
      limit(prompt.message, 255, 'a prompt message', where);
      return (settings) => ({ ...settings, prompt: { ...settings.prompt, ...defined(prompt) } });
    });
  }

  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.change('errorAlert', alert, (where) => {
      limit(alert.title, 32, 'an error alert title', where);
      limit(alert.message, 225, 'an error alert message', where);
      if (alert.style !== undefined && !ALERT_STYLES.includes(alert.style)) throw new ModelError('InvalidArgument', where, `style "${alert.style}"`);
      return (settings) => ({ ...settings, errorAlert: { ...settings.errorAlert, ...defined(alert) } as ValidationSettings['errorAlert'] });
    });
  }

  set ignoreBlanks(ignore: boolean) {
    this.change('ignoreBlanks', ignore, () => (settings) => ({ ...settings, ignoreBlanks: ignore }));
  }

  clear(): void {
    this.invoke('clear', [], () => {
      const where = 'DataValidation.clear';
      const { sheet, rect } = this.range(where);
      this.context.state.assertWritable(sheet, where);
      this.cells(where);
      for (let r = rect.top; r < rect.top + rect.rows; r++) for (let c = rect.left; c < rect.left + rect.cols; c++) sheet.validations.delete(validationKey(r, c));
      this.context.state.touch();
    }, '1.8');
  }

  /** Queues a change to every cell of the range: `prepare` checks the input when the sync runs and says how each cell's settings change. */
  private change(name: string, value: unknown, prepare: (where: string) => (settings: ValidationSettings) => ValidationSettings): void {
    const where = `DataValidation.${name}`;
    this.assign(name, value, () => {
      const { sheet, rect } = this.range(where);
      this.context.state.assertWritable(sheet, where);
      const update = prepare(where);
      const cells = this.cells(where);
      // Cells that had the same settings keep sharing one object.
      const updated = new Map<ValidationSettings | undefined, ValidationSettings>();
      let i = 0;
      for (let r = rect.top; r < rect.top + rect.rows; r++) {
        for (let c = rect.left; c < rect.left + rect.cols; c++) {
          const before = cells[i++];
          if (!updated.has(before)) updated.set(before, update(before ?? DEFAULTS));
          sheet.validations.set(validationKey(r, c), updated.get(before) as ValidationSettings);
        }
      }
      this.context.state.touch();
    }, '1.8');
  }

  private checkSource(source: string, where: string): void {
    if (!source.startsWith('=')) {
      limit(source, 255, 'a list typed into the rule', where);
      return;
    }
    const body = source.slice(1).trim();
    if (isValidName(body)) {
      if (!this.context.state.nameNamed(body)) throw new ModelError('InvalidArgument', where, `there is no name "${body}"`);
      return;
    }
    const reference = parseRange(body);
    if (!reference || (reference.sheet !== null && !this.context.state.sheetNamed(reference.sheet))) {
      throw new ModelError('InvalidArgument', where, `"${source}" is not a list source`);
    }
  }
}

function customRule(custom: Excel.CustomDataValidation, where: string): ValidationSettings['rule'] {
  const formula = custom?.formula;
  if (typeof formula !== 'string' || !/^=\s*\S/.test(formula)) throw new ModelError('InvalidArgument', where, 'a custom rule is a formula that starts with "="');
  return { custom: { formula } };
}

function limit(text: string | undefined, max: number, what: string, where: string): void {
  if (text !== undefined && text.length > max) throw new ModelError('InvalidArgument', where, `${what} holds at most ${max} characters`);
}

function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
