import { StaleAnalysisError } from './analysisTypes.ts';

/**
 * Serialises calls to `run` so at most one runs at a time and at most one waits: a request that is
 * still waiting when a newer one arrives is rejected with `StaleAnalysisError` and never runs.
 *
 * Why not cancel the running one as well: a worker cannot be interrupted mid-function short of
 * `terminate()`, and restarting it would re-load the 1 MB lexicon, which costs more than the few
 * milliseconds one alignment takes. Dropping the waiting ones is what keeps a held-down arrow key
 * (twenty record switches a second) from queueing twenty analyses.
 */
export function latestWins<I, O>(run: (input: I) => Promise<O>): (input: I) => Promise<O> {
  let running = false;
  let waiting: { input: I; resolve: (value: O) => void; reject: (error: unknown) => void } | null = null;

  const start = (input: I, resolve: (value: O) => void, reject: (error: unknown) => void) => {
    running = true;
    run(input)
      .then(resolve, reject)
      .finally(() => {
        running = false;
        const next = waiting;
        waiting = null;
        if (next) start(next.input, next.resolve, next.reject);
      });
  };

  return (input) =>
    new Promise<O>((resolve, reject) => {
      if (!running) {
        start(input, resolve, reject);
        return;
      }
      waiting?.reject(new StaleAnalysisError());
      waiting = { input, resolve, reject };
    });
}
