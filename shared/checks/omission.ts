/**
 * `omission` and `addition`: content on one side with no counterpart on the other. Whole
 * sentences show as 1-0 and 0-1 alignment links; a clause lost inside an aligned pair shows as a
 * Chinese side much shorter than the record's own length ratio predicts, or as an English clause
 * none of whose dictionary words is rendered while the rest of the sentence is.
 */
import { contentWord, type Lexicon } from '../lexicon/lexicon.ts';
import { extractNumbers } from '../numbers/extractNumbers.ts';
import { lengthCost } from '../align/alignSentences.ts';
import { asciiAlphanumericCount, chineseFeatures, chineseLength as alignerChineseLength, englishLength as alignerEnglishLength, hanCount } from '../align/textFeatures.ts';
import { withTextScreen, type Contains } from './textScreen.ts';
import { dropCosts } from './dropRealignment.ts';
import { sentenceEvidence } from './sentenceEvidence.ts';
import type { AlignedRecord, EvidenceSpan, Finding, Severity } from './types.ts';

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
 * The record's Chinese-per-English length ratio over its aligned pairs, shrunk towards the prior
 * so one odd pair cannot set it.
 */
export function calibratedRatio(record: AlignedRecord): number {
  let en = 0;
  let zh = 0;
  for (const link of record.links) {
    if (link.en.length === 0 || link.zh.length === 0) continue;
    en += link.en.reduce((n, i) => n + englishLength(textAt(record.en, i)), 0);
    zh += link.zh.reduce((n, i) => n + chineseLength(textAt(record.zh, i), PRIOR_RATIO), 0);
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
  return withTextScreen(chinese, (contains) => coverageOfClauses(english, chinese, contains, lexicon));
}

/**
 * The numbers and words of a clause, and the acronym test, built once: a regex literal in the loop
 * is a new object for every clause (and `matchAll` copies it again). The global ones are run by
 * `exec` from position 0, set before each loop.
 */
const CLAUSE_NUMBER = /\d+(?:\.\d+)?/g;
const CLAUSE_WORD = /[A-Za-z][A-Za-z-]*/g;
const ACRONYM = /^[A-Z0-9-]+$/;

/** `clauseCoverage`, with `contains` screening `chinese` (several English sentences may share one). */
function coverageOfClauses(english: string, chinese: string, contains: Contains, lexicon: Lexicon): Clause[] {
  const cuts = [0];
  for (const m of english.matchAll(/[,;:]\s+|\s(?=(?:and|but|which|while|whereas|although|because|with|whereas)\s)/g)) cuts.push(m.index + m[0].length);
  cuts.push(english.length);
  const clauses: Clause[] = [];
  const lowerChinese = chinese.toLowerCase();
  // An English word can only be in a Chinese text holding Latin letters: most searches are answered here.
  const hasLatin = /[a-z]/.test(lowerChinese);
  for (let c = 0; c + 1 < cuts.length; c++) {
    const start = cuts[c] ?? 0;
    const end = cuts[c + 1] ?? english.length;
    let known = 0;
    let covered = 0;
    const clause = english.slice(start, end);
    // Numbers and words kept verbatim (names, genes, drugs) are the surest sign a clause was
    // rendered: they count double.
    CLAUSE_NUMBER.lastIndex = 0;
    for (let m = CLAUSE_NUMBER.exec(clause); m !== null; m = CLAUSE_NUMBER.exec(clause)) {
      known += 2;
      if (chinese.includes(m[0])) covered += 2;
    }
    CLAUSE_WORD.lastIndex = 0;
    for (let m = CLAUSE_WORD.exec(clause); m !== null; m = CLAUSE_WORD.exec(clause)) {
      const word = m[0];
      if (word.length >= 3 && hasLatin && lowerChinese.includes(word.toLowerCase())) {
        known += 2;
        covered += 2;
        continue;
      }
      if (word.length > 1 && ACRONYM.test(word)) {
        known++; // acronyms are kept verbatim or spelled out; verbatim is the evidence we can see
        if (chinese.includes(word)) covered++;
        continue;
      }
      const translations = contentWord(lexicon, word.toLowerCase())?.translations;
      if (!translations || translations.length === 0) continue;
      known++;
      if (translations.some(contains)) covered++;
    }
    clauses.push({ start, end, known, covered });
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
  const ratio = calibratedRatio(record);
  const findings: Finding[] = [];
  for (const [li, link] of record.links.entries()) {
    const enText = link.en.map((i) => textAt(record.en, i)).join(' ');
    const zhText = link.zh.map((i) => textAt(record.zh, i)).join('');
    if (link.zh.length === 0 && link.en.length > 0) {
      findings.push({
        kind: 'omission', severity: severityOf(enText), en: link.en, zh: [],
        message: { en: 'This English sentence has no counterpart in the translation.', 'zh-CN': '该英文句子在译文中没有对应内容。' },
        evidence: link.en.map((i) => ({ side: 'en' as const, sentence: i, start: 0, end: textAt(record.en, i).length, text: textAt(record.en, i) })),
      });
      continue;
    }
    if (link.en.length === 0 && link.zh.length > 0) {
      const short = chineseLength(zhText, ratio) < 12;
      findings.push({
        kind: 'addition', severity: short ? 'minor' : 'major', en: [], zh: link.zh,
        message: { en: 'This Chinese sentence has no counterpart in the English.', 'zh-CN': '该中文句子在英文原文中没有对应内容。' },
        evidence: link.zh.map((i) => ({ side: 'zh' as const, sentence: i, start: 0, end: textAt(record.zh, i).length, text: textAt(record.zh, i) })),
      });
      continue;
    }
    const lost = lexicon && link.en.length > 1 ? lostInMergedLink(record, li, ratio, lexicon) : null;
    if (lost !== null && !findings.some((f) => f.kind === 'omission' && f.en.join() === lost.en.join())) {
      const text = lost.en.map((i) => textAt(record.en, i)).join(' ');
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
    const whole = lengthFindings(record, link.en, link.zh, ratio, lexicon);
    findings.push(...whole);
    // An n-n link reads diagonally (the aligner pairs 2-2 when one pair's lengths look odd):
    // judge each English sentence against its own Chinese too.
    if (whole.length === 0 && link.en.length === link.zh.length && link.en.length > 1) {
      link.en.forEach((i, k) => findings.push(...lengthFindings(record, [i], [link.zh[k] ?? -1], ratio, lexicon)));
    }
  }
  return findings;
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
function lostInMergedLink(record: AlignedRecord, li: number, ratio: number, lexicon: Lexicon): LostSentence | null {
  const windows = [[li], [li - 1, li], [li, li + 1]]
    .map((w) => w.map((k) => record.links[k]))
    .filter((w) => w.every((l) => l && l.en.length > 0 && l.zh.length > 0))
    .map((w) => ({ en: w.flatMap((l) => l!.en), zh: w.flatMap((l) => l!.zh) }));
  const en = [...new Set(windows.flatMap((w) => w.en))].sort((a, b) => a - b);
  const zh = [...new Set(windows.flatMap((w) => w.zh))].sort((a, b) => a - b);
  // The aligner's costs, told one sentence of the stretch is missing, computed only when needed.
  let costs: number[] | null = null;
  const costOf = (i: number) => {
    costs ??= dropCosts(en.map((k) => textAt(record.en, k)), zh.map((j) => textAt(record.zh, j)), en.map((_, k) => k), alignerRatio(record), lexicon);
    return costs[en.indexOf(i)] ?? Infinity;
  };
  const found = windows.map((w) => unrenderedSentence(record, w.en, w.zh, ratio, lexicon)).filter((f) => f !== null);
  const link = record.links[li];
  if (found.length === 0 && link && link.en.length > link.zh.length) {
    // More English than Chinese sentences and no reading from the dictionary alone: when the
    // costs single one sentence out (e² times likelier than any other drop) and it is also the
    // one explaining least of its window's Chinese, it is worth a look.
    const ranked = [...en].sort((a, b) => costOf(a) - costOf(b));
    const best = ranked[0]!;
    if (ranked.length > 1 && costOf(ranked[1]!) - costOf(best) >= 2) {
      const agrees = windows.some((w) => { const r = w.en.includes(best) ? leastExplained(record, w.en, w.zh, lexicon) : null; return r !== null && w.en[r.worst] === best; });
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
function leastExplained(record: AlignedRecord, enIndexes: number[], zhIndexes: number[], lexicon: Lexicon) {
  const chinese = zhIndexes.map((j) => textAt(record.zh, j)).join('');
  const english = enIndexes.map((i) => textAt(record.en, i));
  const evidence = sentenceEvidence(english, chinese, lexicon);
  const features = chineseFeatures(chinese);
  const zhContent = features.contentPositions.length + 2 * features.anchors.length;
  const lengths = english.map(englishLength);
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
function unrenderedSentence(record: AlignedRecord, enIndexes: number[], zhIndexes: number[], ratio: number, lexicon: Lexicon): LostSentence | null {
  const reading = leastExplained(record, enIndexes, zhIndexes, lexicon);
  if (!reading) return null;
  const { evidence, explained, coverage, lengths, total, chinese, worst } = reading;
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
  return withTextScreen(chinese, (contains) => lostClauseIn(record, enIndexes, chinese, contains, lexicon, strict));
}

function lostClauseIn(record: AlignedRecord, enIndexes: number[], chinese: string, contains: Contains, lexicon: Lexicon, strict: boolean): { span: EvidenceSpan; sure: boolean } | null {
  let weak: EvidenceSpan | null = null;
  for (const index of enIndexes) {
    const sentence = record.en[index];
    if (!sentence) continue;
    const clauses = coverageOfClauses(sentence.text, chinese, contains, lexicon);
    if (clauses.length < 2) continue;
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
function lengthFindings(record: AlignedRecord, en: number[], zh: number[], ratio: number, lexicon: Lexicon | null): Finding[] {
  const zhText = zh.map((i) => textAt(record.zh, i)).join('');
  const enLen = englishLength(en.map((i) => textAt(record.en, i)).join(' '));
  const zhLen = chineseLength(zhText, ratio);
  const expected = enLen * ratio;
  const share = expected > 0 ? zhLen / expected : 1;
  if (enLen < 40) return []; // too short a sentence for a length judgement
  const lost = lexicon && share < 0.95 ? lostClause(record, en, zhText, lexicon, share >= 0.8) : null;
  const lengthMessage = {
    en: `The translation is much shorter than expected (${Math.round(zhLen)} for about ${Math.round(expected)} characters): content may be missing.`,
    'zh-CN': `译文明显短于预期（${Math.round(zhLen)} 字，预期约 ${Math.round(expected)} 字），可能有内容缺失。`,
  };
  if (lost && (lost.sure || share >= 0.6)) {
    return [{
      kind: 'omission', severity: lost.sure ? 'major' : 'minor', en, zh,
      message: { en: `Part of the English is not translated: "${lost.span.text}".`, 'zh-CN': `部分英文内容未译出：“${lost.span.text}”。` },
      evidence: [lost.span],
    }];
  }
  if (share < 0.6) return [{ kind: 'omission', severity: 'major', en, zh, message: lengthMessage, evidence: [] }];
  // Relative length varies less in long sentences (about 1/√length), so the bar for "somewhat
  // short" rises with the English length: 0.72 at 40 letters, 0.82 from 100 on.
  const bar = Math.min(0.82, Math.max(0.7, 1 - 1.8 / Math.sqrt(enLen)));
  if (share < bar) return [{ kind: 'omission', severity: 'minor', en, zh, message: lengthMessage, evidence: [] }];
  if (zhLen >= 40 && zhLen > 2.2 * expected) {
    return [{
      kind: 'addition', severity: 'minor', en, zh,
      message: {
        en: `The translation is much longer than expected (${Math.round(zhLen)} for about ${Math.round(expected)} characters): content may have been added.`,
        'zh-CN': `译文明显长于预期（${Math.round(zhLen)} 字，预期约 ${Math.round(expected)} 字），可能有增译内容。`,
      },
      evidence: [],
    }];
  }
  return [];
}
