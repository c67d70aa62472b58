import type { ReviewRecord } from '../../../shared/records/model.ts';
import type { RecordAnalysis, RecordAnalyzer } from './analysisTypes.ts';
import { analyzeForReview } from './analyzeForReview.ts';
import { latestWins } from './latestWins.ts';

/** Runs the same analysis on the calling thread: for tests and for environments without workers. */
export function createInlineAnalyzer(analyze: (record: ReviewRecord) => RecordAnalysis = (record) => analyzeForReview(record)): RecordAnalyzer {
  return {
    analyze: latestWins(async (record: ReviewRecord) => analyze(record)),
    dispose() {},
  };
}
