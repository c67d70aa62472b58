/**
 * The contract between the worker pool and a job module. A job module is any `.ts` file that
 * exports `runJob`; the pool loads it inside each worker by URL, which is what makes the work
 * injectable (the real analysis, a parse-only benchmark job, or a trivial job in tests).
 */

/** What a job module exports: one work item in, one result out (may be async, may throw). */
export type RunJob<I, O> = (input: I, options: unknown) => O | Promise<O>;

/**
 * What a job module may also export as `transferList`: the buffers of a result to move to the main
 * thread instead of copying them (a worker's result is its own and never used again there). A big
 * byte result then costs the main thread nothing to receive.
 */
export type TransferList<O> = (value: O) => ArrayBuffer[];

/** Main → worker: run one item. `seq` is the pool's id for it. */
export interface JobRequest<I> {
  seq: number;
  input: I;
}

/** Worker → main: the item's result, or the error it threw, as plain data. */
export type JobReply<O> = { seq: number; ok: true; value: O } | { seq: number; ok: false; error: string };

/** Worker → main, once: the job module has loaded (or failed to), so items start now. */
export interface WorkerReady {
  ready: true;
}

/** What the pool hands each worker at start. */
export interface PoolWorkerData {
  /** `href` of the job module's URL. */
  jobModule: string;
  /** Passed to every `runJob` call (e.g. a glossary), cloned once per worker. */
  jobOptions: unknown;
}
