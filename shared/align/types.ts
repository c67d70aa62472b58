import type { SectionKind } from '../records/model.ts';
import type { Sentence } from '../segment/types.ts';

/**
 * One alignment link: English sentence indices ↔ Chinese sentence (or piece) indices, 0-based,
 * contiguous and monotone. An empty side means 1-0 (omission) or 0-1 (addition).
 */
export interface AlignmentLink {
  en: number[];
  zh: number[];
  /** 0..1: how sure the aligner is of this link. */
  confidence: number;
}

/** How a section's start was found in the translation. */
export type BoundarySource =
  /** The translation kept the label. */
  | 'label'
  /** The label was lost; a bare colon left at the seam marks the boundary ("…治疗联盟:在军事…"). */
  | 'colon'
  /** The label was lost; the boundary was put at the sentence end that best fits the lengths. */
  | 'sentence'
  /** The label was lost and no boundary could be placed: the section shares its neighbour's span. */
  | 'none'
  /** The abstract has no labelled sections: one span covers everything. */
  | 'unlabelled';

/** One English section and the Chinese span that translates it. */
export interface SectionAlignment {
  kind: SectionKind;
  /** Index in `record.en.sections`. */
  enSection: number;
  enLabel: string | null;
  /** The Chinese label as found, or null when the translation lost it. */
  zhLabel: string | null;
  labelMissing: boolean;
  boundary: BoundarySource;
  /** The Chinese span (offsets into `record.zh.abstract`), label excluded; empty when nothing could be assigned. */
  zhStart: number;
  zhEnd: number;
  /** Sentence indices (into `RecordAlignment.en` / `.zh`) of the section, [first, last + 1). */
  enSentences: [number, number];
  zhSentences: [number, number];
}

/** The full alignment of one record, as the side-by-side view and the checks consume it. */
export interface RecordAlignment {
  en: Sentence[];
  /** The final Chinese pieces: sentences, with merged sentences split at their seams. */
  zh: Sentence[];
  links: AlignmentLink[];
  sections: SectionAlignment[];
}
