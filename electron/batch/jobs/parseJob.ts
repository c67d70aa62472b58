/**
 * A pool job that only loads records (read + parse), for the throughput benchmark's parse-only
 * figure: it returns counts, not records, so the measurement is the parser's and not the cost of
 * copying records back to the main thread.
 */
import type { RunJob } from '../jobTypes.ts';
import type { RecordTask } from '../recordTasks.ts';
import { loadTask } from './loadTask.ts';

/** What one parse task reports. */
export interface ParseJobResult {
  records: number;
  errors: number;
  /** First error message, to show what went wrong without shipping them all. */
  firstError?: string;
  /** This worker's V8 heap after the task (per isolate; RSS is per process). */
  heapUsed: number;
  /** Time the worker spent on the task: against wall time it shows whether workers or the reader limit the run. */
  busyMs: number;
}

export const runJob: RunJob<RecordTask, ParseJobResult> = async (task) => {
  const started = performance.now();
  const result = await loadTask(task);
  return {
    records: result.records.length,
    errors: result.errors.length,
    ...(result.errors[0] !== undefined ? { firstError: result.errors[0].message } : {}),
    heapUsed: process.memoryUsage().heapUsed,
    busyMs: performance.now() - started,
  };
};
