import { createContext, createElement, useContext, useEffect, useState, type ReactNode } from 'react';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { StaleAnalysisError, type RecordAnalysis, type RecordAnalyzer } from '../../workers/analysisTypes.ts';
import { createDefaultAnalyzer } from '../../workers/analyzers.ts';
import { useCheckGlossary } from '../glossary/GlossaryContext.tsx';
import { markSwitchStage } from '../record/switchTiming.ts';
import { analysisCacheFor, type AnalysisCache } from './analysisCache.ts';

export type AnalysisState =
  | { status: 'none' }
  | { status: 'running' }
  | { status: 'ready'; analysis: RecordAnalysis }
  | { status: 'failed'; error: string };

const AnalyzerContext = createContext<RecordAnalyzer | null>(null);

/** Hands an analyzer (the worker one, or an inline one in tests) to every `useRecordAnalysis` below. */
export function RecordAnalyzerProvider({ analyzer, children }: { analyzer: RecordAnalyzer; children: ReactNode }) {
  return createElement(AnalyzerContext.Provider, { value: analyzer }, children);
}

let sharedAnalyzer: RecordAnalyzer | null = null;

function theSharedAnalyzer(): RecordAnalyzer {
  sharedAnalyzer ??= createDefaultAnalyzer();
  return sharedAnalyzer;
}

/**
 * Starts the app-wide analyzer now: main.tsx calls it at start, so the analysis worker loads
 * beside the first requests instead of after the first record has arrived.
 */
export function warmUpSharedAnalyzer(): void {
  theSharedAnalyzer().warmUp?.();
}

/**
 * The analyses of the provided analyzer, else of one app-wide worker analyzer started on first
 * use; the record view and the prefetch (`useRecordPrefetch`) share them.
 */
export function useAnalysisCache(): AnalysisCache {
  const provided = useContext(AnalyzerContext);
  return analysisCacheFor(provided ?? theSharedAnalyzer());
}

type Settled = { record: ReviewRecord; analysis: RecordAnalysis } | { record: ReviewRecord; error: string };

/**
 * Aligns and checks `record` in the analysis worker, or takes the analysis done ahead (at once,
 * in this render). Only the answer for the record currently shown is ever used: a request
 * overtaken by a newer one is dropped before it runs, and an answer that arrives after the user
 * moved on is ignored, so scrolling through records never waits for the ones skipped over.
 * `whenAnalysed` (a stable function) runs before an analysis done here is handed out: the review
 * view reads the record's stored review in it, so the record is drawn once, review and all, not
 * first with a placeholder and again a frame or two later.
 */
export function useRecordAnalysis(record: ReviewRecord | null, whenAnalysed?: (record: ReviewRecord, analysis: RecordAnalysis) => Promise<unknown>): AnalysisState {
  const analyses = useAnalysisCache();
  // A glossary change re-runs the checks; until the new answer arrives the previous one for the
  // same record stays on screen (only its glossary flags can differ), so editing never blanks the view.
  const glossary = useCheckGlossary();
  const [settled, setSettled] = useState<Settled | null>(null);
  const cached = record === null ? null : analyses.peek(record, glossary);
  const drawnAnalysed = cached !== null;

  useEffect(() => {
    if (record === null) return;
    // Whether this render had the analysis, not whether the cache has it now: one done (ahead)
    // between the render and this effect must still come back through `settled`, or the view
    // would wait on its placeholder for a render nothing asks for.
    if (drawnAnalysed) {
      markSwitchStage('analysis', record.id);
      return;
    }
    let live = true;
    analyses.analyze(record, glossary).then(
      async (analysis) => {
        if (!live) return;
        markSwitchStage('analysis', record.id);
        await whenAnalysed?.(record, analysis);
        if (live) setSettled({ record, analysis });
      },
      (error: unknown) => {
        if (!live || error instanceof StaleAnalysisError) return;
        setSettled({ record, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      live = false;
    };
  }, [analyses, record, glossary, whenAnalysed, drawnAnalysed]);

  if (record === null) return { status: 'none' };
  if (cached) return { status: 'ready', analysis: cached };
  if (!settled || settled.record !== record) return { status: 'running' };
  return 'analysis' in settled ? { status: 'ready', analysis: settled.analysis } : { status: 'failed', error: settled.error };
}
