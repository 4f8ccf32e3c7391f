/** The manifest as a tree of elements in document order (fast-xml-parser's preserveOrder output, made readable). */

import { XMLParser } from 'fast-xml-parser';

export interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

export function parseXml(xml: string): Element {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment', trimValues: true });
  const document = parser.parse(xml, true) as Ordered[];
  const roots = document.map(toElement).filter((element): element is Element => element !== null && !element.name.startsWith('?'));
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

function toElement(node: Ordered): Element | null {
  const name = Object.keys(node).find((key) => key !== ':@');
  if (!name || name === '#text' || name === '#comment') return null;
  const content = (node[name] as Ordered[]) ?? [];
  const text = content.filter((child) => '#text' in child).map((child) => String(child['#text'])).join('');
  return {
    name,
    attributes: node[':@'] ?? {},
    children: content.map(toElement).filter((element): element is Element => element !== null),
    text,
  };
}

export function child(element: Element, name: string): Element {
  const found = element.children.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`<${element.name}> has no <${name}>`);
  return found;
}

export function descendants(element: Element): Element[] {
  const all: Element[] = [];
  const stack = [...element.children].reverse();
  while (stack.length > 0) {
    const next = stack.pop() as Element;
    all.push(next);
    stack.push(...[...next.children].reverse());
  }
  return all;
}

/** The problem with an element's children against a schema sequence, or null: unknown names, wrong order, missing required ones. */
export function sequenceProblem(element: Element, sequence: readonly string[], required: readonly string[] = []): string | null {
  let last = -1;
  for (const childElement of element.children) {
    const index = sequence.indexOf(childElement.name);
    if (index < 0) return `<${childElement.name}> is not allowed in <${element.name}>`;
    if (index < last) return `<${childElement.name}> comes after <${sequence[last]}> in <${element.name}>; the schema wants it before`;
    last = index;
  }
  const missing = required.filter((name) => !element.children.some((childElement) => childElement.name === name));
  return missing.length > 0 ? `<${element.name}> lacks ${missing.map((name) => `<${name}>`).join(', ')}` : null;
}
