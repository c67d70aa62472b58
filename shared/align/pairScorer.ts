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

/** Scores lexical agreement between ranges of English and Chinese sentences. */
export class PairScorer {
  readonly en: EnglishFeatures[];
  readonly zh: ChineseFeatures[];
  private readonly lexicon: Lexicon | null;
  /** Pair matches by i * zh.length + j, filled lazily: the DP only visits pairs near the diagonal. */
  private readonly cache: (PairMatch | undefined)[];
  /** Per Chinese sentence, its set of characters: most candidate words are rejected on their first character. */
  private readonly zhChars: Set<string>[];
  // Scratch buffers reused by `coverage`, which the DP calls for every cell and link type.
  private enScratch = new Uint8Array(64);
  private zhScratch = new Uint8Array(256);
  private anchorScratch = new Uint8Array(32);

  constructor(en: string[], zh: string[], lexicon: Lexicon | null) {
    this.en = en.map(englishFeatures);
    this.zh = zh.map(chineseFeatures);
    this.lexicon = lexicon;
    this.zhChars = this.zh.map((z) => new Set(z.text));
    this.cache = new Array<PairMatch | undefined>(this.en.length * this.zh.length);
  }

  private pair(i: number, j: number): PairMatch {
    const key = i * this.zh.length + j;
    const cached = this.cache[key];
    if (cached) return cached;
    const e = this.en[i]!;
    const z = this.zh[j]!;
    const enHit = new Uint8Array(e.tokens.length);
    const covered = new Uint8Array(z.text.length);
    const zhAnchorHit = new Uint8Array(z.anchors.length);
    e.tokens.forEach((token, t) => {
      const anchorIndex = z.anchors.indexOf(token.form);
      if (anchorIndex >= 0) {
        enHit[t] = 1;
        zhAnchorHit[anchorIndex] = 1;
        return;
      }
      if (token.anchor || !this.lexicon) return;
      const chars = this.zhChars[j]!;
      for (const candidate of this.lexicon.translations(token.stem)) {
        if (!chars.has(candidate[0]!)) continue;
        let at = z.text.indexOf(candidate);
        if (at < 0) continue;
        enHit[t] = 1;
        while (at >= 0) {
          covered.fill(1, at, at + candidate.length);
          at = z.text.indexOf(candidate, at + 1);
        }
      }
    });
    const match = { enHit, zhCovered: covered, zhAnchorHit };
    this.cache[key] = match;
    return match;
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
    return this.en[i]!.tokens.reduce((sum, t) => sum + (t.anchor ? ANCHOR_WEIGHT : 1), 0);
  }

  /** Weight of the evidence one Chinese sentence offers (content characters and anchors). */
  zhWeight(j: number): number {
    const z = this.zh[j]!;
    return z.contentPositions.length + ANCHOR_WEIGHT * z.anchors.length;
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
      const tokens = this.en[i]!.tokens;
      const hit = (this.enScratch = grow(this.enScratch, tokens.length));
      hit.fill(0, 0, tokens.length);
      for (let j = zj; j < zj + zn; j++) {
        const m = this.pair(i, j).enHit;
        for (let t = 0; t < tokens.length; t++) hit[t]! |= m[t]!;
      }
      for (let t = 0; t < tokens.length; t++) {
        const w = tokens[t]!.anchor ? ANCHOR_WEIGHT : 1;
        enTotal += w;
        enMatched += hit[t]! * w;
      }
    }
    let zhTotal = 0;
    let zhMatched = 0;
    for (let j = zj; j < zj + zn; j++) {
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
      zhTotal += z.contentPositions.length + ANCHOR_WEIGHT * z.anchors.length;
      for (const p of z.contentPositions) zhMatched += covered[p]!;
      for (let a = 0; a < z.anchors.length; a++) zhMatched += ANCHOR_WEIGHT * anchorHit[a]!;
    }
    return { enTotal, enMatched, zhTotal, zhMatched };
  }
}

/** A scratch buffer at least `size` long (reallocated only when a longer sentence comes along). */
function grow(buffer: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  return buffer.length >= size ? buffer : new Uint8Array(Math.max(size, buffer.length * 2));
}
