/**
 * The cell formats our columns need, added to styles.xml's cellXfs only when a
 * cell uses them. An identical existing format is reused, so writing twice adds
 * nothing the second time. Everything else in styles.xml is left as it was.
 */
import { readAttributes, setAttribute, type PartText } from './xml-text';

export type CellStyleKind = 'percent' | 'date' | 'quotedText';

/** Each kind as an `<xf>`: numFmtId 10 is "0.00%", 14 is the short date; quotePrefix keeps "=x" text on edit. */
const STYLE_ATTRIBUTES: Record<CellStyleKind, Record<string, string>> = {
  percent: { numFmtId: '10', fontId: '0', fillId: '0', borderId: '0', xfId: '0', applyNumberFormat: '1' },
  date: { numFmtId: '14', fontId: '0', fillId: '0', borderId: '0', xfId: '0', applyNumberFormat: '1' },
  quotedText: { numFmtId: '0', fontId: '0', fillId: '0', borderId: '0', xfId: '0', quotePrefix: '1' },
};

/** Attributes that decide how a cell looks; apply* flags only say which of them override the cell style. */
const LOOK = ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId', 'quotePrefix', 'pivotButton'];

interface ExistingXf {
  attributes: Map<string, string>;
  hasChildren: boolean;
}

export class StyleSheetEditor {
  private readonly xfs: ExistingXf[] = [];
  private readonly added: string[] = [];
  private readonly found = new Map<CellStyleKind, number>();
  private readonly prefix: string = '';
  private readonly cellXfs: { openStart: number; openEnd: number; closeStart: number; selfClosing: boolean } | null =
    null;

  constructor(private readonly part: PartText | null) {
    if (!part) return;
    const open = /<([\w.-]+:)?cellXfs(?=[\s>/])[^>]*>/.exec(part.text);
    if (!open) return;
    this.prefix = open[1] ?? '';
    const openEnd = open.index + open[0].length;
    const selfClosing = open[0].endsWith('/>');
    const closeStart = selfClosing ? openEnd : part.text.indexOf(`</${this.prefix}cellXfs>`, openEnd);
    if (closeStart < 0) return;
    this.cellXfs = { openStart: open.index, openEnd, closeStart, selfClosing };
    const xf = /<(?:[\w.-]+:)?xf(?=[\s>/])([^>]*?)(\/?)>/g;
    xf.lastIndex = openEnd;
    let match: RegExpExecArray | null;
    while ((match = xf.exec(part.text)) !== null && match.index < closeStart) {
      let hasChildren = false;
      if (!match[2]) {
        const close = part.text.indexOf(`</${this.prefix}xf>`, xf.lastIndex);
        hasChildren = close > 0 && part.text.slice(xf.lastIndex, close).trim() !== '';
        if (close > 0) xf.lastIndex = close;
      }
      this.xfs.push({ attributes: readAttributes(match[1]), hasChildren });
    }
  }

  /** Whether the workbook has a cellXfs list we can add to. */
  get available(): boolean {
    return this.cellXfs !== null;
  }

  /** The cellXfs index for a kind of cell, added when the workbook lacks one; null without a styles part. */
  styleFor(kind: CellStyleKind): number | null {
    if (!this.cellXfs) return null;
    const known = this.found.get(kind);
    if (known !== undefined) return known;
    const wanted = STYLE_ATTRIBUTES[kind];
    let index = this.xfs.findIndex((xf) => !xf.hasChildren && matches(xf.attributes, wanted));
    if (index < 0) {
      index = this.xfs.length + this.added.length;
      const attributes = Object.entries(wanted).map(([name, value]) => ` ${name}="${value}"`).join('');
      this.added.push(`<${this.prefix}xf${attributes}/>`);
    }
    this.found.set(kind, index);
    return index;
  }

  /** The rewritten styles part, or null when nothing was added. */
  result(): PartText | null {
    if (!this.part || !this.cellXfs || this.added.length === 0) return null;
    const { text } = this.part;
    const { openStart, openEnd, closeStart, selfClosing } = this.cellXfs;
    let open = text.slice(openStart, openEnd);
    if (selfClosing) open = open.replace(/\s*\/>$/, '>');
    open = setAttribute(open, 'count', String(this.xfs.length + this.added.length));
    const close = selfClosing ? `</${this.prefix}cellXfs>` : '';
    const list = open + text.slice(openEnd, closeStart) + this.added.join('') + close;
    return { ...this.part, text: text.slice(0, openStart) + list + text.slice(closeStart) };
  }
}

function matches(attributes: Map<string, string>, wanted: Record<string, string>): boolean {
  const truthy = (value: string | undefined) => value === '1' || value === 'true';
  for (const name of LOOK) {
    const have = attributes.get(name) ?? '0';
    const want = wanted[name] ?? '0';
    if (name === 'quotePrefix' || name === 'pivotButton' ? truthy(have) !== truthy(want) : have !== want) return false;
  }
  // A cell format that says not to apply its number format would not show a percent or a date.
  const apply = attributes.get('applyNumberFormat');
  return !(wanted.applyNumberFormat && (apply === '0' || apply === 'false'));
}
