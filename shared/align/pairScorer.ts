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

/** Scores lexical agreement between ranges of English and Chinese sentences. */
export class PairScorer {
  readonly en: EnglishFeatures[];
  readonly zh: ChineseFeatures[];
  private readonly lexicon: Lexicon | null;
  private readonly cache = new Map<number, PairMatch>();

  constructor(en: string[], zh: string[], lexicon: Lexicon | null) {
    this.en = en.map(englishFeatures);
    this.zh = zh.map(chineseFeatures);
    this.lexicon = lexicon;
  }

  private pair(i: number, j: number): PairMatch {
    const key = i * 1_000_003 + j;
    const cached = this.cache.get(key);
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
      for (const candidate of this.lexicon.translations(token.stem)) {
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
    this.cache.set(key, match);
    return match;
  }

  /**
   * Agreement of English sentences [ei, ei+en) with Chinese sentences [zj, zj+zn), 0..1: the mean
   * of the share of English tokens explained and the share of Chinese content explained.
   * Returns null when neither side has anything to compare (e.g. two bare numbers lists).
   */
  similarity(ei: number, en: number, zj: number, zn: number): number | null {
    let enTotal = 0;
    let enMatched = 0;
    for (let i = ei; i < ei + en; i++) {
      const tokens = this.en[i]!.tokens;
      const hit = new Uint8Array(tokens.length);
      for (let j = zj; j < zj + zn; j++) {
        const m = this.pair(i, j).enHit;
        for (let t = 0; t < hit.length; t++) hit[t]! |= m[t]!;
      }
      tokens.forEach((token, t) => {
        const w = token.anchor ? ANCHOR_WEIGHT : 1;
        enTotal += w;
        enMatched += hit[t]! * w;
      });
    }
    let zhTotal = 0;
    let zhMatched = 0;
    for (let j = zj; j < zj + zn; j++) {
      const z = this.zh[j]!;
      const covered = new Uint8Array(z.text.length);
      const anchorHit = new Uint8Array(z.anchors.length);
      for (let i = ei; i < ei + en; i++) {
        const m = this.pair(i, j);
        for (let p = 0; p < covered.length; p++) covered[p]! |= m.zhCovered[p]!;
        for (let a = 0; a < anchorHit.length; a++) anchorHit[a]! |= m.zhAnchorHit[a]!;
      }
      zhTotal += z.contentPositions.length + ANCHOR_WEIGHT * z.anchors.length;
      for (const p of z.contentPositions) zhMatched += covered[p]!;
      for (let a = 0; a < anchorHit.length; a++) zhMatched += ANCHOR_WEIGHT * anchorHit[a]!;
    }
    if (enTotal === 0 && zhTotal === 0) return null;
    const enShare = enTotal === 0 ? 0 : enMatched / enTotal;
    const zhShare = zhTotal === 0 ? 0 : zhMatched / zhTotal;
    if (enTotal === 0) return zhShare;
    if (zhTotal === 0) return enShare;
    return (enShare + zhShare) / 2;
  }
}
