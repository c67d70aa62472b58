/**
 * Where in a run of sentences the translation dropped one: the English sentence whose removal lets
 * the rest align best with the Chinese, under the aligner's own costs (Gale-Church length cost and
 * the dictionary and anchor evidence left unexplained). The aligner itself charges a 1-0 link so
 * much that it merges a dropped sentence into a neighbouring link, sometimes pairing the dropped
 * sentence with its neighbour's translation; told that exactly one sentence is missing, the same
 * costs tell which.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { lengthCost } from '../align/alignSentences.ts';
import { PairScorer } from '../align/pairScorer.ts';

/** Link shapes kept after the drop, with Gale & Church's prior costs −ln(P(type)/P(1-1)). */
const SHAPES: readonly { en: number; zh: number; prior: number }[] = [
  { en: 1, zh: 1, prior: 0 },
  { en: 2, zh: 1, prior: Math.log(0.89 / 0.0445) },
  { en: 1, zh: 2, prior: Math.log(0.89 / 0.0445) },
];
/** The aligner's weight of unexplained evidence, in nats per sentence's worth. */
const LEXICAL_WEIGHT = 6;

/**
 * For each candidate (an index into `english`), the cost of aligning the other English sentences
 * monotonically with all the Chinese ones plus the evidence the dropped sentence leaves
 * unexplained; lower is the likelier drop. `ratio` is Chinese length units per English character
 * in the aligner's units (see `textFeatures`).
 */
export function dropCosts(english: readonly string[], chinese: readonly string[], candidates: readonly number[], ratio: number, lexicon: Lexicon): number[] {
  const scorer = new PairScorer([...english], [...chinese], lexicon);
  // Loops rather than closures made on each call: V8 drops a per-call closure's optimised code at
  // every major GC and compiles it again.
  let enWeightSum = 0;
  for (let i = 0; i < english.length; i++) enWeightSum += scorer.enWeight(i);
  let zhWeightSum = 0;
  for (let j = 0; j < chinese.length; j++) zhWeightSum += scorer.zhWeight(j);
  const enUnit = Math.max(1, enWeightSum / Math.max(1, english.length));
  const zhUnit = Math.max(1, zhWeightSum / Math.max(1, chinese.length));
  const costs: number[] = [];
  for (const k of candidates) {
    const kept: number[] = [];
    for (let i = 0; i < english.length; i++) if (i !== k) kept.push(i);
    const n = kept.length;
    const m = chinese.length;
    const cost: number[][] = [];
    for (let a = 0; a <= n; a++) cost.push(new Array<number>(m + 1).fill(Infinity));
    cost[0]![0] = 0;
    for (let a = 0; a <= n; a++) {
      for (let b = 0; b <= m; b++) {
        const here = cost[a]![b]!;
        if (here === Infinity) continue;
        for (const shape of SHAPES) {
          if (a + shape.en > n || b + shape.zh > m) continue;
          const first = kept[a]!;
          // Merging across the dropped sentence would pair text that is not adjacent.
          if (shape.en === 2 && kept[a + 1] !== first + 1) continue;
          const c = scorer.coverage(first, shape.en, b, shape.zh);
          const le = lengthOf(scorer.en, first, shape.en);
          const lz = lengthOf(scorer.zh, b, shape.zh);
          const unexplained = (c.enTotal - c.enMatched) / enUnit + (c.zhTotal - c.zhMatched) / zhUnit;
          const total = here + shape.prior + lengthCost(le, lz, ratio) + LEXICAL_WEIGHT * unexplained;
          if (total < cost[a + shape.en]![b + shape.zh]!) cost[a + shape.en]![b + shape.zh] = total;
        }
      }
    }
    costs.push(cost[n]![m]! + LEXICAL_WEIGHT * (k < english.length ? scorer.enWeight(k) : 0) / enUnit);
  }
  return costs;
}

/** The summed `length` of `count` sentences' features from `first`. */
function lengthOf(features: readonly { length: number }[], first: number, count: number): number {
  let total = 0;
  for (let i = first; i < first + count && i < features.length; i++) total += features[i]!.length;
  return total;
}
