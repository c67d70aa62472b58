/**
 * Splitting one Chinese sentence that translates several English sentences at its seams, so each
 * piece can sit beside its own English sentence. Machine translation merges sentences with a
 * comma, a semicolon or a colon; the seam is the candidate punctuation mark whose pieces best
 * match the English sentences in lexical agreement and in length.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { PairScorer } from './pairScorer.ts';
import { lengthCost } from './alignSentences.ts';
import { chineseFeatures, englishFeatures } from './textFeatures.ts';

/** Offsets of a piece inside the Chinese sentence that was split. */
export interface Piece {
  start: number;
  end: number;
}

/** Pieces shorter than this (Han characters) are not worth showing as a translation of a sentence. */
const MIN_PIECE_LENGTH = 4;
/** Colons and semicolons end clauses more often than commas do: a comma seam must earn its place. */
const COMMA_SEAM_COST = 0.5;

/**
 * Cuts `zh` into `en.length` pieces at seams (after ，,；;：:), or returns null when it has too few
 * usable seams. Commas between digits (8,400) and marks inside brackets are not seams.
 */
export function splitAtSeams(en: readonly string[], zh: string, lexicon: Lexicon | null, ratio: number): Piece[] | null {
  const k = en.length;
  if (k < 2) return null;
  const seams: { at: number; comma: boolean }[] = [];
  let depth = 0;
  for (let i = 0; i < zh.length - 1; i++) {
    const ch = zh[i]!;
    if ('(（[【'.includes(ch)) depth++;
    else if (')）]】'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth > 0 || !'，,；;：:'.includes(ch)) continue;
    if (/\d/.test(zh[i - 1] ?? '') && /\d/.test(zh[i + 1] ?? '')) continue;
    seams.push({ at: i + 1, comma: ch === '，' || ch === ',' });
  }
  if (seams.length < k - 1) return null;
  const enLengths = en.map((s) => englishFeatures(s).length);
  let best: Piece[] | null = null;
  let bestCost = Infinity;
  const evaluate = (cuts: number[], seamCost: number) => {
    const bounds = [0, ...cuts, zh.length];
    const pieces = range(k).map((p) => ({ start: bounds[p]!, end: bounds[p + 1]! }));
    if (pieces.some((p) => chineseFeatures(zh.slice(p.start, p.end)).length < MIN_PIECE_LENGTH)) return;
    const scorer = new PairScorer([...en], pieces.map((p) => zh.slice(p.start, p.end)), lexicon);
    let cost = seamCost;
    pieces.forEach((p, idx) => {
      const sim = scorer.similarity(idx, 1, idx, 1) ?? 0.3;
      cost += 8 * (1 - sim) + lengthCost(enLengths[idx]!, scorer.zh[idx]!.length, ratio);
    });
    if (cost < bestCost) {
      bestCost = cost;
      best = pieces;
    }
  };
  const choose = (from: number, cuts: number[], seamCost: number) => {
    if (cuts.length === k - 1) return evaluate(cuts, seamCost);
    for (let s = from; s <= seams.length - (k - 1 - cuts.length); s++) {
      choose(s + 1, [...cuts, seams[s]!.at], seamCost + (seams[s]!.comma ? COMMA_SEAM_COST : 0));
    }
  };
  choose(0, [], 0);
  return best;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
