import type { RecordFlagCounts } from '../contract/recordQuery.ts';
import type { ReviewRecord } from '../records/model.ts';
import type { TermRenderingSummary } from '../terms/termInconsistency.ts';
import { analyzeRecord, type RecordAnalysis } from './analyzeRecord.ts';
import { countFlags } from './recordQuery.ts';

/** What the record list keeps of one record's review: its flag counts and its term renderings. */
export interface RecordFlagSummary {
  counts: RecordFlagCounts;
  /** The record's main rendering of each repeated term, for the corpus-wide term check. */
  terms: readonly TermRenderingSummary[];
}

/** The aligned record the term checks read, from one analysis. */
export function alignedOf(record: ReviewRecord, analysis: RecordAnalysis) {
  return { en: analysis.en, zh: analysis.zh, links: analysis.links, enAbstract: record.en.abstract, zhAbstract: record.zh?.abstract ?? '' };
}

/**
 * One record through the review pipeline, reduced to what the list shows and the corpus-wide
 * term check needs. A record the pipeline cannot check shows no flags rather than stopping the rest.
 */
export function summarizeRecordFlags(record: ReviewRecord): RecordFlagSummary {
  try {
    // The term check's own renderings give the summary: no second pass over the record's terms.
    const analysis = analyzeRecord(record, { termSummary: true });
    return { counts: countFlags(analysis.findings), terms: analysis.terms ?? [] };
  } catch {
    return { counts: countFlags([]), terms: [] };
  }
}
