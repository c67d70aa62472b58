/**
 * The adjacent pairs of UTF-16 code units in a text, for "can this string occur here?" screens.
 *
 * A pair as one number, first × 0x10000 + second, exceeds the small-integer range for Han text
 * (0x4e00 × 0x10000 > 2³⁰), so a `Set<number>` would box every key it stores and hashes. An
 * open-addressing table of 32-bit keys holds the same set without allocating per pair.
 */
export class CodePairSet {
  /** Keys + 1 (0 marks an empty slot; the key 0xffffffff, a pair of U+FFFF, is kept apart). */
  private readonly slots: Uint32Array;
  private readonly mask: number;
  private hasTopKey = false;

  /** The pairs of `text`. */
  constructor(text: string) {
    let size = 16;
    while (size < text.length * 2) size *= 2;
    this.slots = new Uint32Array(size);
    this.mask = size - 1;
    for (let k = 0; k + 1 < text.length; k++) this.add(text.charCodeAt(k), text.charCodeAt(k + 1));
  }

  private add(first: number, second: number): void {
    const key = ((first << 16) | second) >>> 0;
    if (key === 0xffffffff) {
      this.hasTopKey = true;
      return;
    }
    const stored = key + 1;
    for (let at = this.slot(key); ; at = (at + 1) & this.mask) {
      const found = this.slots[at]!;
      if (found === stored) return;
      if (found === 0) {
        this.slots[at] = stored;
        return;
      }
    }
  }

  /** Whether code unit `first` is directly followed by `second` somewhere in the text. */
  has(first: number, second: number): boolean {
    const key = ((first << 16) | second) >>> 0;
    if (key === 0xffffffff) return this.hasTopKey;
    const stored = key + 1;
    for (let at = this.slot(key); ; at = (at + 1) & this.mask) {
      const found = this.slots[at]!;
      if (found === stored) return true;
      if (found === 0) return false;
    }
  }

  /** A multiplicative hash (Knuth) of the key onto the table. */
  private slot(key: number): number {
    return (Math.imul(key, 0x9e3779b1) >>> 16) & this.mask;
  }
}
