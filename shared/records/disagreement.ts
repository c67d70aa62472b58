import { diffArrays, diffWords } from 'diff';
import type { SourceDisagreement } from './model.ts';
import { collapseSpace } from './side.ts';

/**
 * Comparing two copies of the same text found in one file (a page's visible text and its JSON
 * line). Both copies are kept on the record; this only reports where they differ.
 */

/** Normalises what a copy-and-paste or an HTML round trip changes without changing the text. */
function normalise(text: string): string {
  return collapseSpace(text)
    .replace(/\s*([:：])\s*/g, '$1 ')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .trim();
}

/*
 * `diffWords` cannot split Chinese (no spaces), so Chinese is compared as a sequence of tokens:
 * one Han character each, Latin words and numbers whole, punctuation one by one.
 */
function chineseTokens(text: string): string[] {
  return text.match(/\p{Script=Han}|[A-Za-z0-9]+|\s+|[^\s\p{Script=Han}A-Za-z0-9]/gu) ?? [];
}

/**
 * Compares `a` (the page text) with `b` (the JSON copy) of a field; returns null when they agree
 * after normalising whitespace and quotes, otherwise the differing parts and a one-line summary.
 */
export function compareCopies(field: string, a: string, b: string, lang: 'en' | 'zh'): SourceDisagreement | null {
  // Sites add or drop a title's final full stop between the page and its JSON: not a disagreement.
  const trim = (text: string): string => (/title$/i.test(field) ? normalise(text).replace(/[.。]$/, '') : normalise(text));
  const na = trim(a);
  const nb = trim(b);
  if (na === nb) return null;
  let parts: SourceDisagreement['parts'];
  if (lang === 'en') {
    parts = diffWords(na, nb).map((c) => ({ value: c.value, ...(c.added ? { added: true } : {}), ...(c.removed ? { removed: true } : {}) }));
  } else {
    parts = diffArrays(chineseTokens(na), chineseTokens(nb)).map((c) => ({
      value: c.value.join(''),
      ...(c.added ? { added: true } : {}),
      ...(c.removed ? { removed: true } : {}),
    }));
  }
  const unit = (n: number): string => `${n} ${lang === 'en' ? 'word' : 'character'}${n === 1 ? '' : 's'}`;
  const count = (pred: (p: SourceDisagreement['parts'][number]) => boolean | undefined): number =>
    parts
      .filter(pred)
      .map((p) => (lang === 'en' ? p.value.split(/\s+/).filter((w) => w !== '').length : chineseTokens(p.value).filter((t) => t.trim() !== '').length))
      .reduce((x, y) => x + y, 0);
  const onlyB = count((p) => p.added);
  const onlyA = count((p) => p.removed);
  const summary =
    na === '' ? `${field}: only the JSON has it`
    : nb === '' ? `${field}: only the page text has it`
    : `${field}: the JSON has ${unit(onlyB)} the page text lacks; the page text has ${unit(onlyA)} the JSON lacks`;
  return { field, summary, parts, a, b };
}
