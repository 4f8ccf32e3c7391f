/** @jest-environment jsdom */
/**
 * The faster style matching of computed-style.ts (set up before every jsdom test file) gives jsdom's
 * own answers, and is in place: without it the task pane's tests take several times as long.
 */
import { styleMatching } from './computed-style';

const SELECTORS = [
  '.a', '.b', '.A', '.a.b', '.b.a', '.a.c', '.a:hover', '.a:not(.b)', '.a:not(.b .c)', '.a::after', '.a[data-x]',
  '.a[data-x="1"]', '.a[data-x="a b"]', '.a#one', '.a > .b', '.b .a', '.a, .c', '.c, .a', 'div.a', 'span', '#one',
  '.a:first-child', '.a:nth-child(2n+1)', '.a:focus-visible', '.a:is(.b, .c)', '.-x', '.a-b', '.a_b', '.é', '.aé',
  '.\\31 x', '.a\\:b', ':root .a', '.a:has(.b)', '.a~.b', '.a+.b', '.a:where(div)', '.a::before', '.a:disabled',
  '.fui-Button', '.fui-Button:hover .f1x', '.b.a .c', '.b:first-child .a', '.b[data-x="1"] > .c', '.b:not(.x) .a', '[class~="a"]', '.a[', '.', '..a', '.a:', '',
];

function elements(): Element[] {
  document.body.innerHTML = [
    '<div id="one" class="a b" data-x="1"><span class="c a">x</span><span class="b">y</span></div>',
    '<div class="A">z</div>',
    '<p class="  a-b\tfui-Button\n-x a_b é aé 1x a:b ">w</p>',
    '<button class="a" disabled>v</button>',
    '<svg class="a"><circle class="b"></circle></svg>',
    '<i>no class</i>',
  ].join('');
  return Array.from(document.body.querySelectorAll('*'));
}

test('the fast path is installed on the document jsdom made for this file, which is not in quirks mode', () => {
  expect(styleMatching).toBeDefined();
  // In quirks mode classes would match without regard to case, and the fast path would be wrong.
  expect(document.compatMode).toBe('CSS1Compat');
});

test('every selector matches exactly the elements jsdom matches', () => {
  const { original, fast } = styleMatching!;
  const everything = elements();
  const answers = (match: typeof fast) => SELECTORS.map((selector) => [selector, everything.map((element) => match(selector, element))]);
  expect(answers(fast)).toEqual(answers(original));
  // The list reaches both answers, so the agreement means something.
  expect(new Set(answers(fast).flatMap(([, matched]) => matched as boolean[]))).toEqual(new Set([true, false]));
});

test('a class added or removed after a first look is seen', () => {
  const { fast } = styleMatching!;
  const [element] = elements();
  expect(fast('.late', element)).toBe(false);
  element.classList.add('late');
  expect(fast('.late', element)).toBe(true);
  element.setAttribute('class', 'other');
  expect(fast('.late', element)).toBe(false);
  expect(fast('.other', element)).toBe(true);
});

test('computed styles still follow the style sheets', () => {
  const style = document.createElement('style');
  style.textContent = '.hidden { display: none } .ghost { visibility: hidden } .ghost .shown { visibility: visible }';
  document.head.append(style);
  document.body.innerHTML = '<div class="hidden"></div><div class="ghost"><span></span><span class="shown"></span></div>';
  const [hidden, ghost, inherits, shown] = Array.from(document.body.querySelectorAll('*'));
  expect(getComputedStyle(hidden).display).toBe('none');
  expect(getComputedStyle(ghost).visibility).toBe('hidden');
  expect(getComputedStyle(inherits).visibility).toBe('hidden');
  expect(getComputedStyle(shown).visibility).toBe('visible');
  hidden.classList.remove('hidden');
  expect(getComputedStyle(hidden).display).not.toBe('none');
});
