import { alignRecord } from '../../shared/align/alignRecord.ts';
import { replayCorrections } from '../../shared/annotations/correctedLinks.ts';
import type { ReviewExport, ReviewExportRecord } from '../../shared/export/types.ts';
import { defaultLexicon } from '../../shared/lexicon/defaultLexicon.ts';
import type { ReviewRecord } from '../../shared/records/model.ts';
import { analyzeRecord } from '../../shared/review/analyzeRecord.ts';
import type { AnnotationRepository } from './annotationStore.ts';

/**
 * One record with everything the store knows about it, as the exporters take it. The alignment is
 * computed again here with the same pure code the renderer's worker runs (deterministic, so the
 * segments match what the reviewer saw) and the reviewer's corrections are replayed over it.
 */
export function exportRecordOf(record: ReviewRecord, store: AnnotationRepository): ReviewExportRecord {
  const lexicon = defaultLexicon();
  const alignment = alignRecord(record, { lexicon });
  const { findings } = analyzeRecord(record, { lexicon, alignment });
  const replay = replayCorrections(alignment.links, store.listAlignmentCorrections(record.id), alignment.en.length, alignment.zh.length);
  return {
    record,
    sentences: { en: alignment.en, zh: alignment.zh },
    links: replay.links,
    findings,
    annotations: store.listAnnotations(record.id),
    decisions: store.listFlagDecisions(record.id),
    status: store.getReviewState(record.id)?.status ?? 'unreviewed',
  };
}

/** The whole export document for `records`. */
export function buildReviewExport(records: readonly ReviewRecord[], store: AnnotationRepository, reviewer: string, now: Date = new Date()): ReviewExport {
  return { records: records.map((record) => exportRecordOf(record, store)), reviewer, exportedAt: now.toISOString() };
}
