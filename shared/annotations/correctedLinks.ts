/**
 * Hand corrections of a record's alignment as the store keeps them, and back.
 *
 * The store logs corrections as rows "link these sentences" / "unlink these sentences"
 * (`AlignmentCorrection`), append-only, so a correction and its undo are both on record. A hand
 * edit (merge, split, relink, or undoing one) turns into one such batch: the links it removed are
 * unlinked and the links it made are linked (`linkChanges`). Replaying the log over the automatic
 * alignment (`replayCorrections`) gives the reviewer's alignment back after a restart, and the
 * main side gets the same alignment for exports from the same function.
 *
 * Why a log of link sets rather than a snapshot of all links: the automatic alignment is
 * deterministic, so the log stays small (two or three rows per edit), and a correction made on
 * one part of a record still applies when nothing else changed. When the aligner changes and the
 * log no longer fits (a sentence left uncovered, links out of order), replay says so and the
 * automatic alignment is used: a broken alignment must never be shown as the reviewer's.
 */
import type { AlignmentLink } from '../align/types.ts';
import type { AlignmentCorrection } from '../contract/annotations.ts';
import { MANUAL_CONFIDENCE } from './alignmentEdits.ts';

/** The sentences of one link, without its confidence: what the correction log stores. */
export interface LinkSentences {
  en: number[];
  zh: number[];
}

/** What an edit changed: the links that went away and the links that came. */
export interface LinkChanges {
  unlink: LinkSentences[];
  link: LinkSentences[];
}

function keyOf(link: LinkSentences): string {
  return `${link.en.join(',')}|${link.zh.join(',')}`;
}

/**
 * The difference between two alignments of one record as unlink/link batches. Links present in
 * both (same sentences on both sides) are left out whatever their confidence.
 */
export function linkChanges(before: readonly AlignmentLink[], after: readonly AlignmentLink[]): LinkChanges {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  return {
    unlink: before.filter((l) => !afterKeys.has(keyOf(l))).map((l) => ({ en: [...l.en], zh: [...l.zh] })),
    link: after.filter((l) => !beforeKeys.has(keyOf(l))).map((l) => ({ en: [...l.en], zh: [...l.zh] })),
  };
}

export type ReplayResult =
  | { ok: true; links: AlignmentLink[]; corrected: boolean }
  | { ok: false; links: AlignmentLink[]; corrected: false; error: string };

/**
 * Applies the correction log (oldest first) to the automatic links. A re-made automatic link keeps
 * its automatic confidence (undoing a merge gives back the aligner's own links); other links made
 * by hand get `MANUAL_CONFIDENCE`. Returns the automatic links with an error when the result is not
 * a valid alignment of `enCount` × `zhCount` sentences.
 */
export function replayCorrections(
  automatic: readonly AlignmentLink[],
  corrections: readonly Pick<AlignmentCorrection, 'action' | 'enSentences' | 'zhSentences'>[],
  enCount: number,
  zhCount: number,
): ReplayResult {
  if (corrections.length === 0) return { ok: true, links: [...automatic], corrected: false };
  const automaticByKey = new Map(automatic.map((l) => [keyOf(l), l]));
  const current = new Map<string, AlignmentLink>(automatic.map((l) => [keyOf(l), l]));
  for (const correction of corrections) {
    const sentences = { en: correction.enSentences, zh: correction.zhSentences };
    const key = keyOf(sentences);
    if (correction.action === 'unlink') current.delete(key);
    else current.set(key, automaticByKey.get(key) ?? { ...sentences, confidence: MANUAL_CONFIDENCE });
  }
  const ordered = orderLinks([...current.values()], enCount, zhCount);
  if (!ordered) return { ok: false, links: [...automatic], corrected: false, error: 'the saved alignment corrections no longer fit this record' };
  const corrected = ordered.length !== automatic.length || ordered.some((l, i) => keyOf(l) !== keyOf(automatic[i]!));
  return { ok: true, links: ordered, corrected };
}

/**
 * Puts a set of links in reading order, or returns null when they are not a valid alignment:
 * walking both sides from the start, the next link must begin exactly where each side it has left
 * off, every sentence must be used once and every link must be contiguous and non-empty.
 * A set does not say in which order an English-only and a Chinese-only link at the same place
 * came (both orders are the same alignment); English-only goes first, so replay is deterministic.
 */
function orderLinks(links: readonly AlignmentLink[], enCount: number, zhCount: number): AlignmentLink[] | null {
  const remaining = new Set(links);
  const ordered: AlignmentLink[] = [];
  let nextEn = 0;
  let nextZh = 0;
  const fits = (ids: readonly number[], next: number) => ids.every((id, k) => id === next + k);
  while (remaining.size > 0) {
    let found: AlignmentLink | null = null;
    for (const link of remaining) {
      if (link.en.length + link.zh.length === 0) return null;
      if (fits(link.en, nextEn) && fits(link.zh, nextZh) && (!found || rank(link) < rank(found))) found = link;
    }
    if (!found) return null;
    remaining.delete(found);
    ordered.push(found);
    nextEn += found.en.length;
    nextZh += found.zh.length;
  }
  return nextEn === enCount && nextZh === zhCount ? ordered : null;
}

/** Among links that could come next: two-sided first, then English-only, then Chinese-only. */
function rank(link: AlignmentLink): number {
  if (link.en.length > 0 && link.zh.length > 0) return 0;
  return link.en.length > 0 ? 1 : 2;
}
