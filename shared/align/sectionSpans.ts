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
  // Plain loops rather than callbacks to `some`/`map`/`forEach` here and below: this runs once per
  // record, and a closure created on each call loses its optimised code at every major GC.
  let labelled = false;
  for (const s of enSections) labelled ||= s.label !== null;
  if (!labelled || enSections.length <= 1) {
    const unlabelled: SectionSpan[] = [];
    for (let k = 0; k < enSections.length; k++) {
      unlabelled.push({
        enSection: k, kind: enSections[k]!.kind, zhLabel: null, boundary: 'unlabelled',
        zhStart: k === 0 ? 0 : zhText.length, bodyStart: k === 0 ? 0 : zhText.length, zhEnd: zhText.length,
      });
    }
    return unlabelled;
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
    const zhStart = spans.length === 0 ? 0 : head ? head.start : spans[spans.length - 1]!.zhEnd;
    const bodyStart = head ? head.end : zhStart;
    const nextAnchor = anchor.get(k);
    const zhEnd = nextAnchor ? nextAnchor.start : zhText.length;
    const cuts = chooseCuts(zhText, bodyStart, zhEnd, enLengths.slice(groupStart, k), ratio);
    for (let m = groupStart; m < k; m++) {
      const idx = m - groupStart;
      const start = idx === 0 ? zhStart : cuts[idx - 1]!.at;
      const body = idx === 0 ? bodyStart : start;
      const end = m < k - 1 ? cuts[idx]!.at : zhEnd;
      const isHead = idx === 0 && head !== undefined;
      const boundary: BoundarySource = isHead ? 'label' : idx === 0 ? (groupStart === 0 ? 'sentence' : 'none') : cuts[idx - 1]!.source;
      spans.push({ enSection: m, kind: enSections[m]!.kind, zhLabel: isHead ? head.label : null, boundary, zhStart: start, bodyStart: body, zhEnd: end });
    }
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
function chooseCuts(zhText: string, from: number, to: number, lengths: readonly number[], ratio: number): Cut[] {
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
    if (at < trimEnd(zhText, from, to) && !hasCutAt(candidates, at)) candidates.push({ at, source: 'sentence' });
  }
  candidates.sort(byPosition);
  if (candidates.length < needed) {
    const none: Cut[] = [];
    for (let c = 0; c < needed; c++) none.push({ at: to, source: 'none' });
    return none;
  }
  const search = new CutSearch(zhText, to, lengths, ratio, candidates);
  search.choose(0, [], 0, from);
  return search.best;
}

function hasCutAt(cuts: readonly Cut[], at: number): boolean {
  for (const c of cuts) {
    if (c.at === at) return true;
  }
  return false;
}

function byPosition(a: Cut, b: Cut): number {
  return a.at - b.at;
}

/** The search for the cheapest cuts of `chooseCuts` (branch and bound over the candidates in order). */
class CutSearch {
  private readonly zhText: string;
  private readonly to: number;
  private readonly lengths: readonly number[];
  private readonly ratio: number;
  private readonly candidates: readonly Cut[];
  private readonly needed: number;
  private readonly total: number;
  best: Cut[] = [];
  private bestCost = Infinity;

  constructor(zhText: string, to: number, lengths: readonly number[], ratio: number, candidates: readonly Cut[]) {
    this.zhText = zhText;
    this.to = to;
    this.lengths = lengths;
    this.ratio = ratio;
    this.candidates = candidates;
    this.needed = lengths.length - 1;
    let total = 0;
    for (const length of lengths) total += length;
    this.total = total || 1;
  }

  choose(startIdx: number, chosen: Cut[], cost: number, partStart: number): void {
    const part = chosen.length;
    if (cost >= this.bestCost) return;
    if (part === this.needed) {
      const final = cost + Math.abs(this.zhLen(partStart, this.to) - this.lengths[part]!) / this.total;
      if (final < this.bestCost) {
        this.bestCost = final;
        this.best = [...chosen];
      }
      return;
    }
    for (let c = startIdx; c <= this.candidates.length - (this.needed - part); c++) {
      const cut = this.candidates[c]!;
      const misfit = Math.abs(this.zhLen(partStart, cut.at) - this.lengths[part]!) / this.total;
      this.choose(c + 1, [...chosen, cut], cost + misfit + (cut.source === 'colon' ? 0 : SENTENCE_CUT_COST), cut.at);
    }
  }

  private zhLen(a: number, b: number): number {
    return chineseLength(this.zhText.slice(a, b)) / this.ratio;
  }
}

function trimEnd(text: string, from: number, to: number): number {
  let e = to;
  while (e > from && /[\s:：]/.test(text[e - 1]!)) e--;
  return e;
}

