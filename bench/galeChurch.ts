/**
 * The Gale & Church (1993) baseline: the length-only DP with their priors and variance, the
 * length ratio calibrated per document as for our aligner (character counts differ too much
 * between English and Chinese for their c = 1).
 */
import { gaussianLengthCost as lengthCost } from '../shared/align/alignSentences.ts';
import type { Link } from './alignEval.ts';

const TYPES: { en: number; zh: number; p: number }[] = [
  { en: 1, zh: 1, p: 0.89 }, { en: 1, zh: 0, p: 0.0099 / 2 }, { en: 0, zh: 1, p: 0.0099 / 2 },
  { en: 2, zh: 1, p: 0.089 / 2 }, { en: 1, zh: 2, p: 0.089 / 2 }, { en: 2, zh: 2, p: 0.011 },
];

/** Aligns by lengths alone (`en`, `zh` are sentence lengths in characters). */
export function galeChurch(en: number[], zh: number[]): Link[] {
  const n = en.length, m = zh.length;
  const totalEn = en.reduce((a, b) => a + b, 0), totalZh = zh.reduce((a, b) => a + b, 0);
  const ratio = totalEn && totalZh ? totalZh / totalEn : 1;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  const back: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(-1));
  cost[0]![0] = 0;
  const sum = (a: number[], from: number, count: number) => a.slice(from, from + count).reduce((x, y) => x + y, 0);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) continue;
      TYPES.forEach((t, k) => {
        const pi = i - t.en, pj = j - t.zh;
        if (pi < 0 || pj < 0 || cost[pi]![pj] === Infinity) return;
        const lc = t.en && t.zh ? lengthCost(sum(en, pi, t.en), sum(zh, pj, t.zh), ratio) : 0;
        const c = cost[pi]![pj]! - Math.log(t.p) + lc;
        if (c < cost[i]![j]!) {
          cost[i]![j] = c;
          back[i]![j] = k;
        }
      });
    }
  }
  const links: Link[] = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    const t = TYPES[back[i]![j]!]!;
    i -= t.en;
    j -= t.zh;
    links.push({ en: Array.from({ length: t.en }, (_, k) => i + k), zh: Array.from({ length: t.zh }, (_, k) => j + k) });
  }
  return links.reverse();
}
