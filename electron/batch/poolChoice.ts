/**
 * Whether `check` runs in worker threads, and how many. Workers cost about a second each to
 * start (TypeScript modules and the dictionary load in every thread), which is all of the run for
 * one page dump; for a corpus they are what makes it fast. So: the pool by default once the input
 * is big enough to pay for it, and `--jobs N` to decide.
 */
import { stat } from 'node:fs/promises';
import { defaultPoolSize } from './workerPool.ts';

/** Input size from which the pool pays for its start-up (~1,000 site records of JSONL is 3 MB). */
export const POOL_THRESHOLD_BYTES = 1024 * 1024;

/**
 * The number of workers for `--jobs` (`0` = in this thread), or null when the value is not a
 * whole number. Without `--jobs`: cores − 1 when the files add up to over `POOL_THRESHOLD_BYTES`.
 */
export async function choosePoolSize(jobs: string | true | undefined, files: readonly string[]): Promise<number | null> {
  if (jobs !== undefined) {
    const n = jobs === true ? Number.NaN : Number(jobs);
    return Number.isInteger(n) && n >= 0 ? n : null;
  }
  let bytes = 0;
  for (const file of files) {
    bytes += (await stat(file).catch(() => null))?.size ?? 0;
    if (bytes > POOL_THRESHOLD_BYTES) return defaultPoolSize();
  }
  return 0;
}
