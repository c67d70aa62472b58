/**
 * The worker-thread side of the pool: loads the job module named in `workerData` and answers
 * each request with `runJob`'s result, or its error as a value.
 *
 * Requests are run one after another (a promise chain), even for async jobs: a worker is one
 * core's worth of work, and strict order lets the pool blame the right item if this thread dies.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { JobReply, JobRequest, PoolWorkerData, RunJob, TransferList, WorkerReady } from './jobTypes.ts';

const data = workerData as PoolWorkerData;
const port = parentPort;
if (port === null) throw new Error('poolWorker must run in a worker thread');

// A bundled job (`jobs/analyzeJob.cjs`) is CommonJS: Node exposes its exports as named exports
// when it can tell them statically, and always as `default`; look in both.
interface JobModule {
  runJob?: unknown;
  transferList?: unknown;
}
const jobPromise: Promise<{ runJob: RunJob<unknown, unknown>; transferList: TransferList<unknown> }> = import(data.jobModule).then((mod: JobModule & { default?: JobModule }) => {
  const runJob = mod.runJob ?? mod.default?.runJob;
  if (typeof runJob !== 'function') throw new Error(`${data.jobModule} does not export runJob`);
  const transferList = mod.transferList ?? mod.default?.transferList;
  return { runJob: runJob as RunJob<unknown, unknown>, transferList: typeof transferList === 'function' ? (transferList as TransferList<unknown>) : () => [] };
});
// A module that fails to load becomes an error result for each item (below), not an unhandled
// rejection that would kill the thread and make the pool respawn it forever.
// Either way the worker is now ready: item timeouts count from here, not from thread start-up.
jobPromise.then(
  () => port.postMessage({ ready: true } satisfies WorkerReady),
  () => port.postMessage({ ready: true } satisfies WorkerReady),
);

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

let chain: Promise<void> = Promise.resolve();

port.on('message', (request: JobRequest<unknown>) => {
  chain = chain.then(async () => {
    let reply: JobReply<unknown>;
    let transfer: ArrayBuffer[] = [];
    try {
      const job = await jobPromise;
      const value = await job.runJob(request.input, data.jobOptions);
      transfer = job.transferList(value);
      reply = { seq: request.seq, ok: true, value };
    } catch (error) {
      reply = { seq: request.seq, ok: false, error: describe(error) };
    }
    try {
      port.postMessage(reply, transfer);
    } catch (error) {
      // A value that cannot be cloned (a function, a class instance with private state) is the
      // job's bug, reported against its item rather than thrown out of the thread.
      port.postMessage({ seq: request.seq, ok: false, error: `result could not be sent: ${describe(error)}` });
    }
  });
});
