/**
 * Finds the quantities in one sentence, in either language, as comparable tokens.
 *
 * Every token carries a numeric value, its kind (percent, p-value, confidence-interval bound,
 * plain), the unit written after it and whether it is "hard": a hard token must have a
 * counterpart on the other side, a soft one (one, 一, both, twice, enumerators, month names)
 * may be matched but is never reported missing, because those words are routinely translated
 * without a number ("one of the" ↔ 之一, "a patient" ↔ 一名患者, "both groups" ↔ 两组).
 */
import { CHINESE_NUMERAL_CHARS, parseChineseDecimals, parseChineseInteger } from './chineseNumerals.ts';
import { DENOMINATORS, NUMBER_WORDS, SCALE_WORDS, isNumberWord, parseEnglishNumberWords } from './englishNumberWords.ts';
import { isAsciiLetter, isClinicalUnit, matchUnit } from './units.ts';
import { ascending } from '../collections/ascending.ts';

export type NumberKind = 'number' | 'percent' | 'p-value' | 'ci';

export interface NumberToken {
  value: number;
  kind: NumberKind;
  /** Canonical unit written after the number ("mg/kg", "y"), or null. */
  unit: string | null;
  hard: boolean;
  /** Offsets into the sentence text as given (not the normalised copy). */
  start: number;
  end: number;
  text: string;
}

/** Any character `normaliseNumerals` may replace; most sentences have none and are returned as they are. */
const NEEDS_NORMALISING = /[\uff10-\uff19．％＜＞＝·]/;

/** What `normaliseNumerals` replaces: full-width digits and signs, and "·" between digits (of the text as given). */
const NORMALISABLE = /[\uff10-\uff19．％＜＞＝]|(?<=\d)·(?=\d)/g;
const ASCII_SIGNS: Readonly<Record<string, string>> = { '．': '.', '％': '%', '＜': '<', '＞': '>', '＝': '=', '·': '.' };

/** The ASCII form of one character NORMALISABLE matched. */
function asciiNumeral(c: string): string {
  const code = c.charCodeAt(0);
  return code >= 0xff10 && code <= 0xff19 ? String.fromCharCode(code - 0xff10 + 48) : (ASCII_SIGNS[c] ?? c);
}

/**
 * Replaces full-width digits and signs by ASCII ones, character for character, so offsets into
 * the normalised text are offsets into the original. "·" between digits is a decimal point in
 * Lancet style (0·05).
 */
export function normaliseNumerals(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text;
  return text.replace(NORMALISABLE, asciiNumeral);
}

const FOLD_MULTIPLIERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const FOLD_WORDS = FOLD_MULTIPLIERS.map((w) => `${w}fold`);
const FOLD_RE = new RegExp(`^(${FOLD_MULTIPLIERS.join('|')})fold$`);
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };
/** A Roman numeral before a class word in Chinese text; global, run only by `matchesOf`. */
const ROMAN_BEFORE_CLASS_RE = /(?<![A-Za-z])(I{1,3}|IV|V|VI{0,3}|IX|X)(?=\s*[型期级度类])/g;
const UNICODE_ROMAN = 'ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ';
const UNICODE_ROMAN_FIRST = UNICODE_ROMAN.charCodeAt(0);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const SOFT_WORDS: Record<string, number> = {
  one: 1, single: 1, once: 1, both: 2, twice: 2, double: 2, half: 0.5, dozen: 12, triple: 3, dual: 2,
};
/** After a Chinese numeral these make it a counted quantity (两组, 三例, 五毫克), hence hard. */
const CLASSIFIERS = new Set([...'名例组个次年月周天日岁倍种项只位家所篇份条层级期型度分秒小时克升米毫微千厘人型类株对条批轮段剂片粒支针']);
/** After a numeral these make it part of a chemical name (二甲双胍, 一氧化氮, 二十二碳六烯酸). */
const CHEMISTRY = new Set([...'碳烷烯炔醇酸氧氢甲乙丙丁基肽磷苯胺酮酯醛氯氟溴碘硝羟糖聚价']);
/** Words spelled with numerals that carry no quantity. */
const LEXICALISED = ['十二指肠', '十分', '万一', '千万', '一一', '三七', '百分比', '五味子', '六味', '十字', '万古霉素', '百日咳', '千金'];
/** Any LEXICALISED word: one search says that most texts (every English sentence) hold none. */
const ANY_LEXICALISED = new RegExp(LEXICALISED.join('|'));

/** Without the u flag, \d is [0-9]: what every digit pattern here reads (full-width digits are normalised first). */
const HAS_DIGIT = /\d/;

interface Span {
  start: number;
  end: number;
}

/**
 * The patterns below are built once, not at every call (a literal in a function body is a new
 * object each time, and `matchAll` copies it again): `matchesOf` runs a global one by `exec`,
 * resetting its position before and after.
 */
const CITATION_RE = /\[\s*\d+(?:\s*[,，、\-–~]\s*\d+)*\s*\]/g;
/** Anchored at the start and not global: one match at most, at 0. */
const SECTION_NUMBER_RE = /^\s*\(?\d+(?:\.\d+)*[.)、]\s/;
const ZH_LIST_NUMBER_RE = /^\s*[一二三四五六七八九十]+、/;
const CONFIDENCE_LEVEL_RE = /\d+(?:\.\d+)?\s*%\s*(?=C[Il]\b|C\.I\.|confidence|置信|可信)/gi;

/**
 * The matches of the global `re` in `t`. A list the caller loops over rather than a callback per
 * match: the callbacks were closures over each call's locals, and V8 drops a per-call closure's
 * optimised code at every major GC and compiles it again.
 */
function matchesOf(re: RegExp, t: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  re.lastIndex = 0;
  try {
    for (let m = re.exec(t); m !== null; m = re.exec(t)) found.push(m);
  } finally {
    re.lastIndex = 0;
  }
  return found;
}

function addMatchSpan(spans: Span[], m: RegExpExecArray | null): void {
  if (m) spans.push({ start: m.index, end: m.index + m[0].length });
}

/**
 * Spans no token may overlap. The Chinese list numbering and the LEXICALISED words are Chinese
 * characters only, which only Chinese numerals (read in Chinese text) are made of: English text
 * is not searched for them. `kinds`: `characterKinds` of the text.
 */
function maskedSpans(t: string, lang: 'en' | 'zh', kinds: number): Span[] {
  const spans: Span[] = [];
  // Each pattern below needs a character most sentences lack: those are not searched.
  const digits = (kinds & HOLDS_DIGIT) !== 0;
  if (digits && kinds & HOLDS_OPENING_SQUARE_BRACKET) for (const m of matchesOf(CITATION_RE, t)) addMatchSpan(spans, m); // citation markers [12], [3,4]
  if (digits) addMatchSpan(spans, SECTION_NUMBER_RE.exec(t)); // section numbering at the start ("1. ", "2.1) ")
  if (lang === 'zh' && kinds & HOLDS_LIST_COMMA) addMatchSpan(spans, ZH_LIST_NUMBER_RE.exec(t)); // Chinese list numbering "一、"
  // The confidence level of an interval is a convention, not a finding: "95% CI", "95%CI", "95%置信区间".
  if (digits && kinds & HOLDS_PERCENT) for (const m of matchesOf(CONFIDENCE_LEVEL_RE, t)) addMatchSpan(spans, m);
  // Not `for (… of cond ? LEXICALISED : [])`: the empty literal is an array of another elements
  // kind, and iterating both deoptimised this function ("wrong map").
  const lexicalised = lang === 'zh' && kinds & HOLDS_LEXICALISED_FIRST && ANY_LEXICALISED.test(t);
  if (lexicalised) for (const word of LEXICALISED) {
    let i = t.indexOf(word);
    while (i >= 0) {
      spans.push({ start: i, end: i + word.length });
      i = t.indexOf(word, i + 1);
    }
  }
  return spans;
}

function overlaps(spans: Span[], start: number, end: number): boolean {
  for (const s of spans) if (start < s.end && end > s.start) return true;
  return false;
}

const P_VALUE_BEFORE = /(?:^|[^A-Za-z])[Pp]\s*(?:值\s*)?[<>=≤≥]\s*$/;
const PERCENT_AFTER = /\s*(?:%|‰|percent|per cent)/y;
const CI_BEFORE = /(?:CI|置信区间|可信区间)[\s:：,，=]*[\d.\s\-–~～至到to]*$/;
const COMPARISON_SIGNS: ReadonlySet<number> = new Set([...'<>=≤≥'].map((c) => c.charCodeAt(0)));

/** Kind from the context: p-value after "P <", CI bound after "CI", percent before "%". */
function kindAt(t: string, start: number, end: number, lang: 'en' | 'zh'): NumberKind {
  const before = t.slice(Math.max(0, start - 24), start);
  // The two searches in `before` need what most contexts lack, tested first: a comparison sign as
  // the last character but white space (\s, what trimEnd removes) and a CI label.
  const signed = before.trimEnd();
  if (COMPARISON_SIGNS.has(signed.charCodeAt(signed.length - 1)) && P_VALUE_BEFORE.test(before)) return 'p-value';
  // A percent sign or word within 12 characters: the match, if any, is the one of the sticky pattern.
  const percent = matchAt(PERCENT_AFTER, t, end);
  if (percent && percent[0].length <= 12) return 'percent';
  if ((before.includes('CI') || before.includes('置信区间') || before.includes('可信区间')) && CI_BEFORE.test(before)) return 'ci';
  if (lang === 'zh' && before.endsWith('百分之')) return 'percent';
  return 'number';
}

function pushToken(tokens: NumberToken[], text: string, t: string, lang: 'en' | 'zh', start: number, end: number, value: number, hard: boolean, unitAt = end): void {
  const unitMatch = matchUnit(t, unitAt);
  tokens.push({
    value,
    kind: kindAt(t, start, unitAt, lang),
    unit: unitMatch ? unitMatch.unit : null,
    hard,
    start,
    end,
    text: text.slice(start, end),
  });
}

function scanDigits(text: string, t: string, lang: 'en' | 'zh', masked: Span[], tokens: NumberToken[]): void {
  for (const m of matchesOf(DIGITS_RE, t)) readDigits(m, text, t, lang, masked, tokens);
}

/** Numbers, with thousands separated by commas (3,150) or by a space, thin space or no-break space (20 000). */
const DIGITS_RE = /(?<![\d.,])\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|(?<![\d.,])\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?![\d.,])|\d+(?:\.\d+)?|(?<=[<>=≤≥]\s?)\.\d+/g;

/**
 * The tests of `readDigits` of what follows a number, built once and sticky: `matchAt` runs one at
 * a position of the text, as a ^-anchored one on the rest of the text would, without copying the rest.
 */
const DECADE_SUFFIX = /s\b/y;
const ORDINAL_SUFFIX = /(?:st|nd|rd|th)\b/y;
const LOCANT_BEFORE_NAME = /-[A-Z]/y;
const LOCANT_BEFORE_CHINESE_NAME = /-[\u4e00-\u9fff]/y;
const AND_A_HALF = /(?:个)?(?:年|月|小时|天|周)半/y;
const CHINESE_MULTIPLIER = /(?:\s*[万亿]|千(?![克米卡瓦焦帕赫]))(?!一)/y;
const SCALE_WORD_AFTER = /\s+(million|billion|thousand)\b/iy;
const ERA_AFTER = /\s*(?:世纪|年代)/y;
const DIGIT_SEPARATORS = /[,\s\u00a0\u2009\u202f]/g;

/** The match of a sticky pattern at `at` in `t`, or null. */
function matchAt(re: RegExp, t: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(t);
}

/**
 * The characters `readDigits` looks for around a number, as codes: it compares the codes of its
 * neighbours, since reading a Chinese character as a string allocates one.
 */
const codeOf = (c: string): number => c.charCodeAt(0);
const HYPHEN = codeOf('-');
const SMALL_S = codeOf('s');
const OPENING_BRACKETS: ReadonlySet<number> = new Set([codeOf('('), codeOf('（')]);
const CLOSING_BRACKETS: ReadonlySet<number> = new Set([codeOf(')'), codeOf('）')]);
const GREEK_LETTERS: ReadonlySet<number> = new Set([...'αβγδκ'].map(codeOf));

/** One match of DIGITS_RE: a token, unless it is masked, part of a name or code, or a decade. */
function readDigits(m: RegExpExecArray, text: string, t: string, lang: 'en' | 'zh', masked: Span[], tokens: NumberToken[]): void {
  const digits = m[0];
  const start = m.index;
  const end = start + digits.length;
  if (overlaps(masked, start, end)) return;
  // NaN before the start or past the end, as no character is.
  const prev = t.charCodeAt(start - 1);
  const prev2 = t.charCodeAt(start - 2);
  // Digits glued to Latin letters belong to a name or code: IL-6, COVID-19, CD4, H1N1, T2DM.
  if (isAsciiLetter(prev) || (prev === HYPHEN && (isAsciiLetter(prev2) || CLOSING_BRACKETS.has(prev2)))) return; // also "(IL)-6", "(miR)-150"
  if (GREEK_LETTERS.has(prev)) return;
  // Thousands separators (3,150; 20 000), which few numbers have, are what makes Number() NaN here.
  let value = Number(digits);
  if (Number.isNaN(value)) value = Number(digits.replace(DIGIT_SEPARATORS, ''));
  const next = t.charCodeAt(end);
  if (next === SMALL_S && matchAt(DECADE_SUFFIX, t, end) && digits.endsWith('0')) return; // decades: "the 1990s", "in their 50s"
  if (isAsciiLetter(next)) {
    // Attached letters: a unit (5mg, 24h) or an ordinal suffix (3rd) keep the number; anything
    // else (5HT, 3D, 4T1, 18F) is a code.
    if (!matchAt(ORDINAL_SUFFIX, t, end) && !matchUnit(t, end)) return;
  }
  // A chemical locant (5-HT, 5-FU, 5-氟尿嘧啶) is not a quantity.
  if (next === HYPHEN && (matchAt(LOCANT_BEFORE_NAME, t, end) || (lang === 'zh' && matchAt(LOCANT_BEFORE_CHINESE_NAME, t, end)))) return;
  let unitAt = end;
  if (lang === 'zh' && matchAt(AND_A_HALF, t, end)) value += 0.5; // 3年半 = 3.5 years
  // 1.5万 = 15000; but 千 before a unit is the metric prefix (167 千卡 = 167 kcal, 5千克 = 5 kg).
  if (lang === 'zh') {
    const big = matchAt(CHINESE_MULTIPLIER, t, end);
    if (big) {
      const unitChar = big[0].trim();
      value *= unitChar === '万' ? 1e4 : unitChar === '亿' ? 1e8 : 1e3;
      unitAt = end + big[0].length;
    }
  } else {
    const scale = matchAt(SCALE_WORD_AFTER, t, end);
    if (scale) {
      value *= SCALE_WORDS[(scale[1] ?? '').toLowerCase()] ?? 1;
      unitAt = end + scale[0].length;
    }
  }
  // A lone small integer in brackets is an enumerator ("(1)", "（2）"), often rendered as
  // "first"/"second" or dropped: soft.
  const enumerator = OPENING_BRACKETS.has(prev) && CLOSING_BRACKETS.has(next) && Number.isInteger(value) && value <= 20;
  // Chinese counts decades and centuries where English names them: "20世纪90年代" ↔ "the 1990s".
  const era = lang === 'zh' && matchAt(ERA_AFTER, t, unitAt) !== null;
  pushToken(tokens, text, t, lang, start, end, value, !enumerator && !era, unitAt);
}

const CHINESE_NUMERAL = `[${CHINESE_NUMERAL_CHARS}]`;
/** Built once; CHINESE_NUMERAL_RE is global and run only by `matchesOf`, which resets its position. */
const CHINESE_NUMERAL_RE = new RegExp(`(百分之|${CHINESE_NUMERAL}+分之)?(${CHINESE_NUMERAL}+)(?:点([零〇一二三四五六七八九]+))?`, 'g');

/** `kinds`: `characterKinds` of the text. */
function scanChineseNumerals(text: string, t: string, kinds: number, masked: Span[], tokens: NumberToken[]): void {
  if (kinds & HOLDS_CHINESE_NUMERAL) for (const m of matchesOf(CHINESE_NUMERAL_RE, t)) readChineseNumeral(m, text, t, masked, tokens);
  if (!(kinds & HOLDS_UNICODE_ROMAN)) return; // most texts hold none
  for (let i = 0; i < t.length; i++) {
    // UNICODE_ROMAN is the contiguous run U+2160..U+216B: its index is the offset from Ⅰ.
    const r = t.charCodeAt(i) - UNICODE_ROMAN_FIRST;
    if (r >= 0 && r < UNICODE_ROMAN.length) pushToken(tokens, text, t, 'zh', i, i + 1, r + 1, true);
  }
}

/** The digits among the numerals, and the signs of an approximate count before and after one. */
const HAS_DIGIT_NUMERAL = /[零〇一二两三四五六七八九]/;
const APPROXIMATE_BEFORE = /[数几上]/;
const APPROXIMATE_AFTER = /[余几多来]/;

/** One match of CHINESE_NUMERAL_RE: a token, unless it is masked, an ordinal, part of a name or no count. */
function readChineseNumeral(m: RegExpExecArray, text: string, t: string, masked: Span[], tokens: NumberToken[]): void {
  const start = m.index;
  const end = start + m[0].length;
  if (overlaps(masked, start, end)) return;
  const [, fraction, integer = '', decimals] = m;
  // 万古霉素, 百日咳: a unit character without a digit is no numeral (十 alone is ten).
  if (!HAS_DIGIT_NUMERAL.test(integer) && !integer.startsWith('十')) return;
  const prev = t[start - 1] ?? '';
  const next = t[end] ?? '';
  if (prev === '第') return; // ordinals: 第一 ↔ first
  if (CHEMISTRY.has(next)) return;
  let value = parseChineseInteger(integer);
  if (value === null) return;
  if (decimals) value += parseChineseDecimals(decimals) ?? 0;
  let hard = true;
  if (fraction && fraction !== '百分之') {
    const denominator = parseChineseInteger(fraction.slice(0, -2));
    if (!denominator) return;
    value = value / denominator;
  } else if (!fraction && !decimals) {
    if (integer === '一') {
      if (prev === '之' || next === '半') return; // 之一 "one of", 一半 "half"
      hard = false;
    } else if ([...integer].length === 1 && integer !== '十') {
      hard = CLASSIFIERS.has(next);
    }
    // Approximate counts (数十, 十余, 几百, 一百多) have no exact English counterpart.
    if (APPROXIMATE_BEFORE.test(prev) || APPROXIMATE_AFTER.test(next)) hard = false;
  }
  pushToken(tokens, text, t, 'zh', start, end, value, hard);
  const last = tokens[tokens.length - 1];
  if (fraction === '百分之' && last) last.kind = 'percent';
}

interface EnglishWord {
  w: string;
  lw: string;
  start: number;
  end: number;
}

/**
 * Every lower-case word one of `scanEnglishWords`'s readings can start with: scale words, "half",
 * number words, "-fold" words, decade and century, the soft words and the months: skipping every
 * other word changes nothing.
 */
const QUANTITY_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(SCALE_WORDS), 'half', ...NUMBER_WORDS, ...FOLD_WORDS, 'decade', 'century',
  ...Object.keys(SOFT_WORDS), ...MONTHS,
]);

/**
 * A word (a run of ASCII letters, as below) that is a quantity word in any case, or a ROMAN key
 * as written: the words a reading can start with. Most sentences have none, and one native search
 * finds them much faster than splitting the sentence into words. (Without the u flag, /i folds
 * ASCII letters only, as toLowerCase does on the letters a word is made of.) Global, run only by
 * `matchesOf`; group 1 is the word.
 */
const QUANTITY_WORD_RE = new RegExp(`(?:^|[^A-Za-z])(${[...QUANTITY_WORDS].join('|')})(?![A-Za-z])`, 'gi');
// A lookbehind here lets the search skip to the letters I, V and X (it does not help above, where most letters can start a word).
const ROMAN_WORD_RE = new RegExp(`(?<![A-Za-z])(${Object.keys(ROMAN).join('|')})(?![A-Za-z])`, 'g');

/** Where group 1 of a match starts: the match ends with it. */
function groupStart(m: RegExpExecArray): number {
  return m.index + m[0].length - (m[1] ?? '').length;
}

const byStart = (a: NumberToken, b: NumberToken): number => a.start - b.start;

/** Where the words start that a reading can start with, in increasing order. */
function readableWordStarts(t: string): number[] {
  const found: number[] = [];
  for (const m of matchesOf(QUANTITY_WORD_RE, t)) found.push(groupStart(m));
  const quantityWords = found.length;
  for (const m of matchesOf(ROMAN_WORD_RE, t)) found.push(groupStart(m));
  // Both lists are in order; merged only when both have words (rare).
  if (quantityWords > 0 && found.length > quantityWords) found.sort(ascending);
  return found;
}

const lowerWord = (w: EnglishWord): string => w.lw;

function englishWord(t: string, start: number, end: number): EnglishWord {
  const w = t.slice(start, end);
  return { w, lw: w.toLowerCase(), start, end };
}

/** The first word (run of ASCII letters) that starts at or after `from`, or null. */
function wordFrom(t: string, from: number): EnglishWord | null {
  let start = from;
  while (start < t.length && !isAsciiLetter(t.charCodeAt(start))) start++;
  if (start >= t.length) return null;
  let end = start + 1;
  while (isAsciiLetter(t.charCodeAt(end))) end++;
  return englishWord(t, start, end);
}

/** The last word that ends at or before `before`, or null. */
function wordBefore(t: string, before: number): EnglishWord | null {
  let end = before;
  while (end > 0 && !isAsciiLetter(t.charCodeAt(end - 1))) end--;
  if (end === 0) return null;
  let start = end - 1;
  while (start > 0 && isAsciiLetter(t.charCodeAt(start - 1))) start--;
  return englishWord(t, start, end);
}

/**
 * Reads the words a reading can start with (`readable`: `readableWordStarts(t)`). Only those
 * words and the few next to them are built: most of a sentence's words are never looked at.
 */
function scanEnglishWords(text: string, t: string, readable: number[], masked: Span[], tokens: NumberToken[]): void {
  let takenUpTo = 0; // the end of the last word a reading took
  for (const start of readable) {
    if (start < takenUpTo) continue; // part of a number read already ("twenty-four")
    takenUpTo = readEnglishWord(text, t, wordFrom(t, start)!, masked, tokens);
  }
}

const DIGIT_BEFORE = /\d\s*$/;
const HALF_A_SCALE = /half an? (million|billion|thousand|dozen)\b/iy;
const WORD_GAP = /^[\s-]$/;
const HUNDREDS_OR_MORE = /hundred|thousand|million/;
const TAILED = /^(?:tailed|sided|way)$/;
const DECADES = /^decades?$/;
const CAPITALISED = /^[A-Z]/;
const ROMAN_NUMBERED = /^(?:phase|type|grade|stage|class|level|step)$/;

/** Reads the quantity `word` starts, if any, into `tokens`; returns the end of the last word it took. */
function readEnglishWord(text: string, t: string, word: EnglishWord, masked: Span[], tokens: NumberToken[]): number {
  if (overlaps(masked, word.start, word.end)) return word.end;
  // "1.5 million" was read with its digits.
  if (Object.hasOwn(SCALE_WORDS, word.lw) && DIGIT_BEFORE.test(t.slice(Math.max(0, word.start - 3), word.start))) return word.end;
  // Only a word that is "half" can start the phrase; testing that first spares a regex per word.
  const halfScale = word.lw === 'half' ? matchAt(HALF_A_SCALE, t, word.start) : null;
  if (halfScale) {
    const scale = (halfScale[1] ?? '').toLowerCase();
    pushToken(tokens, text, t, 'en', word.start, word.start + halfScale[0].length, 0.5 * (SCALE_WORDS[scale] ?? 12), true);
    return wordFrom(t, wordFrom(t, word.end)!.end)!.end; // "a", then the scale word
  }
  if (isNumberWord(word.lw)) {
    // Group "twenty-four", "one hundred and five": number words joined by space, hyphen or "and".
    const group = [word];
    for (let last = word, next = wordFrom(t, word.end); next; last = group[group.length - 1]!, next = wordFrom(t, last.end)) {
      const gap = t.slice(last.end, next.start);
      const afterAnd = gap === ' ' && next.lw === 'and' && HUNDREDS_OR_MORE.test(last.lw) ? wordFrom(t, next.end) : null;
      if (WORD_GAP.test(gap) && isNumberWord(next.lw)) group.push(next);
      else if (afterAnd && isNumberWord(afterAnd.lw)) group.push(next, afterAnd);
      else break;
    }
    let value = parseEnglishNumberWords(group.map(lowerWord));
    if (value === null) return word.end;
    let end = group[group.length - 1]!.end;
    let taken = end;
    let hard = !(group.length === 1 && word.lw === 'one');
    const after = wordFrom(t, end);
    if (after && WORD_GAP.test(t.slice(end, after.start)) && Object.hasOwn(DENOMINATORS, after.lw)) {
      value = value / (DENOMINATORS[after.lw] ?? 1);
      end = taken = after.end;
      hard = true;
    } else if (after && t[end] === '-' && TAILED.test(after.lw)) {
      hard = false; // "two-tailed" ↔ 双尾, "one-way" ↔ 单因素
    } else if (after && t.slice(end, after.start) === ' ' && DECADES.test(after.lw)) {
      value *= 10; // "two decades" ↔ 二十年
      end = taken = after.end;
    }
    pushToken(tokens, text, t, 'en', word.start, end, value, hard);
    return taken;
  }
  const fold = FOLD_RE.exec(word.lw);
  if (fold) {
    pushToken(tokens, text, t, 'en', word.start, word.end, parseEnglishNumberWords([fold[1] ?? '']) ?? 0, true);
  } else if (word.lw === 'decade' || word.lw === 'century') {
    pushToken(tokens, text, t, 'en', word.start, word.end, word.lw === 'decade' ? 10 : 100, false); // "the past decade" ↔ 过去十年
  } else if (Object.hasOwn(SOFT_WORDS, word.lw)) {
    pushToken(tokens, text, t, 'en', word.start, word.end, SOFT_WORDS[word.lw] ?? 0, false);
  } else if (MONTHS.includes(word.lw) && CAPITALISED.test(word.w) && !(word.lw === 'may' && !HAS_DIGIT.test(t.slice(word.end, word.end + 6)))) {
    pushToken(tokens, text, t, 'en', word.start, word.end, MONTHS.indexOf(word.lw) + 1, false);
  } else if (Object.hasOwn(ROMAN, word.w) && ROMAN_NUMBERED.test(wordBefore(t, word.start)?.lw ?? '')) {
    pushToken(tokens, text, t, 'en', word.start, word.end, ROMAN[word.w] ?? 0, true);
  }
  return word.end;
}

/**
 * The kinds of character the readings and masks start from, as bits of one number. One pass over
 * a sentence (`characterKinds`) says which it holds, for a test per reading and mask that costs
 * less than each searching the sentence: most sentences lack most kinds, and the reading or mask
 * that needs one is skipped.
 */
const HOLDS_DIGIT = 1 << 0; // 0-9, or a full-width digit: a digit once normalised
const HOLDS_NORMALISABLE = 1 << 1; // a character `normaliseNumerals` may replace
const HOLDS_CHINESE_NUMERAL = 1 << 2;
const HOLDS_UNICODE_ROMAN = 1 << 3;
const HOLDS_ROMAN_LETTER = 1 << 4; // I, V or X
const HOLDS_OPENING_SQUARE_BRACKET = 1 << 5;
const HOLDS_LIST_COMMA = 1 << 6; // 、
const HOLDS_PERCENT = 1 << 7; // % or ％ (% once normalised)
const HOLDS_LEXICALISED_FIRST = 1 << 8; // the first character of a LEXICALISED word
/** What every reading of Chinese text starts at; about half the sentences hold none. */
const CHINESE_READING_STARTS = HOLDS_DIGIT | HOLDS_CHINESE_NUMERAL | HOLDS_UNICODE_ROMAN | HOLDS_ROMAN_LETTER;

/** The kinds of each UTF-16 code unit (128 KB, once per thread). */
const KINDS_BY_CODE = new Uint16Array(0x10000);
function markKind(chars: string, kind: number): void {
  for (const c of chars) KINDS_BY_CODE[c.charCodeAt(0)]! |= kind;
}
const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
markKind('0123456789', HOLDS_DIGIT);
markKind(FULL_WIDTH_DIGITS, HOLDS_DIGIT | HOLDS_NORMALISABLE);
markKind('．％＜＞＝·', HOLDS_NORMALISABLE);
markKind(CHINESE_NUMERAL_CHARS, HOLDS_CHINESE_NUMERAL);
markKind(UNICODE_ROMAN, HOLDS_UNICODE_ROMAN);
markKind('IVX', HOLDS_ROMAN_LETTER);
markKind('[', HOLDS_OPENING_SQUARE_BRACKET);
markKind('、', HOLDS_LIST_COMMA);
markKind('%％', HOLDS_PERCENT);
markKind(LEXICALISED.map((w) => w[0]).join(''), HOLDS_LEXICALISED_FIRST);

/** The HOLDS_ bits of the characters of `text`. */
function characterKinds(text: string): number {
  let kinds = 0;
  for (let i = 0; i < text.length; i++) kinds |= KINDS_BY_CODE[text.charCodeAt(i)]!;
  return kinds;
}

/**
 * Extracts the quantities of one sentence. `lang` selects the word numerals to read: English
 * number words for 'en', Chinese numerals for 'zh'; digits are read on both sides, since
 * Chinese scientific text mostly writes Arabic digits. Never throws.
 */
export function extractNumbers(text: string, lang: 'en' | 'zh'): NumberToken[] {
  const kinds = characterKinds(text);
  if (lang === 'zh' && !(kinds & CHINESE_READING_STARTS)) return [];
  const t = kinds & HOLDS_NORMALISABLE ? normaliseNumerals(text) : text;
  const readableWords = lang === 'en' ? readableWordStarts(t) : [];
  // Every English reading starts at a digit or a readable word: about half the sentences have neither.
  if (lang === 'en' && readableWords.length === 0 && !(kinds & HOLDS_DIGIT)) return [];
  const masked = maskedSpans(t, lang, kinds);
  const tokens: NumberToken[] = [];
  if (kinds & HOLDS_DIGIT) scanDigits(text, t, lang, masked, tokens);
  if (lang === 'zh') scanChineseNumerals(text, t, kinds, masked, tokens);
  else scanEnglishWords(text, t, readableWords, masked, tokens);
  // Roman numerals after Latin keywords also occur in Chinese text ("II型", "III期").
  if (lang === 'zh' && kinds & HOLDS_ROMAN_LETTER) {
    for (const m of matchesOf(ROMAN_BEFORE_CLASS_RE, t)) pushToken(tokens, text, t, 'zh', m.index, m.index + m[0].length, ROMAN[m[0]] ?? 0, true);
  }
  // 1 and 0 are as often "a"/"none" as quantities ("A case of …" ↔ "1例…", "from birth" ↔ "0-"):
  // soft, unless they are percentages, p-values or doses, where a lost 0 or 1 matters.
  for (const token of tokens) {
    if ((token.value === 1 || token.value === 0) && token.kind === 'number' && !isClinicalUnit(token.unit)) token.hard = false;
  }
  return tokens.length > 1 ? tokens.sort(byStart) : tokens;
}
