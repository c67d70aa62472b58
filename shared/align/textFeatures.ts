/**
 * What the aligner measures in one sentence: its length in comparable units, the English content
 * words and anchors it should find translated, and the Chinese characters a translation can cover.
 *
 * Anchors are tokens that survive translation unchanged: numbers (8,400 ↔ 8400), Latin acronyms,
 * gene and drug codes (MDMA, BRCA1, CD4+), units (mg, ml). Chinese MT keeps them in Latin script,
 * so finding one on both sides is strong evidence two sentences belong together.
 */
import { stemEnglish, isEnglishStopword } from '../lexicon/englishWords.ts';
import type { StemMemo } from './renderingScreen.ts';

/** A token of an English sentence that the aligner looks for on the Chinese side. */
export interface EnglishToken {
  /** Lower-case surface form (numbers normalised: thousands separators dropped). */
  readonly form: string;
  /** Stem used for dictionary look-up; equal to `form` for anchors. */
  readonly stem: string;
  readonly anchor: boolean;
  /**
   * Not part of the token's value: what the pair scorer derives from the stem, kept here because
   * tokens are shared per process, so finding it costs a field read instead of a look-up by stem.
   */
  memo: StemMemo | null;
}

/** Features of one English sentence. */
export interface EnglishFeatures {
  tokens: EnglishToken[];
  /** Non-space characters: Gale-Church style length. */
  length: number;
}

/** Features of one Chinese sentence. */
export interface ChineseFeatures {
  /** Lower-cased text (Latin folded so "ssb" finds "SSB"). */
  text: string;
  /** Positions of characters that carry content: Han characters outside the function-word list. */
  contentPositions: number[];
  /** Latin words and numbers found in the text, lower-case, numbers normalised. */
  anchors: string[];
  /** Han characters plus a third of a unit per Latin letter or digit (see `chineseFeatures`). */
  length: number;
  /** Han characters and Latin letters/digits, for callers that weigh them per text. */
  han: number;
  latin: number;
}

// Letters with inner hyphens/apostrophes/digits (MDMA-assisted, BRCA1, patient's), or a number
// with decimal and thousands separators (8,400; 2.5; .05).
// `englishFeatures` reads this pattern by code unit (`englishTokenEnd`); exported for its test.
export const EN_TOKEN_RE = /\d+(?:[.,]\d+)*|\.\d+|[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)?/g;
const ZH_ANCHOR_RE = /\d+(?:[.,]\d+)*|\.\d+|[A-Za-z][A-Za-z0-9]*/g;
const HAN_RE = /\p{Script=Han}/u;

/**
 * Han characters that are grammar rather than content (particles, copulas, common prepositions):
 * no dictionary entry translates them, so counting them would dilute the coverage of every pair.
 */
const ZH_FUNCTION_CODES: ReadonlySet<number> = new Set([...'的了和与及或在是为对于从被把将以而且并也都就这那其该此之等中上下个一种们着过所得地'].map((c) => c.charCodeAt(0)));

/** Normalises a number so "8,400", "8400" and "8 400" compare equal; decimals keep their point. */
export function normaliseNumber(raw: string): string {
  let n = raw.replace(/,(?=\d{3}(?!\d))/g, '');
  if (n.startsWith('.')) n = `0${n}`;
  return n;
}

/**
 * Tokens by their raw text (null for a stopword or a one-letter word). Abstracts repeat a small
 * vocabulary, and the aligner measures the same sentence several times (section lengths, the DP,
 * seam splitting), so most tokens are built once per process; their values are never mutated,
 * which is what makes sharing them safe (`memo` only caches what follows from the stem). Cleared
 * when full, so a corpus of unique numbers stays bounded.
 */
const tokenCache = new Map<string, EnglishToken | null>();
const TOKEN_CACHE_LIMIT = 200_000;

function englishToken(raw: string): EnglishToken | null {
  let token = tokenCache.get(raw);
  if (token !== undefined) return token;
  if (/^[\d.]/.test(raw)) {
    const form = normaliseNumber(raw);
    token = { form, stem: form, anchor: true, memo: null };
  } else {
    const lower = raw.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
    if (isEnglishStopword(lower) || lower.length < 2) {
      token = null;
    } else {
      // An acronym or code: all capitals (MDMA, PTSD), or letters mixed with digits (BRCA1, H1N1).
      const anchor = (/^[A-Z0-9]{2,}$/.test(raw) && /[A-Z]/.test(raw)) || /\d/.test(raw);
      token = { form: lower, stem: anchor ? lower : stemEnglish(lower), anchor, memo: null };
    }
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(raw, token);
  return token;
}

/**
 * The tokens of recently seen words, found without making a string: a direct-mapped table keyed by
 * a hash of the word's code units, which it keeps inline. Looking a word up in `tokenCache` means
 * slicing it out, hashing the new string and following the map's entries to compare keys, and
 * the key strings and entries lie all over the heap, so each step is a likely cache miss. Most
 * words of an abstract are among a few thousand frequent ones, and here those are answered from
 * two small typed arrays; the rest (and words longer than a slot) go on to `tokenCache`.
 */
const RECENT_BITS = 14;
const RECENT_SLOTS = 1 << RECENT_BITS;
const RECENT_WIDTH = 16;
const recentUnits = new Uint16Array(RECENT_SLOTS * RECENT_WIDTH);
/** Per slot: the length of the word held, 0 for none. */
const recentLengths = new Uint8Array(RECENT_SLOTS);
const recentTokens = new Array<EnglishToken | null>(RECENT_SLOTS).fill(null);

/** `englishToken(text.slice(at, end))`, through the table of recent words. */
function recentToken(text: string, at: number, end: number): EnglishToken | null {
  const length = end - at;
  if (length > RECENT_WIDTH) return englishToken(text.slice(at, end));
  let hash = 0x811c9dc5;
  for (let k = at; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  // The high bits: the multiplications mix every code unit into them.
  const slot = hash >>> (32 - RECENT_BITS);
  const base = slot * RECENT_WIDTH;
  if (recentLengths[slot] === length) {
    let k = 0;
    while (k < length && recentUnits[base + k] === text.charCodeAt(at + k)) k++;
    if (k === length) return recentTokens[slot]!;
  }
  const token = englishToken(text.slice(at, end));
  for (let k = 0; k < length; k++) recentUnits[base + k] = text.charCodeAt(at + k);
  recentLengths[slot] = length;
  recentTokens[slot] = token;
  return token;
}

/** Tokens and length of an English sentence. */
export function englishFeatures(text: string): EnglishFeatures {
  const tokens: EnglishToken[] = [];
  // The length is counted in the same pass (see `englishLength`): a token holds no space.
  let length = 0;
  for (let at = 0; at < text.length;) {
    const end = englishTokenEnd(text, at);
    if (end === at) {
      if (!isJsSpace(text.charCodeAt(at))) length++;
      at++;
      continue;
    }
    const token = recentToken(text, at, end);
    if (token) tokens.push(token);
    length += end - at;
    at = end;
  }
  return { tokens, length };
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * Where the match of EN_TOKEN_RE starting at `at` ends (`at` when none starts there), read by
 * code unit as the regex reads it: digits with [.,]-separated digit groups; "." and digits; a
 * letter, letters and digits, and an optional apostrophe with letters.
 */
function englishTokenEnd(text: string, at: number): number {
  const code = text.charCodeAt(at);
  let k = at;
  if (isDigit(code)) {
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    for (;;) {
      const sep = text.charCodeAt(k);
      if ((sep !== 0x2e && sep !== 0x2c) || !isDigit(text.charCodeAt(k + 1))) return k;
      k += 2;
      while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    }
  }
  if (code === 0x2e) {
    if (!isDigit(text.charCodeAt(at + 1))) return at;
    k = at + 2;
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    return k;
  }
  if (!isLetter(code)) return at;
  k = at + 1;
  while (k < text.length && (isLetter(text.charCodeAt(k)) || isDigit(text.charCodeAt(k)))) k++;
  const apostrophe = text.charCodeAt(k);
  if ((apostrophe === 0x27 || apostrophe === 0x2019) && isLetter(text.charCodeAt(k + 1))) {
    k += 2;
    while (k < text.length && isLetter(text.charCodeAt(k))) k++;
  }
  return k;
}

/**
 * Gale-Church length of English text: its non-space characters (what `text.replace(/\s+/g, '')`
 * leaves), counted without building the tokens, for callers that need only the length.
 */
export function englishLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) if (!isJsSpace(text.charCodeAt(i))) length++;
  return length;
}

/** Exactly the code units the regex class `\s` matches. */
function isJsSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029
    || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * How many Latin letters or digits weigh as much as one Han character in a Chinese length. Latin
 * text inside a translation (numbers, acronyms, names) is about as long as in the English source,
 * while one Han character stands for three to four English letters (ParaMed's ratio is 0.28 Han
 * characters per English letter): counting Latin at full weight would make every sentence with a
 * number look too long. A third is also what counting UTF-8 bytes, as classic aligners do, gives.
 */
const LATIN_PER_HAN = 3;

/**
 * Per UTF-16 code unit: 0 not yet known, 1 Han, 2 not Han, 3 a Han function word (see
 * ZH_FUNCTION_CODES, read here so the content test costs no set look-up). Testing `\p{Script=Han}`
 * once per code unit instead of once per character read is what makes Chinese features cheap; a
 * lone surrogate is never Han (as the regex says of it), so a table over code units is exact.
 */
const hanTable = new Uint8Array(0x10000);
const HAN = 1;
const NOT_HAN = 2;
const HAN_FUNCTION = 3;

function hanKind(code: number): number {
  let known = hanTable[code]!;
  if (known === 0) {
    known = !HAN_RE.test(String.fromCharCode(code)) ? NOT_HAN : ZH_FUNCTION_CODES.has(code) ? HAN_FUNCTION : HAN;
    hanTable[code] = known;
  }
  return known;
}

function isHanUnit(code: number): boolean {
  return hanKind(code) !== NOT_HAN;
}

/** Han astral code points (CJK extensions B and on), tested once each. */
const hanAstral = new Map<number, boolean>();

/**
 * How many characters of `text` are Han: what `text.match(/\p{Script=Han}/gu)?.length` counts, by
 * code unit through the table, a surrogate pair read as the one code point it encodes.
 */
export function hanCount(text: string): number {
  return hanAndLatinCounts(text).han;
}

/** Per ASCII code unit: 1 for a letter or digit. A table read instead of three range tests per unit. */
const ASCII_ALPHANUMERIC = new Uint8Array(128);
for (let code = 0; code < 128; code++) ASCII_ALPHANUMERIC[code] = isDigit(code) || isLetter(code) ? 1 : 0;

/** How many code units of `text` are ASCII letters or digits: what `/[A-Za-z0-9]/g` matches. */
export function asciiAlphanumericCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) count += ASCII_ALPHANUMERIC[code]!;
  }
  return count;
}

/**
 * `hanCount(text)` and `asciiAlphanumericCount(text)` in one pass, for callers that need both of
 * each sentence (the omission check).
 */
export function hanAndLatinCounts(text: string): { han: number; latin: number } {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      latin += ASCII_ALPHANUMERIC[code]!;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (isHanAstral((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000)) han++;
        i++;
        continue;
      }
    }
    if (isHanUnit(code)) han++;
  }
  return { han, latin };
}

function isHanAstral(point: number): boolean {
  let han = hanAstral.get(point);
  if (han === undefined) {
    han = HAN_RE.test(String.fromCodePoint(point));
    hanAstral.set(point, han);
  }
  return han;
}

/** True for a-z and 0-9, the Latin units of a lower-cased Chinese sentence. */
function isLatinUnit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Content positions, anchors and length of a Chinese sentence. */
export function chineseFeatures(text: string): ChineseFeatures {
  const lower = text.toLowerCase();
  const contentPositions: number[] = [];
  let han = 0;
  let latin = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    const kind = hanKind(code);
    if (kind !== NOT_HAN) {
      han++;
      if (kind === HAN) contentPositions.push(i);
    } else if (isLatinUnit(code)) {
      latin++;
    }
  }
  // Every anchor holds an ASCII letter or digit, and lower-cased text has only a-z among letters.
  // Pushed in a loop rather than built by `map`, whose result is packed or holey depending on the
  // tier running it: the aligner reads `anchors` in optimised code that expects one array shape.
  const anchors: string[] = [];
  if (latin > 0) {
    for (const m of lower.matchAll(ZH_ANCHOR_RE)) anchors.push(/^[\d.]/.test(m[0]) ? normaliseNumber(m[0]) : m[0]);
  }
  return { text: lower, contentPositions, anchors, length: han + latin / LATIN_PER_HAN, han, latin };
}

/**
 * The `length` of `chineseFeatures(text)` without its positions and anchors, for callers that
 * weigh many candidate spans (section cuts, seams).
 */
export function chineseLength(text: string): number {
  const lower = text.toLowerCase();
  let han = 0;
  let latin = 0;
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    if (isHanUnit(code)) han++;
    else if (isLatinUnit(code)) latin++;
  }
  return han + latin / LATIN_PER_HAN;
}
