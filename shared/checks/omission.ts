/**
 * `omission` and `addition`: content on one side with no counterpart on the other. Whole
 * sentences show as 1-0 and 0-1 alignment links; a clause lost inside an aligned pair shows as a
 * Chinese side much shorter than the record's own length ratio predicts, or as an English clause
 * none of whose dictionary words is rendered while the rest of the sentence is.
 */
import { contentWord, type Lexicon } from '../lexicon/lexicon.ts';
import { extractNumbers } from '../numbers/extractNumbers.ts';
import { lengthCost } from '../align/alignSentences.ts';
import { asciiAlphanumericCount, chineseFeatures, chineseLength as alignerChineseLength, englishFeatures, englishLength as alignerEnglishLength, hanAndLatinCounts, hanCount, type EnglishFeatures } from '../align/textFeatures.ts';
import { withTextScreen, type Contains } from './textScreen.ts';
import { dropCosts } from './dropRealignment.ts';
import { joinedText } from '../segment/joinedText.ts';
import { packedMap } from '../collections/packedMap.ts';
import { evidenceOfFeatures } from './sentenceEvidence.ts';
import type { AlignedRecord, EvidenceSpan, Finding, Severity } from './types.ts';
import { ascending } from '../collections/ascending.ts';

const textAt = (sentences: readonly { text: string }[], i: number): string => sentences[i]?.text ?? '';

/** Chinese characters per English character in abstracts, used until a record calibrates its own. */
const PRIOR_RATIO = 0.33;
/** Weight of the prior in English characters: short records lean on it, long ones on themselves. */
const PRIOR_WEIGHT = 400;

/** Length of a Chinese text in comparable units: Han characters, plus Latin runs at the English rate. */
export function chineseLength(text: string, ratio: number): number {
  return hanCount(text) + asciiAlphanumericCount(text) * ratio;
}

function englishLength(text: string): number {
  return asciiAlphanumericCount(text);
}

/**
 * Per sentence, the letter counts every length judgement reads: the ratio sums them over every
 * link, and each link and diagonal sub-pair over its own sentences, so they are counted once per
 * record instead of once per join. A joined text's counts are the sum of its sentences' (no
 * sentence ends inside a surrogate pair), so the lengths are exactly those of the joined texts.
 */
interface SentenceLengths {
  /** `englishLength` of each English sentence. */
  en: Float64Array;
  /** `hanCount` and `asciiAlphanumericCount` of each Chinese sentence. */
  zhHan: Float64Array;
  zhLatin: Float64Array;
}

/**
 * In typed arrays, not `map` results: a `map` result is holey or packed depending on whether its
 * caller was optimised yet, and small-integer or double depending on the lengths, and each switch
 * deoptimised the readers below ("wrong map"). A Float64Array holds every length exactly.
 */
function sentenceLengths(record: AlignedRecord): SentenceLengths {
  const en = new Float64Array(record.en.length);
  const zhHan = new Float64Array(record.zh.length);
  const zhLatin = new Float64Array(record.zh.length);
  for (let i = 0; i < en.length; i++) en[i] = englishLength(record.en[i]!.text);
  for (let j = 0; j < zhHan.length; j++) {
    const counts = hanAndLatinCounts(record.zh[j]!.text);
    zhHan[j] = counts.han;
    zhLatin[j] = counts.latin;
  }
  return { en, zhHan, zhLatin };
}

/** `englishLength` of the English sentences `en` joined. */
function englishLengthOf(lengths: SentenceLengths, en: readonly number[]): number {
  let n = 0;
  for (const i of en) n += lengths.en[i] ?? 0;
  return n;
}

/** `chineseLength` of the Chinese sentences `zh` joined. */
function chineseLengthOf(lengths: SentenceLengths, zh: readonly number[], ratio: number): number {
  let han = 0;
  let latin = 0;
  for (const j of zh) {
    han += lengths.zhHan[j] ?? 0;
    latin += lengths.zhLatin[j] ?? 0;
  }
  return han + latin * ratio;
}

/**
 * The record's Chinese-per-English length ratio over its aligned pairs, shrunk towards the prior
 * so one odd pair cannot set it.
 */
export function calibratedRatio(record: AlignedRecord): number {
  return ratioOf(record, sentenceLengths(record));
}

function ratioOf(record: AlignedRecord, lengths: SentenceLengths): number {
  let en = 0;
  let zh = 0;
  for (const link of record.links) {
    if (link.en.length === 0 || link.zh.length === 0) continue;
    en += englishLengthOf(lengths, link.en);
    // Summed sentence by sentence, as `chineseLength` of each would be.
    let linkZh = 0;
    for (const j of link.zh) linkZh += (lengths.zhHan[j] ?? 0) + (lengths.zhLatin[j] ?? 0) * PRIOR_RATIO;
    zh += linkZh;
  }
  return (zh + PRIOR_RATIO * PRIOR_WEIGHT) / (en + PRIOR_WEIGHT);
}

const hasClinicalNumber = (text: string) => extractNumbers(text, 'en').some((t) => t.hard && t.kind !== 'number');

export interface Clause {
  start: number;
  end: number;
  known: number;
  covered: number;
}

/**
 * Cuts an English sentence into clauses at commas, semicolons, colons and clause-opening
 * conjunctions, and counts per clause the words the lexicon knows and how many of those have a
 * translation in the Chinese.
 */
export function clauseCoverage(english: string, chinese: string, lexicon: Lexicon): Clause[] {
  return withTextScreen(chinese, screenedCoverage, english, chinese, lexicon);
}

function screenedCoverage(contains: Contains, english: string, chinese: string, lexicon: Lexicon): Clause[] {
  return coverageOfClauses(english, clauseCuts(english), screenedChinese(chinese, contains), lexicon);
}

/** Built once: a regex literal in a function is a new object on every call (and `matchAll` copies it again). */
const CLAUSE_CUT = /[,;:]\s+|\s(?=(?:and|but|which|while|whereas|although|because|with|whereas)\s)/g;
const ACRONYM = /^[A-Z0-9-]+$/;

/**
 * Where a sentence's clauses start, then its length. Every cut follows a space, so no word or
 * number runs across one: the sentence can be scanned whole and each token given to its clause.
 */
function clauseCuts(english: string): number[] {
  const cuts = [0];
  CLAUSE_CUT.lastIndex = 0;
  for (let m = CLAUSE_CUT.exec(english); m !== null; m = CLAUSE_CUT.exec(english)) cuts.push(m.index + m[0].length);
  cuts.push(english.length);
  return cuts;
}

/** The Chinese a clause is looked for in, with what every word's search reads of it made once. */
interface ScreenedChinese {
  text: string;
  lower: string;
  /**
   * The letters a-z of `lower`, a bit each: an English word can only be in the lower-cased Chinese
   * if all its letters are, which answers most searches (and all of them in Chinese without Latin).
   */
  letters: number;
  contains: Contains;
}

function screenedChinese(text: string, contains: Contains): ScreenedChinese {
  const lower = text.toLowerCase();
  return { text, lower, letters: latinLetters(lower), contains };
}

/** Bit k set when the letter a + k occurs in `text` (upper case counted as lower). */
function latinLetters(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i) | 0x20;
    if (code >= 0x61 && code <= 0x7a) bits |= 1 << (code - 0x61);
  }
  return bits;
}

/** What the clause count needs of an English word as written, the same for every sentence holding it. */
interface ClauseWord {
  lower: string;
  /** `latinLetters(lower)`. */
  letters: number;
  acronym: boolean;
  /** The lexicon's translations, or null when it has none (or the word is a stopword). */
  translations: readonly string[] | null;
}

/**
 * Clause words by lexicon and word as written: one look-up stands for lower-casing, the acronym
 * test and the lexicon's (see `contentWord`). Cleared when full.
 */
const clauseWords = new WeakMap<Lexicon, Map<string, ClauseWord>>();
const CLAUSE_WORD_LIMIT = 200_000;

function clauseWordsOf(lexicon: Lexicon): Map<string, ClauseWord> {
  let byWord = clauseWords.get(lexicon);
  if (!byWord) {
    byWord = new Map();
    clauseWords.set(lexicon, byWord);
  }
  return byWord;
}

function clauseWord(byWord: Map<string, ClauseWord>, lexicon: Lexicon, word: string): ClauseWord {
  let found = byWord.get(word);
  if (found === undefined) {
    const lower = word.toLowerCase();
    const translations = contentWord(lexicon, lower)?.translations;
    found = {
      lower, letters: latinLetters(lower), acronym: word.length > 1 && ACRONYM.test(word),
      translations: translations && translations.length > 0 ? translations : null,
    };
    if (byWord.size >= CLAUSE_WORD_LIMIT) byWord.clear();
    byWord.set(word, found);
  }
  return found;
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isAsciiLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/**
 * `clauseCoverage` of a sentence cut at `cuts`, against screened Chinese (several English
 * sentences may share one). The sentence is read once, by code unit, for the numbers (digits,
 * with one decimal part) and words (a letter, then letters and hyphens) the clauses hold.
 */
function coverageOfClauses(english: string, cuts: readonly number[], chinese: ScreenedChinese, lexicon: Lexicon): Clause[] {
  const clauses: Clause[] = [];
  for (let c = 0; c + 1 < cuts.length; c++) clauses.push({ start: cuts[c]!, end: cuts[c + 1]!, known: 0, covered: 0 });
  const byWord = clauseWordsOf(lexicon);
  let clause = 0;
  for (let i = 0; i < english.length;) {
    const code = english.charCodeAt(i);
    const number = isDigit(code);
    if (!number && !isAsciiLetter(code)) {
      i++;
      continue;
    }
    let end = i + 1;
    if (number) {
      while (end < english.length && isDigit(english.charCodeAt(end))) end++;
      if (english.charCodeAt(end) === 0x2e && isDigit(english.charCodeAt(end + 1))) {
        end += 2;
        while (end < english.length && isDigit(english.charCodeAt(end))) end++;
      }
    } else {
      while (end < english.length && (isAsciiLetter(english.charCodeAt(end)) || english.charCodeAt(end) === 0x2d)) end++;
    }
    while (i >= clauses[clause]!.end) clause++;
    const counts = clauses[clause]!;
    const token = english.slice(i, end);
    i = end;
    // Numbers and words kept verbatim (names, genes, drugs) are the surest sign a clause was
    // rendered: they count double.
    if (number) {
      counts.known += 2;
      if (chinese.text.includes(token)) counts.covered += 2;
      continue;
    }
    const word = clauseWord(byWord, lexicon, token);
    if (token.length >= 3 && (word.letters & ~chinese.letters) === 0 && chinese.lower.includes(word.lower)) {
      counts.known += 2;
      counts.covered += 2;
      continue;
    }
    if (word.acronym) {
      counts.known++; // acronyms are kept verbatim or spelled out; verbatim is the evidence we can see
      if (chinese.text.includes(token)) counts.covered++;
      continue;
    }
    const translations = word.translations;
    if (translations === null) continue;
    counts.known++;
    for (const t of translations) {
      if (chinese.contains(t)) {
        counts.covered++;
        break;
      }
    }
  }
  return clauses;
}

function severityOf(text: string): Severity {
  return hasClinicalNumber(text) ? 'critical' : 'major';
}

/**
 * Finds omitted and added content in an aligned record: unaligned sentences, pairs whose lengths
 * disagree with the record's ratio, and English clauses with no rendered dictionary word.
 * `lexicon` null skips the clause check.
 */
export function findOmissionsAndAdditions(record: AlignedRecord, lexicon: Lexicon | null): Finding[] {
  const reading = new RecordReading(record);
  const { lengths, ratio } = reading;
  const findings: Finding[] = [];
  for (const [li, link] of record.links.entries()) {
    if (link.zh.length === 0 && link.en.length > 0) {
      const enText = joinedText(record.en, link.en, ' ');
      findings.push({
        kind: 'omission', severity: severityOf(enText), en: link.en, zh: [],
        message: { en: 'This English sentence has no counterpart in the translation.', 'zh-CN': '该英文句子在译文中没有对应内容。' },
        evidence: link.en.map((i) => ({ side: 'en' as const, sentence: i, start: 0, end: textAt(record.en, i).length, text: textAt(record.en, i) })),
      });
      continue;
    }
    if (link.en.length === 0 && link.zh.length > 0) {
      const short = chineseLengthOf(lengths, link.zh, ratio) < 12;
      findings.push({
        kind: 'addition', severity: short ? 'minor' : 'major', en: [], zh: link.zh,
        message: { en: 'This Chinese sentence has no counterpart in the English.', 'zh-CN': '该中文句子在英文原文中没有对应内容。' },
        evidence: link.zh.map((i) => ({ side: 'zh' as const, sentence: i, start: 0, end: textAt(record.zh, i).length, text: textAt(record.zh, i) })),
      });
      continue;
    }
    const lost = lexicon && link.en.length > 1 ? lostInMergedLink(reading, li, lexicon) : null;
    if (lost !== null && !findings.some((f) => f.kind === 'omission' && f.en.join() === lost.en.join())) {
      const text = joinedText(record.en, lost.en, ' ');
      findings.push({
        kind: 'omission', severity: lost.sure ? severityOf(text) : 'minor', en: lost.en, zh: lost.zh,
        message: { en: 'This English sentence appears not to be translated: its words have no rendering in the aligned Chinese.', 'zh-CN': '该英文句子似乎未译出：对应中文中找不到其内容。' },
        evidence: lost.en.map((i) => ({ side: 'en' as const, sentence: i, start: 0, end: textAt(record.en, i).length, text: textAt(record.en, i) })),
      });
    }
    // An unsure one lost from a neighbouring link leaves this link's own length to judge.
    // A sure one found with a neighbour accounts for this link's short Chinese as well (the
    // aligner shifted the pairs by one around it).
    if (lost !== null && (lost.sure || lost.en.some((i) => link.en.includes(i)))) continue;
    const whole = lengthFinding(reading, link.en, link.zh, lexicon);
    if (whole !== null) {
      findings.push(whole);
      continue;
    }
    // An n-n link reads diagonally (the aligner pairs 2-2 when one pair's lengths look odd):
    // judge each English sentence against its own Chinese too.
    if (link.en.length === link.zh.length && link.en.length > 1) {
      link.en.forEach((i, k) => {
        const diagonal = lengthFinding(reading, [i], [link.zh[k] ?? -1], lexicon);
        if (diagonal !== null) findings.push(diagonal);
      });
    }
  }
  return findings;
}

/**
 * A record as the omission check reads it, with what several of its judgements need measured
 * once: a merged link is read with each neighbour, and every pair's length against the ratio.
 * A class, not an object of closures made per record: V8 drops a per-call closure's optimised
 * code at every major GC and compiles it again.
 */
class RecordReading {
  readonly record: AlignedRecord;
  readonly lengths: SentenceLengths;
  /** `calibratedRatio(record)`. */
  readonly ratio: number;
  private readonly features: (EnglishFeatures | undefined)[] = [];
  private ratioInAlignerUnits: number | undefined = undefined;

  constructor(record: AlignedRecord) {
    this.record = record;
    this.lengths = sentenceLengths(record);
    this.ratio = ratioOf(record, this.lengths);
  }

  /** `englishFeatures` of an English sentence, by index. */
  englishOf(i: number): EnglishFeatures {
    return (this.features[i] ??= englishFeatures(textAt(this.record.en, i)));
  }

  /** `alignerRatio(record)`, measured when first needed. */
  alignerRatio(): number {
    return (this.ratioInAlignerUnits ??= alignerRatio(this.record));
  }
}

interface LostSentence {
  en: number[];
  zh: number[];
  sure: boolean;
  /** What the lost sentence explains over what the least explaining other one does: lower is clearer. */
  clarity: number;
}

/**
 * The sentence a merged link's Chinese leaves unexplained. A dropped sentence does not always end
 * up in the merged link: the aligner may pair it 1-1 with its neighbour's translation and merge the
 * neighbour with the next sentence instead, so the link is also read together with each adjacent
 * link; sure readings win over unsure ones.
 */
function lostInMergedLink(reading: RecordReading, li: number, lexicon: Lexicon): LostSentence | null {
  const { record } = reading;
  const windows = linkWindows(record, li);
  const en = distinctAscending(windows, 'en');
  const zh = distinctAscending(windows, 'zh');
  // The aligner's costs, told one sentence of the stretch is missing, computed only when needed.
  let costs: number[] | null = null;
  const costOf = (i: number) => {
    costs ??= dropCosts(en.map((k) => textAt(record.en, k)), zh.map((j) => textAt(record.zh, j)), en.map((_, k) => k), reading.alignerRatio(), lexicon);
    return costs[en.indexOf(i)] ?? Infinity;
  };
  const found: LostSentence[] = [];
  for (const w of windows) {
    const lost = unrenderedSentence(reading, w.en, w.zh, lexicon);
    if (lost !== null) found.push(lost);
  }
  const link = record.links[li];
  if (found.length === 0 && link && link.en.length > link.zh.length) {
    // More English than Chinese sentences and no reading from the dictionary alone: when the
    // costs single one sentence out (e² times likelier than any other drop) and it is also the
    // one explaining least of its window's Chinese, it is worth a look.
    const ranked = [...en].sort((a, b) => costOf(a) - costOf(b));
    const best = ranked[0]!;
    if (ranked.length > 1 && costOf(ranked[1]!) - costOf(best) >= 2) {
      const agrees = windows.some((w) => { const r = w.en.includes(best) ? leastExplained(reading, w.en, w.zh, lexicon) : null; return r !== null && w.en[r.worst] === best; });
      if (agrees) return { en: [best], zh: link.zh, sure: false, clarity: 1 };
    }
  }
  // Per sentence, its surest reading.
  const distinct = [...new Map([...found].sort((a, b) => Number(a.sure) - Number(b.sure)).map((f) => [f.en[0], f])).values()];
  if (distinct.length <= 1) return distinct[0] ?? null;
  // Readings disagree (typically: the merged link's first sentence, or the one before it that
  // the aligner paired with that sentence's translation): the cheaper drop wins.
  return distinct.reduce((a, b) => (costOf(b.en[0]!) < costOf(a.en[0]!) ? b : a));
}

interface LinkWindow {
  en: number[];
  zh: number[];
}

/** The link `li` alone and with each neighbour, where every link of the window has both sides. */
function linkWindows(record: AlignedRecord, li: number): LinkWindow[] {
  const windows: LinkWindow[] = [];
  for (const [first, last] of [[li, li], [li - 1, li], [li, li + 1]] as const) {
    const en: number[] = [];
    const zh: number[] = [];
    let complete = true;
    for (let k = first; k <= last && complete; k++) {
      const l = record.links[k];
      if (!l || l.en.length === 0 || l.zh.length === 0) complete = false;
      else {
        en.push(...l.en);
        zh.push(...l.zh);
      }
    }
    if (complete) windows.push({ en, zh });
  }
  return windows;
}

/** The sentences of one side the windows hold, each once, in increasing order. */
function distinctAscending(windows: readonly LinkWindow[], side: 'en' | 'zh'): number[] {
  const seen = new Set<number>();
  for (const w of windows) for (const i of w[side]) seen.add(i);
  return [...seen].sort(ascending);
}


/** The record's Chinese-per-English length ratio in the aligner's units (`textFeatures`). */
function alignerRatio(record: AlignedRecord): number {
  // The features' lengths, without building their tokens and positions.
  const en = record.en.reduce((n, s) => n + alignerEnglishLength(s.text), 0);
  const zh = record.zh.reduce((n, s) => n + alignerChineseLength(s.text), 0);
  return en > 0 && zh > 0 ? zh / en : 1;
}

/**
 * Per English sentence of a stretch, what it explains exclusively of the stretch's Chinese per
 * unit of the Chinese its length would take up, and which sentence explains least.
 */
function leastExplained(reading: RecordReading, enIndexes: number[], zhIndexes: number[], lexicon: Lexicon) {
  const chinese = joinedText(reading.record.zh, zhIndexes, '');
  const features = chineseFeatures(chinese);
  const evidence = evidenceOfFeatures(enIndexes.map((i) => reading.englishOf(i)), features, lexicon);
  const zhContent = features.contentPositions.length + 2 * features.anchors.length;
  const lengths = enIndexes.map((i) => englishLengthOf(reading.lengths, [i]));
  const total = lengths.reduce((a, b) => a + b, 0);
  if (total === 0 || zhContent === 0) return null;
  const explained = evidence.map((e, k) => e.exclusive / (zhContent * Math.max(0.05, (lengths[k] ?? 0) / total)));
  const coverage = evidence.map((e) => (e.known ? e.covered / e.known : 1));
  let worst = 0;
  explained.forEach((x, k) => { if (x < explained[worst]! || (x === explained[worst] && coverage[k]! < coverage[worst]!)) worst = k; });
  return { evidence, explained, coverage, lengths, total, chinese, worst };
}

/**
 * In a link of several English sentences (2-1, 3-1, 2-2: what the aligner makes of a sentence the
 * translation dropped), the sentence the Chinese does not explain, with how sure we are: `major`
 * when the dictionary and a second, independent signal agree (the Chinese fits the others' length
 * at least as well without it, or an anchor only it has is missing), `minor` on one signal.
 */
function unrenderedSentence(reading: RecordReading, enIndexes: number[], zhIndexes: number[], lexicon: Lexicon): LostSentence | null {
  const least = leastExplained(reading, enIndexes, zhIndexes, lexicon);
  if (!least) return null;
  const { ratio } = reading;
  const { evidence, explained, coverage, lengths, total, chinese, worst } = least;
  const others = explained.filter((_, k) => k !== worst);
  const othersExplained = Math.min(...others);
  const othersCoverage = Math.min(...coverage.filter((_, k) => k !== worst));
  const w = evidence[worst]!;
  const lexical = w.known >= 3 && othersExplained >= 0.1 && explained[worst]! <= 0.35 * othersExplained && coverage[worst]! <= othersCoverage;
  const zhLen = chineseLength(chinese, ratio);
  const fitsWithout = lengthCost(total, zhLen, ratio) >= lengthCost(total - (lengths[worst] ?? 0), zhLen, ratio);
  const anchorsMissing = w.missingAnchors.length > 0;
  const index = enIndexes[worst]!;
  const clarity = explained[worst]! / Math.max(othersExplained, 1e-6);
  if (lexical && (fitsWithout || anchorsMissing)) return { en: [index], zh: zhIndexes, sure: true, clarity };
  if (lexical || (fitsWithout && anchorsMissing)) return { en: [index], zh: zhIndexes, sure: false, clarity };
  return null;
}

/**
 * An English clause none (or, with 3+, almost none) of whose dictionary words is rendered, in a
 * sentence otherwise well covered: `sure` when it has several clues (3+, or 4+ with nothing
 * rendered when the pair is only a little short), otherwise a clause of two clues neither of
 * which is rendered, worth a look.
 */
function lostClause(record: AlignedRecord, enIndexes: number[], chinese: string, lexicon: Lexicon, strict: boolean): { span: EvidenceSpan; sure: boolean } | null {
  // Only a sentence of two clauses or more can have lost one: the cuts, which need no Chinese,
  // decide whether the Chinese is screened at all.
  const cuts = packedMap(enIndexes, (index) => clauseCuts(record.en[index]?.text ?? ''));
  if (!cuts.some((c) => c.length > 2)) return null;
  return withTextScreen(chinese, lostClauseIn, record, enIndexes, cuts, chinese, lexicon, strict);
}

function lostClauseIn(
  contains: Contains, record: AlignedRecord, enIndexes: number[], cuts: number[][], chineseText: string, lexicon: Lexicon, strict: boolean,
): { span: EvidenceSpan; sure: boolean } | null {
  const chinese = screenedChinese(chineseText, contains);
  let weak: EvidenceSpan | null = null;
  for (const [k, index] of enIndexes.entries()) {
    const sentence = record.en[index];
    const sentenceCuts = cuts[k]!;
    if (!sentence || sentenceCuts.length <= 2) continue;
    const clauses = coverageOfClauses(sentence.text, sentenceCuts, chinese, lexicon);
    const totalKnown = clauses.reduce((n, c) => n + c.known, 0);
    const totalCovered = clauses.reduce((n, c) => n + c.covered, 0);
    for (const c of clauses) {
      const sure = strict ? c.known >= 4 && c.covered === 0 : c.known >= 3 && c.covered / c.known <= 0.2;
      if (!sure && (weak || c.known < 2 || c.covered > 0)) continue;
      const restKnown = totalKnown - c.known;
      if (restKnown < 3 || (totalCovered - c.covered) / restKnown < 0.5) continue;
      const text = sentence.text.slice(c.start, c.end).replace(/[\s,;:]+$/, '');
      const span: EvidenceSpan = { side: 'en', sentence: index, start: c.start, end: c.start + text.length, text };
      if (sure) return { span, sure };
      weak = span;
    }
  }
  return weak ? { span: weak, sure: false } : null;
}

/**
 * The length judgement of one (sub)pair: far too short is an omission; somewhat short with an
 * English clause none of whose dictionary words is rendered is one too, with that clause as
 * evidence; somewhat short alone is worth a look but no more; far too long may be an addition.
 * Length is the steadier signal within a pair, since dictionary coverage misses free renderings.
 */
function lengthFinding(reading: RecordReading, en: number[], zh: number[], lexicon: Lexicon | null): Finding | null {
  const { record, lengths, ratio } = reading;
  const enLen = englishLengthOf(lengths, en);
  if (enLen < 40) return null; // too short a sentence for a length judgement
  const zhLen = chineseLengthOf(lengths, zh, ratio);
  const expected = enLen * ratio;
  const share = expected > 0 ? zhLen / expected : 1;
  const lost = lexicon && share < 0.95 ? lostClause(record, en, joinedText(record.zh, zh, ''), lexicon, share >= 0.8) : null;
  if (lost && (lost.sure || share >= 0.6)) {
    return {
      kind: 'omission', severity: lost.sure ? 'major' : 'minor', en, zh,
      message: { en: `Part of the English is not translated: "${lost.span.text}".`, 'zh-CN': `部分英文内容未译出：“${lost.span.text}”。` },
      evidence: [lost.span],
    };
  }
  if (share < 0.6) return shortTranslation('major', en, zh, zhLen, expected);
  // Relative length varies less in long sentences (about 1/√length), so the bar for "somewhat
  // short" rises with the English length: 0.72 at 40 letters, 0.82 from 100 on.
  const bar = Math.min(0.82, Math.max(0.7, 1 - 1.8 / Math.sqrt(enLen)));
  if (share < bar) return shortTranslation('minor', en, zh, zhLen, expected);
  if (zhLen >= 40 && zhLen > 2.2 * expected) {
    return {
      kind: 'addition', severity: 'minor', en, zh,
      message: {
        en: `The translation is much longer than expected (${Math.round(zhLen)} for about ${Math.round(expected)} characters): content may have been added.`,
        'zh-CN': `译文明显长于预期（${Math.round(zhLen)} 字，预期约 ${Math.round(expected)} 字），可能有增译内容。`,
      },
      evidence: [],
    };
  }
  return null;
}

function shortTranslation(severity: Severity, en: number[], zh: number[], zhLen: number, expected: number): Finding {
  return {
    kind: 'omission', severity, en, zh,
    message: {
      en: `The translation is much shorter than expected (${Math.round(zhLen)} for about ${Math.round(expected)} characters): content may be missing.`,
      'zh-CN': `译文明显短于预期（${Math.round(zhLen)} 字，预期约 ${Math.round(expected)} 字），可能有内容缺失。`,
    },
    evidence: [],
  };
}
