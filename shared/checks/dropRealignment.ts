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
  const enWeights = english.map((_, i) => scorer.enWeight(i));
  const zhWeights = chinese.map((_, j) => scorer.zhWeight(j));
  const enUnit = Math.max(1, enWeights.reduce((a, b) => a + b, 0) / Math.max(1, english.length));
  const zhUnit = Math.max(1, zhWeights.reduce((a, b) => a + b, 0) / Math.max(1, chinese.length));
  return candidates.map((k) => {
    const kept = english.map((_, i) => i).filter((i) => i !== k);
    const n = kept.length;
    const m = chinese.length;
    const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
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
          const le = scorer.en.slice(first, first + shape.en).reduce((s, f) => s + f.length, 0);
          const lz = scorer.zh.slice(b, b + shape.zh).reduce((s, f) => s + f.length, 0);
          const unexplained = (c.enTotal - c.enMatched) / enUnit + (c.zhTotal - c.zhMatched) / zhUnit;
          const total = here + shape.prior + lengthCost(le, lz, ratio) + LEXICAL_WEIGHT * unexplained;
          if (total < cost[a + shape.en]![b + shape.zh]!) cost[a + shape.en]![b + shape.zh] = total;
        }
      }
    }
    return cost[n]![m]! + LEXICAL_WEIGHT * (enWeights[k] ?? 0) / enUnit;
  });
}
