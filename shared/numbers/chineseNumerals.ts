/**
 * Chinese numerals → numbers. Written Chinese mixes positional digit strings (二〇一九),
 * multiplicative forms (二十四, 三千五百, 一万二千) and the large units 万 (10^4) and 亿 (10^8),
 * which do not exist in English; 两 is the counting form of 二 ("两组" = two groups).
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may appear inside a Chinese integer numeral. */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

// Module level rather than closures made on each call: V8 drops a per-call closure's optimised
// code at every major GC and compiles it again.
const isDigitChar = (c: string): boolean => Object.hasOwn(DIGITS, c);
const digitValue = (c: string): number | undefined => DIGITS[c];

/**
 * Parses a Chinese integer numeral (二十四 → 24, 两 → 2, 一万二千 → 12000, 二〇一九 → 2019,
 * 十五 → 15). Returns null when the string is not a well-formed numeral.
 */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  // Most numerals in running text are one digit (一, 两, 三): read without splitting the string.
  if (text.length === 1 && Object.hasOwn(DIGITS, text)) return DIGITS[text] ?? null;
  const chars = [...text];
  // A run of bare digits without any unit is read positionally, as in years (二〇一九).
  if (chars.length > 1 && chars.every(isDigitChar)) {
    return Number(chars.map(digitValue).join(''));
  }
  let total = 0; // completed 万/亿 groups
  let section = 0; // value below the current large unit
  let digit: number | null = null;
  for (const c of chars) {
    if (Object.hasOwn(DIGITS, c)) {
      digit = DIGITS[c] ?? 0;
    } else if (Object.hasOwn(SMALL_UNITS, c)) {
      // 十五 means 15: a unit without a leading digit counts once.
      section += (digit ?? 1) * (SMALL_UNITS[c] ?? 0);
      digit = null;
    } else if (Object.hasOwn(LARGE_UNITS, c)) {
      const group = section + (digit ?? 0);
      if (c === '亿') total = (total + (group || 1)) * 1e8;
      else total += (group || 1) * 1e4;
      section = 0;
      digit = null;
    } else {
      return null;
    }
  }
  return total + section + (digit ?? 0);
}

/**
 * Parses digits after 点 (the decimal point in words): 六 → 0.6, 零五 → 0.05.
 * Returns null on anything but bare digits.
 */
export function parseChineseDecimals(text: string): number | null {
  const chars = [...text];
  if (chars.length === 0 || !chars.every(isDigitChar)) return null;
  return Number('0.' + chars.map(digitValue).join(''));
}
