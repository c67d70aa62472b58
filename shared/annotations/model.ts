/**
 * The review domain model: what a reviewer writes about a record (annotations, verdicts on the
 * automatic flags, the record's status) and the MQM vocabulary the annotations use.
 *
 * The stored shapes are the ones the SQLite store already persists (`shared/contract/annotations.ts`,
 * validated with zod at the process boundary); this file re-exports them so the review code has
 * one place to import from, and adds what the contract leaves open: the MQM category list, the
 * stable key of an automatic finding, and span helpers.
 */
import type { Finding } from '../checks/types.ts';
import type { Sentence } from '../segment/types.ts';
import type { Annotation, TextSpan } from '../contract/annotations.ts';
import { REVIEW_STATUSES } from '../contract/vocabulary.ts';

export type {
  Annotation,
  AnnotationInput,
  FlagDecision,
  FlagDecisionKind,
  ReviewStatus,
  ReviewState,
  Severity,
  TextSpan,
} from '../contract/annotations.ts';

/**
 * The MQM categories a reviewer can pick, spelled exactly as Google's WMT MQM files spell them
 * (`shared/corpora/wmt-mqm-ted-zhen/mqm_ted_zhen.tsv`), so an export lines up with those files and
 * an import of them needs no mapping. Two notes on the spelling: the corpus writes
 * "Terminology/Inconsistent use of terminology" (not "…/Inconsistent") and
 * "Locale convention/Name format" (the only locale sub-category it uses; ours is the parent).
 * "Non-translation" is the WMT convention for output that is not a translation at all
 * (weighted 25 like a critical error, see `mqmScore.ts`).
 */
export const MQM_CATEGORIES = [
  'Accuracy/Mistranslation',
  'Accuracy/Omission',
  'Accuracy/Addition',
  'Accuracy/Untranslated text',
  'Terminology/Inappropriate for context',
  'Terminology/Inconsistent use of terminology',
  'Fluency/Grammar',
  'Fluency/Punctuation',
  'Fluency/Spelling',
  'Style/Awkward',
  'Locale convention',
  'Non-translation',
  'Other',
] as const;

/** One of the categories offered in the annotation form. */
export type MqmCategory = (typeof MQM_CATEGORIES)[number];

/**
 * True when `category` is one of ours. Stored annotations keep `category` as a free string because
 * an imported MQM file may carry categories we do not offer (the TED file has "Source error",
 * "Fluency/Register", …); this tells the UI whether to show it as a known choice.
 */
export function isMqmCategory(category: string): category is MqmCategory {
  return (MQM_CATEGORIES as readonly string[]).includes(category);
}

/**
 * Categories whose error is marked in the source rather than the translation: an omission has
 * nothing to point at in the target, so MQM raters mark the omitted source words (every
 * Accuracy/Omission and Source error row of the TED file has its `<v>` span in the source column).
 */
export function isSourceSideCategory(category: string): boolean {
  return category === 'Accuracy/Omission' || category === 'Source error';
}

/** Review statuses in the order the UI cycles through them (one list, in the contract's vocabulary). */
export { REVIEW_STATUSES };

/**
 * True when the status means the reviewer has looked at the whole record, so segments without
 * annotations are known to be clean (MQM "No-error"), not merely unlooked-at.
 * The store calls the finished state "reviewed"; it is the "done".
 */
export function isReviewDone(status: string): boolean {
  return status === 'reviewed';
}

/**
 * A key for an automatic finding that stays the same when the checks run again on the same
 * record, so a reviewer's confirm/dismiss survives re-analysis and restarts.
 *
 * It is built from what identifies the divergence — the kind, the sentences concerned and the
 * evidence texts with their sides and sentences — and deliberately leaves out what may change
 * without the divergence changing: the message wording (edited translations of the UI text),
 * the severity (re-tuned thresholds) and evidence offsets (they follow from sentence + text).
 * Evidence is sorted so the order in which a check happens to report it does not matter.
 * The key is plain text (JSON inside), readable in the database and in exports.
 */
export function findingKey(finding: Pick<Finding, 'kind' | 'en' | 'zh' | 'evidence'>): string {
  const evidence = finding.evidence
    .map((span) => `${span.side}${span.sentence}:${span.text}`)
    .sort();
  const en = [...finding.en].sort((a, b) => a - b);
  const zh = [...finding.zh].sort((a, b) => a - b);
  return `${finding.kind}:${JSON.stringify([en, zh, evidence])}`;
}

/** A span located inside one sentence: the sentence index and offsets into that sentence's text. */
export interface SentenceSpan {
  side: 'en' | 'zh';
  sentence: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Locates an annotation span (offsets into the side's abstract, as the store keeps them) inside
 * the sentence that contains its start, and clips it to that sentence. Returns null when no
 * sentence contains it (the span was made against text that has since changed).
 */
export function spanInSentence(span: TextSpan, sentences: readonly Sentence[]): SentenceSpan | null {
  const index = sentences.findIndex((s) => span.start >= s.start && span.start < s.end);
  if (index < 0) return null;
  const sentence = sentences[index]!;
  const start = span.start - sentence.start;
  const end = Math.min(span.end, sentence.end) - sentence.start;
  return { side: span.side, sentence: index, start, end, text: sentence.text.slice(start, end) };
}

/**
 * The inverse of `spanInSentence`: turns offsets inside sentence `index` into the abstract offsets
 * the store keeps. Returns null for an index or offsets outside the sentence.
 */
export function spanFromSentence(
  side: 'en' | 'zh',
  index: number,
  start: number,
  end: number,
  sentences: readonly Sentence[],
): TextSpan | null {
  const sentence = sentences[index];
  if (!sentence || start < 0 || end < start || end > sentence.text.length) return null;
  return { side, start: sentence.start + start, end: sentence.start + end };
}

/** Annotations that count: soft-deleted ones stay in the store for undo and audit only. */
export function liveAnnotations<T extends Pick<Annotation, 'deleted'>>(annotations: readonly T[]): T[] {
  return annotations.filter((a) => !a.deleted);
}
