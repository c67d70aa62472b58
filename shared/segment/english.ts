/**
 * English sentence segmentation for scientific abstracts, keeping character offsets.
 *
 * A full stop ends a sentence only when whitespace follows and the next word can start one.
 * That rule alone handles decimals (2.5), P values (P < .05) and most abbreviations followed by
 * lower case ("e.g. the", "vs. placebo"); a list of abbreviations that usually precede capitals
 * or numbers (Dr. Smith, Fig. 2, No. 5, et al. (2019)) and a few patterns (initials, U.S.) cover
 * the rest. Stops inside parentheses or brackets never end a sentence.
 */

/** A piece of text with offsets into the string it was cut from: text === source.slice(start, end). */
export interface TextSpan {
  text: string;
  start: number;
  end: number;
}

/** Abbreviations after which a capital or a number does not start a new sentence (lower case, no final dot). */
const NON_FINAL_ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'prof', 'fig', 'figs', 'no', 'nos', 'vol', 'vols', 'vs', 'v', 'e.g', 'i.e', 'cf', 'approx',
  'ca', 'eq', 'eqs', 'ref', 'refs', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'dept', 'univ', 'al', 'ed', 'eds', 'p', 'pp',
  'ch', 'sec', 'tab', 'suppl', 'est', 'min', 'max', 'mo', 'mos', 'wk', 'wks', 'yr', 'yrs', 'resp', 'incl', 'viz',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'u.s', 'u.k', 'u.n', 'e.u',
]);

const CLOSERS = '"\'”’)]}»';

/**
 * Splits English text into sentences. Leading and trailing whitespace is left out of each span;
 * offsets point into `text`.
 */
export function segmentEnglish(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let depth = 0;
  let sentenceStart = skipSpace(text, 0);
  for (let i = 0; i < text.length; i++) {
    // By code unit: this loop visits every character of every abstract.
    const code = text.charCodeAt(i);
    if (code === 0x28 || code === 0x5b || code === 0x7b) depth++; // ( [ {
    else if (code === 0x29 || code === 0x5d || code === 0x7d) depth = Math.max(0, depth - 1); // ) ] }
    if (depth > 0 || !(code === 0x2e || code === 0x21 || code === 0x3f || code === 0x2026)) continue; // . ! ? …
    const ch = text[i]!;
    // Absorb closing quotes/brackets and a trailing citation: 'outcome."' or 'outcome.[12]'.
    let end = i + 1;
    while (end < text.length && '.!?…'.includes(text[end]!)) end++;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    const citation = /^\[\d+(?:\s*[-–,]\s*\d+)*\]/.exec(text.slice(end));
    if (citation) end += citation[0].length;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    const next = skipSpace(text, end);
    if (next >= text.length) break;
    if (ch === '.' && !isSentenceEnd(text, sentenceStart, i, next)) continue;
    if (ch !== '.' && /[a-z]/.test(text[next]!)) continue;
    pushSpan(spans, text, sentenceStart, end);
    sentenceStart = next;
    i = next - 1;
  }
  pushSpan(spans, text, sentenceStart, text.length);
  return spans;
}

/** Decides whether the full stop at `dot` ends the sentence begun at `start`, given the next word at `next`. */
function isSentenceEnd(text: string, start: number, dot: number, next: number): boolean {
  const nextChar = text[next]!;
  // A lower-case continuation never starts a sentence ("e.g. the", "approx. five").
  if (/[a-z]/.test(nextChar)) return false;
  if (!/[A-Z0-9"“‘'([]/.test(nextChar) && !/\p{Lu}/u.test(nextChar)) return false;
  const word = precedingWord(text, dot);
  const lower = word.toLowerCase();
  // Initials ("David E. Krantz") and single capitals.
  if (/^[A-Z]$/.test(word)) return false;
  // Dotted acronyms (U.S., e.g., i.e., Ph.D.) other than at a clear sentence start of a capital word.
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word) && NON_FINAL_ABBREVIATIONS.has(lower)) return false;
  if (NON_FINAL_ABBREVIATIONS.has(lower)) {
    // "et al." ends a sentence only before a capitalised word, not before "(2019)" or "[12]".
    if (lower === 'al') return /[A-Z]/.test(nextChar) && !/^[A-Z]\w*\s*\(/.test(text.slice(next, next + 30));
    return false;
  }
  // A list marker: a small number standing alone at the start of the sentence or after a colon ("1. Patients").
  if (/^\d{1,2}$/.test(word)) {
    const before = text.slice(start, dot - word.length).trimEnd();
    if (before === '' || /[:;]$/.test(before)) return false;
  }
  return true;
}

/** The run of letters, digits and inner dots ending just before `dot` ("e.g", "U.S", "al", "12"). */
function precedingWord(text: string, dot: number): string {
  let k = dot;
  while (k > 0 && /[A-Za-z0-9.]/.test(text[k - 1]!)) k--;
  return text.slice(k, dot).replace(/^\.+/, '');
}

function skipSpace(text: string, from: number): number {
  let k = from;
  while (k < text.length && /\s/.test(text[k]!)) k++;
  return k;
}

function pushSpan(spans: TextSpan[], text: string, start: number, end: number): void {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  if (e > start) spans.push({ text: text.slice(start, e), start, end: e });
}
