/**
 * How one English term is rendered across the aligned pairs of a record: kept verbatim in Latin
 * script, or translated — and if translated, as which Chinese strings.
 *
 * Renderings are found by co-occurrence over the alignment, not from a list: a Chinese string is
 * a rendering of term T when it occurs in the Chinese of two or more pairs whose English has T,
 * never in a pair whose English lacks T, and the lexicon does not explain it as the translation
 * of another word of those pairs. Maximal strings win (亚甲二氧基甲基苯丙胺, not 甲基苯丙).
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { isEnglishStopword, stemEnglish } from '../lexicon/englishWords.ts';
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
const MAX_NGRAM = 12;

/**
 * The Chinese of a unit with the translations of its other English words blanked out: what is
 * left is where the term's own rendering can be. Blanking by lexicon entries keeps 创伤后应激障碍
 * (PTSD) and 治疗 (therapy) from passing for renderings of MDMA in sentences that mention all three.
 */
function unexplained(unit: TermUnit, term: string, lexicon: Lexicon | null): string {
  let zh = unit.zh;
  if (!lexicon) return zh;
  const termStem = stemEnglish(term);
  const translations = new Set<string>();
  for (const m of unit.en.matchAll(/[A-Za-z]+/g)) {
    const lower = m[0].toLowerCase();
    if (term.includes(m[0]) || isEnglishStopword(lower)) continue;
    const stem = stemEnglish(lower);
    if (stem === termStem) continue;
    for (const t of lexicon.translations(stem)) if (t.length >= 2) translations.add(t);
  }
  for (const t of [...translations].sort((a, b) => b.length - a.length)) zh = zh.split(t).join('|');
  return zh;
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
 * Finds how `term` is rendered in each unit that contains it. `lexicon` (optional) keeps strings
 * that translate other words of the same pairs from being taken for the term's rendering.
 */
export function findTermRenderings(term: string, units: readonly TermUnit[], lexicon: Lexicon | null): TermRenderings {
  const withTerm = units.flatMap((u, i) => (containsTerm(u.en, term) ? [i] : []));
  const inTerm = new Set(withTerm);
  const latin = withTerm.filter((i) => containsTerm(units[i]?.zh ?? '', term));
  const translated = withTerm.filter((i) => !latin.includes(i));

  const residue = units.map((u) => unexplained(u, term, lexicon));
  const support = new Map<string, number[]>();
  for (const i of translated) {
    for (const run of (residue[i] ?? '').matchAll(HAN_RUN)) {
      const s = run[0];
      for (let a = 0; a < s.length; a++) {
        for (let b = a + 2; b <= Math.min(s.length, a + MAX_NGRAM); b++) {
          const c = s.slice(a, b);
          if (support.has(c)) continue;
          const z = residue.flatMap((r, k) => (r.includes(c) ? [k] : []));
          support.set(c, z);
        }
      }
    }
  }
  const candidates = [...support.entries()].filter(([c, z]) =>
    z.length >= 2 && z.every((k) => inTerm.has(k) && (!latin.includes(k) || besideTerm(units[k]?.zh ?? '', c, term))));
  // Keep maximal strings: drop c when a longer candidate containing it has the same support.
  const maximal = candidates.filter(([c, z]) => !candidates.some(([d, y]) => d.length > c.length && d.includes(c) && y.length === z.length));
  maximal.sort((a, b) => b[1].length - a[1].length || b[0].length - a[0].length);

  const renderings: Rendering[] = [];
  if (latin.length) renderings.push({ text: term, latin: true, units: latin });
  const covered = new Set<number>();
  for (const [c, z] of maximal) {
    if (renderings.some((r) => r.text.includes(c) || c.includes(r.text))) continue;
    if (!z.some((k) => translated.includes(k) && !covered.has(k))) continue;
    renderings.push({ text: c, latin: false, units: z });
    for (const k of z) covered.add(k);
  }
  return { term, units: withTerm, renderings, unidentified: translated.filter((k) => !covered.has(k)) };
}
