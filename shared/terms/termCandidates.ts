/**
 * English term candidates in a record, found generically: acronyms and codes (PTSD, MDMA, IL-6),
 * and capitalised multiword names (Heart-Healthy Lenoir Project). These are the terms a
 * translator must render the same way every time; which rendering each sentence uses is found
 * by `termRenderings.ts`, never from a list of known terms.
 */

/** Upper-case words that are section labels or Roman numerals, not terms. */
const NOT_TERMS = /^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|BACKGROUND|OBJECTIVES?|METHODS?|RESULTS?|CONCLUSIONS?|AIMS?|PURPOSE|DESIGN|SETTING|PARTICIPANTS|AND|OR|OF|THE|CI|OR|HR|RR|SD|SE|IQR|vs)$/;

/** A term and where it occurs in one sentence. */
export interface TermOccurrence {
  term: string;
  start: number;
  end: number;
}

/**
 * Finds acronyms (two or more capitals, digits and hyphenated parts allowed) and capitalised
 * multiword names in an English sentence. Statistics abbreviations (CI, OR, SD) are left out:
 * they are conventions, not terms with competing renderings.
 */
export function findTermCandidates(sentence: string): TermOccurrence[] {
  const out: TermOccurrence[] = [];
  // Both patterns need two capitals; most sentences have only their first, and this spares them
  // both regular expressions.
  if (!hasTwoCapitals(sentence)) return out;
  for (const m of sentence.matchAll(/(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Z0-9]+)*(?![A-Za-z0-9])/g)) {
    if (NOT_TERMS.test(m[0])) continue;
    if ((m[0].match(/[A-Z]/g)?.length ?? 0) < 2) continue;
    out.push({ term: m[0], start: m.index, end: m.index + m[0].length });
  }
  // Names of two or more capitalised words, away from the sentence start.
  for (const m of sentence.matchAll(/(?<=[a-z,;]\s)(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)*)(?:\s[A-Z][a-z]+(?:-[A-Z][a-z]+)*)+/g)) {
    out.push({ term: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out.sort(byStart);
}

// Module level rather than a closure made on each call: V8 drops a per-call closure's optimised
// code at every major GC and compiles it again.
const byStart = (a: TermOccurrence, b: TermOccurrence): number => a.start - b.start;

function hasTwoCapitals(text: string): boolean {
  let seen = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0x41 && code <= 0x5a && ++seen === 2) return true;
  }
  return false;
}

/** True when `term` occurs in `text` as a whole word (MDMA in "MDMA-assisted", not in "MDMAX"). */
export function containsTerm(text: string, term: string): boolean {
  let i = text.indexOf(term);
  while (i >= 0) {
    if (!isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i + term.length))) return true;
    i = text.indexOf(term, i + 1);
  }
  return false;
}

/** True for an ASCII letter or digit (false for NaN, past either end of a text). */
function isWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
