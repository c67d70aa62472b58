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
