/**
 * The real analysis job, except that a task starting at line 5 of its file keeps allocating until
 * its worker reaches the heap limit (ERR_WORKER_OUT_OF_MEMORY): lets `check`'s tests see what a
 * worker killed by one runaway task does to the run.
 */
import { runJob as analyze, type AnalyzeJobResult } from '../jobs/analyzeJob.ts';
import type { RunJob } from '../jobTypes.ts';
import type { RecordTask } from '../recordTasks.ts';

export { transferList } from '../jobs/analyzeJob.ts';

/** The first line of the task that runs out of memory. */
export const OOM_TASK_LINE = 5;

export const runJob: RunJob<RecordTask, AnalyzeJobResult> = (task, options) => {
  if (task.firstLine !== OOM_TASK_LINE) return analyze(task, options);
  const kept: number[][] = [];
  for (;;) kept.push(Array.from({ length: 1 << 16 }, (_, i) => i + kept.length));
};
