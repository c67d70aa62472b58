/**
 * The records of `check`, checked as a stream: tasks (JSONL chunks or whole files, read lazily by
 * `recordTasks`) go through `analyzeJob`, in a worker pool or in this thread, and come out as one
 * batch of results per task, in input order. Nothing is gathered here: the caller folds each
 * batch into its reports and lets it go.
 *
 * Backpressure: the pool takes a new task from the input only when a worker has room and fewer
 * than `maxPending` tasks are taken but not yet consumed, so reading never runs ahead of the
 * workers, nor the workers ahead of a slow consumer (one writing a report to a slow pipe).
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { LoadError } from '../../shared/records/model.ts';
import type { GlossaryEntry } from '../../shared/terms/glossary.ts';
import type { TermRenderingSummary } from '../../shared/terms/termInconsistency.ts';
import { batchModuleUrl } from './batchModules.ts';
import { runJob, type AnalyzeJobOptions, type AnalyzeJobResult } from './jobs/analyzeJob.ts';
import { taskText, type RecordTask } from './recordTasks.ts';
import { WorkerPool } from './workerPool.ts';

/** Options for `checkBatches`. */
export interface CheckBatchOptions {
  glossary?: GlossaryEntry[];
  /** Worker threads; 0 checks in this thread (no start-up cost, for small inputs). */
  workers: number;
  /** Also return each record's term summary, for the corpus-wide term check. */
  withTerms?: boolean;
  /** Tasks taken from the input and not yet consumed, at most (pool only); default 2 per worker slot. */
  maxPending?: number;
  /** The job the workers run, and their heap limits; defaults `analyzeJob` and the pool's (for tests). */
  jobModule?: URL;
  resourceLimits?: ResourceLimits;
}

/** The results of one task, in input order. */
export interface CheckBatch {
  /** The checked records as JSON Lines in UTF-8 (`CheckRecordJson` each), as `analyzeJob` returns them. */
  recordLines: Uint8Array;
  /** How many records `recordLines` holds. */
  records: number;
  /** With `withTerms`: `terms[i]` belongs to the i-th record. */
  terms?: TermRenderingSummary[][];
  /** Load and check errors, with file and line. */
  errors: LoadError[];
}

const ANALYZE_JOB = batchModuleUrl('./jobs/analyzeJob');

/** Checks every record of `tasks`; never throws for a bad file or record (they become errors). */
export async function* checkBatches(tasks: AsyncIterable<RecordTask> | Iterable<RecordTask>, options: CheckBatchOptions): AsyncGenerator<CheckBatch> {
  const jobOptions: AnalyzeJobOptions = { glossary: options.glossary ?? [], withTerms: options.withTerms ?? false };
  if (options.workers <= 0) {
    for await (const task of tasks) yield batchOf(await runJob(task, jobOptions));
    return;
  }
  // Two tasks queued per worker, and as many again ready: ~8 tasks of 200 records for 2 workers.
  const maxPending = options.maxPending ?? 4 * options.workers;
  const pool = new WorkerPool<RecordTask, AnalyzeJobResult>({
    jobModule: options.jobModule ?? ANALYZE_JOB, jobOptions, size: options.workers, perWorker: 2, maxPending,
    ...(options.resourceLimits !== undefined ? { resourceLimits: options.resourceLimits } : {}),
  });
  try {
    for await (const result of pool.map(tasks)) {
      if (result.ok) {
        yield batchOf(result.value);
      } else {
        yield { recordLines: new Uint8Array(0), records: 0, errors: [taskFailure(result.input, result.error)] };
      }
    }
  } finally {
    await pool.close();
  }
}

/**
 * The task's worker died (out of memory, a crash) or the job failed outright: the whole task is
 * one error, at its file and first line, naming the lines it covered so they can be checked again.
 */
export function taskFailure(task: RecordTask, error: string): LoadError {
  const { file, firstLine } = task;
  const text = taskText(task);
  if (firstLine === undefined) return { source: { file }, message: `Checking failed: ${error}` };
  let lines = 1;
  for (let at = text?.indexOf('\n') ?? -1; at >= 0; at = text!.indexOf('\n', at + 1)) lines++;
  const range = lines > 1 ? `lines ${firstLine}–${firstLine + lines - 1}` : `line ${firstLine}`;
  return { source: { file, line: firstLine }, message: `Checking ${range} failed: ${error}` };
}

function batchOf(result: AnalyzeJobResult): CheckBatch {
  return { recordLines: result.recordLines, records: result.records, errors: result.errors, ...(result.terms !== undefined ? { terms: result.terms } : {}) };
}
