import type { ReviewRecord } from '../../../shared/records/model.ts';
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';
import type { RecordAnalysis, RecordAnalyzer } from './analysisTypes.ts';
import { analyzeForReview } from './analyzeForReview.ts';
import { latestWins } from './latestWins.ts';

type Analyze = (record: ReviewRecord, glossary?: readonly GlossaryEntry[]) => RecordAnalysis;

/** Runs the same analysis on the calling thread: for tests and for environments without workers. */
export function createInlineAnalyzer(analyze: Analyze = (record, glossary) => analyzeForReview(record, undefined, glossary)): RecordAnalyzer {
  const latest = latestWins(async ({ record, glossary }: { record: ReviewRecord; glossary?: readonly GlossaryEntry[] }) => analyze(record, glossary));
  return {
    analyze: (record, glossary) => latest({ record, glossary }),
    dispose() {},
  };
}
