/**
 * Aligns a whole record: sections first (labels, or recovered seams where labels were lost), then
 * sentences inside each section, then merged Chinese sentences are split at their seams so every
 * English sentence can sit beside its own piece of Chinese. Pure and deterministic: it runs in a
 * Web Worker for the renderer and in Node for the CLI and the benchmark.
 */
import type { ReviewRecord } from '../records/model.ts';
import type { SectionLabelMatch } from '../records/sectionLabels.ts';
import type { Sentence } from '../segment/types.ts';
import { segmentSide } from '../segment/side.ts';
import { segmentChinese } from '../segment/chinese.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { defaultLexicon } from '../lexicon/defaultLexicon.ts';
import { alignSentences } from './alignSentences.ts';
import { alignSectionSpans, type SectionSpan } from './sectionSpans.ts';
import { splitAtSeams } from './seams.ts';
import { RenderingScreen } from './renderingScreen.ts';
import { chineseLength, englishFeatures, type EnglishFeatures } from './textFeatures.ts';
import type { AlignmentLink, RecordAlignment, SectionAlignment } from './types.ts';

/** Options for `alignRecord`. */
export interface AlignRecordOptions {
  lexicon?: Lexicon | null;
  /** Split merged Chinese sentences at their seams (default true). */
  splitSeams?: boolean;
  /** `findSectionLabels(record.zh.abstract, 'zh')`, when the caller has found them already. */
  zhLabels?: readonly SectionLabelMatch[];
}

/** Aligns a record's English and Chinese abstracts: sentences, links and section spans. */
export function alignRecord(record: ReviewRecord, options: AlignRecordOptions = {}): RecordAlignment {
  const lexicon = options.lexicon === undefined ? defaultLexicon() : options.lexicon;
  if (record.presegmented) return alignPresegmented(record, lexicon);
  const en = segmentSide(record.en, 'en');
  const zhSide = record.zh;
  if (!zhSide || zhSide.abstract.trim() === '') {
    return { en, zh: [], links: en.map((_, i) => ({ en: [i], zh: [], confidence: 1 })), sections: [] };
  }
  const zhText = zhSide.abstract;
  // The loops below are plain loops rather than `map`/`forEach` with arrow functions: this runs
  // once per record, and a closure created on each call loses its optimised code at every major GC
  // (V8 keeps it only while an instance is alive), and `alignRecord` with it when it was inlined.
  // Each English sentence's tokens and length, measured once for the ratio, the section lengths, the DP and the seams.
  const enFeatures: EnglishFeatures[] = [];
  // The sentences' lengths add up to the length of their text joined by spaces, which count for nothing.
  let enLength = 0;
  for (const s of en) {
    const features = englishFeatures(s.text);
    enFeatures.push(features);
    enLength += features.length;
  }
  const ratio = lengthRatio(enLength, zhText);
  const sections = record.en.sections.length > 0 ? record.en.sections : [{ kind: 'other' as const, label: null, text: record.en.abstract, start: 0 }];
  const enLengths = filled(sections.length, 0);
  for (let i = 0; i < en.length; i++) {
    const k = en[i]!.sectionIndex;
    if (k < enLengths.length) enLengths[k]! += enFeatures[i]!.length;
  }
  const spans = alignSectionSpans(sections, enLengths, zhText, ratio, options.zhLabels);

  // Sections whose boundary could not be recovered share their neighbour's span: align them together.
  const groups: SectionSpan[][] = [];
  /** Per English section, the group its span belongs to (-1 for none). */
  const groupOfSection = filled(sections.length, -1);
  for (const span of spans) {
    if (span.boundary === 'none' && groups.length > 0) groups[groups.length - 1]!.push(span);
    else groups.push([span]);
    groupOfSection[span.enSection] = groups.length - 1;
  }

  // One rendering screen over the whole translation serves every section and seam: a word's
  // renderings are looked up and screened once per record (a superset for each section is fine,
  // since every pair still searches its own sentence).
  const screen = new RenderingScreen(zhText, lexicon);
  const zh: Sentence[] = [];
  const links: AlignmentLink[] = [];
  const sectionResults: SectionAlignment[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const head = group[0]!;
    const enIdx: number[] = [];
    const enOfGroup: EnglishFeatures[] = [];
    for (let i = 0; i < en.length; i++) {
      if (groupOfSection[en[i]!.sectionIndex] !== g) continue;
      enIdx.push(i);
      enOfGroup.push(enFeatures[i]!);
    }
    let zhEndOfGroup = -Infinity;
    for (const span of group) zhEndOfGroup = Math.max(zhEndOfGroup, span.zhEnd);
    const body = zhText.slice(head.bodyStart, zhEndOfGroup);
    // Clauses joined by ； are kept together here: English writes most of them with ";" inside one
    // sentence, and where English does have two sentences the seam splitter cuts at the ； anyway.
    const pieces: Sentence[] = [];
    const pieceTexts: string[] = [];
    for (const p of segmentChinese(body, { semicolons: false })) {
      pieces.push({ text: p.text, start: head.bodyStart + p.start, end: head.bodyStart + p.end, section: head.kind, sectionIndex: head.enSection });
      pieceTexts.push(p.text);
    }
    const local = alignSentences(enOfGroup, pieceTexts, { lexicon, ratio, screen });
    const zhFirst = zh.length;
    for (const link of local) {
      const enIds: number[] = [];
      for (const i of link.en) enIds.push(enIdx[i]!);
      const split = options.splitSeams !== false && enIds.length >= 2 && link.zh.length === 1
        ? splitAtSeams(featuresOf(enFeatures, enIds), pieces[link.zh[0]!]!.text, lexicon, ratio, screen)
        : null;
      if (split) {
        const whole = pieces[link.zh[0]!]!;
        for (let p = 0; p < split.length; p++) {
          const piece = split[p]!;
          const text = whole.text.slice(piece.start, piece.end);
          const lead = text.length - text.trimStart().length;
          const trail = text.length - text.trimEnd().length;
          zh.push({ ...whole, text: text.trim(), start: whole.start + piece.start + lead, end: whole.start + piece.end - trail });
          links.push({ en: [enIds[p]!], zh: [zh.length - 1], confidence: link.confidence });
        }
        continue;
      }
      const zhIds: number[] = [];
      for (const j of link.zh) {
        zh.push(pieces[j]!);
        zhIds.push(zh.length - 1);
      }
      links.push({ en: enIds, zh: zhIds, confidence: link.confidence });
    }
    for (const span of group) {
      const own: number[] = [];
      for (const i of enIdx) {
        if (en[i]!.sectionIndex === span.enSection) own.push(i);
      }
      sectionResults.push({
        kind: span.kind,
        enSection: span.enSection,
        enLabel: sections[span.enSection]!.label,
        zhLabel: span.zhLabel,
        labelMissing: sections[span.enSection]!.label !== null && span.zhLabel === null,
        boundary: span.boundary,
        zhStart: span.bodyStart,
        zhEnd: span.zhEnd,
        enSentences: own.length ? [own[0]!, own[own.length - 1]! + 1] : [enIdx[0] ?? 0, enIdx[0] ?? 0],
        zhSentences: [zhFirst, zh.length],
      });
    }
  }
  // Pieces inherit the section of the English sentence they translate, which is what the view
  // groups by. Each piece is a fresh object of this call's and in one link only, so it is updated
  // in place. A section's Chinese sentences run from the first to the last piece of any link
  // holding one of its English sentences.
  const zhFirstOf = filled(sections.length, Infinity);
  const zhLastOf = filled(sections.length, -Infinity);
  for (const link of links) {
    const first = link.en[0];
    if (first === undefined) continue;
    for (const j of link.zh) {
      const piece = zh[j]!;
      piece.section = en[first]!.section;
      piece.sectionIndex = en[first]!.sectionIndex;
    }
    if (link.zh.length === 0) continue;
    const low = Math.min(...link.zh);
    const high = Math.max(...link.zh);
    for (const i of link.en) {
      const k = en[i]!.sectionIndex;
      if (k >= sections.length) continue;
      zhFirstOf[k] = Math.min(zhFirstOf[k]!, low);
      zhLastOf[k] = Math.max(zhLastOf[k]!, high);
    }
  }
  for (const result of sectionResults) {
    if (zhFirstOf[result.enSection]! <= zhLastOf[result.enSection]!) result.zhSentences = [zhFirstOf[result.enSection]!, zhLastOf[result.enSection]! + 1];
  }
  return { en, zh, links, sections: sectionResults };
}

/** An array of `length` copies of `value`, packed (as `push` builds it). */
function filled(length: number, value: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < length; k++) out.push(value);
  return out;
}

/** The features of the English sentences `ids`, in order. */
function featuresOf(enFeatures: readonly EnglishFeatures[], ids: readonly number[]): EnglishFeatures[] {
  const out: EnglishFeatures[] = [];
  for (const i of ids) out.push(enFeatures[i]!);
  return out;
}

/** Chinese length units per English character over the whole record, given the English length. */
function lengthRatio(e: number, zh: string): number {
  const z = chineseLength(zh);
  return e > 0 && z > 0 ? z / e : 1;
}

/**
 * Sentence-aligned formats: the sentences are given; locate them in the abstracts for offsets.
 * When the rows are pairs (TSV, TMX, XLIFF), the pairing is the file's and is kept as is, an empty
 * side becoming an omission or an addition; otherwise (WMT, each side split on its own) the
 * sentences are aligned.
 */
function alignPresegmented(record: ReviewRecord, lexicon: Lexicon | null): RecordAlignment {
  const given = record.presegmented!;
  const locate = (sentences: string[], abstract: string): Sentence[] => {
    let from = 0;
    return sentences.map((text) => {
      const at = abstract.indexOf(text, from);
      const start = at >= 0 ? at : from;
      if (at >= 0) from = at + text.length;
      return { text, start, end: at >= 0 ? at + text.length : start, section: 'other', sectionIndex: 0 };
    });
  };
  if (given.aligned) {
    const enTexts: string[] = [];
    const zhTexts: string[] = [];
    const links: AlignmentLink[] = [];
    given.en.forEach((enText, row) => {
      const zhText = given.zh[row] ?? '';
      const hasEn = enText.trim() !== '';
      const hasZh = zhText.trim() !== '';
      if (!hasEn && !hasZh) return;
      links.push({ en: hasEn ? [enTexts.length] : [], zh: hasZh ? [zhTexts.length] : [], confidence: 1 });
      if (hasEn) enTexts.push(enText);
      if (hasZh) zhTexts.push(zhText);
    });
    for (const zhText of given.zh.slice(given.en.length)) {
      if (zhText.trim() === '') continue;
      links.push({ en: [], zh: [zhTexts.length], confidence: 1 });
      zhTexts.push(zhText);
    }
    return { en: locate(enTexts, record.en.abstract), zh: locate(zhTexts, record.zh?.abstract ?? ''), links, sections: [] };
  }
  const en = locate(given.en, record.en.abstract);
  const zh = locate(given.zh, record.zh?.abstract ?? '');
  const links = alignSentences(given.en, given.zh, { lexicon });
  return { en, zh, links, sections: [] };
}
