/**
 * Aligned links as text segments, the unit most exchange formats want (an MQM row, an XLIFF
 * unit, a TMX translation unit), and the placement of annotations and flags on them.
 */
import type { AlignmentLink } from '../align/types.ts';
import { findingKey, liveAnnotations, spanInSentence, type Annotation, type FlagDecision } from '../annotations/model.ts';
import type { Finding } from '../checks/types.ts';
import type { Sentence } from '../segment/types.ts';
import type { ReviewExportRecord } from './types.ts';

/** One aligned link as source and target text. */
export interface LinkSegment {
  /** Position of the link in the record's alignment (0-based). */
  index: number;
  link: AlignmentLink;
  /** English sentences of the link joined with a space. */
  source: string;
  /** Chinese sentences of the link joined with nothing (Chinese does not space sentences). */
  target: string;
  /** Offset in `source` / `target` where each of the link's sentences starts, by sentence index. */
  sourceStarts: ReadonlyMap<number, number>;
  targetStarts: ReadonlyMap<number, number>;
}

/** A span placed in a segment: which text it marks and where. */
export interface SegmentSpan {
  field: 'source' | 'target';
  start: number;
  end: number;
}

/** The record's links as segments, in alignment order. */
export function linkSegments(entry: Pick<ReviewExportRecord, 'links' | 'sentences'>): LinkSegment[] {
  return entry.links.map((link, index) => {
    const en = join(link.en, entry.sentences.en, ' ');
    const zh = join(link.zh, entry.sentences.zh, '');
    return { index, link, source: en.text, target: zh.text, sourceStarts: en.starts, targetStarts: zh.starts };
  });
}

function join(indices: readonly number[], sentences: readonly Sentence[], separator: string): { text: string; starts: Map<number, number> } {
  const starts = new Map<number, number>();
  let text = '';
  for (const i of indices) {
    if (text !== '') text += separator;
    starts.set(i, text.length);
    text += sentences[i]?.text ?? '';
  }
  return { text, starts };
}

/**
 * The index of the link an annotation belongs to: the one holding the sentence its span is in,
 * else its first Chinese sentence, else its first English one; -1 when none is in the alignment.
 * An annotation over several links is placed once, on the first, so exports do not count it twice.
 */
export function linkOfAnnotation(entry: Pick<ReviewExportRecord, 'links' | 'sentences'>, annotation: Annotation): number {
  if (annotation.span) {
    const located = spanInSentence(annotation.span, entry.sentences[annotation.span.side]);
    if (located) {
      const side = located.side;
      const found = entry.links.findIndex((link) => link[side].includes(located.sentence));
      if (found >= 0) return found;
    }
  }
  const zh = annotation.zhSentences[0];
  if (zh !== undefined) {
    const found = entry.links.findIndex((link) => link.zh.includes(zh));
    if (found >= 0) return found;
  }
  const en = annotation.enSentences[0];
  return en === undefined ? -1 : entry.links.findIndex((link) => link.en.includes(en));
}

/** Where an annotation's span falls in a segment's source or target text; null without a span. */
export function spanInSegment(entry: Pick<ReviewExportRecord, 'sentences'>, segment: LinkSegment, annotation: Annotation): SegmentSpan | null {
  if (!annotation.span) return null;
  const located = spanInSentence(annotation.span, entry.sentences[annotation.span.side]);
  if (!located) return null;
  const starts = located.side === 'en' ? segment.sourceStarts : segment.targetStarts;
  const base = starts.get(located.sentence);
  if (base === undefined) return null;
  return { field: located.side === 'en' ? 'source' : 'target', start: base + located.start, end: base + located.end };
}

/** The record's live annotations grouped by link index (annotations placed nowhere under -1). */
export function annotationsByLink(entry: ReviewExportRecord): Map<number, Annotation[]> {
  const byLink = new Map<number, Annotation[]>();
  for (const annotation of liveAnnotations(entry.annotations)) {
    const index = linkOfAnnotation(entry, annotation);
    byLink.set(index, [...(byLink.get(index) ?? []), annotation]);
  }
  return byLink;
}

/** A finding with the reviewer's decision on it (null while undecided). */
export interface DecidedFinding {
  finding: Finding;
  key: string;
  decision: FlagDecision | null;
}

/** Pairs each finding with its decision through the stable finding key. */
export function decidedFindings(entry: Pick<ReviewExportRecord, 'findings' | 'decisions'>): DecidedFinding[] {
  const byKey = new Map(entry.decisions.map((d) => [d.flagKey, d]));
  return entry.findings.map((finding) => {
    const key = findingKey(finding);
    return { finding, key, decision: byKey.get(key) ?? null };
  });
}

/**
 * The link a finding is shown on: the first link sharing a sentence with it, or -1 for
 * record-level findings (a missing section has no sentence on the Chinese side, for example).
 */
export function linkOfFinding(links: readonly AlignmentLink[], finding: Finding): number {
  return links.findIndex((link) => link.en.some((i) => finding.en.includes(i)) || link.zh.some((i) => finding.zh.includes(i)));
}
