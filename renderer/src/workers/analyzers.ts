import type { ReviewRecord } from '../../../shared/records/model.ts';
import type { GlossaryEntry } from '../../../shared/terms/glossary.ts';
import type { AnalyzeRequest, AnalyzeResponse, RecordAnalysis, RecordAnalyzer } from './analysisTypes.ts';
import { latestWins } from './latestWins.ts';

/**
 * The analyzer the app uses: one module worker, started on first use (or by `warmUp`). Answers are matched to
 * requests by id; a worker that crashes fails its pending request and is restarted on the next one.
 */
export function createWorkerAnalyzer(): RecordAnalyzer {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: (analysis: RecordAnalysis) => void; reject: (error: Error) => void }>();

  const failAll = (message: string) => {
    for (const request of pending.values()) request.reject(new Error(message));
    pending.clear();
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const started = new Worker(new URL('./analyze.worker.ts', import.meta.url), { type: 'module', name: 'analyze' });
    started.onmessage = (event: MessageEvent<AnalyzeResponse>) => {
      const response = event.data;
      const request = pending.get(response.requestId);
      if (!request) return;
      pending.delete(response.requestId);
      if (response.ok) request.resolve(response.analysis);
      else request.reject(new Error(response.error));
    };
    started.onerror = (event) => {
      event.preventDefault();
      started.terminate();
      worker = null;
      failAll(`the analysis worker failed: ${event.message || 'unknown error'}`);
    };
    worker = started;
    return started;
  };

  const run = ({ record, glossary }: { record: ReviewRecord; glossary: readonly GlossaryEntry[] }) =>
    new Promise<RecordAnalysis>((resolve, reject) => {
      const requestId = nextId++;
      pending.set(requestId, { resolve, reject });
      const request: AnalyzeRequest = { requestId, record, glossary };
      ensureWorker().postMessage(request);
    });

  const latest = latestWins(run);
  return {
    analyze: (record, glossary = []) => latest({ record, glossary }),
    warmUp: () => void ensureWorker(),
    dispose() {
      worker?.terminate();
      worker = null;
      failAll('the analyzer was closed');
    },
  };
}

/**
 * The worker analyzer where `Worker` exists, else the inline one (jsdom). The inline analyzer is
 * imported only in that case: it carries the analysis and its 1.6 MB lexicon, which a static
 * import put in the page's main bundle, where compiling it delayed the first record by seconds.
 */
export function createDefaultAnalyzer(): RecordAnalyzer {
  if (typeof Worker === 'function') return createWorkerAnalyzer();
  const inline = import('./inlineAnalyzer.ts').then((module) => module.createInlineAnalyzer());
  return {
    analyze: async (record, glossary) => (await inline).analyze(record, glossary),
    dispose: () => void inline.then((analyzer) => analyzer.dispose()),
  };
}
