/**
 * Monotone sentence alignment of an English text with its Chinese translation by dynamic
 * programming (Gale & Church 1993), over a cost that adds to their length model the lexical
 * evidence a translation keeps: anchors (numbers, acronyms, codes) and dictionary coverage.
 *
 * Link types: 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0, 0-1. The length ratio is calibrated per text
 * (total Chinese length / total English length), because Chinese characters per English character
 * vary with the register and with how much Latin script the translation keeps.
 *
 * A link's confidence is its posterior probability under the same costs (forward-backward over
 * all monotone alignments in the band): on ParaMed it ranks links in the gold above links not in
 * it with AUC ≈ 0.8 (see `npm run bench:align`).
 */
import type { AlignmentLink } from './types.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { PairScorer, type Coverage } from './pairScorer.ts';
import type { RenderingScreen } from './renderingScreen.ts';
import type { EnglishFeatures } from './textFeatures.ts';
import { typedViews } from './typedViews.ts';
import { defaultLexicon } from '../lexicon/defaultLexicon.ts';

/** Tuning knobs; the defaults are what the benchmark reports. */
export interface AlignOptions {
  /** Dictionary for lexical evidence; `null` turns it off (length and anchors only). */
  lexicon?: Lexicon | null;
  /** Weight of the lexical term, in nats per sentence per unit of (1 − similarity). */
  lexicalWeight?: number;
  /** Weight of the Gale-Church length term. */
  lengthWeight?: number;
  /**
   * Chinese length units per English character. Calibrated from the inputs when absent; pass the
   * whole record's ratio when aligning one section at a time, where a section is too short to calibrate.
   */
  ratio?: number;
  /** Half-width of the search band around the diagonal, in sentences (beyond the length difference). */
  band?: number;
  /**
   * A rendering screen over a text containing every Chinese sentence (e.g. the whole abstract, when
   * aligning it section by section), so its per-word look-ups are shared; by default one over `zh`.
   */
  screen?: RenderingScreen;
}

/** Link shapes and their prior costs, −ln(P(type)/P(1-1)), from Gale & Church's counts. */
const LINK_TYPES: readonly LinkType[] = [
  { en: 1, zh: 1, prior: 0 },
  { en: 1, zh: 0, prior: Math.log(0.89 / 0.0045) },
  { en: 0, zh: 1, prior: Math.log(0.89 / 0.0045) },
  { en: 2, zh: 1, prior: Math.log(0.89 / 0.0445) },
  { en: 1, zh: 2, prior: Math.log(0.89 / 0.0445) },
  { en: 2, zh: 2, prior: Math.log(0.89 / 0.011) },
  { en: 3, zh: 1, prior: Math.log(0.89 / 0.004) },
  { en: 1, zh: 3, prior: Math.log(0.89 / 0.004) },
];

/** Gale-Church's variance of target characters per source character. */
const LENGTH_VARIANCE = 6.8;
/** Similarity assumed when neither side has a comparable token (no evidence either way). */
const NEUTRAL_SIMILARITY = 0.3;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf), accurate to ~1e-7. */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

/**
 * Length cost −ln P(|δ| ≥ observed) of aligning `en` English units with `zh` Chinese units, where
 * `ratio` is Chinese units per English unit and δ is Gale-Church's standardised difference.
 * Gale and Church take δ as normal; between English and Chinese it is heavy-tailed (on ParaMed's
 * 1-1 links the mean of δ² is 2.6 times its median), so a normal model charges an unusually long
 * translation so much that merging it with a neighbour looks cheaper. A Laplace tail with the same
 * variance, P(|δ| ≥ x) = exp(−√2·x), keeps the cost linear in |δ|. 0 when the lengths agree.
 */
export function lengthCost(en: number, zh: number, ratio: number): number {
  return Math.SQRT2 * Math.abs(lengthDelta(en, zh, ratio));
}

/** The classic Gale-Church cost with a normal δ, kept for the baseline: −ln(2(1 − Φ(|δ|))). */
export function gaussianLengthCost(en: number, zh: number, ratio: number): number {
  const p = 2 * (1 - normalCdf(Math.abs(lengthDelta(en, zh, ratio))));
  return -Math.log(Math.max(p, 1e-12));
}

/** Gale-Church's standardised length difference, symmetric in the two sides. */
function lengthDelta(en: number, zh: number, ratio: number): number {
  const zhAsEn = zh / ratio;
  const mean = (en + zhAsEn) / 2;
  if (mean === 0) return 0;
  return (zhAsEn - en) / Math.sqrt(LENGTH_VARIANCE * mean);
}

/**
 * Aligns pre-split English and Chinese sentences and returns monotone links covering every
 * sentence exactly once, each with a confidence in [0, 1]. Indices are 0-based. English sentences
 * may be given as their features, when the caller has them already.
 */
export function alignSentences(en: readonly (string | EnglishFeatures)[], zh: readonly string[], options: AlignOptions = {}): AlignmentLink[] {
  const lexicon = options.lexicon === undefined ? defaultLexicon() : options.lexicon;
  const lexicalWeight = options.lexicalWeight ?? 6;
  const lengthWeight = options.lengthWeight ?? 1;
  // Costs are sums of −log probabilities (priors, length) and a lexical term on the same scale, so
  // posteriors are read at temperature 1.
  const temperature = 1;
  const n = en.length;
  const m = zh.length;
  if (n === 0 || m === 0) {
    return [
      ...en.map((_, i): AlignmentLink => ({ en: [i], zh: [], confidence: 1 })),
      ...zh.map((_, j): AlignmentLink => ({ en: [], zh: [j], confidence: 1 })),
    ];
  }
  const scorer = new PairScorer(en, zh, lexicon, options.screen);
  const enPrefix = lengthPrefixSums(scorer.en);
  const zhPrefix = lengthPrefixSums(scorer.zh);
  const totalEn = enPrefix[n]!;
  const totalZh = zhPrefix[m]!;
  const ratio = options.ratio ?? (totalEn > 0 && totalZh > 0 ? totalZh / totalEn : 1);
  const costs = new LinkCosts(scorer, enPrefix, zhPrefix, ratio, lexicalWeight, lengthWeight);

  // Search only near the diagonal: translations of whole texts drift by a few sentences at most.
  const halfWidth = (options.band ?? 10) + Math.abs(n - m) + Math.ceil(0.05 * Math.max(n, m));
  const slope = m / n;

  const width = m + 1;
  const back = new Int8Array((n + 1) * width).fill(-1);
  // The cost of every link considered, by end cell and type, for the posterior pass below; in one
  // buffer with the cell costs (see `typedViews`).
  const typeCount = LINK_TYPES.length;
  const [cost, linkCosts] = typedViews(Float64Array, [(n + 1) * width, (n + 1) * width * typeCount]) as [Float64Array, Float64Array];
  cost.fill(Infinity);
  linkCosts.fill(Infinity);
  cost[0] = 0;

  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if ((i === 0 && j === 0) || Math.abs(i * slope - j) > halfWidth) continue;
      let best = Infinity;
      let bestType = -1;
      for (let k = 0; k < typeCount; k++) {
        const t = LINK_TYPES[k]!;
        const pi = i - t.en;
        const pj = j - t.zh;
        if (pi < 0 || pj < 0) continue;
        const before = cost[pi * width + pj]!;
        if (before === Infinity) continue;
        const own = costs.of(pi, pj, t);
        linkCosts[(i * width + j) * typeCount + k] = own;
        const c = before + own;
        if (c < best) {
          best = c;
          bestType = k;
        }
      }
      cost[i * width + j] = best;
      back[i * width + j] = bestType;
    }
  }

  const { forward, backward } = posteriorPasses(n, m, width, linkCosts, temperature);
  const total = forward[n * width + m]!;
  const links: AlignmentLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const k = back[i * width + j]!;
    const t = LINK_TYPES[k];
    if (!t) throw new Error('alignment band too narrow'); // cannot happen: the band always holds the corner
    const end = i * width + j;
    i -= t.en;
    j -= t.zh;
    // Posterior probability of this link over all monotone alignments, costs read as −log probabilities.
    const through = forward[i * width + j]! + linkCosts[end * typeCount + k]! + backward[end]!;
    links.push({ en: range(i, t.en), zh: range(j, t.zh), confidence: clamp01(Math.exp(-(through - total) / temperature)) });
  }
  return links.reverse();
}

/** A link shape and its prior cost. */
interface LinkType {
  en: number;
  zh: number;
  prior: number;
}

/**
 * The cost of each link the DP considers: prior, length and unexplained evidence. A class rather
 * than closures inside `alignSentences`: a closure created on each call loses its optimised code
 * at every major GC (V8 keeps it only while an instance is alive), a method keeps it.
 */
class LinkCosts {
  private readonly scorer: PairScorer;
  private readonly enPrefix: Float64Array;
  private readonly zhPrefix: Float64Array;
  private readonly ratio: number;
  private readonly lexicalWeight: number;
  private readonly lengthWeight: number;
  /** Unexplained evidence is measured in "sentences": a sentence's weight over the mean weight. */
  private readonly enUnit: number;
  private readonly zhUnit: number;
  private readonly scratch: Coverage = { enTotal: 0, enMatched: 0, zhTotal: 0, zhMatched: 0 };

  constructor(scorer: PairScorer, enPrefix: Float64Array, zhPrefix: Float64Array, ratio: number, lexicalWeight: number, lengthWeight: number) {
    this.scorer = scorer;
    this.enPrefix = enPrefix;
    this.zhPrefix = zhPrefix;
    this.ratio = ratio;
    this.lexicalWeight = lexicalWeight;
    this.lengthWeight = lengthWeight;
    let enWeight = 0;
    for (let i = 0; i < scorer.en.length; i++) enWeight += scorer.enWeight(i);
    let zhWeight = 0;
    for (let j = 0; j < scorer.zh.length; j++) zhWeight += scorer.zhWeight(j);
    this.enUnit = Math.max(1, enWeight / scorer.en.length);
    this.zhUnit = Math.max(1, zhWeight / scorer.zh.length);
  }

  /** The cost of a link of shape `type` starting at English sentence i and Chinese sentence j. */
  of(i: number, j: number, type: LinkType): number {
    const a = type.en;
    const b = type.zh;
    if (a === 0) return type.prior + this.lexicalWeight * Math.max(this.scorer.zhWeight(j) / this.zhUnit, 0.5);
    if (b === 0) return type.prior + this.lexicalWeight * Math.max(this.scorer.enWeight(i) / this.enUnit, 0.5);
    const le = this.enPrefix[i + a]! - this.enPrefix[i]!;
    const lz = this.zhPrefix[j + b]! - this.zhPrefix[j]!;
    return type.prior + this.lengthWeight * lengthCost(le, lz, this.ratio) + this.lexicalWeight * this.unexplained(i, a, j, b);
  }

  private unexplained(i: number, a: number, j: number, b: number): number {
    const c = this.scorer.coverageInto(i, a, j, b, this.scratch);
    if (c.enTotal === 0 && c.zhTotal === 0) return (a + b) * (1 - NEUTRAL_SIMILARITY);
    return (c.enTotal - c.enMatched) / this.enUnit + (c.zhTotal - c.zhMatched) / this.zhUnit;
  }
}

/**
 * Soft-min forward and backward sums over all monotone alignments (the log-space forward-backward
 * algorithm), so that a link's confidence is the share of probability mass of alignments that use
 * it: near 1 when every plausible alternative agrees, lower when another reading is nearly as good.
 */
function posteriorPasses(n: number, m: number, width: number, linkCosts: Float64Array, temperature: number): { forward: Float64Array; backward: Float64Array } {
  const typeCount = LINK_TYPES.length;
  const [forward, backward] = typedViews(Float64Array, [(n + 1) * width, (n + 1) * width]) as [Float64Array, Float64Array];
  forward.fill(Infinity);
  backward.fill(Infinity);
  forward[0] = 0;
  // One term per link type at most; kept in a reused buffer, summed in link-type order as before.
  const terms = new Float64Array(typeCount);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      let count = 0;
      for (let k = 0; k < typeCount; k++) {
        const t = LINK_TYPES[k]!;
        const c = linkCosts[(i * width + j) * typeCount + k]!;
        if (c === Infinity || i - t.en < 0 || j - t.zh < 0) continue;
        terms[count++] = forward[(i - t.en) * width + (j - t.zh)]! + c;
      }
      forward[i * width + j] = softMin(terms, count, temperature);
    }
  }
  backward[n * width + m] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n && j === m) continue;
      let count = 0;
      for (let k = 0; k < typeCount; k++) {
        const t = LINK_TYPES[k]!;
        const ni = i + t.en;
        const nj = j + t.zh;
        if (ni > n || nj > m) continue;
        const c = linkCosts[(ni * width + nj) * typeCount + k]!;
        if (c === Infinity) continue;
        terms[count++] = c + backward[ni * width + nj]!;
      }
      backward[i * width + j] = softMin(terms, count, temperature);
    }
  }
  return { forward, backward };
}

/** −T·log Σ exp(−x/T) over the first `count` values, computed stably; Infinity for no terms. */
function softMin(values: Float64Array, count: number, temperature: number): number {
  let low = Infinity;
  for (let k = 0; k < count; k++) low = Math.min(low, values[k]!);
  if (low === Infinity) return Infinity;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(-(values[k]! - low) / temperature);
  return low - temperature * Math.log(sum);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}

/** Where each sentence starts in length units, and the total length at the end. */
function lengthPrefixSums(sentences: readonly { length: number }[]): Float64Array {
  // A typed array: lengths are whole on one side and fractional on the other, and an array would
  // hold small integers or doubles depending on the text, a shape the optimised DP would not expect.
  const out = new Float64Array(sentences.length + 1);
  for (let k = 0; k < sentences.length; k++) out[k + 1] = out[k]! + sentences[k]!.length;
  return out;
}

function range(start: number, count: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(start + k);
  return out;
}
