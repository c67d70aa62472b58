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
const PARTICLE_CHARS = new Set([...'的了和与在对是为及或将被把'].map((c) => c.charCodeAt(0)));
const MAX_NGRAM = 12;
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The lexicon's translations of a unit's other English words that occur in its Chinese, longest
 * first. Blanking them out leaves where the term's own rendering can be, and keeps 创伤后应激障碍
 * (PTSD) and 治疗 (therapy) from passing for renderings of MDMA in sentences that mention all three.
 */
function blankedWords(units: readonly TermUnit[], k: number, term: string, lexicon: Lexicon | null): string[] {
  if (!lexicon) return [];
  const termStem = stemEnglish(term);
  const analysed = unitWords(units, k, lexicon);
  const { translated } = analysed;
  // Most terms (acronyms, names) are none of a unit's translated words: every such term blanks
  // the same strings, so that list is built once per unit, and no list of the words is made.
  let first = 0;
  while (first < translated.length && blanks(translated[first]!, term, termStem)) first++;
  if (first === translated.length) return (analysed.allBlanked ??= blankedStrings(translated));
  const blanking = translated.slice(0, first);
  for (let i = first + 1; i < translated.length; i++) if (blanks(translated[i]!, term, termStem)) blanking.push(translated[i]!);
  return blankedStrings(blanking);
}

/** Whether a unit's translated `word` is blanked when looking for `term`'s renderings: it is another word. */
function blanks(word: UnitWord, term: string, termStem: string): boolean {
  return !term.includes(word.raw) && word.stem !== termStem;
}

/** The translations of `words` present in the unit, distinct, longest first (ties in order of appearance). */
function blankedStrings(words: readonly UnitWord[]): string[] {
  const translations = new Set<string>();
  for (const word of words) for (const t of word.present) translations.add(t);
  return [...translations].sort(longestFirst);
}

// Throughout this file, callbacks are module-level functions (or loops, or methods) rather than
// closures made on each call: V8 drops a per-call closure's optimised code at every major GC and
// compiles it again, which over a long check was most of the term check's recompilation.
const longestFirst = (a: string, b: string): number => b.length - a.length;
const isTwoOrMore = (t: string): boolean => t.length >= 2;

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
 * Each unit's English words with their translations found in its Chinese, by units array (one
 * entry per record rather than per unit) and index. Every term of a record blanks the words of
 * every unit, so without this each unit's words were looked up and searched for once per term.
 * Checked against the unit's text and the lexicon before reuse.
 */
const unitWordCache = new WeakMap<readonly TermUnit[], (UnitAnalysis | undefined)[]>();

function unitWords(units: readonly TermUnit[], index: number, lexicon: Lexicon): UnitAnalysis {
  let analyses = unitWordCache.get(units);
  if (!analyses) unitWordCache.set(units, (analyses = []));
  const unit = units[index]!;
  const cached = analyses[index];
  if (cached && cached.en === unit.en && cached.zh === unit.zh && cached.lexicon === lexicon) return cached;
  const translated: UnitWord[] = [];
  const { en, zh } = unit;
  const table = wordTableOf(lexicon);
  markCodeUnits(zh, true);
  // The words are the runs of ASCII letters, read by code unit rather than by a regex, and looked
  // up by a hash of their code units rather than sliced out first.
  for (let k = 0; k < en.length; k++) {
    let code = en.charCodeAt(k);
    if (!isAsciiLetter(code)) continue;
    const start = k;
    let hash = code;
    while (k + 1 < en.length && isAsciiLetter((code = en.charCodeAt(k + 1)))) {
      hash = (Math.imul(hash, 31) + code) | 0;
      k++;
    }
    const word = blankingWord(table, lexicon, en, start, k + 1, hash);
    if (!word) continue;
    let found: string[] | null = null;
    const { heads } = table;
    // A translation whose first two code units are not both in the text is not there: the packed
    // heads answer most senses without reading the translation's string at all.
    for (let t = 0; t < word.translations.length; t++) {
      const head = heads[word.headsAt + t]!;
      if (hasCodeUnit(head >>> 16) && hasCodeUnit(head & 0xffff) && zh.includes(word.translations[t]!)) (found ??= []).push(word.translations[t]!);
    }
    if (found) translated.push({ raw: word.raw, stem: word.stem, present: found });
  }
  markCodeUnits(zh, false);
  const analysis: UnitAnalysis = { en, zh, lexicon, translated };
  analyses[index] = analysis;
  return analysis;
}

/**
 * A word as the blanking reads it: the word as written, its stem and the lexicon's translations
 * of two characters or more (shorter ones are never blanked). Each translation's first two code
 * units are packed into a number (first << 16 | second) at `headsAt` in its table's `heads`, one
 * array for all words, so most translations are ruled out without touching their strings.
 */
interface BlankingWord {
  raw: string;
  stem: string;
  translations: readonly string[];
  headsAt: number;
}

/**
 * Blanking words by word as written (null for stopwords and words with no translation of two
 * characters), in an open-addressing table keyed by a hash of the word's code units: a unit's
 * words are looked up straight from its English, where slicing each out for a Map look-up cost a
 * fifth of the term check. A corpus's vocabulary is small next to its word count; when the table
 * is half full it starts over.
 */
interface WordTable {
  /** Per slot, 1 + the word's index in `words`; 0 when free. */
  slots: Int32Array;
  hashes: number[];
  words: (BlankingWord | null)[];
  raws: string[];
  heads: Uint32Array;
  headsUsed: number;
}

const WORD_SLOTS = 1 << 17;
const wordTables = new WeakMap<Lexicon, WordTable>();

function wordTableOf(lexicon: Lexicon): WordTable {
  let table = wordTables.get(lexicon);
  if (!table || table.words.length >= WORD_SLOTS / 2) {
    table = { slots: new Int32Array(WORD_SLOTS), hashes: [], words: [], raws: [], heads: new Uint32Array(1 << 16), headsUsed: 0 };
    wordTables.set(lexicon, table);
  }
  return table;
}

/** The blanking word `en.slice(start, end)`, whose code units hash to `hash`. */
function blankingWord(table: WordTable, lexicon: Lexicon, en: string, start: number, end: number, hash: number): BlankingWord | null {
  let slot = hash & (WORD_SLOTS - 1);
  for (let at = table.slots[slot]!; at !== 0; at = table.slots[slot]!) {
    if (table.hashes[at - 1] === hash && sameText(table.raws[at - 1]!, en, start, end)) return table.words[at - 1]!;
    slot = (slot + 1) & (WORD_SLOTS - 1);
  }
  const raw = en.slice(start, end);
  const word = contentWord(lexicon, raw.toLowerCase());
  const translations = word ? word.translations.filter(isTwoOrMore) : [];
  let found: BlankingWord | null = null;
  if (word && translations.length > 0) {
    found = { raw, stem: word.stem, translations, headsAt: table.headsUsed };
    if (table.headsUsed + translations.length > table.heads.length) {
      const grown = new Uint32Array(Math.max(table.heads.length * 2, table.headsUsed + translations.length));
      grown.set(table.heads);
      table.heads = grown;
    }
    for (const t of translations) table.heads[table.headsUsed++] = (t.charCodeAt(0) << 16) | t.charCodeAt(1);
  }
  table.hashes.push(hash);
  table.raws.push(raw);
  table.words.push(found);
  table.slots[slot] = table.words.length;
  return found;
}

/** True when `text` is `en.slice(start, end)`. */
function sameText(text: string, en: string, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let k = 0; k < text.length; k++) if (text.charCodeAt(k) !== en.charCodeAt(start + k)) return false;
  return true;
}

/**
 * One bit per UTF-16 code unit, set for the text being read by `unitWords` and cleared after it:
 * one table for the process, since allocating one per unit cost more than the searches it spared.
 */
const CODE_UNITS = new Uint32Array(0x10000 / 32);

function markCodeUnits(text: string, on: boolean): void {
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (on) CODE_UNITS[code >>> 5]! |= 1 << (code & 31);
    else CODE_UNITS[code >>> 5] = 0;
  }
}

function hasCodeUnit(code: number): boolean {
  return (CODE_UNITS[code >>> 5]! & (1 << (code & 31))) !== 0;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/** The unit's Chinese with the blanked strings replaced by "|", longest first. */
function residueOf(units: readonly TermUnit[], k: number, blanked: readonly string[], lexicon: Lexicon | null): string {
  const unit = units[k]!;
  if (!lexicon || blanked.length === 0) return unit.zh;
  const analysis = unitWords(units, k, lexicon);
  if (blanked === analysis.allBlanked) return (analysis.allResidue ??= blankOut(unit.zh, blanked));
  return blankOut(unit.zh, blanked);
}

function blankOut(zh: string, blanked: readonly string[]): string {
  let out = zh;
  for (const t of blanked) out = out.replaceAll(t, '|');
  return out;
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
    // The term within zh.slice(from, to), found without building that slice.
    const from = Math.max(0, at - term.length - 3);
    const to = at + c.length + term.length + 3;
    const near = zh.indexOf(term, from);
    if (near < 0 || near + term.length > to) return false;
  }
  return true;
}

/**
 * The texts a shared-string search reads, by unit index, and the strings it takes: `at(k)` is the
 * text searched; `raw(k)` the unit's Chinese, which holds every string `at(k)` holds; `holds(k, c)`
 * is `at(k).includes(c)`, asked only where `raw(k)` holds `c` (so a blanked text is built only
 * where it can matter); `accepts(c, support)` whether a string held by the texts `support` counts.
 */
interface SearchTexts {
  count: number;
  at(k: number): string;
  raw(k: number): string;
  holds(k: number, c: string): boolean;
  accepts(c: string, support: readonly number[]): boolean;
}

/**
 * One term's view of a record's units: their Chinese, which keep the term in Latin, and each
 * unit's blanked words and residue, found when first needed (a unit without the term is read only
 * for strings its raw text holds, and the residue holds a string only where the raw text does,
 * which spares looking up the words of most such units).
 */
class TermView {
  readonly term: string;
  readonly units: readonly TermUnit[];
  readonly lexicon: Lexicon | null;
  readonly raw: string[];
  readonly isLatin: Uint8Array;
  private readonly blankedOf: (string[] | undefined)[] = [];
  private readonly residueOfUnit: (string | undefined)[] = [];

  constructor(term: string, units: readonly TermUnit[], lexicon: Lexicon | null, raw: string[], latin: readonly number[]) {
    this.term = term;
    this.units = units;
    this.lexicon = lexicon;
    this.raw = raw;
    this.isLatin = new Uint8Array(units.length);
    for (const k of latin) this.isLatin[k] = 1;
  }

  blankedAt(k: number): string[] {
    return (this.blankedOf[k] ??= blankedWords(this.units, k, this.term, this.lexicon));
  }

  residueAt(k: number): string {
    return (this.residueOfUnit[k] ??= residueOf(this.units, k, this.blankedAt(k), this.lexicon));
  }
}

/**
 * The first pass of `findTermRenderings`: the units' residues. The strings every pair with the
 * term holds count only where they stand beside it in Latin.
 */
class ResidueTexts implements SearchTexts {
  readonly count: number;
  private readonly view: TermView;

  constructor(view: TermView) {
    this.view = view;
    this.count = view.units.length;
  }

  at(k: number): string {
    return this.view.residueAt(k);
  }

  raw(k: number): string {
    return this.view.raw[k]!;
  }

  holds(k: number, c: string): boolean {
    return this.view.residueAt(k).includes(c);
  }

  accepts(c: string, support: readonly number[]): boolean {
    const { isLatin, raw, term } = this.view;
    for (const k of support) if (isLatin[k] && !besideTerm(raw[k]!, c, term)) return false;
    return true;
  }
}

/**
 * The second pass: the units' raw Chinese. A string counts when the first pass did not find it
 * and, in each pair holding it, the residue holds it or it swallows one blanked word whole.
 */
class WrappingTexts implements SearchTexts {
  readonly count: number;
  private readonly view: TermView;
  private readonly found: ReadonlySet<string>;

  constructor(view: TermView, found: ReadonlySet<string>) {
    this.view = view;
    this.count = view.units.length;
    this.found = found;
  }

  at(k: number): string {
    return this.view.raw[k]!;
  }

  raw(k: number): string {
    return this.view.raw[k]!;
  }

  holds(k: number, c: string): boolean {
    return this.view.raw[k]!.includes(c);
  }

  accepts(c: string, support: readonly number[]): boolean {
    if (this.found.has(c)) return false;
    for (const k of support) {
      if (!this.view.residueAt(k).includes(c) && !wrapsOneWord(this.view.raw[k]!, c, this.view.blankedAt(k))) return false;
    }
    return true;
  }
}

/**
 * The strings of 2 to MAX_NGRAM Han characters, none a particle, of the texts `from` that occur in
 * two or more of the texts `among` and in no other text, and that `texts.accepts` takes given the texts of
 * `among` holding them (their support, in `among` order): each with its support, in the order first
 * met. `from` is a subset of `among`.
 *
 * Both passes of `findTermRenderings` keep only such strings: a candidate occurs in two pairs or
 * more, all of them among a set of units (those with the term, or those translating it). Growing a
 * string only narrows where it occurs, so from each start the strings held by two texts of `among`
 * are the prefixes up to the longest one another text of `among` holds: that length is found by
 * comparing code units, with no substring built. Only the strings `texts.accepts` takes are looked for in
 * the other texts (all of them at once first, as one joined text), where a blanked text may have
 * to be built.
 */
function sharedStrings(texts: SearchTexts, from: readonly number[], among: readonly number[], wrapping?: readonly string[]): Map<string, number[]> {
  const shared = new Map<string, number[]>();
  if (among.length < 2) return shared;
  const refused = new Set<string>();
  const isAmong = new Uint8Array(texts.count);
  for (const k of among) isAmong[k] = 1;
  const elsewhere: number[] = [];
  for (let k = 0; k < texts.count; k++) if (!isAmong[k]) elsewhere.push(k);
  // Han strings cannot span the line breaks, so this holds a string iff one of those texts does.
  let elsewhereRaw: string | undefined;
  /** Per text of `among`, the length of the longest string from the current start that it holds. */
  const reach = new Int32Array(texts.count);
  const isFrom = new Uint8Array(texts.count);
  for (const i of from) {
    const s = texts.at(i);
    isFrom[i] = 1;
    const wrapEnds = wrapping && shortestEndsWrapping(s, wrapping);
    for (const run of s.matchAll(HAN_RUN)) {
      const runEnd = run.index + run[0].length;
      // A string a text of `from` read already holds was met there (a Han string of two code
      // points or more is inside that text's Han runs), so it needs no building again. Not so
      // for a lone astral character, hence only in runs of the Basic Multilingual Plane, and
      // the same holds for `wrapping` (see `findTermRenderings`).
      const bmpOnly = !SURROGATE.test(run[0]);
      for (let a = run.index; a < runEnd - 1; a++) {
        const end = candidateEnd(s, a, runEnd);
        const shortest = wrapEnds && bmpOnly ? Math.max(a + 2, wrapEnds[a]!) : a + 2;
        if (end < shortest) continue;
        const firstTwo = s.slice(a, a + 2);
        let longest = 0;
        let metBefore = 0;
        for (const k of among) {
          if (k === i) continue;
          reach[k] = longestPrefixIn(texts.at(k), s, a, end, firstTwo);
          if (reach[k]! > longest) longest = reach[k]!;
          if (bmpOnly && isFrom[k] && reach[k]! > metBefore) metBefore = reach[k]!;
        }
        for (let b = Math.max(shortest, a + metBefore + 1); b <= a + longest; b++) {
          const c = s.slice(a, b);
          if (shared.has(c) || refused.has(c)) continue;
          const support: number[] = [];
          for (const k of among) if (k === i || reach[k]! >= b - a) support.push(k);
          if (texts.accepts(c, support) && !((elsewhereRaw ??= rawJoined(texts, elsewhere)).includes(c) && heldIn(texts, elsewhere, c))) shared.set(c, support);
          else refused.add(c);
        }
      }
    }
  }
  return shared;
}

/** Whether one of the texts `ks` holds `c`. */
function heldIn(texts: SearchTexts, ks: readonly number[], c: string): boolean {
  for (const k of ks) if (texts.raw(k).includes(c) && texts.holds(k, c)) return true;
  return false;
}

/**
 * The raw texts `ks` joined by line breaks. Concatenated, not mapped and joined: see `joinedText`
 * (a `map` result switching from holey to packed deoptimised `sharedStrings`).
 */
function rawJoined(texts: SearchTexts, ks: readonly number[]): string {
  let out = '';
  for (let n = 0; n < ks.length; n++) out += (n > 0 ? '\n' : '') + texts.raw(ks[n]!);
  return out;
}

/**
 * Per start in `s`, the end of the shortest string from there holding one of `words` strictly
 * inside (past its first code unit and before its last); past the end of `s` where none does.
 */
function shortestEndsWrapping(s: string, words: readonly string[]): Int32Array {
  const ends = new Int32Array(s.length).fill(s.length + 1);
  for (const t of words) {
    for (let q = s.indexOf(t); q >= 0; q = s.indexOf(t, q + 1)) {
      const end = q + t.length + 1;
      for (let a = Math.max(0, end - MAX_NGRAM); a < q; a++) if (end < ends[a]!) ends[a] = end;
    }
  }
  return ends;
}

/** Where strings starting at `a` must end: at the run's end, MAX_NGRAM on, or before a particle. */
function candidateEnd(s: string, a: number, runEnd: number): number {
  const end = Math.min(runEnd, a + MAX_NGRAM);
  for (let k = a; k < end; k++) if (PARTICLE_CHARS.has(s.charCodeAt(k))) return k;
  return end;
}

/**
 * The length of the longest prefix of `s[a, end)` that `t` holds, when it is two or more; else 0.
 * `firstTwo` is `s.slice(a, a + 2)`: most starts have no match at all, which one native search finds.
 */
function longestPrefixIn(t: string, s: string, a: number, end: number, firstTwo: string): number {
  let longest = 0;
  for (let p = t.indexOf(firstTwo); p >= 0; p = t.indexOf(firstTwo, p + 1)) {
    let n = 2;
    while (a + n < end && p + n < t.length && s.charCodeAt(a + n) === t.charCodeAt(p + n)) n++;
    if (n > longest) longest = n;
  }
  return longest;
}

/**
 * False when no string can be a rendering, read from the raw Chinese alone. A rendering is a
 * string of a pair translating the term (its blanked text holds only strings of its raw text) that
 * another pair holds too: one translating the term, or one keeping it in Latin, and then right
 * beside it (within MAX_NGRAM + 3 characters). Its first two characters are then in that pair's
 * text, or near the term there. Terms whose pairs share no such two characters (most terms
 * translated in only one pair) need no lexicon look-up at all.
 */
function mayShareString(raw: readonly string[], translated: readonly number[], latin: readonly number[], term: string): boolean {
  const nearTerm: string[] = [];
  for (const k of latin) {
    const zh = raw[k]!;
    for (let at = zh.indexOf(term); at >= 0; at = zh.indexOf(term, at + 1)) {
      nearTerm.push(zh.slice(Math.max(0, at - MAX_NGRAM - 3), at + term.length + MAX_NGRAM + 3));
    }
  }
  // Han strings cannot span the line breaks.
  const nearLatin = nearTerm.join('\n');
  for (const i of translated) {
    const s = raw[i]!;
    for (const run of s.matchAll(HAN_RUN)) {
      const runEnd = run.index + run[0].length;
      for (let a = run.index; a < runEnd - 1; a++) {
        if (candidateEnd(s, a, runEnd) - a < 2) continue;
        const firstTwo = s.slice(a, a + 2);
        if (nearLatin.includes(firstTwo) || heldByAnother(raw, translated, i, firstTwo)) return true;
      }
    }
  }
  return false;
}

/** Whether a text of `ks` other than the `i`-th holds `s`. */
function heldByAnother(raw: readonly string[], ks: readonly number[], i: number, s: string): boolean {
  for (const j of ks) if (j !== i && raw[j]!.includes(s)) return true;
  return false;
}

/**
 * Finds how `term` is rendered in each unit that contains it. `lexicon` (optional) keeps strings
 * that translate other words of the same pairs from being taken for the term's rendering.
 */
export function findTermRenderings(term: string, units: readonly TermUnit[], lexicon: Lexicon | null): TermRenderings {
  const withTerm: number[] = [];
  const latin: number[] = [];
  const translated: number[] = [];
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (!containsTerm(u.en, term)) continue;
    withTerm.push(i);
    (containsTerm(u.zh, term) ? latin : translated).push(i);
  }
  // Every candidate below is a string of a unit where the term is translated: with none, the
  // term is kept in Latin wherever it occurs, and nothing needs blanking or searching.
  if (translated.length === 0) return keptOrUnidentified(term, withTerm, latin, translated);
  const raw: string[] = [];
  for (const u of units) raw.push(u.zh);
  if (!mayShareString(raw, translated, latin, term)) return keptOrUnidentified(term, withTerm, latin, translated);

  const view = new TermView(term, units, lexicon, raw, latin);
  const candidates = [...sharedStrings(new ResidueTexts(view), translated, withTerm)];
  // A name may contain a word that translates another word of its sentence (生血小板胶囊 holds
  // 血小板, "platelet"): strings of the raw text that swallow a blanked word whole count too, when
  // they occur only where the term is translated, never where it is kept in Latin.
  const found = new Set<string>();
  for (const [c] of candidates) found.add(c);
  // Such a string holds a blanked word strictly inside: any other string found here is held by the
  // blanked text of each pair holding it, so the first pass met it (as a Han string of two code
  // points or more, which a blanked text holds only inside its Han runs) and took it or refused it
  // there for a reason that holds here too. So only strings around a blanked word are read.
  const blankedInTranslated = new Set<string>();
  for (const k of translated) for (const t of view.blankedAt(k)) blankedInTranslated.add(t);
  candidates.push(...sharedStrings(new WrappingTexts(view, found), translated, translated, [...blankedInTranslated]));
  const maximal = maximalCandidates(candidates);
  // Longer and more frequent first: a shared morpheme (胶囊 in two capsule names) loses to the names.
  maximal.sort(longerAndMoreFrequentFirst);

  const renderings: Rendering[] = [];
  if (latin.length) renderings.push({ text: term, latin: true, units: latin });
  const covered = new Set<number>();
  for (const [c, z] of maximal) {
    if (overlapsRendering(renderings, c)) continue;
    if (!coversNew(z, translated, covered)) continue;
    // Two renderings of one term stand in different sentences; strings that meet in one sentence
    // translate different words of it.
    if (sharesSentence(renderings, z)) continue;
    renderings.push({ text: c, latin: false, units: z });
    for (const k of z) covered.add(k);
  }
  const unidentified: number[] = [];
  for (const k of translated) if (!covered.has(k)) unidentified.push(k);
  return { term, units: withTerm, renderings, unidentified };
}

function keptOrUnidentified(term: string, withTerm: number[], latin: number[], translated: number[]): TermRenderings {
  return { term, units: withTerm, renderings: latin.length ? [{ text: term, latin: true, units: latin }] : [], unidentified: translated };
}

type Candidate = [string, number[]];

/** Maximal strings: a candidate is dropped when a longer one containing it has the same support. */
function maximalCandidates(candidates: readonly Candidate[]): Candidate[] {
  const maximal: Candidate[] = [];
  for (const candidate of candidates) {
    const [c, z] = candidate;
    let swallowed = false;
    for (const [d, y] of candidates) {
      if (d.length > c.length && d.includes(c) && y.length === z.length) {
        swallowed = true;
        break;
      }
    }
    if (!swallowed) maximal.push(candidate);
  }
  return maximal;
}

const longerAndMoreFrequentFirst = (a: Candidate, b: Candidate): number =>
  b[0].length * b[1].length - a[0].length * a[1].length || b[0].length - a[0].length;

/** Whether `c` is inside a rendering or holds one. */
function overlapsRendering(renderings: readonly Rendering[], c: string): boolean {
  for (const r of renderings) if (r.text.includes(c) || c.includes(r.text)) return true;
  return false;
}

/** Whether `z` has a unit translating the term that no rendering covers yet. */
function coversNew(z: readonly number[], translated: readonly number[], covered: ReadonlySet<number>): boolean {
  for (const k of z) if (translated.includes(k) && !covered.has(k)) return true;
  return false;
}

/** Whether a Chinese rendering stands in a unit of `z`. */
function sharesSentence(renderings: readonly Rendering[], z: readonly number[]): boolean {
  for (const r of renderings) {
    if (r.latin) continue;
    for (const k of r.units) if (z.includes(k)) return true;
  }
  return false;
}
