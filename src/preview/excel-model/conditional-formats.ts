/**
 * Conditional formats (ExcelApi 1.6): "text contains", "cell value" and custom (formula) rules with a
 * fill and a font colour, which is what the adapter uses; `ConditionalFormat.delete` removes one
 * rule, `customOrNullObject` is a null object for a rule of another type. `clearAll` removes the rules that lie inside the
 * range. Not documented: what Excel does with a rule that also covers cells outside the range
 * (the Excel UI trims it); the model leaves such a rule alone.
 */

import { containsRect } from './addresses';
import { ModelCollection, ModelObject, type PropertyDef } from './client-object';
import type { ModelContext } from './context';
import { ModelError } from './errors';
import { RangeObject, type RangeTarget } from './range';
import { formatsOn, type ConditionalFormatState, type ConditionalRule } from './state';

const MODELLED_TYPES = ['ContainsText', 'CellValue', 'Custom'] as const;

export class ConditionalFormatCollectionObject extends ModelCollection<ConditionalFormatObject> {
  constructor(context: ModelContext, path: string, private readonly range: () => RangeTarget) {
    super(context, path, 'ConditionalFormatCollection');
  }

  protected members(): ConditionalFormatObject[] {
    const { sheet, rect } = this.range();
    return formatsOn(this.context.state, sheet, rect).map((format) => new ConditionalFormatObject(this.context, `${this.path}.getItem(${JSON.stringify(format.id)})`, () => format));
  }

  protected override properties(): Record<string, PropertyDef> {
    return { count: { since: '1.6', get: () => this.members().length } };
  }

  add(type: string): ConditionalFormatObject {
    let created: ConditionalFormatState | undefined;
    const where = 'ConditionalFormatCollection.add';
    this.context.enqueue({
      where,
      since: '1.6',
      describe: { p: this.path, m: 'add', a: [type] },
      run: () => {
        if (!(MODELLED_TYPES as readonly string[]).includes(type)) throw new ModelError('NotImplemented', where, `the model has no ${type} rules`);
        const { sheet, rect } = this.range();
        this.context.state.assertWritable(sheet, where);
        created = { id: this.context.state.newId('{cf-'), sheet, rect, type: type as ConditionalFormatState['type'], rule: null, fill: null, font: null };
        this.context.state.formats.push(created);
        this.context.state.touch();
      },
    });
    return new ConditionalFormatObject(this.context, `${this.path}.add(${JSON.stringify(type)})`, () => created);
  }

  clearAll(): void {
    const where = 'ConditionalFormatCollection.clearAll';
    this.context.enqueue({
      where,
      since: '1.6',
      describe: { p: this.path, m: 'clearAll' },
      run: () => {
        const { sheet, rect } = this.range();
        const state = this.context.state;
        state.assertWritable(sheet, where);
        for (const format of formatsOn(state, sheet, rect)) {
          if (containsRect(rect, format.rect)) state.formats.splice(state.formats.indexOf(format), 1);
        }
        state.touch();
      },
    });
  }
}

/** A part of a rule (the rule itself, its format, its fill or font), found through the rule when a sync runs. */
abstract class RulePart extends ModelObject {
  constructor(context: ModelContext, path: string, typeName: string, protected readonly rule$: () => ConditionalFormatState, nullable = false) {
    super(context, path, typeName, nullable);
  }

  protected exists(): boolean {
    this.rule$();
    return true;
  }

  /** Queues a change to the rule, refused on a protected sheet. */
  protected change(name: string, value: unknown, apply: (format: ConditionalFormatState) => void): void {
    this.assign(name, value, () => {
      const format = this.rule$();
      this.context.state.assertWritable(format.sheet, `${this.typeName}.${name}`);
      apply(format);
      this.context.state.touch();
    }, '1.6');
  }
}

export class ConditionalFormatObject extends RulePart {
  constructor(context: ModelContext, path: string, find: () => ConditionalFormatState | undefined) {
    super(context, path, 'ConditionalFormat', () => {
      const format = find();
      if (!format || !context.state.formats.includes(format)) throw new ModelError('ItemNotFound', 'ConditionalFormat');
      return format;
    });
  }

  protected properties(): Record<string, PropertyDef> {
    return {
      id: { since: '1.6', get: () => this.rule$().id },
      type: { since: '1.6', get: () => this.rule$().type },
      priority: { since: '1.6', get: () => this.context.state.formats.indexOf(this.rule$()) },
      stopIfTrue: { since: '1.6', get: () => false },
    };
  }

  get type(): string { return this.loaded('type'); }
  get id(): string { return this.loaded('id'); }

  private part(type: ConditionalFormatState['type']): () => ConditionalFormatState {
    return () => {
      const format = this.rule$();
      if (format.type !== type) throw new ModelError('InvalidOperation', `ConditionalFormat.${type}`, `the rule is a ${format.type} rule`);
      return format;
    };
  }

  get textComparison(): RuleObject {
    return this.child('textComparison', () => new RuleObject(this.context, `${this.path}.textComparison`, 'TextConditionalFormat', this.part('ContainsText')));
  }

  get cellValue(): RuleObject {
    return this.child('cellValue', () => new RuleObject(this.context, `${this.path}.cellValue`, 'CellValueConditionalFormat', this.part('CellValue')));
  }

  get custom(): CustomFormatObject {
    return this.child('custom', () => new CustomFormatObject(this.context, `${this.path}.custom`, this.part('Custom')));
  }

  /** The custom rule, or a null object when the rule is of another type. */
  get customOrNullObject(): CustomFormatObject {
    return this.child('customOrNullObject', () => new CustomFormatObject(this.context, `${this.path}.customOrNullObject`, this.part('Custom'), () => this.rule$().type === 'Custom'));
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject, cellValue: () => this.cellValue, textComparison: () => this.textComparison };
  }

  /** The rule's cells as a range (ExcelApi 1.6). */
  getRange(): RangeObject {
    return new RangeObject(this.context, `${this.path}.getRange()`, () => {
      const format = this.rule$();
      return { sheet: format.sheet, rect: format.rect };
    });
  }

  /** Not documented, assumed: deleting a rule on a protected sheet is refused like any change to it. */
  delete(): void {
    this.invoke('delete', [], () => {
      const format = this.rule$();
      const state = this.context.state;
      state.assertWritable(format.sheet, 'ConditionalFormat.delete');
      state.formats.splice(state.formats.indexOf(format), 1);
      state.touch();
    }, '1.6');
  }
}

/** `CustomConditionalFormat`: its rule (a formula) and its format. */
export class CustomFormatObject extends RulePart {
  constructor(context: ModelContext, path: string, rule: () => ConditionalFormatState, private readonly present$?: () => boolean) {
    super(context, path, 'CustomConditionalFormat', rule, present$ !== undefined);
  }

  protected override exists(): boolean {
    return this.present$ ? this.present$() : super.exists();
  }

  protected properties(): Record<string, PropertyDef> {
    return {};
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { rule: () => this.rule, format: () => this.format };
  }

  get rule(): FormulaRuleObject {
    return this.child('rule', () => new FormulaRuleObject(this.context, `${this.path}.rule`, 'ConditionalFormatRule', this.rule$));
  }

  get format(): RangeFormatObject {
    return this.child('format', () => new RangeFormatObject(this.context, `${this.path}.format`, 'ConditionalRangeFormat', this.rule$));
  }
}

/** `ConditionalFormatRule`: a custom rule's formula, kept as entered (with its "="). */
export class FormulaRuleObject extends RulePart {
  protected properties(): Record<string, PropertyDef> {
    return { formula: { since: '1.6', get: () => (this.rule$().rule as { formula?: string } | null)?.formula ?? '' } };
  }

  get formula(): string {
    return this.loaded('formula');
  }

  set formula(formula: string) {
    this.change('formula', formula, (format) => void (format.rule = { formula: formula.startsWith('=') ? formula : `=${formula}` }));
  }
}

export class RuleObject extends RulePart {
  protected properties(): Record<string, PropertyDef> {
    return { rule: { since: '1.6', get: () => this.rule$().rule } };
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { format: () => this.format };
  }

  get rule(): ConditionalRule {
    return this.loaded('rule');
  }

  set rule(rule: ConditionalRule) {
    this.change('rule', rule, (format) => void (format.rule = { ...rule }));
  }

  get format(): RangeFormatObject {
    return this.child('format', () => new RangeFormatObject(this.context, `${this.path}.format`, 'ConditionalRangeFormat', this.rule$));
  }
}

/** `ConditionalRangeFormat`: the fill and the font of a rule. */
export class RangeFormatObject extends RulePart {
  protected properties(): Record<string, PropertyDef> {
    return {};
  }

  protected override navigation(): Record<string, () => ModelObject> {
    return { fill: () => this.fill, font: () => this.font };
  }

  get fill(): ColorObject {
    return this.child('fill', () => new ColorObject(this.context, `${this.path}.fill`, 'ConditionalRangeFill', this.rule$, 'fill'));
  }

  get font(): ColorObject {
    return this.child('font', () => new ColorObject(this.context, `${this.path}.font`, 'ConditionalRangeFont', this.rule$, 'font'));
  }
}

export class ColorObject extends RulePart {
  constructor(context: ModelContext, path: string, typeName: string, rule: () => ConditionalFormatState, private readonly which: 'fill' | 'font') {
    super(context, path, typeName, rule);
  }

  protected properties(): Record<string, PropertyDef> {
    return { color: { since: '1.6', get: () => this.rule$()[this.which] } };
  }

  get color(): string | null {
    return this.loaded('color');
  }

  set color(color: string | null) {
    this.change('color', color, (format) => void (format[this.which] = color));
  }
}
