/**
 * Splitting one Chinese sentence that translates several English sentences at its seams, so each
 * piece can sit beside its own English sentence. Machine translation merges sentences with a
 * comma, a semicolon or a colon; the seam is the candidate punctuation mark whose pieces best
 * match the English sentences in lexical agreement and in length.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { EnglishSide, PairScorer } from './pairScorer.ts';
import { RenderingScreen } from './renderingScreen.ts';
import { lengthCost } from './alignSentences.ts';
import { chineseFeatures, englishFeatures, type ChineseFeatures, type EnglishFeatures } from './textFeatures.ts';

/** Offsets of a piece inside the Chinese sentence that was split. */
export interface Piece {
  start: number;
  end: number;
}

/** A span between two seams (or the ends), as a candidate translation of one English sentence. */
interface SeamPiece {
  start: number;
  end: number;
  features: ChineseFeatures;
  /** By English sentence: the piece's index among that sentence's candidate pieces (its scorer's sentences). */
  slots: number[];
  /** By English sentence: the cost the piece adds when it translates it. */
  terms: number[];
}

/** Pieces shorter than this (Han characters) are not worth showing as a translation of a sentence. */
const MIN_PIECE_LENGTH = 4;
/** Colons and semicolons end clauses more often than commas do: a comma seam must earn its place. */
const COMMA_SEAM_COST = 0.5;

/**
 * Cuts `zh` into `en.length` pieces at seams (after ，,；;：:), or returns null when it has too few
 * usable seams. Commas between digits (8,400) and marks inside brackets are not seams. English
 * sentences may be given as their features. `screen`
 * may be one over a longer text holding `zh` (the record's), to share its look-ups.
 */
export function splitAtSeams(en: readonly (string | EnglishFeatures)[], zh: string, lexicon: Lexicon | null, ratio: number, screen: RenderingScreen = new RenderingScreen(zh, lexicon)): Piece[] | null {
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
  const enFeatures = en.map((e) => (typeof e === 'string' ? englishFeatures(e) : e));
  // The scorers share one English side (weights, totals, renderings over `screen`).
  const side = new EnglishSide(enFeatures, screen);
  // Every candidate cut set is scored piece by piece, and the same piece (a span between two seams
  // or the ends) recurs in many cut sets: its features and its score beside each English sentence
  // are computed once, and one rendering screen (by default over the whole sentence) serves every piece.
  const pieces = new Map<number, SeamPiece>();
  const piece = (start: number, end: number): SeamPiece => {
    const key = start * (zh.length + 1) + end;
    let found = pieces.get(key);
    if (!found) {
      found = { start, end, features: chineseFeatures(zh.slice(start, end)), slots: [], terms: [] };
      pieces.set(key, found);
    }
    return found;
  };
  // First the cut sets whose pieces are all long enough, in the order they are tried, and the
  // pieces each English sentence may get: one scorer per sentence then holds all of its pieces,
  // searched a block at a time, instead of one scorer (and its tables) per piece.
  const cutSets: { pieces: SeamPiece[]; seamCost: number }[] = [];
  const piecesOf: ChineseFeatures[][] = range(k).map(() => []);
  const collect = (cuts: number[], seamCost: number) => {
    const bounds = [0, ...cuts, zh.length];
    const cutPieces = range(k).map((p) => piece(bounds[p]!, bounds[p + 1]!));
    if (cutPieces.some((p) => p.features.length < MIN_PIECE_LENGTH)) return;
    cutPieces.forEach((p, idx) => {
      if (p.slots[idx] !== undefined) return;
      p.slots[idx] = piecesOf[idx]!.length;
      piecesOf[idx]!.push(p.features);
    });
    cutSets.push({ pieces: cutPieces, seamCost });
  };
  const choose = (from: number, cuts: number[], seamCost: number) => {
    if (cuts.length === k - 1) return collect(cuts, seamCost);
    for (let s = from; s <= seams.length - (k - 1 - cuts.length); s++) {
      choose(s + 1, [...cuts, seams[s]!.at], seamCost + (seams[s]!.comma ? COMMA_SEAM_COST : 0));
    }
  };
  choose(0, [], 0);
  const scorers = piecesOf.map((features) => (features.length > 0 ? new PairScorer(side, features, lexicon) : null));
  /** The cost a piece adds when it translates English sentence `idx`. */
  const pieceTerm = (idx: number, p: SeamPiece): number => {
    let term = p.terms[idx];
    if (term === undefined) {
      const sim = scorers[idx]!.similarity(idx, 1, p.slots[idx]!, 1) ?? 0.3;
      term = 8 * (1 - sim) + lengthCost(enFeatures[idx]!.length, p.features.length, ratio);
      p.terms[idx] = term;
    }
    return term;
  };
  let best: Piece[] | null = null;
  let bestCost = Infinity;
  for (const cutSet of cutSets) {
    let cost = cutSet.seamCost;
    cutSet.pieces.forEach((p, idx) => {
      cost += pieceTerm(idx, p);
    });
    if (cost < bestCost) {
      bestCost = cost;
      best = cutSet.pieces.map((p) => ({ start: p.start, end: p.end }));
    }
  }
  return best;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
