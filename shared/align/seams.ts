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
import { chineseFeatures, type ChineseFeatures, type EnglishFeatures } from './textFeatures.ts';

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
  // The scorers share one English side (features, weights, totals, renderings over `screen`).
  const side = new EnglishSide(en, screen);
  const candidates = new CutSets(zh, k);
  candidates.choose(seams, 0, [], 0);
  const scorers: (PairScorer | null)[] = [];
  for (const features of candidates.piecesOf) scorers.push(features.length > 0 ? new PairScorer(side, features, lexicon) : null);
  let best: SeamPiece[] | null = null;
  let bestCost = Infinity;
  for (const cutSet of candidates.cutSets) {
    let cost = cutSet.seamCost;
    for (let idx = 0; idx < k; idx++) {
      const p = cutSet.pieces[idx]!;
      // Each piece's cost beside each sentence is computed once, however many cut sets hold it.
      let term = p.terms[idx];
      if (term === undefined) {
        const sim = scorers[idx]!.similarity(idx, 1, p.slots[idx]!, 1) ?? 0.3;
        term = 8 * (1 - sim) + lengthCost(side.en[idx]!.length, p.features.length, ratio);
        p.terms[idx] = term;
      }
      cost += term;
    }
    if (cost < bestCost) {
      bestCost = cost;
      best = cutSet.pieces;
    }
  }
  if (!best) return null;
  const cut: Piece[] = [];
  for (const p of best) cut.push({ start: p.start, end: p.end });
  return cut;
}

/**
 * The candidate cut sets of one sentence into `k` pieces. The same piece (a span between two seams
 * or the ends) recurs in many cut sets: it is made once, with its features, and shared by them
 * (`splitAtSeams` then scores it once beside each English sentence, in `terms`). A class rather
 * than closures inside `splitAtSeams`: a closure created on each call loses its optimised code at
 * every major GC.
 */
class CutSets {
  private readonly zh: string;
  private readonly k: number;
  private readonly pieces = new Map<number, SeamPiece>();
  /** The cut sets whose pieces are all long enough, in the order they are tried. */
  readonly cutSets: { pieces: SeamPiece[]; seamCost: number }[] = [];
  /**
   * By English sentence, the pieces it may get: one scorer per sentence then holds all of its
   * pieces, searched a block at a time, instead of one scorer (and its tables) per piece.
   */
  readonly piecesOf: ChineseFeatures[][] = [];

  constructor(zh: string, k: number) {
    this.zh = zh;
    this.k = k;
    for (let idx = 0; idx < k; idx++) this.piecesOf.push([]);
  }

  /** Collects every way of choosing the remaining cuts from `seams[from..]`. */
  choose(seams: readonly { at: number; comma: boolean }[], from: number, cuts: number[], seamCost: number): void {
    if (cuts.length === this.k - 1) {
      this.collect(cuts, seamCost);
      return;
    }
    for (let s = from; s <= seams.length - (this.k - 1 - cuts.length); s++) {
      this.choose(seams, s + 1, [...cuts, seams[s]!.at], seamCost + (seams[s]!.comma ? COMMA_SEAM_COST : 0));
    }
  }

  private collect(cuts: number[], seamCost: number): void {
    const cutPieces: SeamPiece[] = [];
    for (let p = 0; p < this.k; p++) {
      const piece = this.piece(p === 0 ? 0 : cuts[p - 1]!, p === this.k - 1 ? this.zh.length : cuts[p]!);
      cutPieces.push(piece);
    }
    for (const p of cutPieces) {
      if (p.features.length < MIN_PIECE_LENGTH) return;
    }
    for (let idx = 0; idx < this.k; idx++) {
      const p = cutPieces[idx]!;
      if (p.slots[idx] !== undefined) continue;
      p.slots[idx] = this.piecesOf[idx]!.length;
      this.piecesOf[idx]!.push(p.features);
    }
    this.cutSets.push({ pieces: cutPieces, seamCost });
  }

  private piece(start: number, end: number): SeamPiece {
    const key = start * (this.zh.length + 1) + end;
    let found = this.pieces.get(key);
    if (!found) {
      found = { start, end, features: chineseFeatures(this.zh.slice(start, end)), slots: [], terms: [] };
      this.pieces.set(key, found);
    }
    return found;
  }
}
