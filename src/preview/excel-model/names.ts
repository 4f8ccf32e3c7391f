/**
 * `Excel.NamedItemCollection` and `Excel.NamedItem`: workbook-level defined names. `formula` (ExcelApi
 * 1.7) comes back as entered, with its "=": `="Sheet|Table|Score"`. Excel limits a text constant in a
 * formula to 255 characters; longer ones are refused (InvalidArgument), so long texts must be
 * written as pieces joined with "&". Not documented, assumed: hidden names are listed in `items`
 * like visible ones, and adding a name that exists fails with ItemAlreadyExists.
 */

import { quoteSheet, rectName } from './addresses';
import { ModelCollection, ModelObject, type PropertyDef } from './client-object';
import type { ModelContext } from './context';
import { ModelError } from './errors';
import { RangeObject } from './range';
import type { NameState } from './state';
import { isValidName } from './table-ops';

const MAX_TEXT_CONSTANT = 255;
const MAX_FORMULA = 8_192;

/** The text constants of a formula, or null when it has an unterminated one. */
function textConstants(formula: string): string[] | null {
  const constants: string[] = [];
  const pattern = /"((?:[^"]|"")*)("?)/g;
  for (const match of formula.matchAll(pattern)) {
    if (match[2] !== '"') return null;
    constants.push(match[1].replace(/""/g, '"'));
  }
  return constants;
}

/** What the name's formula gives: joined text constants, a reference as written, or an error. */
function evaluate(formula: string): { type: string; value: unknown } {
  const body = formula.replace(/^=/, '').trim();
  if (/^"(?:[^"]|"")*"(?:\s*&\s*"(?:[^"]|"")*")*$/.test(body)) return { type: 'String', value: (textConstants(body) ?? []).join('') };
  if (/^-?\d+(\.\d+)?$/.test(body)) return { type: body.includes('.') ? 'Double' : 'Integer', value: Number(body) };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: 'Boolean', value: body.toUpperCase() === 'TRUE' };
  if (/!\$?[A-Z]{1,3}\$?\d+/i.test(body)) return { type: 'Range', value: body };
  return { type: 'Error', value: '#NAME?' };
}

function checkFormula(formula: string, where: string): void {
  const constants = textConstants(formula);
  if (constants === null || formula.length > MAX_FORMULA || constants.some((text) => text.length > MAX_TEXT_CONSTANT)) {
    throw new ModelError('InvalidArgument', where, 'a text constant in a formula holds at most 255 characters');
  }
}

export class NamedItemObject extends ModelObject {
  private bound: NameState | undefined;

  constructor(context: ModelContext, path: string, private readonly find: () => NameState | undefined, nullable = false) {
    super(context, path, 'NamedItem', nullable);
  }

  protected exists(): boolean {
    if (!this.bound || !this.context.state.names.includes(this.bound)) this.bound = this.find();
    return this.bound !== undefined;
  }

  private item(where: string): NameState {
    if (!this.exists()) throw new ModelError('ItemNotFound', where);
    return this.bound as NameState;
  }

  protected properties(): Record<string, PropertyDef> {
    const item = () => this.item('NamedItem.load');
    return {
      name: { get: () => item().name },
      formula: { since: '1.7', get: () => item().formula },
      visible: { get: () => item().visible },
      comment: { since: '1.4', get: () => item().comment },
      type: { get: () => evaluate(item().formula).type },
      value: { get: () => evaluate(item().formula).value },
    };
  }

  get name(): string { return this.loaded('name'); }
  get type(): string { return this.loaded('type'); }
  get value(): unknown { return this.loaded('value'); }
  get comment(): string { return this.loaded('comment'); }

  get formula(): string {
    return this.loaded('formula');
  }

  set formula(formula: string) {
    this.assign('formula', formula, () => {
      const text = formula.startsWith('=') ? formula : `=${formula}`;
      checkFormula(text, 'NamedItem.formula');
      this.item('NamedItem.formula').formula = text;
      this.context.state.touch();
    }, '1.7');
  }

  get visible(): boolean {
    return this.loaded('visible');
  }

  set visible(visible: boolean) {
    this.assign('visible', visible, () => {
      this.item('NamedItem.visible').visible = visible;
      this.context.state.touch();
    });
  }

  delete(): void {
    this.invoke('delete', [], () => {
      const names = this.context.state.names;
      names.splice(names.indexOf(this.item('NamedItem.delete')), 1);
      this.context.state.touch();
    }, '1.4');
  }
}

export class NamedItemCollectionObject extends ModelCollection<NamedItemObject> {
  constructor(context: ModelContext, path: string) {
    super(context, path, 'NamedItemCollection');
  }

  protected members(): NamedItemObject[] {
    return this.context.state.names.map((item) => new NamedItemObject(this.context, `${this.path}.getItem(${JSON.stringify(item.name)})`, () => item));
  }

  getItem(name: string): NamedItemObject {
    return new NamedItemObject(this.context, `${this.path}.getItem(${JSON.stringify(name)})`, () => this.context.state.nameNamed(name));
  }

  getItemOrNullObject(name: string): NamedItemObject {
    this.context.enqueue({ where: 'NamedItemCollection.getItemOrNullObject', since: '1.4', describe: null, run: () => undefined });
    return new NamedItemObject(this.context, `${this.path}.getItemOrNullObject(${JSON.stringify(name)})`, () => this.context.state.nameNamed(name), true);
  }

  /** `reference` is a formula ("=…", the "=" optional) or a range proxy. */
  add(name: string, reference: string | RangeObject, comment = ''): NamedItemObject {
    let created: NameState | undefined;
    const where = 'NamedItemCollection.add';
    this.context.enqueue({
      where,
      since: '1.4',
      describe: { p: this.path, m: 'add', a: [name, typeof reference === 'string' ? reference : reference.path, comment] },
      run: () => {
        const state = this.context.state;
        if (!isValidName(name)) throw new ModelError('InvalidArgument', where, `"${name}" is not a valid name`);
        if (state.nameNamed(name) || state.tableNamed(name)) throw new ModelError('ItemAlreadyExists', where);
        let formula: string;
        if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
        else {
          const target = reference.target(where);
          formula = `=${quoteSheet(target.sheet.name)}!${rectName(target.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
        }
        checkFormula(formula, where);
        created = { name, formula, visible: true, comment };
        state.names.push(created);
        state.touch();
      },
    });
    return new NamedItemObject(this.context, `${this.path}.add(${JSON.stringify(name)})`, () => created);
  }
}
