import { z } from 'zod';
import type { Finding, FindingKind, Severity } from '../checks/types.ts';
import { reviewStatusSchema, type ReviewStatus } from './annotations.ts';
import type { RecordSummary } from './channels.ts';
import { FINDING_KINDS, REVIEW_STATUSES, SEVERITIES } from './vocabulary.ts';

/**
 * The record list's query channel: which loaded records match the filter bar (flag kinds,
 * severities, review statuses, a search over titles and abstracts in both languages), how many
 * records each filter value would match, and one window of the matching rows with their flag
 * counts and status. The list is virtualised, so the renderer asks only for the rows in view.
 */

export { FINDING_KINDS, REVIEW_STATUSES, SEVERITIES } from './vocabulary.ts';

export const recordQueryRequestSchemas = {
  'library:query': z
    .object({
      /** Case-folded substring of a title or abstract, English or Chinese. */
      text: z.string().max(500).optional(),
      /** A record matches when it has a flag of any of these kinds (none: no kind filter). */
      kinds: z.array(z.enum(FINDING_KINDS)).max(FINDING_KINDS.length).optional(),
      severities: z.array(z.enum(SEVERITIES)).max(SEVERITIES.length).optional(),
      statuses: z.array(reviewStatusSchema).max(REVIEW_STATUSES.length).optional(),
      offset: z.number().int().min(0),
      /** Rows wanted from `offset`; 0 asks only for the totals (a cheap poll). */
      limit: z.number().int().min(0).max(2000),
      /** Also return the ids of every matching record, in list order (for keyboard moves over rows not yet fetched). */
      ids: z.boolean().optional(),
    })
    .strict(),
  /** The corpus-wide findings (terms rendered differently across loaded records) about one record. */
  'library:corpusFindings': z.object({ id: z.string().min(1).max(2048) }).strict(),
} as const;

/** The automatic flags of one record, counted. */
export interface RecordFlagCounts {
  total: number;
  bySeverity: Record<Severity, number>;
  byKind: Partial<Record<FindingKind, number>>;
}

/** One row of the record list. `flags` is null until the background check has reached the record. */
export interface RecordListRow extends RecordSummary {
  flags: RecordFlagCounts | null;
  status: ReviewStatus;
}

/**
 * Facet counts: for each value of a filter, the records that would match if that value were the
 * filter's only one, the other filters kept (so a count says what a click would give).
 */
export interface RecordQueryCounts {
  byKind: Record<FindingKind, number>;
  bySeverity: Record<Severity, number>;
  byStatus: Record<ReviewStatus, number>;
}

export interface RecordQueryResult {
  /** Records matching every filter. */
  total: number;
  /** Records loaded. */
  all: number;
  /** Records whose flags are counted so far (the rest are checked in the background). */
  analysed: number;
  counts: RecordQueryCounts;
  offset: number;
  rows: RecordListRow[];
  /** Present when asked for (`ids: true`). */
  ids?: string[];
  /** Changes whenever any answer could change (a load, a record checked, a status set): pollers compare it. */
  stamp: string;
}

/** `library:corpusFindings`: none, and `complete: false`, while the background check is unfinished. */
export interface CorpusFindings {
  complete: boolean;
  findings: Finding[];
}

export interface RecordQueryResponseTypes {
  'library:query': RecordQueryResult;
  'library:corpusFindings': CorpusFindings;
}
