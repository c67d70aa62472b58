/**
 * Section alignment: which span of the Chinese abstract translates each English section.
 *
 * Labels the translation kept are paired with English sections of the same kind, in order. A
 * label the translation lost leaves its section inside the previous section's span; machine
 * translation typically leaves a bare colon where the label stood ("…增强治疗联盟:在军事人群…"),
 * so the boundary is recovered at a bare colon when there is one, otherwise at the sentence end
 * whose position best matches the English sections' share of the text.
 */
import type { Section, SectionKind } from '../records/model.ts';
import { findSectionLabels, type SectionLabelMatch } from '../records/sectionLabels.ts';
import type { BoundarySource } from './types.ts';
import { segmentChinese } from '../segment/chinese.ts';
import { chineseLength } from './textFeatures.ts';

/** One English section's Chinese span, before sentence alignment. */
export interface SectionSpan {
  enSection: number;
  kind: SectionKind;
  zhLabel: string | null;
  boundary: BoundarySource;
  /** Where the label starts (or the body, when there is no label); spans tile the text. */
  zhStart: number;
  /** Where the body starts (after the label). */
  bodyStart: number;
  zhEnd: number;
}

/** Extra cost of cutting at a sentence end rather than at a bare colon, in units of length misfit. */
const SENTENCE_CUT_COST = 0.15;

/**
 * Finds the Chinese span of every English section. `enLengths[k]` is section k's length in
 * English characters; `ratio` converts Chinese length units to English ones. `zhLabels` are
 * `findSectionLabels(zhText, 'zh')`, when the caller has them already.
 */
export function alignSectionSpans(enSections: readonly Section[], enLengths: readonly number[], zhText: string, ratio: number, zhLabels?: readonly SectionLabelMatch[]): SectionSpan[] {
  const labelled = enSections.some((s) => s.label !== null);
  if (!labelled || enSections.length <= 1) {
    return enSections.map((s, k) => ({
      enSection: k, kind: s.kind, zhLabel: null, boundary: 'unlabelled' as const,
      zhStart: k === 0 ? 0 : zhText.length, bodyStart: k === 0 ? 0 : zhText.length, zhEnd: zhText.length,
    }));
  }
  // Pair kept labels with English sections of the same kind, monotonically.
  const labels = zhLabels ?? findSectionLabels(zhText, 'zh');
  const anchor = new Map<number, { label: string; start: number; end: number }>();
  let next = 0;
  for (const found of labels) {
    for (let k = next; k < enSections.length; k++) {
      if (enSections[k]!.kind === found.kind && enSections[k]!.label !== null) {
        anchor.set(k, found);
        next = k + 1;
        break;
      }
    }
  }
  const spans: SectionSpan[] = [];
  // Groups: an anchored section (or the text start) followed by sections whose label was lost.
  let k = 0;
  while (k < enSections.length) {
    const head = anchor.get(k);
    const groupStart = k;
    k++;
    while (k < enSections.length && !anchor.has(k)) k++;
    const members = range(groupStart, k);
    const zhStart = spans.length === 0 ? 0 : head ? head.start : spans[spans.length - 1]!.zhEnd;
    const bodyStart = head ? head.end : zhStart;
    const nextAnchor = anchor.get(k);
    const zhEnd = nextAnchor ? nextAnchor.start : zhText.length;
    const cuts = chooseCuts(zhText, bodyStart, zhEnd, members.map((m) => enLengths[m]!), ratio);
    members.forEach((m, idx) => {
      const start = idx === 0 ? zhStart : cuts[idx - 1]!.at;
      const body = idx === 0 ? bodyStart : start;
      const end = idx < members.length - 1 ? cuts[idx]!.at : zhEnd;
      const isHead = idx === 0 && head !== undefined;
      const boundary: BoundarySource = isHead ? 'label' : idx === 0 ? (groupStart === 0 ? 'sentence' : 'none') : cuts[idx - 1]!.source;
      spans.push({ enSection: m, kind: enSections[m]!.kind, zhLabel: isHead ? head.label : null, boundary, zhStart: start, bodyStart: body, zhEnd: end });
    });
  }
  return spans;
}

interface Cut {
  at: number;
  source: BoundarySource;
}

/**
 * Chooses `lengths.length - 1` cut points in zhText[from, to) so that the parts' lengths follow
 * the English sections' lengths, preferring bare colons. Parts that cannot be cut get an empty
 * span at the group's end ("none").
 */
function chooseCuts(zhText: string, from: number, to: number, lengths: number[], ratio: number): Cut[] {
  const needed = lengths.length - 1;
  if (needed === 0) return [];
  const candidates: Cut[] = [];
  for (let i = from; i < to; i++) {
    const ch = zhText[i]!;
    if ((ch === ':' || ch === '：') && !/\d/.test(zhText[i - 1] ?? '') && i + 1 < trimEnd(zhText, from, to)) {
      candidates.push({ at: i + 1, source: 'colon' });
    }
  }
  for (const span of segmentChinese(zhText.slice(from, to))) {
    const at = from + span.end;
    if (at < trimEnd(zhText, from, to) && !candidates.some((c) => c.at === at)) candidates.push({ at, source: 'sentence' });
  }
  candidates.sort((a, b) => a.at - b.at);
  if (candidates.length < needed) {
    return range(0, needed).map(() => ({ at: to, source: 'none' as const }));
  }
  const total = lengths.reduce((a, b) => a + b, 0) || 1;
  const zhLen = (a: number, b: number) => chineseLength(zhText.slice(a, b)) / ratio;
  let best: Cut[] = [];
  let bestCost = Infinity;
  const choose = (startIdx: number, chosen: Cut[], cost: number, partStart: number) => {
    const part = chosen.length;
    if (cost >= bestCost) return;
    if (part === needed) {
      const final = cost + Math.abs(zhLen(partStart, to) - lengths[part]!) / total;
      if (final < bestCost) {
        bestCost = final;
        best = [...chosen];
      }
      return;
    }
    for (let c = startIdx; c <= candidates.length - (needed - part); c++) {
      const cut = candidates[c]!;
      const misfit = Math.abs(zhLen(partStart, cut.at) - lengths[part]!) / total;
      choose(c + 1, [...chosen, cut], cost + misfit + (cut.source === 'colon' ? 0 : SENTENCE_CUT_COST), cut.at);
    }
  };
  choose(0, [], 0, from);
  return best;
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /[\s:：]/.test(text[e - 1]!)) e--;
  return e;
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}
