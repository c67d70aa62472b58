/**
 * What every exporter takes: the records with their sentences, alignment, automatic findings and
 * the reviewer's work on them. The main side assembles it from the record library and the store;
 * the serialisers here turn it into strings (writing the file atomically is the main side's job).
 */
import type { AlignmentLink } from '../align/types.ts';
import type { Annotation, FlagDecision, ReviewStatus } from '../annotations/model.ts';
import type { Finding } from '../checks/types.ts';
import type { ReviewRecord } from '../records/model.ts';
import type { Sentence } from '../segment/types.ts';

/** One record and everything known about it. */
export interface ReviewExportRecord {
  record: ReviewRecord;
  sentences: { en: Sentence[]; zh: Sentence[] };
  /** The alignment as the reviewer left it (hand corrections applied). */
  links: AlignmentLink[];
  findings: Finding[];
  /** Soft-deleted annotations may be included; every exporter leaves them out. */
  annotations: Annotation[];
  decisions: FlagDecision[];
  status: ReviewStatus;
}

export interface ReviewExport {
  records: ReviewExportRecord[];
  /** Reviewer name as set once in the app; the MQM "rater". */
  reviewer: string;
  /** ISO 8601 time of the export. */
  exportedAt: string;
}
