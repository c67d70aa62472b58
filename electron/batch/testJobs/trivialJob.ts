/**
 * A job module for the pool's tests: each input names what the job should do, including the
 * ways a job can go wrong (throw, kill its thread, hang), so tests can aim at each failure path.
 */
import type { RunJob } from '../jobTypes.ts';

export type TrivialInput =
  | { op: 'double'; value: number }
  | { op: 'sleep'; value: number; ms: number }
  | { op: 'throw'; value: number }
  | { op: 'exit'; value: number }
  | { op: 'uncaught'; value: number }
  | { op: 'hang'; value: number }
  | { op: 'allocate'; value: number };

export const runJob: RunJob<TrivialInput, number> = async (input, options) => {
  const offset = typeof options === 'object' && options !== null && 'offset' in options ? Number(options.offset) : 0;
  switch (input.op) {
    case 'double':
      return input.value * 2 + offset;
    case 'sleep':
      await new Promise((resolve) => setTimeout(resolve, input.ms));
      return input.value * 2 + offset;
    case 'throw':
      throw new Error(`bad item ${input.value}`);
    case 'exit':
      process.exit(3);
      break;
    case 'uncaught':
      // Thrown outside the job's promise: only the thread's uncaught-exception path sees it.
      setTimeout(() => {
        throw new Error(`uncaught in ${input.value}`);
      }, 0);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return -1;
    case 'hang':
      for (;;) {
        // Busy loop: a timer cannot interrupt it, only terminating the thread can.
      }
    case 'allocate': {
      // Keeps every array alive until the heap limit kills the thread (ERR_WORKER_OUT_OF_MEMORY):
      // what a runaway parse of a huge or hostile file does.
      const kept: number[][] = [];
      for (;;) kept.push(Array.from({ length: 1 << 16 }, (_, i) => i + kept.length));
    }
  }
  return -1;
};
