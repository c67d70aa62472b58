import type { RecordAlignment } from '../../../shared/align/types.ts';
import type { Finding } from '../../../shared/checks/types.ts';
import type { ReviewRecord } from '../../../shared/records/model.ts';
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';

/** What the review view needs of a record beyond its text: the automatic alignment and the flags. */
export interface RecordAnalysis {
  recordId: string;
  alignment: RecordAlignment;
  findings: Finding[];
  /** Milliseconds the analysis took inside the worker (shown to nobody; the e2e test reads it). */
  elapsedMs: number;
}

/** A request to the analysis worker; `requestId` pairs it with its answer. */
export interface AnalyzeRequest {
  requestId: number;
  record: ReviewRecord;
  /** The user glossary to apply (the `glossary` check); absent or empty turns that check off. */
  glossary?: readonly GlossaryEntry[];
}

/** The worker's answer: the analysis, or why it failed (a record must never take the view down). */
export type AnalyzeResponse =
  | { requestId: number; ok: true; analysis: RecordAnalysis }
  | { requestId: number; ok: false; error: string };

/**
 * Runs analyses. The worker-backed one keeps the UI thread free; tests and environments without
 * `Worker` (jsdom) use the in-thread one, which runs the same function.
 */
export interface RecordAnalyzer {
  /** Resolves with the analysis, or rejects with `StaleAnalysisError` when a newer request replaced this one. */
  analyze(record: ReviewRecord, glossary?: readonly GlossaryEntry[]): Promise<RecordAnalysis>;
  /**
   * Gets ready for the first `analyze` without waiting for it (the worker's 1.6 MB script fetched
   * and compiled while the page still waits for its first record). Optional: an analyzer with
   * nothing to prepare leaves it out.
   */
  warmUp?(): void;
  dispose(): void;
}

/** Thrown (as a rejection) for a request that a newer one made pointless before it started. */
export class StaleAnalysisError extends Error {
  constructor() {
    super('superseded by a newer analysis request');
    this.name = 'StaleAnalysisError';
  }
}
