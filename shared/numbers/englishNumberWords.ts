/**
 * English number words → numbers: "twenty-four", "one hundred and twenty", "three thousand",
 * and fractions "one third", "two-thirds". Ordinals (first, second) are deliberately not numbers:
 * "first" ↔ 首次/第一 carries no quantity a reviewer compares.
 */

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9 };
/** Denominator words used after a cardinal: "one third", "three quarters". */
export const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8,
  ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};

/** Multipliers that may follow digits ("1.5 million"). */
export const SCALE_WORDS = SCALES;

/** The cardinal number words and scale words, lower-case: those `isNumberWord` accepts. */
export const NUMBER_WORDS: readonly string[] = [...Object.keys(ONES), ...Object.keys(TENS), ...Object.keys(SCALES)];

/**
 * True when the lower-cased word is a cardinal number word or a scale word. Own keys only: `in`
 * would also accept Object.prototype's names ("constructor", "toString").
 */
export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return Object.hasOwn(ONES, w) || Object.hasOwn(TENS, w) || Object.hasOwn(SCALES, w);
}

/**
 * Reads a sequence of number words (already split, lower-case, "and" allowed between them):
 * ["twenty", "four"] → 24, ["one", "hundred", "and", "five"] → 105. Returns null if the words
 * do not form a number.
 */
export function parseEnglishNumberWords(words: string[]): number | null {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const raw of words) {
    const w = raw.toLowerCase();
    if (w === 'and') continue;
    if (Object.hasOwn(ONES, w)) current += ONES[w] ?? 0;
    else if (Object.hasOwn(TENS, w)) current += TENS[w] ?? 0;
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (Object.hasOwn(SCALES, w)) {
      total += (current || 1) * (SCALES[w] ?? 0);
      current = 0;
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}
