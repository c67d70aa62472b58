/**
 * `number-mismatch`: the quantities of an aligned pair differ once both sides are normalised
 * (digits, Chinese and English number words, percentages, p-values, interval bounds, units).
 */
import { extractNumbers, type NumberToken } from '../numbers/extractNumbers.ts';
import { isClinicalUnit, unitDimension } from '../numbers/units.ts';
import { pairFinding, span } from './findingFactory.ts';
import type { AlignedPair, EvidenceSpan, Finding, PairSentence } from './types.ts';
import { packedMap } from '../collections/packedMap.ts';
import { ascending } from '../collections/ascending.ts';

interface Located extends NumberToken {
  sentence: PairSentence;
  /** What is compared: the value's magnitude to six significant digits (never NaN, as no value is). */
  key: number;
}

/** Compares values, not spellings: 3,150 = 3150 = 三千一百五十; 1/3 = 三分之一 to 6 digits. */
function keyOf(value: number): number {
  const magnitude = Math.abs(value);
  // Most values are integers of at most six digits, which six significant digits hold exactly.
  if (Number.isInteger(magnitude) && magnitude < 1e6) return magnitude;
  return Number(magnitude.toPrecision(6));
}

function locate(sentences: PairSentence[], lang: 'en' | 'zh'): Located[] {
  const out: Located[] = [];
  for (const sentence of sentences) {
    // The tokens are fresh objects of this call: located in place rather than copied.
    for (const token of extractNumbers(sentence.text, lang)) {
      const located = token as Located;
      located.sentence = sentence;
      located.key = keyOf(token.value);
      out.push(located);
    }
  }
  return out;
}

/**
 * The hard tokens each side leaves unmatched. Tokens are matched by value, as multisets: a value
 * one side has n more times than the other leaves n of that side's tokens unmatched. (This is
 * what a minimal diff of the two sorted key lists says, whose common part is the multisets'
 * intersection, without building the diff.) Values are taken in the order of their keys as
 * strings (sort's default); among tokens with the same value, soft ones are left unmatched first,
 * so a hard "two" pairs with a hard 两.
 */
function unmatchedHard(en: Located[], zh: Located[]): { en: Located[]; zh: Located[] } {
  // No hard token (soft ones are never reported), or the same values on both sides: nothing to report.
  if ((!en.some(isHard) && !zh.some(isHard)) || sameKeys(en, zh)) return { en: [], zh: [] };
  const enCounts = countKeys(en);
  const zhCounts = countKeys(zh);
  return { en: hardLeftOver(en, enCounts, zhCounts), zh: hardLeftOver(zh, zhCounts, enCounts) };
}

function hardLeftOver(tokens: Located[], counts: Map<number, number>, other: Map<number, number>): Located[] {
  const out: Located[] = [];
  // Soft tokens are never reported: a side without a hard one (often) has nothing to say.
  if (!tokens.some(isHard)) return out;
  for (const k of [...counts.keys()].sort()) {
    const n = (counts.get(k) ?? 0) - (other.get(k) ?? 0);
    if (n <= 0) continue;
    // The first n of the tokens with this value, soft ones first: the soft ones, then as many hard
    // ones as are left, in order.
    let hardLeft = n;
    for (const t of tokens) if (t.key === k && !t.hard) hardLeft--;
    for (let i = 0; i < tokens.length && hardLeft > 0; i++) {
      const t = tokens[i]!;
      if (t.key === k && t.hard) {
        out.push(t);
        hardLeft--;
      }
    }
  }
  return out;
}

// Callbacks here are module-level functions and loops rather than closures made on each call: V8
// drops a per-call closure's optimised code at every major GC and compiles it again.
const isHard = (t: Located): boolean => t.hard;
const keyOfToken = (t: Located): number => t.key;

function sameKeys(en: Located[], zh: Located[]): boolean {
  if (en.length !== zh.length) return false;
  const enKeys = packedMap(en, keyOfToken).sort(ascending);
  const zhKeys = packedMap(zh, keyOfToken).sort(ascending);
  for (let i = 0; i < enKeys.length; i++) if (enKeys[i] !== zhKeys[i]) return false;
  return true;
}

function countKeys(tokens: Located[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const t of tokens) counts.set(t.key, (counts.get(t.key) ?? 0) + 1);
  return counts;
}

/** Same value written with units of one dimension that differ ("5 mg" ↔ "5克"). */
function unitConflicts(en: Located[], zh: Located[]): [Located, Located][] {
  const out: [Located, Located][] = [];
  for (const e of en) {
    if (!e.unit) continue;
    // The first Chinese token of the same value with a unit of the same dimension, unless one has the same unit.
    const dimension = unitDimension(e.unit);
    let clash: Located | null = null;
    let sameUnit = false;
    for (const z of zh) {
      if (z.key !== e.key || !z.unit) continue;
      if (z.unit === e.unit) {
        sameUnit = true;
        break;
      }
      if (clash === null && unitDimension(z.unit) === dimension) clash = z;
    }
    if (clash && !sameUnit) out.push([e, clash]);
  }
  return out;
}

function isClinical(t: Located): boolean {
  return t.kind !== 'number' || isClinicalUnit(t.unit);
}

function list(tokens: Located[]): string {
  if (tokens.length === 0) return '—';
  let out = '';
  for (let k = 0; k < tokens.length; k++) out += (k > 0 ? ', ' : '') + tokens[k]!.text.trim();
  return out;
}

/** Evidence: each missing English token, then each extra Chinese one. */
function mismatchSpans(missing: Located[], extra: Located[]): EvidenceSpan[] {
  const out: EvidenceSpan[] = [];
  for (const t of missing) out.push(span('en', t.sentence, t.start, t.end));
  for (const t of extra) out.push(span('zh', t.sentence, t.start, t.end));
  return out;
}

/**
 * Finds quantities that differ between the two sides of one aligned pair. Critical when a
 * clinical quantity changed (percentage, p-value, interval bound, dose or concentration),
 * major otherwise. Pairs with an empty side are the omission/addition checks' business.
 */
export function findNumberMismatches(pair: AlignedPair): Finding[] {
  if (pair.en.length === 0 || pair.zh.length === 0) return [];
  const en = locate(pair.en, 'en');
  const zh = locate(pair.zh, 'zh');
  if (en.length === 0 && zh.length === 0) return [];
  const { en: missing, zh: extra } = unmatchedHard(en, zh);
  const findings: Finding[] = [];
  if (missing.length > 0 || extra.length > 0) {
    // A changed quantity has unmatched numbers on both sides. A number present on one side only is
    // as often a translator's liberty ("four phases: …" listed without the count) as a loss, so it
    // is minor unless it is a clinical quantity.
    const clinical = missing.some(isClinical) || extra.some(isClinical);
    const changed = missing.length > 0 && extra.length > 0;
    const severity = changed ? (clinical ? 'critical' : 'major') : clinical ? 'major' : 'minor';
    findings.push(pairFinding('number-mismatch', severity, pair,
      `Numbers differ: English has ${list(missing)}, Chinese has ${list(extra)}.`,
      `数字不一致：英文为 ${list(missing)}，中文为 ${list(extra)}。`,
      mismatchSpans(missing, extra)));
  }
  for (const [e, z] of unitConflicts(en, zh)) {
    findings.push(pairFinding('number-mismatch', isClinicalUnit(e.unit) || isClinicalUnit(z.unit) ? 'critical' : 'major', pair,
      `Unit differs for ${e.text}: English ${e.unit}, Chinese ${z.unit}.`,
      `${z.text} 的单位不一致：英文为 ${e.unit}，中文为 ${z.unit}。`,
      [span('en', e.sentence, e.start, e.end), span('zh', z.sentence, z.start, z.end)]));
  }
  return findings;
}
