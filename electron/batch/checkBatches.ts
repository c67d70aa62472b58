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
import type { LoadError } from '../../shared/records/model.ts';
import type { GlossaryEntry } from '../../shared/terms/glossary.ts';
import type { TermRenderingSummary } from '../../shared/terms/termInconsistency.ts';
import { batchModuleUrl } from './batchModules.ts';
import type { CheckRecordJson } from './checkRecordJson.ts';
import { runJob, type AnalyzeJobOptions, type AnalyzeJobResult } from './jobs/analyzeJob.ts';
import type { RecordTask } from './recordTasks.ts';
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
}

/** The results of one task, in input order. */
export interface CheckBatch {
  records: CheckRecordJson[];
  /** With `withTerms`: `terms[i]` belongs to `records[i]`. */
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
  const pool = new WorkerPool<RecordTask, AnalyzeJobResult>({ jobModule: ANALYZE_JOB, jobOptions, size: options.workers, perWorker: 2, maxPending });
  try {
    for await (const result of pool.map(tasks)) {
      if (result.ok) {
        yield batchOf(result.value);
      } else {
        // The task's worker died or the job failed outright: the whole chunk is one error.
        const { file, firstLine } = result.input;
        yield { records: [], errors: [{ source: firstLine !== undefined ? { file, line: firstLine } : { file }, message: `Checking failed: ${result.error}` }] };
      }
    }
  } finally {
    await pool.close();
  }
}

function batchOf(result: AnalyzeJobResult): CheckBatch {
  return { records: result.records, errors: result.errors, ...(result.terms !== undefined ? { terms: result.terms } : {}) };
}
