/**
 * Lexical agreement between English and Chinese sentence ranges: how much of each side the other
 * explains through the bilingual dictionary and shared anchors. Ranges are scored from per-pair
 * match tables, computed once per (English sentence, Chinese sentence) pair and cached.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { chineseFeatures, englishFeatures, type ChineseFeatures, type EnglishFeatures } from './textFeatures.ts';

/** Which English tokens of sentence i found a counterpart in Chinese sentence j, and which Chinese content positions were covered. */
interface PairMatch {
  enHit: Uint8Array;
  zhCovered: Uint8Array;
  zhAnchorHit: Uint8Array;
  /** Weight of the English tokens hit, and of the Chinese content and anchors covered: the 1-1 coverage. */
  enMatched: number;
  zhMatched: number;
}

/** Anchors weigh more than dictionary words: a shared number or acronym is rarely a coincidence. */
const ANCHOR_WEIGHT = 2;

/** Evidence matched and offered by each side of a pair of sentence ranges. */
export interface Coverage {
  enTotal: number;
  enMatched: number;
  zhTotal: number;
  zhMatched: number;
}

const NO_RENDERINGS: readonly string[] = [];

/**
 * The dictionary renderings of English stems that occur in a Chinese text, looked up and screened
 * once per stem. A pair of sentences then searches its Chinese sentence only for the few renderings
 * that can be there, instead of for every sense of every word again for every candidate pair.
 */
export class RenderingScreen {
  private readonly text: string | null;
  private readonly lexicon: Lexicon | null;
  private readonly byStem = new Map<string, readonly string[]>();

  /**
   * `zhText` must contain, lower-cased, every Chinese sentence the screen serves. Lower-casing
   * depends on context only for capital sigma (final ς or σ), so a text with one is not screened.
   */
  constructor(zhText: string, lexicon: Lexicon | null) {
    this.text = zhText.includes('Σ') ? null : zhText.toLowerCase();
    this.lexicon = lexicon;
  }

  /** Renderings of `stem` present in the text (a superset of those present in any one sentence). */
  renderings(stem: string): readonly string[] {
    if (!this.lexicon) return NO_RENDERINGS;
    let found = this.byStem.get(stem);
    if (!found) {
      const text = this.text;
      found = this.lexicon.translations(stem).filter((candidate) => candidate.length > 0 && (text === null || text.includes(candidate)));
      if (found.length === 0) found = NO_RENDERINGS;
      this.byStem.set(stem, found);
    }
    return found;
  }
}

/** Scores lexical agreement between ranges of English and Chinese sentences. */
export class PairScorer {
  readonly en: EnglishFeatures[];
  readonly zh: ChineseFeatures[];
  /** Pair matches by i * zh.length + j, filled lazily: the DP only visits pairs near the diagonal. */
  private readonly cache: (PairMatch | undefined)[];
  private readonly screen: RenderingScreen;
  /** Per English sentence (filled on first use), per token: its renderings the screen let through. */
  private readonly renderings: (readonly (readonly string[])[] | undefined)[];
  /** Per English sentence, per token: its weight (anchors count double). */
  private readonly tokenWeights: Uint8Array[];
  private readonly enTotals: number[];
  private readonly zhTotals: number[];
  /** Per Chinese sentence, its set of characters, built only if a rendering starts with a surrogate (see `pair`). */
  private readonly zhChars: (Set<string> | undefined)[];
  // Scratch buffers reused by `coverage`, which the DP calls for every cell and link type.
  private enScratch = new Uint8Array(64);
  private zhScratch = new Uint8Array(256);
  private anchorScratch = new Uint8Array(32);

  /**
   * Sentences as text, or as features already computed. `screen` defaults to one over these
   * Chinese sentences; the seam splitter shares one across the pieces of a sentence.
   */
  constructor(en: readonly (string | EnglishFeatures)[], zh: readonly (string | ChineseFeatures)[], lexicon: Lexicon | null, screen?: RenderingScreen) {
    this.en = en.map((e) => (typeof e === 'string' ? englishFeatures(e) : e));
    this.zh = zh.map((z) => (typeof z === 'string' ? chineseFeatures(z) : z));
    // Sentence texts are already lower-cased; a rendering found only across a join is a harmless
    // false positive, since `pair` searches each sentence on its own.
    this.screen = screen ?? new RenderingScreen(this.zh.map((z) => z.text).join('\n'), lexicon);
    this.renderings = new Array<readonly (readonly string[])[] | undefined>(this.en.length);
    this.tokenWeights = this.en.map((e) => Uint8Array.from(e.tokens, (t) => (t.anchor ? ANCHOR_WEIGHT : 1)));
    this.enTotals = this.tokenWeights.map((weights) => weights.reduce((sum, w) => sum + w, 0));
    this.zhTotals = this.zh.map((z) => z.contentPositions.length + ANCHOR_WEIGHT * z.anchors.length);
    this.zhChars = new Array<Set<string> | undefined>(this.zh.length);
    this.cache = new Array<PairMatch | undefined>(this.en.length * this.zh.length);
  }

  private renderingsOf(i: number): readonly (readonly string[])[] {
    let found = this.renderings[i];
    if (!found) {
      found = this.en[i]!.tokens.map((token) => (token.anchor ? NO_RENDERINGS : this.screen.renderings(token.stem)));
      this.renderings[i] = found;
    }
    return found;
  }

  private pair(i: number, j: number): PairMatch {
    const key = i * this.zh.length + j;
    const cached = this.cache[key];
    if (cached) return cached;
    const tokens = this.en[i]!.tokens;
    const z = this.zh[j]!;
    const renderings = this.renderingsOf(i);
    const enHit = new Uint8Array(tokens.length);
    const covered = new Uint8Array(z.text.length);
    const zhAnchorHit = new Uint8Array(z.anchors.length);
    for (let t = 0; t < tokens.length; t++) {
      const anchorIndex = z.anchors.length > 0 ? z.anchors.indexOf(tokens[t]!.form) : -1;
      if (anchorIndex >= 0) {
        enHit[t] = 1;
        zhAnchorHit[anchorIndex] = 1;
        continue;
      }
      for (const candidate of renderings[t]!) {
        let at = z.text.indexOf(candidate);
        if (at < 0) continue;
        // Renderings were once screened by their first character against the sentence's set of
        // characters (code points), which a surrogate half never matches: keep that exact outcome.
        if (isSurrogate(candidate.charCodeAt(0)) && !this.charsOf(j).has(candidate[0]!)) continue;
        enHit[t] = 1;
        while (at >= 0) {
          covered.fill(1, at, at + candidate.length);
          at = z.text.indexOf(candidate, at + 1);
        }
      }
    }
    const weights = this.tokenWeights[i]!;
    let enMatched = 0;
    for (let t = 0; t < tokens.length; t++) enMatched += enHit[t]! * weights[t]!;
    let zhMatched = 0;
    for (const p of z.contentPositions) zhMatched += covered[p]!;
    for (let a = 0; a < zhAnchorHit.length; a++) zhMatched += ANCHOR_WEIGHT * zhAnchorHit[a]!;
    const match = { enHit, zhCovered: covered, zhAnchorHit, enMatched, zhMatched };
    this.cache[key] = match;
    return match;
  }

  private charsOf(j: number): Set<string> {
    let chars = this.zhChars[j];
    if (!chars) {
      chars = new Set(this.zh[j]!.text);
      this.zhChars[j] = chars;
    }
    return chars;
  }

  /**
   * Agreement of English sentences [ei, ei+en) with Chinese sentences [zj, zj+zn), 0..1: the mean
   * of the share of English tokens explained and the share of Chinese content explained.
   * Returns null when neither side has anything to compare (e.g. two bare numbers lists).
   */
  similarity(ei: number, en: number, zj: number, zn: number): number | null {
    const { enTotal, enMatched, zhTotal, zhMatched } = this.coverage(ei, en, zj, zn);
    if (enTotal === 0 && zhTotal === 0) return null;
    const enShare = enTotal === 0 ? 0 : enMatched / enTotal;
    const zhShare = zhTotal === 0 ? 0 : zhMatched / zhTotal;
    if (enTotal === 0) return zhShare;
    if (zhTotal === 0) return enShare;
    return (enShare + zhShare) / 2;
  }

  /** Weight of the evidence one English sentence offers (its tokens, anchors counted double). */
  enWeight(i: number): number {
    return this.enTotals[i]!;
  }

  /** Weight of the evidence one Chinese sentence offers (content characters and anchors). */
  zhWeight(j: number): number {
    return this.zhTotals[j]!;
  }

  /**
   * Matched and total evidence on each side of a pair of ranges. Totals are additive over
   * sentences, so merging sentences only gains what crosses between them: that is what makes a
   * 2-1 link win when, and only when, the second sentence's words are in the merged translation.
   */
  coverage(ei: number, en: number, zj: number, zn: number): Coverage {
    let enTotal = 0;
    let enMatched = 0;
    for (let i = ei; i < ei + en; i++) {
      enTotal += this.enTotals[i]!;
      // One Chinese sentence: the pair's own count. Several: a token counts once however many hit it.
      if (zn === 1) {
        enMatched += this.pair(i, zj).enMatched;
        continue;
      }
      const weights = this.tokenWeights[i]!;
      const count = weights.length;
      const hit = (this.enScratch = grow(this.enScratch, count));
      hit.fill(0, 0, count);
      for (let j = zj; j < zj + zn; j++) {
        const m = this.pair(i, j).enHit;
        for (let t = 0; t < count; t++) hit[t]! |= m[t]!;
      }
      for (let t = 0; t < count; t++) enMatched += hit[t]! * weights[t]!;
    }
    let zhTotal = 0;
    let zhMatched = 0;
    for (let j = zj; j < zj + zn; j++) {
      zhTotal += this.zhTotals[j]!;
      if (en === 1) {
        zhMatched += this.pair(ei, j).zhMatched;
        continue;
      }
      const z = this.zh[j]!;
      const covered = (this.zhScratch = grow(this.zhScratch, z.text.length));
      const anchorHit = (this.anchorScratch = grow(this.anchorScratch, z.anchors.length));
      covered.fill(0, 0, z.text.length);
      anchorHit.fill(0, 0, z.anchors.length);
      for (let i = ei; i < ei + en; i++) {
        const m = this.pair(i, j);
        for (const p of z.contentPositions) covered[p]! |= m.zhCovered[p]!;
        for (let a = 0; a < z.anchors.length; a++) anchorHit[a]! |= m.zhAnchorHit[a]!;
      }
      for (const p of z.contentPositions) zhMatched += covered[p]!;
      for (let a = 0; a < z.anchors.length; a++) zhMatched += ANCHOR_WEIGHT * anchorHit[a]!;
    }
    return { enTotal, enMatched, zhTotal, zhMatched };
  }
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** A scratch buffer at least `size` long (reallocated only when a longer sentence comes along). */
function grow(buffer: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  return buffer.length >= size ? buffer : new Uint8Array(Math.max(size, buffer.length * 2));
}
