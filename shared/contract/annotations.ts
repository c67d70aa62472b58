import { z } from 'zod';
import { REVIEW_STATUSES } from './vocabulary.ts';

/**
 * What the annotation store keeps, as plain data. The schemas validate input at the process
 * boundary (later channels such as `annotations:save` reuse them); the store itself is on the
 * main side behind `AnnotationRepository`.
 */

export const reviewStatusSchema = z.enum(REVIEW_STATUSES);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

export interface ReviewState {
  recordId: string;
  status: ReviewStatus;
  reviewer: string;
  /** ISO 8601 time of the last change. */
  updated: string;
}

export const severitySchema = z.enum(['minor', 'major', 'critical']);
export type Severity = z.infer<typeof severitySchema>;

/** A character span in one side's abstract text (offsets into `Side.abstract`, end exclusive). */
export const textSpanSchema = z
  .object({ side: z.enum(['en', 'zh']), start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict()
  .refine((span) => span.end >= span.start, { message: 'span end must not precede start' });
export type TextSpan = z.infer<typeof textSpanSchema>;

/** The fields a reviewer writes; ids and times are the store's. */
export const annotationInputSchema = z
  .object({
    recordId: z.string().min(1).max(2048),
    /** Sentence indexes on each side that the annotation concerns. */
    enSentences: z.array(z.number().int().min(0)).max(1000),
    zhSentences: z.array(z.number().int().min(0)).max(1000),
    span: textSpanSchema.nullable(),
    /** Error category, e.g. MQM "accuracy/mistranslation" or "terminology". */
    category: z.string().min(1).max(200),
    severity: severitySchema,
    comment: z.string().max(20000),
    /** The reviewer's corrected Chinese, when they give one. */
    correction: z.string().max(20000).nullable(),
  })
  .strict();
export type AnnotationInput = z.infer<typeof annotationInputSchema>;

export interface Annotation extends AnnotationInput {
  id: string;
  created: string;
  updated: string;
  deleted: boolean;
}

export const flagDecisionSchema = z.enum(['confirmed', 'dismissed']);
export type FlagDecisionKind = z.infer<typeof flagDecisionSchema>;

/** A reviewer's verdict on one automatic divergence flag (keyed by a stable flag key). */
export interface FlagDecision {
  recordId: string;
  flagKey: string;
  decision: FlagDecisionKind;
  reviewer: string;
  note: string;
  updated: string;
}

export interface GlossaryEntry {
  term: string;
  preferred: string;
  /** Renderings the reviewer has ruled out for this term. */
  forbidden: string[];
  note: string;
  updated: string;
}

/** A reviewer's fix to the automatic sentence alignment of one record. */
export interface AlignmentCorrection {
  id: number;
  recordId: string;
  enSentences: number[];
  zhSentences: number[];
  /** 'link' adds the pairing, 'unlink' removes it. */
  action: 'link' | 'unlink';
  reviewer: string;
  created: string;
}
