import { constants, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/**
 * Lowers the calling worker thread's scheduling priority, for work nobody is waiting on (the
 * library's background check), so on a busy machine it takes the CPU the record the user opens
 * next would otherwise wait for: that record's fetch, the page and its analysis worker.
 *
 * On Linux a nice value belongs to one thread, so only this thread yields and the main process
 * answers requests at its usual priority. Elsewhere (macOS, Windows) the same call would lower the
 * whole process, so it is not made there, nor ever on a main thread. Returns whether it was made.
 */
export function lowerThisThreadsPriority(): boolean {
  if (isMainThread || process.platform !== 'linux') return false;
  try {
    setPriority(constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false; // not allowed here (a sandbox): the check runs at the usual priority
  }
}
