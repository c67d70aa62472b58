import { alignRecord } from '../../../shared/align/alignRecord.ts';
import { findNumberMismatches } from '../../../shared/checks/numberMismatch.ts';
import { findPunctuationIssues } from '../../../shared/checks/punctuation.ts';
import type { AlignedPair, Finding } from '../../../shared/checks/types.ts';
import { findUntranslated } from '../../../shared/checks/untranslated.ts';
import type { ReviewRecord } from '../../../shared/records/model.ts';
import type { RecordAnalysis } from './analysisTypes.ts';

/**
 * The analysis the review view shows: the automatic alignment and the divergence flags. Runs in
 * the analysis worker (and in-thread in tests); pure apart from the clock.
 */
export function analyzeForReview(record: ReviewRecord, now: () => number = () => performance.now()): RecordAnalysis {
  const started = now();
  const alignment = alignRecord(record);
  const findings: Finding[] = [];
  for (const link of alignment.links) {
    const pair: AlignedPair = {
      en: link.en.map((index) => ({ index, text: alignment.en[index]!.text })),
      zh: link.zh.map((index) => ({ index, text: alignment.zh[index]!.text })),
    };
    findings.push(...findNumberMismatches(pair), ...findUntranslated(pair), ...findPunctuationIssues(pair));
  }
  return { recordId: record.id, alignment, findings, elapsedMs: now() - started };
}
