/**
 * Lexical agreement between English and Chinese sentence ranges: how much of each side the other
 * explains through the bilingual dictionary and shared anchors. Ranges are scored from per-pair
 * match tables, computed once per (English sentence, Chinese sentence) pair and kept in flat typed
 * arrays: the DP asks for the same pairs under every link type, and a range only ORs their bits.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { RenderingScreen } from './renderingScreen.ts';
import { TextIndex } from './textIndex.ts';
import { typedViews } from './typedViews.ts';
import { chineseFeatures, englishFeatures, type ChineseFeatures, type EnglishFeatures } from './textFeatures.ts';

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
 * Chinese sentences searched together (see `fillBlock`): a whole abstract at once, while a long
 * document, whose DP visits only pairs near the diagonal, is not searched end to end per sentence.
 */
const BLOCK_SIZE = 16;

// The per-sentence arrays (`en`, `zh`, the weights and totals) are filled by plain loops that push, not by `map`/`forEach` with an
// arrow function: a closure created on each call loses its optimised code at every major GC (V8
// keeps it only while an instance is alive), and an array built by `map` is packed in the
// interpreter but holey in optimised code, so the methods reading `en`, `zh` and the tables would
// meet arrays of two shapes and be deoptimised ("wrong map") each time the builder changes tier.

/**
 * The English half of a scorer's set-up: token weights, totals and renderings. It depends only on
 * the English sentences and the rendering screen, so scorers of several Chinese texts against the
 * same English sentences (the seam splitter's pieces) build it once.
 */
export class EnglishSide {
  readonly en: EnglishFeatures[];
  readonly screen: RenderingScreen;
  /** Per sentence, per token: its weight (anchors count double). */
  readonly tokenWeights: Uint8Array[];
  readonly totals: number[];
  /** Where each sentence's tokens start in a scorer's flat arrays, and their count at the end. */
  readonly tokenStart: Int32Array;
  /** Per sentence (filled on first use), per token: its renderings the screen let through. */
  private readonly renderings: (readonly (readonly string[])[] | undefined)[];

  constructor(en: readonly (string | EnglishFeatures)[], screen: RenderingScreen) {
    this.en = [];
    this.tokenWeights = [];
    this.totals = [];
    const tokenCounts: number[] = [];
    for (const given of en) {
      const e = typeof given === 'string' ? englishFeatures(given) : given;
      const weights = new Uint8Array(e.tokens.length);
      let total = 0;
      for (let t = 0; t < weights.length; t++) {
        weights[t] = e.tokens[t]!.anchor ? ANCHOR_WEIGHT : 1;
        total += weights[t]!;
      }
      this.en.push(e);
      this.tokenWeights.push(weights);
      this.totals.push(total);
      tokenCounts.push(e.tokens.length);
    }
    this.screen = screen;
    this.renderings = new Array<readonly (readonly string[])[] | undefined>(this.en.length);
    this.tokenStart = starts(tokenCounts);
  }

  renderingsOf(i: number): readonly (readonly string[])[] {
    let found = this.renderings[i];
    if (!found) {
      const perToken: (readonly string[])[] = [];
      for (const token of this.en[i]!.tokens) perToken.push(token.anchor ? NO_RENDERINGS : this.screen.renderings(token));
      found = perToken;
      this.renderings[i] = found;
    }
    return found;
  }
}

/** Scores lexical agreement between ranges of English and Chinese sentences. */
export class PairScorer {
  readonly en: EnglishFeatures[];
  readonly zh: ChineseFeatures[];
  private readonly side: EnglishSide;
  /** Per English sentence, per token: its weight (anchors count double). */
  private readonly tokenWeights: Uint8Array[];
  private readonly enTotals: number[];
  private readonly zhTotals: number[];
  /** Where each English sentence's tokens, each Chinese sentence's content characters and anchors start in the flat arrays. */
  private readonly tokenStart: Int32Array;
  private readonly contentStart: Int32Array;
  private readonly anchorStart: Int32Array;
  /**
   * For each position of each Chinese sentence's text, its index among the sentence's content
   * positions, or -1; sentence j's text starts at textStart[j].
   */
  private readonly contentIndex: Int32Array;
  private readonly textStart: Int32Array;
  // The match tables of every pair, filled lazily (the DP only visits pairs near the diagonal):
  // whether English token t of sentence i has a counterpart in Chinese sentence j, at
  // (tokenStart[i] + t) * zh.length + j; whether content character c (anchor a) of Chinese sentence
  // j is covered by English sentence i, at (contentStart[j] + c) * en.length + i. Laid out so that
  // a range's OR runs over adjacent bytes.
  private readonly tokenHit: Uint8Array;
  private readonly contentHit: Uint8Array;
  private readonly anchorHit: Uint8Array;
  /** Per pair i * zh.length + j: computed yet, and its 1-1 matched weights on each side. */
  private readonly done: Uint8Array;
  private readonly enMatched: Int32Array;
  private readonly zhMatched: Int32Array;
  /**
   * Matched weights of ranges of two and three sentences, -1 until computed: English sentence i
   * against Chinese [j, j+k) at (k − 2) · n · m + i · m + j, and Chinese sentence j against
   * English [i, i+k) at the same place.
   */
  private readonly enRangeMatched: Int32Array;
  private readonly zhRangeMatched: Int32Array;
  /** Per Chinese sentence, its set of characters, built only if a rendering starts with a surrogate (see `pair`). */
  private readonly zhChars: (Set<string> | undefined)[];
  /** Blocks of Chinese sentences joined, built on first use (see `fillBlock`). */
  private readonly blocks: ({ index: TextIndex; ends: Int32Array } | undefined)[];
  /**
   * Where each anchor of the Chinese sentences first stands: its form → [sentence, index among the
   * sentence's anchors] pairs, by sentence; null when no sentence has an anchor.
   */
  private readonly anchorPlaces: Map<string, number[]> | null;
  /** Per Chinese sentence, whether the token being matched is an anchor there (scratch for `fillBlock`). */
  private readonly anchored: Uint8Array;

  /**
   * Sentences as text, or as features already computed, or an English side shared with other
   * scorers (and then its screen). `screen` defaults to one over these Chinese sentences; the seam
   * splitter shares one, and one English side, across the pieces of a sentence.
   */
  constructor(en: readonly (string | EnglishFeatures)[] | EnglishSide, zh: readonly (string | ChineseFeatures)[], lexicon: Lexicon | null, screen?: RenderingScreen) {
    this.zh = [];
    this.zhTotals = [];
    const contentCounts: number[] = [];
    const anchorCounts: number[] = [];
    const textLengths: number[] = [];
    for (const given of zh) {
      const z = typeof given === 'string' ? chineseFeatures(given) : given;
      this.zh.push(z);
      this.zhTotals.push(z.contentPositions.length + ANCHOR_WEIGHT * z.anchors.length);
      contentCounts.push(z.contentPositions.length);
      anchorCounts.push(z.anchors.length);
      textLengths.push(z.text.length);
    }
    // Sentence texts are already lower-cased; a rendering found only across a join is a harmless
    // false positive, since `pair` searches each sentence on its own.
    this.side = en instanceof EnglishSide ? en : new EnglishSide(en, screen ?? new RenderingScreen(joinedTexts(this.zh, 0, this.zh.length), lexicon));
    this.en = this.side.en;
    this.tokenWeights = this.side.tokenWeights;
    this.enTotals = this.side.totals;
    this.tokenStart = this.side.tokenStart;
    const n = this.en.length;
    const m = this.zh.length;
    this.contentStart = starts(contentCounts);
    this.anchorStart = starts(anchorCounts);
    this.textStart = starts(textLengths);
    // The tables in two buffers (one of counts, one of bits), not one each: see `typedViews`.
    [this.contentIndex, this.enMatched, this.zhMatched, this.enRangeMatched, this.zhRangeMatched] = typedViews(
      Int32Array, [this.textStart[m]!, n * m, n * m, 2 * n * m, 2 * n * m],
    ) as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
    [this.tokenHit, this.contentHit, this.anchorHit, this.done, this.anchored] = typedViews(
      Uint8Array, [this.tokenStart[n]! * m, this.contentStart[m]! * n, this.anchorStart[m]! * n, n * m, m],
    ) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    this.contentIndex.fill(-1);
    for (let j = 0; j < m; j++) {
      const base = this.textStart[j]!;
      const positions = this.zh[j]!.contentPositions;
      for (let c = 0; c < positions.length; c++) this.contentIndex[base + positions[c]!] = c;
    }
    this.enRangeMatched.fill(-1);
    this.zhRangeMatched.fill(-1);
    this.zhChars = new Array<Set<string> | undefined>(m);
    this.blocks = new Array<{ index: TextIndex; ends: Int32Array } | undefined>(Math.ceil(m / BLOCK_SIZE));
    this.anchorPlaces = anchorPlaces(this.zh);
  }

  /** Fills the match tables of pair (i, j) once (with the rest of its block), and returns its index. */
  private pair(i: number, j: number): number {
    const key = i * this.zh.length + j;
    if (this.done[key] === 0) this.fillBlock(i, Math.floor(j / BLOCK_SIZE));
    return key;
  }

  /**
   * Fills the match tables of English sentence i against every Chinese sentence of block `b`. Each
   * rendering is searched for once in the block's sentences joined (through its index, see
   * `TextIndex`), instead of once per sentence;
   * an occurrence counts for the sentence it lies in, and one across a join for none. A token that
   * is an anchor of a sentence is matched there as an anchor, and its renderings are not read.
   */
  private fillBlock(i: number, b: number): void {
    const n = this.en.length;
    const m = this.zh.length;
    const first = b * BLOCK_SIZE;
    const last = Math.min(m, first + BLOCK_SIZE) - 1;
    const block = this.blockText(b);
    const tokens = this.en[i]!.tokens;
    const weights = this.tokenWeights[i]!;
    const renderings = this.side.renderingsOf(i);
    const anchored = this.anchored;
    for (let t = 0; t < tokens.length; t++) {
      const hitBase = (this.tokenStart[i]! + t) * m;
      const weight = weights[t]!;
      const places = this.anchorPlaces?.get(tokens[t]!.form);
      if (places) {
        for (let k = 0; k < places.length; k += 2) {
          const j = places[k]!;
          if (j < first || j > last) continue;
          anchored[j] = 1;
          this.tokenHit[hitBase + j] = 1;
          this.enMatched[i * m + j]! += weight;
          const anchorAt = (this.anchorStart[j]! + places[k + 1]!) * n + i;
          if (this.anchorHit[anchorAt] === 0) {
            this.anchorHit[anchorAt] = 1;
            this.zhMatched[i * m + j]! += ANCHOR_WEIGHT;
          }
        }
      }
      for (const candidate of renderings[t]!) {
        // Renderings were once screened by their first character against the sentence's set of
        // characters (code points), which a surrogate half never matches: keep that exact outcome.
        const surrogate = isSurrogate(candidate.charCodeAt(0));
        let j = first;
        for (let at = block.index.first(candidate); at >= 0; at = block.index.after(candidate, at)) {
          while (at >= block.ends[j - first]!) j++;
          const start = block.ends[j - first]! - this.zh[j]!.text.length;
          if (at < start || at + candidate.length > block.ends[j - first]! || anchored[j] === 1) continue;
          if (surrogate && !this.charsOf(j).has(candidate[0]!)) continue;
          if (this.tokenHit[hitBase + j] === 0) {
            this.tokenHit[hitBase + j] = 1;
            this.enMatched[i * m + j]! += weight;
          }
          const contentIndex = this.contentIndex;
          const textBase = this.textStart[j]!;
          const contentBase = this.contentStart[j]!;
          for (let position = at - start; position < at - start + candidate.length; position++) {
            const c = contentIndex[textBase + position]!;
            if (c < 0) continue;
            const coveredAt = (contentBase + c) * n + i;
            if (this.contentHit[coveredAt] === 0) {
              this.contentHit[coveredAt] = 1;
              this.zhMatched[i * m + j]!++;
            }
          }
        }
      }
      if (places) anchored.fill(0, first, last + 1);
    }
    this.done.fill(1, i * m + first, i * m + last + 1);
  }

  /** The texts of block `b`'s Chinese sentences joined by newlines, indexed, and where each ends in it. */
  private blockText(b: number): { index: TextIndex; ends: Int32Array } {
    let block = this.blocks[b];
    if (!block) {
      const first = b * BLOCK_SIZE;
      const last = Math.min(this.zh.length, first + BLOCK_SIZE);
      const ends = new Int32Array(last - first);
      let end = -1;
      for (let j = first; j < last; j++) {
        end += 1 + this.zh[j]!.text.length;
        ends[j - first] = end;
      }
      block = { index: new TextIndex(joinedTexts(this.zh, first, last)), ends };
      this.blocks[b] = block;
    }
    return block;
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
    return this.coverageInto(ei, en, zj, zn, { enTotal: 0, enMatched: 0, zhTotal: 0, zhMatched: 0 });
  }

  /** `coverage` written into `out`, for a caller that asks for many and keeps none (the DP). */
  coverageInto(ei: number, en: number, zj: number, zn: number, out: Coverage): Coverage {
    let enTotal = 0;
    let enMatched = 0;
    for (let i = ei; i < ei + en; i++) {
      enTotal += this.enTotals[i]!;
      enMatched += this.enMatchedBy(i, zj, zn);
    }
    let zhTotal = 0;
    let zhMatched = 0;
    for (let j = zj; j < zj + zn; j++) {
      zhTotal += this.zhTotals[j]!;
      zhMatched += this.zhMatchedBy(ei, en, j);
    }
    out.enTotal = enTotal;
    out.enMatched = enMatched;
    out.zhTotal = zhTotal;
    out.zhMatched = zhMatched;
    return out;
  }

  /**
   * Matched weight of English sentence i against Chinese sentences [zj, zj+zn): one Chinese
   * sentence, the pair's own count; several, a token counts once however many hit it. The DP asks
   * for the same range under several link types (2-2 repeats the halves of 1-2 links), so ranges
   * of two and three sentences are kept.
   */
  private enMatchedBy(i: number, zj: number, zn: number): number {
    const m = this.zh.length;
    if (zn === 1) return this.enMatched[this.pair(i, zj)]!;
    const memoAt = zn <= 3 ? (zn - 2) * this.en.length * m + i * m + zj : -1;
    if (memoAt >= 0 && this.enRangeMatched[memoAt]! >= 0) return this.enRangeMatched[memoAt]!;
    for (let j = zj; j < zj + zn; j++) this.pair(i, j);
    const weights = this.tokenWeights[i]!;
    let matched = 0;
    for (let t = 0; t < weights.length; t++) {
      const base = (this.tokenStart[i]! + t) * m;
      let hit = 0;
      for (let j = zj; j < zj + zn; j++) hit |= this.tokenHit[base + j]!;
      matched += hit * weights[t]!;
    }
    if (memoAt >= 0) this.enRangeMatched[memoAt] = matched;
    return matched;
  }

  /** Matched weight of Chinese sentence j against English sentences [ei, ei+en), kept like `enMatchedBy`'s. */
  private zhMatchedBy(ei: number, en: number, j: number): number {
    const n = this.en.length;
    const m = this.zh.length;
    if (en === 1) return this.zhMatched[this.pair(ei, j)]!;
    const memoAt = en <= 3 ? (en - 2) * n * m + ei * m + j : -1;
    if (memoAt >= 0 && this.zhRangeMatched[memoAt]! >= 0) return this.zhRangeMatched[memoAt]!;
    for (let i = ei; i < ei + en; i++) this.pair(i, j);
    let matched = 0;
    const contentEnd = this.contentStart[j + 1]!;
    for (let c = this.contentStart[j]!; c < contentEnd; c++) {
      let hit = 0;
      for (let i = ei; i < ei + en; i++) hit |= this.contentHit[c * n + i]!;
      matched += hit;
    }
    const anchorEnd = this.anchorStart[j + 1]!;
    for (let a = this.anchorStart[j]!; a < anchorEnd; a++) {
      let hit = 0;
      for (let i = ei; i < ei + en; i++) hit |= this.anchorHit[a * n + i]!;
      matched += ANCHOR_WEIGHT * hit;
    }
    if (memoAt >= 0) this.zhRangeMatched[memoAt] = matched;
    return matched;
  }
}

/** Each anchor's first place in each sentence: form → [sentence, index, sentence, index, …]; null for none. */
function anchorPlaces(zh: readonly ChineseFeatures[]): Map<string, number[]> | null {
  let places: Map<string, number[]> | null = null;
  for (let j = 0; j < zh.length; j++) {
    const anchors = zh[j]!.anchors;
    for (let a = 0; a < anchors.length; a++) {
      places ??= new Map();
      const found = places.get(anchors[a]!);
      if (!found) places.set(anchors[a]!, [j, a]);
      else if (found[found.length - 2] !== j) found.push(j, a);
    }
  }
  return places;
}

/** The texts of sentences [first, last) joined by newlines. */
function joinedTexts(zh: readonly ChineseFeatures[], first: number, last: number): string {
  const texts: string[] = [];
  for (let j = first; j < last; j++) texts.push(zh[j]!.text);
  return texts.join('\n');
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** Prefix sums: where each part starts in a flat array, and the total at the end. */
function starts(sizes: readonly number[]): Int32Array {
  const out = new Int32Array(sizes.length + 1);
  for (let k = 0; k < sizes.length; k++) out[k + 1] = out[k]! + sizes[k]!;
  return out;
}
