/**
 * How one English term is rendered across the aligned pairs of a record: kept verbatim in Latin
 * script, or translated — and if translated, as which Chinese strings.
 *
 * Renderings are found by co-occurrence over the alignment, not from a list: a Chinese string is
 * a rendering of term T when it occurs in the Chinese of two or more pairs whose English has T,
 * never in a pair whose English lacks T, and the lexicon does not explain it as the translation
 * of another word of those pairs. Maximal strings win (亚甲二氧基甲基苯丙胺, not 甲基苯丙).
 */
import { contentWord, type Lexicon } from '../lexicon/lexicon.ts';
import { stemEnglish } from '../lexicon/englishWords.ts';
import { containsTerm } from './termCandidates.ts';
import { withTextScreen } from '../checks/textScreen.ts';

/** One aligned pair as the term analysis sees it. */
export interface TermUnit {
  en: string;
  zh: string;
}

export interface Rendering {
  /** The Chinese string, or the term itself when kept in Latin script. */
  text: string;
  latin: boolean;
  /** Indices into the units array. */
  units: number[];
}

export interface TermRenderings {
  term: string;
  /** Units whose English contains the term. */
  units: number[];
  renderings: Rendering[];
  /** Units translated with no identified rendering (the term is absent in Latin and no repeated string found). */
  unidentified: number[];
}

const HAN_RUN = /\p{Script=Han}{2,}/gu;
/** Function characters that mark a phrase, not a name: a rendering of a term holds none of them. */
const PARTICLES = /[的了和与在对是为及或将被把]/;
const PARTICLE_CHARS = new Set([...'的了和与在对是为及或将被把'].map((c) => c.charCodeAt(0)));
const MAX_NGRAM = 12;

/**
 * The lexicon's translations of a unit's other English words that occur in its Chinese, longest
 * first. Blanking them out leaves where the term's own rendering can be, and keeps 创伤后应激障碍
 * (PTSD) and 治疗 (therapy) from passing for renderings of MDMA in sentences that mention all three.
 */
function blankedWords(unit: TermUnit, term: string, lexicon: Lexicon | null): string[] {
  if (!lexicon) return [];
  const termStem = stemEnglish(term);
  const analysed = unitWords(unit, lexicon);
  const blanks = (word: UnitWord) => !term.includes(word.raw) && word.stem !== termStem;
  // Most terms (acronyms, names) are none of a unit's translated words: every such term blanks
  // the same strings, so that list is built once per unit.
  if (analysed.translated.every(blanks)) return (analysed.allBlanked ??= blankedStrings(analysed.translated));
  return blankedStrings(analysed.translated.filter(blanks));
}

/** The translations of `words` present in the unit, distinct, longest first (ties in order of appearance). */
function blankedStrings(words: readonly UnitWord[]): string[] {
  const translations = new Set<string>();
  for (const word of words) for (const t of word.present) translations.add(t);
  return [...translations].sort((a, b) => b.length - a.length);
}

interface UnitWord {
  raw: string;
  stem: string;
  /** The lexicon's translations of the word (two characters or more) that occur in the unit's Chinese. */
  present: string[];
}

interface UnitAnalysis {
  en: string;
  zh: string;
  lexicon: Lexicon;
  /** The unit's words that are no stopword and have a translation present: the only ones that blank anything. */
  translated: UnitWord[];
  /** `blankedStrings(translated)`, once asked for: what every term that is none of these words blanks. */
  allBlanked?: string[];
  /** The unit's Chinese with `allBlanked` blanked out. */
  allResidue?: string;
}

/**
 * A unit's English words with their translations found in its Chinese, by unit. Every term of a
 * record blanks the words of every unit, so without this each unit's words were looked up and
 * searched for once per term. Checked against the unit's text and the lexicon before reuse.
 */
const unitWordCache = new WeakMap<TermUnit, UnitAnalysis>();

function unitWords(unit: TermUnit, lexicon: Lexicon): UnitAnalysis {
  const cached = unitWordCache.get(unit);
  if (cached && cached.en === unit.en && cached.zh === unit.zh && cached.lexicon === lexicon) return cached;
  const translated: UnitWord[] = [];
  const en = unit.en;
  // Most of a word's senses are not in the Chinese: the screen answers most of them from the
  // text's code units, where a pair table per unit cost an allocation each.
  withTextScreen(unit.zh, (contains) => {
    // The words are the runs of ASCII letters, read by code unit rather than by a regex.
    for (let k = 0; k < en.length; k++) {
      if (!isAsciiLetter(en.charCodeAt(k))) continue;
      const start = k;
      while (k + 1 < en.length && isAsciiLetter(en.charCodeAt(k + 1))) k++;
      const raw = en.slice(start, k + 1);
      const word = contentWord(lexicon, raw.toLowerCase());
      if (!word) continue;
      let found: string[] | null = null;
      for (const t of word.translations) if (t.length >= 2 && contains(t)) (found ??= []).push(t);
      if (found) translated.push({ raw, stem: word.stem, present: found });
    }
  });
  const analysis: UnitAnalysis = { en: unit.en, zh: unit.zh, lexicon, translated };
  unitWordCache.set(unit, analysis);
  return analysis;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The unit's Chinese with the blanked strings replaced by "|", longest first. */
function residueOf(unit: TermUnit, blanked: readonly string[], lexicon: Lexicon | null): string {
  const blank = () => blanked.reduce((zh, t) => zh.split(t).join('|'), unit.zh);
  if (!lexicon || blanked.length === 0) return unit.zh;
  const analysis = unitWords(unit, lexicon);
  if (blanked === analysis.allBlanked) return (analysis.allResidue ??= blank());
  return blank();
}

/**
 * True when `c` holds exactly one dictionary word strictly inside (生血小板胶囊 around 血小板) and
 * cuts through none: a longer name around a word, not a fragment across two phrases.
 */
function wrapsOneWord(raw: string, c: string, words: readonly string[]): boolean {
  const at = raw.indexOf(c);
  if (at < 0) return false;
  const end = at + c.length;
  let inside = 0;
  for (const t of words) {
    for (let i = raw.indexOf(t); i >= 0; i = raw.indexOf(t, i + 1)) {
      const j = i + t.length;
      if (j <= at || i >= end) continue;
      if (i <= at || j >= end) return false; // cut through, or at an edge
      inside++;
    }
  }
  return inside === 1;
}

/**
 * True when every occurrence of `c` stands right beside the term in Latin, as in a first-mention
 * expansion "亚甲二氧基甲基苯丙胺（MDMA）": there both are one rendering. Elsewhere in a pair that keeps
 * the term in Latin, `c` translates something else.
 */
function besideTerm(zh: string, c: string, term: string): boolean {
  for (let at = zh.indexOf(c); at >= 0; at = zh.indexOf(c, at + 1)) {
    const around = zh.slice(Math.max(0, at - term.length - 3), at + c.length + term.length + 3);
    if (!around.includes(term)) return false;
  }
  return true;
}

/**
 * The texts `sharedStrings` reads, by unit index: `at(k)` is the text; `holds(k, c)` is
 * `at(k).includes(c)`, which may be answered without reading `at(k)` (a blanked text is read
 * only where the raw one holds `c`).
 */
interface TextsOf {
  count: number;
  at(k: number): string;
  holds(k: number, c: string): boolean;
}

/**
 * The strings of 2 to MAX_NGRAM Han characters, none a particle, of the texts `from` that occur in
 * two or more of the texts `among`, each with every text that holds it (its support, in text
 * order), in the order first met.
 *
 * Both passes of `findTermRenderings` keep only strings found in two texts or more, all of them
 * among a set of units (those with the term, or those translating it). So a string in fewer than
 * two of those is no candidate, and since growing a string only narrows where it occurs, and keeps
 * every character it holds, no longer string from the same start is one either: the search stops
 * there. Only the strings that pass are looked for in the other texts, which spares searching
 * every unit for every common word the units share.
 */
function sharedStrings(texts: TextsOf, from: readonly number[], among: readonly number[]): Map<string, number[]> {
  const shared = new Map<string, number[]>();
  /** Per string met, the texts of `among` holding it. */
  const seen = new Map<string, readonly number[]>();
  const isAmong = new Uint8Array(texts.count);
  for (const k of among) isAmong[k] = 1;
  const every = Array.from({ length: texts.count }, (_, k) => k);
  for (const i of from) {
    for (const run of texts.at(i).matchAll(HAN_RUN)) {
      const s = run[0];
      for (let a = 0; a < s.length; a++) {
        let within = among;
        for (let b = a + 2; b <= Math.min(s.length, a + MAX_NGRAM); b++) {
          if (PARTICLE_CHARS.has(s.charCodeAt(b - 1)) || (b === a + 2 && PARTICLE_CHARS.has(s.charCodeAt(a)))) break;
          const c = s.slice(a, b);
          let found = seen.get(c);
          if (!found) {
            const inAmong = within.filter((k) => texts.at(k).includes(c));
            seen.set(c, inAmong);
            if (inAmong.length >= 2) shared.set(c, every.filter((k) => (isAmong[k] ? inAmong.includes(k) : texts.holds(k, c))));
            found = inAmong;
          }
          if (found.length < 2) break;
          within = found;
        }
      }
    }
  }
  return shared;
}

/**
 * Finds how `term` is rendered in each unit that contains it. `lexicon` (optional) keeps strings
 * that translate other words of the same pairs from being taken for the term's rendering.
 */
export function findTermRenderings(term: string, units: readonly TermUnit[], lexicon: Lexicon | null): TermRenderings {
  const withTerm = units.flatMap((u, i) => (containsTerm(u.en, term) ? [i] : []));
  const inTerm = new Set(withTerm);
  const latin = withTerm.filter((i) => containsTerm(units[i]?.zh ?? '', term));
  const translated = withTerm.filter((i) => !latin.includes(i));
  // Every candidate below is a string of a unit where the term is translated: with none, the
  // term is kept in Latin wherever it occurs, and nothing needs blanking or searching.
  if (translated.length === 0) {
    return { term, units: withTerm, renderings: latin.length ? [{ text: term, latin: true, units: latin }] : [], unidentified: [] };
  }

  // Each unit's blanked words and residue, found when first needed: a unit without the term is
  // read only for strings its raw text holds (the residue holds a string only where the raw text
  // does), which spares looking up the words of most such units.
  const blankedOf: (string[] | undefined)[] = [];
  const residueOfUnit: (string | undefined)[] = [];
  const blankedAt = (k: number) => (blankedOf[k] ??= blankedWords(units[k]!, term, lexicon));
  const residueAt = (k: number) => (residueOfUnit[k] ??= residueOf(units[k]!, blankedAt(k), lexicon));
  const raw = units.map((u) => u.zh);
  const residues: TextsOf = { count: units.length, at: residueAt, holds: (k, c) => raw[k]!.includes(c) && residueAt(k).includes(c) };
  const raws: TextsOf = { count: units.length, at: (k) => raw[k]!, holds: (k, c) => raw[k]!.includes(c) };
  const candidates = [...sharedStrings(residues, translated, withTerm).entries()].filter(([c, z]) =>
    !PARTICLES.test(c) && z.length >= 2 && z.every((k) => inTerm.has(k) && (!latin.includes(k) || besideTerm(units[k]?.zh ?? '', c, term))));
  // A name may contain a word that translates another word of its sentence (生血小板胶囊 holds
  // 血小板, "platelet"): strings of the raw text that swallow a blanked word whole count too, when
  // they occur only where the term is translated, never where it is kept in Latin.
  for (const [c, z] of sharedStrings(raws, translated, translated)) {
    if (z.length < 2 || !z.every((k) => inTerm.has(k) && !latin.includes(k))) continue;
    if (PARTICLES.test(c) || candidates.some(([d]) => d === c)) continue;
    const wraps = (k: number) => residueAt(k).includes(c) || wrapsOneWord(raw[k] ?? '', c, blankedAt(k));
    if (z.every(wraps)) candidates.push([c, z]);
  }
  // Keep maximal strings: drop c when a longer candidate containing it has the same support.
  const maximal = candidates.filter(([c, z]) => !candidates.some(([d, y]) => d.length > c.length && d.includes(c) && y.length === z.length));
  // Longer and more frequent first: a shared morpheme (胶囊 in two capsule names) loses to the names.
  maximal.sort((a, b) => b[0].length * b[1].length - a[0].length * a[1].length || b[0].length - a[0].length);

  const renderings: Rendering[] = [];
  if (latin.length) renderings.push({ text: term, latin: true, units: latin });
  const covered = new Set<number>();
  for (const [c, z] of maximal) {
    if (renderings.some((r) => r.text.includes(c) || c.includes(r.text))) continue;
    if (!z.some((k) => translated.includes(k) && !covered.has(k))) continue;
    // Two renderings of one term stand in different sentences; strings that meet in one sentence
    // translate different words of it.
    if (renderings.some((r) => !r.latin && r.units.some((k) => z.includes(k)))) continue;
    renderings.push({ text: c, latin: false, units: z });
    for (const k of z) covered.add(k);
  }
  return { term, units: withTerm, renderings, unidentified: translated.filter((k) => !covered.has(k)) };
}
