import { z } from 'zod';
import {
  annotationInputSchema,
  flagDecisionSchema,
  reviewStatusSchema,
  type AlignmentCorrection,
  type Annotation,
  type FlagDecision,
  type ReviewState,
} from './annotations.ts';

/**
 * The review channels' request schemas and response types (annotations, flag decisions, record
 * status, alignment corrections). `channels.ts` lists them beside the library channels; they live
 * here so the review workflow's part of the contract reads as one piece.
 */

const recordId = z.string().min(1).max(2048);
const annotationId = z.string().min(1).max(200);
const sentenceIds = z.array(z.number().int().min(0).max(100_000)).max(1000);
const linkSentences = z.object({ en: sentenceIds, zh: sentenceIds }).strict();

export const reviewRequestSchemas = {
  /** Everything stored about one record's review. */
  'annotations:list': z.object({ recordId }).strict(),
  /** Creates an annotation, or with `id` replaces the fields of an existing one. */
  'annotations:save': z.object({ id: annotationId.optional(), annotation: annotationInputSchema }).strict(),
  /** Soft-deletes an annotation, or with `restore: true` brings a deleted one back (undo). */
  'annotations:delete': z.object({ id: annotationId, restore: z.boolean().optional() }).strict(),
  /** Confirms or dismisses an automatic flag; `decision: null` clears the verdict (undo). */
  'flags:decide': z
    .object({ recordId, flagKey: z.string().min(1).max(20_000), decision: flagDecisionSchema.nullable(), note: z.string().max(20_000).optional() })
    .strict(),
  'review:setStatus': z.object({ recordId, status: reviewStatusSchema }).strict(),
  /** One hand edit of the alignment (or its undo) as the links it removed and the links it made. */
  'alignment:saveCorrection': z
    .object({ recordId, unlink: z.array(linkSentences).max(1000), link: z.array(linkSentences).max(1000) })
    .strict()
    .refine((request) => request.unlink.length + request.link.length > 0, { message: 'a correction must change at least one link' }),
} as const;

/** What the store holds about one record's review; deleted annotations included (flagged), for undo. */
export interface RecordReviewData {
  annotations: Annotation[];
  decisions: FlagDecision[];
  state: ReviewState | null;
  /** The alignment correction log, oldest first (see `shared/annotations/correctedLinks.ts`). */
  corrections: AlignmentCorrection[];
}

export interface ReviewResponseTypes {
  'annotations:list': RecordReviewData;
  'annotations:save': Annotation;
  'annotations:delete': Annotation;
  'flags:decide': FlagDecision | null;
  'review:setStatus': ReviewState;
  'alignment:saveCorrection': AlignmentCorrection[];
}

export const reviewMethodOfChannel = {
  'annotations:list': 'listReview',
  'annotations:save': 'saveAnnotation',
  'annotations:delete': 'deleteAnnotation',
  'flags:decide': 'decideFlag',
  'review:setStatus': 'setReviewStatus',
  'alignment:saveCorrection': 'saveAlignmentCorrection',
} as const;
