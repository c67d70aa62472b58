import { z } from 'zod';
import { EXPORT_FORMATS, type ExportFormat } from '../export/formats.ts';
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
  /**
   * Serialises the review of the given records (all loaded ones when absent). With `path` (an
   * absolute file path ending in the format's extension, offered by the Electron host) the main
   * side writes the file atomically; without one it returns the content (the browser host's
   * renderer downloads it).
   */
  'export:write': z
    .object({ format: z.enum(EXPORT_FORMATS), path: z.string().min(1).max(4096).optional(), recordIds: z.array(recordId).max(1_000_000).optional() })
    .strict(),
  /** Reads MQM TSV annotations (the WMT layout `export:write` produces) back onto the loaded records. */
  'annotations:importMqm': z.object({ name: z.string().min(1).max(1024), text: z.string().max(64 * 1024 * 1024) }).strict(),
} as const;

/** The answer to `export:write`. */
export interface ExportWriteResult {
  format: ExportFormat;
  /** A file name for the download (or the name of the file written). */
  fileName: string;
  mediaType: string;
  /** The file written, or null when the content is returned instead. */
  path: string | null;
  content: string | null;
  records: number;
}

/** The answer to `annotations:importMqm`. */
export interface MqmImportResult {
  /** Annotations created. */
  imported: number;
  /** Rows that repeat an annotation already stored (e.g. a file imported twice), left out. */
  duplicates: number;
  /** No-error rows (segments the rater checked and found clean). */
  clean: number;
  errors: { line: number; message: string }[];
}

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
  'export:write': ExportWriteResult;
  'annotations:importMqm': MqmImportResult;
}

export { reviewMethodOfChannel } from './vocabulary.ts';
