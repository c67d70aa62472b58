/**
 * Hand corrections of a sentence alignment, as alignment editors such as InterText offer them:
 * merge two neighbouring links, split one link in two, move the boundary between two links.
 *
 * Every edit keeps the invariants the aligner guarantees (see `checkAlignment`): each sentence of
 * each side sits in exactly one link, links are monotone and each link's indices are contiguous.
 * Links touched by an edit get confidence 1: a reviewer made them. An edit that would break an
 * invariant is refused with a reason, never applied halfway.
 */
import type { AlignmentLink } from '../align/types.ts';
import { fail, ok, type Result } from '../contract/result.ts';

type Side = 'en' | 'zh';

/** One hand edit, as plain data so it can travel through the undo history and the store. */
export type AlignmentEdit =
  | { kind: 'merge'; link: number }
  | { kind: 'split'; link: number; en: number; zh: number }
  | { kind: 'relink'; link: number; side: Side; delta: number };

/** Confidence given to a link a reviewer made or changed. */
export const MANUAL_CONFIDENCE = 1;

/**
 * Merges link `index` with link `index + 1` into one link holding both sides' sentences
 * (a 1-1 and a 1-0 become a 2-1, for example).
 */
export function mergeLinks(links: readonly AlignmentLink[], index: number): Result<AlignmentLink[]> {
  const a = links[index];
  const b = links[index + 1];
  if (!a || !b) return fail(`no links ${index} and ${index + 1} to merge`);
  const merged: AlignmentLink = { en: [...a.en, ...b.en], zh: [...a.zh, ...b.zh], confidence: MANUAL_CONFIDENCE };
  return ok([...links.slice(0, index), merged, ...links.slice(index + 2)]);
}

/**
 * Splits link `index` into two: the first keeps its first `en` English and first `zh` Chinese
 * sentences, the second the rest. One side of a part may be empty (a 2-1 split at en 1, zh 1 gives
 * a 1-1 and a 1-0), but neither part may be empty on both sides.
 */
export function splitLink(links: readonly AlignmentLink[], index: number, en: number, zh: number): Result<AlignmentLink[]> {
  const link = links[index];
  if (!link) return fail(`no link ${index} to split`);
  if (!Number.isInteger(en) || !Number.isInteger(zh) || en < 0 || zh < 0 || en > link.en.length || zh > link.zh.length) {
    return fail(`split point (${en}, ${zh}) lies outside link ${index}`);
  }
  if (en + zh === 0 || (en === link.en.length && zh === link.zh.length)) {
    return fail('a split must leave sentences on both parts');
  }
  const first: AlignmentLink = { en: link.en.slice(0, en), zh: link.zh.slice(0, zh), confidence: MANUAL_CONFIDENCE };
  const second: AlignmentLink = { en: link.en.slice(en), zh: link.zh.slice(zh), confidence: MANUAL_CONFIDENCE };
  return ok([...links.slice(0, index), first, second, ...links.slice(index + 1)]);
}

/**
 * Moves the boundary between link `index` and link `index + 1` on one side by `delta` sentences:
 * positive moves sentences from the start of the next link to the end of this one, negative moves
 * them from the end of this link to the start of the next. This is how a reviewer fixes "this
 * Chinese sentence belongs with the English one above". Refused when a link would be left empty
 * on both sides; to drop a link entirely, merge instead.
 */
export function relinkBoundary(links: readonly AlignmentLink[], index: number, side: Side, delta: number): Result<AlignmentLink[]> {
  const a = links[index];
  const b = links[index + 1];
  if (!a || !b) return fail(`no boundary after link ${index}`);
  if (!Number.isInteger(delta) || delta === 0) return fail('move the boundary by a whole, non-zero number of sentences');
  const moved = delta > 0 ? b[side].slice(0, delta) : a[side].slice(a[side].length + delta);
  if (moved.length !== Math.abs(delta)) return fail(`link ${delta > 0 ? index + 1 : index} has fewer than ${Math.abs(delta)} ${side} sentences`);
  const nextA: AlignmentLink = { ...a, [side]: delta > 0 ? [...a[side], ...moved] : a[side].slice(0, a[side].length + delta), confidence: MANUAL_CONFIDENCE };
  const nextB: AlignmentLink = { ...b, [side]: delta > 0 ? b[side].slice(delta) : [...moved, ...b[side]], confidence: MANUAL_CONFIDENCE };
  if (isEmpty(nextA) || isEmpty(nextB)) return fail('the move would leave a link with no sentences; merge the links instead');
  return ok([...links.slice(0, index), nextA, nextB, ...links.slice(index + 2)]);
}

/** Applies one `AlignmentEdit` (the dispatcher the undo history uses). */
export function applyAlignmentEdit(links: readonly AlignmentLink[], edit: AlignmentEdit): Result<AlignmentLink[]> {
  switch (edit.kind) {
    case 'merge':
      return mergeLinks(links, edit.link);
    case 'split':
      return splitLink(links, edit.link, edit.en, edit.zh);
    case 'relink':
      return relinkBoundary(links, edit.link, edit.side, edit.delta);
  }
}

/**
 * Lists every violated invariant of `links` for `enCount` English and `zhCount` Chinese
 * sentences (empty when the alignment is valid): each sentence in exactly one link, in order
 * (so links are monotone and contiguous on both sides), and no link empty on both sides.
 */
export function checkAlignment(links: readonly AlignmentLink[], enCount: number, zhCount: number): string[] {
  const problems: string[] = [];
  const next = { en: 0, zh: 0 };
  links.forEach((link, i) => {
    if (isEmpty(link)) problems.push(`link ${i} has no sentences`);
    for (const side of ['en', 'zh'] as const) {
      for (const sentence of link[side]) {
        if (sentence !== next[side]) problems.push(`link ${i}: ${side} sentence ${sentence} where ${next[side]} was expected`);
        next[side] = sentence + 1;
      }
    }
  });
  if (next.en !== enCount) problems.push(`English sentences end at ${next.en}, expected ${enCount}`);
  if (next.zh !== zhCount) problems.push(`Chinese sentences end at ${next.zh}, expected ${zhCount}`);
  return problems;
}

function isEmpty(link: AlignmentLink): boolean {
  return link.en.length === 0 && link.zh.length === 0;
}
