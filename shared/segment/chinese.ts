/**
 * Chinese sentence segmentation, keeping character offsets.
 *
 * Sentences end at 。！？ (and their half-width forms after Chinese text), at …… and, by default,
 * at ；, which Chinese uses between clauses that English writes as separate sentences. Closing
 * quotes and brackets stay with the sentence they close. Machine translation often writes
 * half-width punctuation ("," ":" "." as in the example record): a half-width full stop counts
 * only after a Han character or closing bracket, so decimals (2.5), P values and embedded English
 * ("e.g. MDMA") are left alone.
 */
import type { TextSpan } from './english.ts';

/** Options for `segmentChinese`. */
export interface ChineseSegmentOptions {
  /** Split at ；/; too (default true). */
  semicolons?: boolean;
  /** Extra cut positions (offsets where a new sentence starts), e.g. recovered section seams. */
  cuts?: readonly number[];
}

const HAN = /\p{Script=Han}/u;
const CLOSERS = '”’」』）)】〕》"\'';
/** The characters the segmenter acts on: brackets, stops, semicolons, ellipsis and the half-width stop. */
const MARKS: ReadonlySet<number> = new Set([...'（(【［[〔）)】］]〕。！？!?；;….'].map((c) => c.charCodeAt(0)));

/** Splits Chinese text into sentences; offsets point into `text`. */
export function segmentChinese(text: string, options?: ChineseSegmentOptions): TextSpan[] {
  // No default `{}`: callers without options would pass an object of another hidden class than
  // those with, and reading an option from both deoptimised this function ("wrong map").
  const semicolons = options?.semicolons ?? true;
  const cuts = options?.cuts?.length ? new Set(options.cuts) : null;
  const spans: TextSpan[] = [];
  let start = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (cuts !== null && cuts.has(i) && i > start) {
      push(spans, text, start, i);
      start = i;
    }
    // Every other character neither opens, closes nor ends anything: skip it by its code.
    if (!MARKS.has(text.charCodeAt(i))) continue;
    const ch = text[i]!;
    if ('（(【［[〔'.includes(ch)) depth++;
    else if ('）)】］]〕'.includes(ch)) depth = Math.max(0, depth - 1);
    // Inside brackets only a stop right before the closing bracket ends a sentence ("（见图2。）");
    // semicolons there separate list items ("（D14，P = 0.03；D28，P = 0.04）").
    if (depth > 0 && !('。！？!?'.includes(ch) && '）)】］]〕'.includes(text[i + 1] ?? ''))) continue;
    let ends = '。！？!?'.includes(ch) || (semicolons && '；;'.includes(ch));
    if (ch === '…') ends = true;
    if (ch === '.') {
      const prev = text[i - 1] ?? '';
      const next = text[i + 1] ?? '';
      ends = (HAN.test(prev) || CLOSERS.includes(prev)) && !/[0-9A-Za-z]/.test(next);
    }
    if ('!?;'.includes(ch)) {
      // Half-width marks end a Chinese sentence only after Chinese text (not inside embedded English).
      const prev = text[i - 1] ?? '';
      ends = (HAN.test(prev) || CLOSERS.includes(prev)) && (ch !== ';' || semicolons);
    }
    if (!ends) continue;
    let end = i + 1;
    while (end < text.length && ('。！？!?…'.includes(text[end]!) || CLOSERS.includes(text[end]!))) end++;
    push(spans, text, start, end);
    start = end;
    i = end - 1;
  }
  push(spans, text, start, text.length);
  return spans;
}

function push(spans: TextSpan[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) spans.push({ text: text.slice(s, e), start: s, end: e });
}
