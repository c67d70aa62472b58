/**
 * `untranslated`: English words left in the Chinese. Chinese scientific writing keeps some Latin
 * script by convention, and those stay quiet: acronyms and mixed-case codes (PTSD, mRNA, HbA1c),
 * anything with a digit (IL-6, COVID-19), units, chemical formulas (CO2, NaCl), proper names kept
 * verbatim (trial names, software, places: capitalised in the English mid-sentence), Latin species
 * names (Escherichia coli) and fixed Latin phrases (in vitro, et al.).
 */
import { matchUnit } from '../numbers/units.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { stemEnglish } from '../lexicon/englishWords.ts';
import { pairFinding, span } from './findingFactory.ts';
import { packedMap } from '../collections/packedMap.ts';
import type { AlignedPair, EvidenceSpan, Finding, PairSentence } from './types.ts';

const LATIN_PHRASES = ['in vitro', 'in vivo', 'in situ', 'ex vivo', 'in silico', 'de novo', 'et al', 'per se', 'vs', 'versus', 'post hoc', 'ad hoc', 'a priori', 'e.g', 'i.e', 'etc'];
/** Single lower-case letters and two-letter symbols a Chinese text uses as variables or statistics. */
const SYMBOLS = /^(?:[a-z]|[a-z]{2})$/;

/** Matching bracket positions, nested ones included ("(Bis-(3′-5′) cyclic diguanylic acid, c-di-GMP)"). */
function bracketPairs(text: string): [number, number][] {
  const pairs: [number, number][] = [];
  const stack: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '（') stack.push(i);
    else if ((c === ')' || c === '）') && stack.length) pairs.push([stack.pop() ?? 0, i]);
  }
  return pairs;
}

interface LatinWord {
  word: string;
  start: number;
  end: number;
}

/** Built once (a regex literal in a function is a new object per call), run by `exec` from 0. */
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’]*(?:-[A-Za-z0-9]+)*/g;

function latinWords(text: string): LatinWord[] {
  const words: LatinWord[] = [];
  LATIN_WORD.lastIndex = 0;
  for (let m = LATIN_WORD.exec(text); m !== null; m = LATIN_WORD.exec(text)) words.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return words;
}

/** Latin binomials the English writes ("Escherichia coli"), lower-cased, to keep their epithet. */
function binomials(english: string): Set<string> {
  const names = new Set<string>();
  for (const m of english.matchAll(/\b([A-Z][a-z]+) ([a-z]{3,})\b/g)) names.add(`${(m[1] ?? '').toLowerCase()} ${m[2] ?? ''}`);
  return names;
}

/**
 * Whether a Latin word of a Chinese sentence is kept there by convention. `names` gives the
 * binomials of the English, found only when a word might be an epithet.
 */
function isConventional(w: LatinWord, text: string, names: () => Set<string>, previousGenus: string | null): boolean {
  const { word } = w;
  if (/\d/.test(word)) return true; // codes, formulas, genes: IL-6, CO2, p53
  if (/[A-Z]/.test(word.slice(1))) return true; // acronyms and mixed-case codes: PTSD, mRNA, HbA1c
  if (SYMBOLS.test(word)) return true;
  if (matchUnit(text, w.start)?.length === word.length) return true;
  // A capitalised word kept in Chinese is a name (trial, software, place, genus): an untranslated
  // common word would be lower case, since Chinese has no sentence-initial capitals to inherit.
  if (/^[A-Z]/.test(word)) return true;
  // Gene and protein names written with a Greek prefix: β-actin, α-synuclein.
  if (/[\u0370-\u03ff]-$/.test(text.slice(Math.max(0, w.start - 2), w.start))) return true;
  // A species epithet after an abbreviated genus: "T. reesei".
  if (/\b[A-Z]\.\s?$/.test(text.slice(Math.max(0, w.start - 4), w.start)) && /^[a-z]+$/.test(word)) return true;
  // The epithet of a binomial follows its kept genus: "Escherichia coli", "Staphylococcus aureus".
  if (previousGenus && /^[a-z]+$/.test(word) && (/^[a-z]+(?:us|um|a|is|i|ae|ii|ensis|ica|ans|ens)$/.test(word) || names().has(`${previousGenus} ${word}`))) return true;
  return false;
}

/**
 * Per position of a Chinese sentence, whether it is in a fixed Latin phrase (in vitro, et al.) or
 * a bracketed Latin-only gloss. Built only for a sentence with a word no convention keeps: most
 * Latin in Chinese is acronyms, codes and units.
 */
function phraseAndGlossMask(text: string): boolean[] {
  const lower = text.toLowerCase();
  const latinMask = new Array<boolean>(text.length).fill(false);
  for (const phrase of LATIN_PHRASES) {
    for (let i = lower.indexOf(phrase); i >= 0; i = lower.indexOf(phrase, i + 1)) {
      if (/[a-z]/.test(lower[i - 1] ?? '') || /[a-z]/.test(lower[i + phrase.length] ?? '')) continue;
      latinMask.fill(true, i, i + phrase.length);
    }
  }
  // An English gloss in brackets, "表皮生长因子受体（epidermal growth factor receptor, EGFR）",
  // is how Chinese medical writing introduces a term: bracketed Latin-only text stays quiet.
  for (const [open, close] of bracketPairs(text)) {
    const inner = text.slice(open + 1, close);
    if (/[A-Za-z]/.test(inner) && !/\p{Script=Han}/u.test(inner)) latinMask.fill(true, open, close + 1);
  }
  return latinMask;
}

// Module-level helpers rather than closures made on each call: V8 drops a per-call closure's
// optimised code at every major GC and compiles it again.
const sentenceText = (s: PairSentence): string => s.text;
const lowerCaseText = (s: PairSentence): string => s.text.toLowerCase();

/** Whether a word of the run is in the dictionary. */
function hasDictionaryWord(run: readonly LatinWord[], lexicon: Lexicon): boolean {
  for (const w of run) if (lexicon.translations(stemEnglish(w.word.toLowerCase())).length > 0) return true;
  return false;
}

/**
 * Finds runs of English words in the Chinese side of a pair that a translator should have
 * translated. One finding per run. Major for a phrase of two or more words at least one of which
 * is an ordinary dictionary word (with `lexicon`; any phrase without one): an English phrase in
 * Chinese is almost always a lapse. Minor for a single word, which is as often a technical term
 * kept on purpose (logistic 回归, mimecan 蛋白) as one left by mistake (indirubin).
 */
export function findUntranslated(pair: AlignedPair, lexicon: Lexicon | null = null): Finding[] {
  let names: Set<string> | null = null;
  const binomialNames = () => (names ??= binomials(pair.en.map(sentenceText).join(' ')));
  // The English lower-cased once per pair, for the evidence of every run, and only for a pair that has a run.
  let lowerEnglish: string[] | null = null;
  const findings: Finding[] = [];
  for (const sentence of pair.zh) {
    const text = sentence.text;
    // Without a Latin letter a sentence has no English word to report.
    if (!/[A-Za-z]/.test(text)) continue;
    let latinMask: boolean[] | null = null;
    const runs: LatinWord[][] = [];
    let previousGenus: string | null = null;
    let current: LatinWord[] = [];
    let lastEnd = -1;
    for (const w of latinWords(text)) {
      const kept = isConventional(w, text, binomialNames, previousGenus) || (latinMask ??= phraseAndGlossMask(text))[w.start];
      previousGenus = /^[A-Z][a-z]+$/.test(w.word) ? w.word.toLowerCase() : null;
      const adjacent = lastEnd >= 0 && /^[\s-]*$/.test(text.slice(lastEnd, w.start));
      if (kept) {
        if (current.length) runs.push(current);
        current = [];
      } else {
        if (!adjacent && current.length) {
          runs.push(current);
          current = [];
        }
        current.push(w);
      }
      lastEnd = w.end;
    }
    if (current.length) runs.push(current);
    for (const run of runs) {
      const first = run[0];
      const last = run[run.length - 1];
      if (!first || !last) continue;
      const start = first.start;
      const end = last.end;
      const phrase = text.slice(start, end);
      const ordinary = !lexicon || hasDictionaryWord(run, lexicon);
      const severity = run.length > 1 && ordinary ? 'major' : 'minor';
      const evidence: EvidenceSpan[] = [span('zh', sentence, start, end)];
      const lowerPhrase = phrase.toLowerCase();
      lowerEnglish ??= packedMap(pair.en, lowerCaseText);
      for (let k = 0; k < pair.en.length; k++) {
        const at = lowerEnglish[k]!.indexOf(lowerPhrase);
        if (at >= 0) evidence.push(span('en', pair.en[k]!, at, at + phrase.length));
      }
      findings.push(pairFinding('untranslated', severity, pair,
        `Left in English: "${phrase}".`,
        `未翻译的英文：“${phrase}”。`, evidence));
    }
  }
  return findings;
}
