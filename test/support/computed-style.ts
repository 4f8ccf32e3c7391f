/**
 * Set up before every jsdom test file (jest.config.js): the same answers from jsdom's
 * getComputedStyle, a few times sooner.
 *
 * Testing Library's role queries ask for the computed style of every element they look at and of
 * each of its ancestors, to leave hidden ones out. jsdom answers by testing every rule of every
 * style sheet against the element with its selector engine, once for the style and once more per
 * ancestor for `visibility`; Fluent's Griffel injects some 800 rules, nearly all one class each
 * (`.f19n0e5 { … }`), so that testing was most of the task pane tests' time. A selector made of one
 * compound led by a class cannot match an element without that class, so the engine's `match` is
 * wrapped to answer those at once; every other case, and every element that has the class, still
 * goes to jsdom's engine. test/support/computed-style.test.ts checks that both agree.
 */

type Match = (selectors: string, element: Element, callback?: unknown) => boolean;

/** One compound (no combinator, no list, no escape) whose first simple selector is `.class`. */
const LED_BY_CLASS = /^\.(-?[_a-zA-Z][\w-]*)(?=$|[:.[#])[^\s>+~,\\]*$/;
const HTML_SPACE = /[ \t\n\f\r]+/;

const leaders = new Map<string, string | null>();
function leadingClass(selectors: string): string | null {
  let leader = leaders.get(selectors);
  if (leader === undefined) {
    leader = LED_BY_CLASS.exec(selectors)?.[1] ?? null;
    leaders.set(selectors, leader);
  }
  return leader;
}

/** jsdom's own object behind a DOM object: reading the attribute there skips the DOM binding's checks. */
type Impl = { getAttributeNS(namespace: null, name: string): string | null };
const IMPL = typeof document === 'undefined' ? undefined : Object.getOwnPropertySymbols(document).find((symbol) => symbol.description === 'impl');
const implOf = (node: object) => (node as Record<symbol, Impl>)[IMPL as symbol];

const classSets = new WeakMap<Element, { attribute: string; classes: Set<string> }>();
function hasClass(element: Element, name: string): boolean {
  const attribute = implOf(element).getAttributeNS(null, 'class') ?? '';
  let known = classSets.get(element);
  if (known?.attribute !== attribute) {
    known = { attribute, classes: new Set(attribute.split(HTML_SPACE)) };
    classSets.set(element, known);
  }
  return known.classes.has(name);
}

function wrap(original: Match, engine: object): Match {
  return function matchLedByClass(selectors, element, callback) {
    // Classes match case for case: Jest's document has a doctype, so it is not in quirks mode.
    const leader = leadingClass(selectors);
    if (leader !== null && !hasClass(element, leader)) return false;
    return original.call(engine, selectors, element, callback);
  };
}

/** The engine jsdom keeps on the document for style rules (`_nwsapiDontThrow`), if this jsdom has one. */
function styleEngine(): { match: Match } | undefined {
  if (!IMPL) return undefined;
  getComputedStyle(document.documentElement); // jsdom makes the engine on first use
  const engine = (implOf(document) as unknown as { _nwsapiDontThrow?: { match?: unknown } })._nwsapiDontThrow;
  return typeof engine?.match === 'function' ? (engine as { match: Match }) : undefined;
}

/** Both matches, for the agreement test; undefined when this jsdom keeps its engine elsewhere (then nothing changed). */
export const styleMatching: { original: Match; fast: Match } | undefined = (() => {
  if (typeof document === 'undefined') return undefined;
  const engine = styleEngine();
  if (!engine) return undefined;
  const original = engine.match;
  engine.match = wrap(original, engine);
  return { original: original.bind(engine), fast: engine.match.bind(engine) };
})();
