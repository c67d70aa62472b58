/**
 * The dictionary renderings of English stems that occur in a Chinese text. A pair of sentences
 * then searches its Chinese sentence only for the few renderings that can be there, instead of
 * for every sense of every word again for every candidate pair.
 */
import type { Lexicon } from '../lexicon/lexicon.ts';
import { CodePairSet } from './codePairSet.ts';
import type { EnglishToken } from './textFeatures.ts';

const NO_RENDERINGS: readonly string[] = [];

/**
 * Every stem's translations in one lexicon, with their first two code units and lengths, in flat
 * arrays where a stem's candidates are adjacent. A record screens some seventy stems of a dozen
 * candidates each: read from one small object per stem and a few cache lines, instead of from
 * typed arrays of its own, that costs a fraction of the memory traffic.
 */
class CompiledLexicon {
  /** Per candidate: first code unit × 0x10000 + second (0 past the end). */
  keys = new Uint32Array(1 << 12);
  /** Per candidate: its length, capped at 3 (the screen only tells 0, 1, 2 and longer apart). */
  lengths = new Uint8Array(1 << 12);
  size = 0;
  /** Set when full and replaced by an empty one: memos pointing here must be made again. */
  retired = false;
  /** Where each stem's candidates start (they are `lexicon.translations(stem)`, in order). */
  readonly byStem = new Map<string, number>();

  /** Where `words`, the translations of `stem`, start in the arrays; added on first use. */
  at(stem: string, words: readonly string[]): number {
    let from = this.byStem.get(stem);
    if (from === undefined) {
      from = this.size;
      if (from + words.length > this.keys.length) this.grow(from + words.length);
      for (let k = 0; k < words.length; k++) {
        const word = words[k]!;
        this.keys[from + k] = (((word.charCodeAt(0) || 0) << 16) | (word.charCodeAt(1) || 0)) >>> 0;
        this.lengths[from + k] = Math.min(word.length, 3);
      }
      this.size += words.length;
      this.byStem.set(stem, from);
    }
    return from;
  }

  private grow(needed: number): void {
    let capacity = this.keys.length * 2;
    while (capacity < needed) capacity *= 2;
    const keys = new Uint32Array(capacity);
    keys.set(this.keys);
    const lengths = new Uint8Array(capacity);
    lengths.set(this.lengths);
    this.keys = keys;
    this.lengths = lengths;
  }
}

/** Candidates a compiled lexicon holds before it is replaced by an empty one (about 20 MB). */
const COMPILED_LIMIT = 4_000_000;
const compiledLexicons = new WeakMap<Lexicon, CompiledLexicon>();

function compiledLexicon(lexicon: Lexicon): CompiledLexicon {
  let found = compiledLexicons.get(lexicon);
  if (!found || found.size >= COMPILED_LIMIT) {
    if (found) found.retired = true;
    found = new CompiledLexicon();
    compiledLexicons.set(lexicon, found);
  }
  return found;
}

/**
 * What a screen keeps on a token (see `EnglishToken.memo`): where its stem's candidates are in a
 * compiled lexicon, and the renderings the last screen that read it let through.
 */
export interface StemMemo {
  lexicon: Lexicon;
  compiled: CompiledLexicon;
  from: number;
  words: readonly string[];
  /** The serial of the screen `present` is for. */
  screen: number;
  present: readonly string[];
}

let screenSerial = 0;

/** Screens dictionary renderings against one Chinese text; looked up once per token and text. */
export class RenderingScreen {
  private readonly text: string | null;
  private readonly lexicon: Lexicon | null;
  /** Tells this screen's results on a token's memo from another's. */
  private readonly serial = ++screenSerial;
  /** Code units (a bit each) and adjacent pairs of code units of the text: no strings to allocate. */
  private readonly units = new Uint32Array(0x10000 / 32);
  private readonly pairs: CodePairSet;

  /**
   * `zhText` must contain, lower-cased, every Chinese sentence the screen serves. Lower-casing
   * depends on context only for capital sigma (final ς or σ), so a text with one is not screened.
   */
  constructor(zhText: string, lexicon: Lexicon | null) {
    this.text = zhText.includes('Σ') ? null : zhText.toLowerCase();
    this.lexicon = lexicon;
    const text = this.text ?? '';
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      this.units[code >>> 5]! |= 1 << (code & 31);
    }
    this.pairs = new CodePairSet(text);
  }

  /**
   * Renderings of `token`'s stem present in the text (a superset of those present in any one
   * sentence). Kept on the token: the same words recur through a record's sections and seams.
   */
  renderings(token: EnglishToken): readonly string[] {
    const lexicon = this.lexicon;
    if (!lexicon) return NO_RENDERINGS;
    let memo = token.memo;
    if (memo === null || memo.lexicon !== lexicon || memo.compiled.retired) {
      const compiled = compiledLexicon(lexicon);
      const words = lexicon.translations(token.stem);
      memo = { lexicon, compiled, from: compiled.at(token.stem, words), words, screen: 0, present: NO_RENDERINGS };
      token.memo = memo;
    }
    if (memo.screen !== this.serial) {
      memo.present = this.present(memo);
      memo.screen = this.serial;
    }
    return memo.present;
  }

  /**
   * The candidates of `memo` the text contains (never ''). Most renderings are one or two
   * characters, which the sets answer exactly; longer ones whose first two characters occur
   * together are confirmed by a search, and most fail the sets first.
   */
  private present(memo: StemMemo): readonly string[] {
    const { keys, lengths } = memo.compiled;
    const words = memo.words;
    let present: string[] | null = null;
    for (let k = 0; k < words.length; k++) {
      const length = lengths[memo.from + k]!;
      if (length === 0) continue;
      if (this.text !== null) {
        const key = keys[memo.from + k]!;
        const first = key >>> 16;
        if ((this.units[first >>> 5]! & (1 << (first & 31))) === 0) continue;
        if (length >= 2 && !this.pairs.has(first, key & 0xffff)) continue;
        if (length === 3) {
          // Most longer candidates whose first pair occurs fail on their second pair (患者 is in
          // the text, 患者组 is not): a probe instead of a search of the whole text.
          const word = words[k]!;
          if (!this.pairs.has(key & 0xffff, word.charCodeAt(2)) || !this.text.includes(word)) continue;
        }
      }
      (present ??= []).push(words[k]!);
    }
    return present ?? NO_RENDERINGS;
  }
}
