import { alignRecord } from '../../../shared/align/alignRecord.ts';
import { defaultLexicon } from '../../../shared/lexicon/defaultLexicon.ts';
import type { ReviewRecord } from '../../../shared/records/model.ts';
import { analyzeRecord } from '../../../shared/review/analyzeRecord.ts';
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';
import type { RecordAnalysis } from './analysisTypes.ts';

/**
 * The analysis the review view shows: the automatic alignment (with its sections, which the view
 * groups rows by) and every divergence check's findings. Runs in the analysis worker (in-thread in
 * tests); pure apart from the clock.
 */
export function analyzeForReview(record: ReviewRecord, now: () => number = () => performance.now(), glossary: readonly GlossaryEntry[] = []): RecordAnalysis {
  const started = now();
  const lexicon = defaultLexicon();
  const alignment = alignRecord(record, { lexicon });
  const { findings } = analyzeRecord(record, { lexicon, alignment, glossary });
  return { recordId: record.id, alignment, findings, elapsedMs: now() - started };
}
