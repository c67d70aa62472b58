import { typedViews } from './typedViews.ts';

/**
 * Where each code unit of a text stands, for finding many short words in one text.
 *
 * The pair scorer searches a block of Chinese sentences for every rendering of every English token
 * of a sentence: a few hundred words per record, most one or two characters long, each occurring
 * a few times or not at all. `indexOf` scans the whole block for each occurrence; this index walks
 * only the places where the word's first code unit stands, so a search costs a table probe plus
 * one step per occurrence of that code unit.
 */
export class TextIndex {
  readonly text: string;
  /** Per position: the next position holding the same code unit, or -1. */
  private readonly next: Int32Array;
  /** Open addressing by code unit: code unit + 1 (0 marks an empty slot), and its first position. */
  private readonly units: Int32Array;
  private readonly firsts: Int32Array;
  private readonly mask: number;

  constructor(text: string) {
    this.text = text;
    let size = 16;
    while (size < text.length * 2) size *= 2;
    // One buffer for the three tables (see `typedViews`): an index is built per block of sentences.
    [this.units, this.firsts, this.next] = typedViews(Int32Array, [size, size, text.length]) as [Int32Array, Int32Array, Int32Array];
    this.mask = size - 1;
    // From the end, so each position links to the one after it and the table ends at the first.
    for (let at = text.length - 1; at >= 0; at--) {
      const slot = this.slot(text.charCodeAt(at));
      if (this.units[slot] === 0) {
        this.units[slot] = text.charCodeAt(at) + 1;
        this.next[at] = -1;
      } else {
        this.next[at] = this.firsts[slot]!;
      }
      this.firsts[slot] = at;
    }
  }

  /** `text.indexOf(word)` for a non-empty word. */
  first(word: string): number {
    const slot = this.slot(word.charCodeAt(0));
    return this.units[slot] === 0 ? -1 : this.matchFrom(word, this.firsts[slot]!);
  }

  /** `text.indexOf(word, at + 1)`, where `at` is a position of `word` (as `first` or `after` gave). */
  after(word: string, at: number): number {
    return this.matchFrom(word, this.next[at]!);
  }

  /** The first position from `at` on, along the chain of `word`'s first code unit, where `word` stands. */
  private matchFrom(word: string, at: number): number {
    const text = this.text;
    for (; at >= 0; at = this.next[at]!) {
      if (at + word.length > text.length) return -1;
      let k = 1;
      while (k < word.length && text.charCodeAt(at + k) === word.charCodeAt(k)) k++;
      if (k === word.length) return at;
    }
    return -1;
  }

  /** The slot holding code unit `code`, or the empty slot where it would go (linear probing). */
  private slot(code: number): number {
    const stored = code + 1;
    for (let at = (Math.imul(code, 0x9e3779b1) >>> 16) & this.mask; ; at = (at + 1) & this.mask) {
      const found = this.units[at]!;
      if (found === stored || found === 0) return at;
    }
  }
}
