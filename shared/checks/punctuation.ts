/**
 * `punctuation`: half-width , : ; ? ! ( ) in Chinese text where the full-width form belongs, and
 * unbalanced brackets or quotes. Half-width marks stay quiet inside numbers (1,000; 1:2), between
 * Latin words (an English title kept verbatim) and around a bracket that holds only Latin or digits
 * ("血压 (BP)"), which many Chinese journals print that way.
 */
import { pairFinding, span } from './findingFactory.ts';
import type { AlignedPair, EvidenceSpan, Finding, PairSentence } from './types.ts';

const HAN = /\p{Script=Han}/u;
const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const PAIRS: [string, string][] = [['(', ')'], ['（', '）'], ['[', ']'], ['【', '】'], ['“', '”'], ['‘', '’'], ['《', '》'], ['「', '」']];

function neighbour(text: string, i: number, step: 1 | -1): string {
  let j = i + step;
  while (j >= 0 && j < text.length && /\s/.test(text[j] ?? '')) j += step;
  return text[j] ?? '';
}

/** Content of the bracket opening or closing at i, to tell "(BP)" from "(见表1)". */
function bracketContent(text: string, i: number): string {
  if (text[i] === '(') {
    const close = text.indexOf(')', i);
    return close < 0 ? text.slice(i + 1) : text.slice(i + 1, close);
  }
  const open = text.lastIndexOf('(', i);
  return open < 0 ? text.slice(0, i) : text.slice(open + 1, i);
}

/**
 * The keys of FULL_WIDTH, tested by code unit: looking a fresh one-character string up in an
 * object costs a string-table probe for every character of every sentence.
 */
function isHalfWidthMark(code: number): boolean {
  return code === 0x2c || code === 0x3a || code === 0x3b || code === 0x3f || code === 0x21 || code === 0x28 || code === 0x29;
}

function halfWidthSpans(sentence: PairSentence, positions: readonly number[]): EvidenceSpan[] {
  const text = sentence.text;
  const out: EvidenceSpan[] = [];
  for (const i of positions) {
    const c = text[i] ?? '';
    const before = neighbour(text, i, -1);
    const after = neighbour(text, i, 1);
    if (c === '(' || c === ')') {
      if (HAN.test(bracketContent(text, i))) out.push(span('zh', sentence, i, i + 1));
      continue;
    }
    if (/\d/.test(before) && /\d/.test(after)) continue; // 1,000 and 1:2
    if (HAN.test(before) || HAN.test(after)) out.push(span('zh', sentence, i, i + 1));
  }
  return out;
}

/** Per code unit of an opening or closing mark of `PAIRS`, the bit of its pair. */
const PAIR_BIT = new Map<number, number>(PAIRS.flatMap(([open, close], k) => [[open.charCodeAt(0), 1 << k], [close.charCodeAt(0), 1 << k]]));

/** True for the code-unit ranges that hold the marks of `PAIRS`, so Han text skips the map. */
function inPairRanges(code: number): boolean {
  return code < 0x80 ? code === 0x28 || code === 0x29 || code === 0x5b || code === 0x5d
    : (code >= 0x2018 && code <= 0x201d) || (code >= 0x300a && code <= 0x3011) || code === 0xff08 || code === 0xff09;
}

/** What one pass over a sentence's code units finds for both punctuation checks. */
interface Marks {
  /** Positions of half-width marks. */
  halfWidth: number[];
  /** The kinds of `PAIRS` the sentence holds, bit k for `PAIRS[k]`. */
  pairKinds: number;
}

function scanMarks(text: string): Marks {
  const halfWidth: number[] = [];
  let pairKinds = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHalfWidthMark(code)) halfWidth.push(i);
    if (inPairRanges(code)) pairKinds |= PAIR_BIT.get(code) ?? 0;
  }
  return { halfWidth, pairKinds };
}

/** Unmatched marks of the kinds of `PAIRS` in `pairKinds` (most sentences hold few of the eight). */
function unbalancedSpans(sentence: PairSentence, pairKinds: number): EvidenceSpan[] {
  const out: EvidenceSpan[] = [];
  const text = sentence.text;
  for (let k = 0; k < PAIRS.length; k++) {
    if ((pairKinds & (1 << k)) === 0) continue;
    const [open, close] = PAIRS[k]!;
    const openCode = open.charCodeAt(0);
    const closeCode = close.charCodeAt(0);
    const stack: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === openCode) stack.push(i);
      else if (code === closeCode) {
        if (stack.length) stack.pop();
        else out.push(span('zh', sentence, i, i + 1));
      }
    }
    for (const i of stack) out.push(span('zh', sentence, i, i + 1));
  }
  return out;
}

/**
 * `items.map(show).join(' ')`, concatenated: a `map` result is holey or packed depending on whether
 * its caller was optimised yet, and `join` on it deoptimised `findPunctuationIssues` at each switch.
 */
function spaced<T>(items: readonly T[], show: (item: T) => string): string {
  let out = '';
  for (let k = 0; k < items.length; k++) out += (k > 0 ? ' ' : '') + show(items[k]!);
  return out;
}

// The message formatters live at module level, not as closures made on each call: V8 drops a
// per-call closure's optimised code at every major GC and compiles it again.
const spanText = (e: EvidenceSpan): string => e.text;
const quoted = (mark: string): string => `"${mark}"`;
const fullWidthOf = (mark: string): string => FULL_WIDTH[mark] ?? '';
const asIs = (mark: string): string => mark;

/**
 * Checks the punctuation of each Chinese sentence of a pair. One minor finding per sentence for
 * half-width marks and one for unbalanced brackets or quotes, every offending mark as evidence.
 */
export function findPunctuationIssues(pair: AlignedPair): Finding[] {
  const findings: Finding[] = [];
  for (const sentence of pair.zh) {
    const sub = { en: pair.en, zh: [sentence] };
    const found = scanMarks(sentence.text);
    const half = halfWidthSpans(sentence, found.halfWidth);
    if (half.length) {
      const marks = [...new Set(half.map(spanText))];
      findings.push(pairFinding('punctuation', 'minor', sub,
        `Half-width ${spaced(marks, quoted)} in Chinese text; use ${spaced(marks, fullWidthOf)}.`,
        `中文中使用了半角标点 ${spaced(marks, asIs)}，应为全角 ${spaced(marks, fullWidthOf)}。`, half));
    }
    const unbalanced = unbalancedSpans(sentence, found.pairKinds);
    if (unbalanced.length) {
      findings.push(pairFinding('punctuation', 'minor', sub,
        `Unbalanced brackets or quotes: ${spaced(unbalanced, spanText)}.`,
        `括号或引号不成对：${spaced(unbalanced, spanText)}。`, unbalanced));
    }
  }
  return findings;
}
