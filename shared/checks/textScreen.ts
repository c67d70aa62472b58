/**
 * "Does this text contain that word?" asked of one text for many words: the checks ask it of a
 * pair's Chinese for every sense of every English word, a dozen senses a word on average, and most
 * answers are no. The code units of the text, a bit each, answer most of them without searching:
 * a word whose first two units are not both in the text is not there.
 *
 * The bits live in one table for the whole process, set for a text and cleared after it, because
 * allocating a table (or a pair set) per text cost more than the searches it spared.
 */

const SHARED_BITS = new Uint32Array(0x10000 / 32);
let sharedInUse = false;

/** `text.includes(word)`, answered from the bits where they suffice. */
export type Contains = (word: string) => boolean;

/**
 * Runs `read` with a `contains` for `text`, exactly `text.includes`, and `args`, and returns what
 * it returns. Screens may nest (a nested one gets a table of its own); `contains` is only valid
 * inside `read`. `args` are handed on so that `read` can be a module-level function rather than a
 * closure made on each call, whose optimised code V8 drops at every major GC.
 */
export function withTextScreen<Args extends unknown[], T>(text: string, read: (contains: Contains, ...args: Args) => T, ...args: Args): T {
  const own = sharedInUse;
  const bits = own ? new Uint32Array(0x10000 / 32) : SHARED_BITS;
  sharedInUse = true;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    bits[code >>> 5]! |= 1 << (code & 31);
  }
  const has = (code: number) => (bits[code >>> 5]! & (1 << (code & 31))) !== 0;
  const contains = (word: string): boolean => {
    if (word.length === 0) return true;
    if (!has(word.charCodeAt(0))) return false;
    if (word.length === 1) return true;
    return has(word.charCodeAt(1)) && text.includes(word);
  };
  try {
    return read(contains, ...args);
  } finally {
    if (!own) {
      for (let k = 0; k < text.length; k++) bits[text.charCodeAt(k) >>> 5] = 0;
      sharedInUse = false;
    }
  }
}
