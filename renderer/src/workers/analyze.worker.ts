/// <reference lib="webworker" />
/**
 * The analysis worker: aligns and checks one record per message, off the UI thread, so switching
 * records never blocks typing or scrolling. Started by `createWorkerAnalyzer` with Vite's
 * `new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module' })`, which bundles
 * it as its own file served from 'self' (the CSP allows no other worker source).
 */
import type { AnalyzeRequest, AnalyzeResponse } from './analysisTypes.ts';
import { analyzeForReview } from './analyzeForReview.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AnalyzeRequest>) => {
  const { requestId, record, glossary } = event.data;
  let response: AnalyzeResponse;
  try {
    response = { requestId, ok: true, analysis: analyzeForReview(record, undefined, glossary) };
  } catch (error) {
    response = { requestId, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
};
