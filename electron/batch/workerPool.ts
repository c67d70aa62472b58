/**
 * A `worker_threads` pool that maps a stream of work items through a job module.
 *
 * - Size defaults to cores − 1 (at least 1): the main thread keeps a core for reading input,
 *   writing output and the progress bar.
 * - Backpressure: at most `maxPending` items are taken from the input and not yet handed back to
 *   the consumer. The input is pulled only when there is room, so 100,000 records stream through
 *   in bounded memory, and a slow consumer (or one slow item in ordered mode) stops the reading.
 * - Errors never end the run: an item whose job throws becomes `{ok: false}`; a worker that dies
 *   (uncaught error, `process.exit`, out of memory, timeout) fails the item it was running, is
 *   replaced, and the items queued behind it are sent again.
 */
import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { batchModuleUrl } from './batchModules.ts';
import type { JobReply, JobRequest, PoolWorkerData, WorkerReady } from './jobTypes.ts';

/** One item's outcome; `index` is its 0-based position in the input. */
export type PoolResult<I, O> =
  | { index: number; input: I; ok: true; value: O }
  | { index: number; input: I; ok: false; error: string };

/** Options for `WorkerPool`. */
export interface WorkerPoolOptions {
  /**
   * URL of a module exporting `runJob` (see `jobTypes.ts`). For a job under `electron/batch/`,
   * `batchModuleUrl('./jobs/name')` finds it both from source and in the app's bundle.
   */
  jobModule: URL;
  /** Passed to every `runJob` call; must be structured-cloneable. */
  jobOptions?: unknown;
  /** Number of worker threads; default `defaultPoolSize()`. */
  size?: number;
  /**
   * Items queued in each worker at once. 2 hides the message round trip (the next item is
   * already there when one finishes) while a crash re-sends at most one innocent item.
   */
  perWorker?: number;
  /** Items taken from the input but not yet yielded; default `4 × size × perWorker`. */
  maxPending?: number;
  /** Yield in input order (default) or as completed. */
  ordered?: boolean;
  /** Terminate a worker whose current item runs longer than this, failing that item. */
  taskTimeoutMs?: number;
  /**
   * V8 heap limits per worker; default `DEFAULT_RESOURCE_LIMITS`. An item that needs more kills
   * only its worker (ERR_WORKER_OUT_OF_MEMORY), which fails that item and is replaced.
   */
  resourceLimits?: ResourceLimits;
}

/**
 * Each worker's heap limits unless the caller gives its own. V8 would give a worker the limits of a
 * whole process (here 192 MB of young generation, 4 GB of old) and let the young generation grow
 * into them: a checking worker holding ~80 MB of live data sat at ~250 MB more RSS than needed.
 * What the scavenger copies is the few records in flight, so a young generation of 24 MB (V8 makes
 * it three 8 MB semi-spaces) costs no CPU that we could measure. The old-generation cap is a
 * safety net for a runaway item, far above what a worker needs (the lexicon and one task of
 * records) so that a large file read whole (JSON, TSV, a page dump) still fits; below 2 GB it also
 * makes V8 grow the old generation in smaller steps, which is what 1,536 MB is for.
 *
 * Measured (one analysis worker, process RSS peak, rec per CPU-second of the process, on a busy
 * 2-core machine). 3,000 records: V8's limits 428/374 MB, 352/357; young 12 MB 253/236 MB,
 * 368/372; young 24 MB 262/277 MB, 331/375; young 48 MB 262/286 MB, 313/309; old 256 MB alone
 * 370/368 MB. 10,000 records with young 24 MB: old 1,024 MB 301/305/308 MB, old 1,536 MB
 * 311/312 MB, old 2,048 MB 368/371/374 MB, no old cap 382 MB; CPU within the noise (454-630).
 * `check` over 100,000 records with 2 workers: 1,034 MB without limits; young 24 MB with old
 * 1,024 MB 549 MB, with old 2,048 MB 684 MB.
 */
export const DEFAULT_RESOURCE_LIMITS: Readonly<ResourceLimits> = { maxYoungGenerationSizeMb: 24, maxOldGenerationSizeMb: 1536 };

/** Cores − 1, at least 1. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

interface Task<I> {
  seq: number;
  index: number;
  input: I;
  run: number;
}

interface Slot<I> {
  worker: Worker;
  /** Tasks sent to this worker, oldest first; the head is the one running. */
  inFlight: Task<I>[];
  timer: ReturnType<typeof setTimeout> | undefined;
  /** Set when we terminate it on purpose (timeout, close), so `exit` knows what happened. */
  killedFor: string | undefined;
  /** True once the job module has loaded: timeouts count from then, not from thread start-up. */
  ready: boolean;
}

/** The thread's entry: `poolWorker.ts` from source, `poolWorker.cjs` beside the app's bundle. */
const WORKER_URL = batchModuleUrl('./poolWorker');
/** Workers that die this many times in a row without finishing anything mean a broken setup. */
const MAX_IDLE_DEATHS = 3;

/** A pool of worker threads running one job module; see the file comment. */
export class WorkerPool<I, O> {
  readonly size: number;
  readonly #options: WorkerPoolOptions;
  readonly #perWorker: number;
  readonly #slots: Slot<I>[] = [];
  #seq = 0;
  #run = 0;
  #running = false;
  #closed = false;
  #deaths = 0;
  #idleDeaths = 0;
  #fatal: Error | undefined;
  /** Results of the current run, by index (ordered) or arrival (unordered). */
  readonly #done = new Map<number, PoolResult<I, O>>();
  readonly #arrivals: number[] = [];
  /** Tasks to send again after their worker died. */
  readonly #resend: Task<I>[] = [];
  #wake: (() => void) | undefined;

  constructor(options: WorkerPoolOptions) {
    this.#options = options;
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    this.#perWorker = Math.max(1, Math.floor(options.perWorker ?? 2));
    for (let i = 0; i < this.size; i++) this.#slots.push(this.#spawn());
  }

  /** How many workers have died and been replaced since the pool started. */
  get workerDeaths(): number {
    return this.#deaths;
  }

  /**
   * Runs every item of `items` through the job and yields one result per item. One run at a
   * time; breaking out of the loop early stops reading the input and drops unfinished results.
   */
  async *map(items: Iterable<I> | AsyncIterable<I>): AsyncGenerator<PoolResult<I, O>, void, undefined> {
    if (this.#closed) throw new Error('WorkerPool is closed');
    if (this.#running) throw new Error('WorkerPool.map is already running');
    this.#running = true;
    const run = ++this.#run;
    const ordered = this.#options.ordered ?? true;
    const maxPending = Math.max(1, this.#options.maxPending ?? 4 * this.size * this.#perWorker);
    const iterator = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : toAsync(items[Symbol.iterator]());
    let inputDone = false;
    let taken = 0;
    let yielded = 0;
    try {
      for (;;) {
        if (this.#fatal !== undefined) throw this.#fatal;
        while (this.#resend.length > 0 && this.#freeSlot() !== undefined) this.#send(this.#resend.shift()!);
        while (!inputDone && taken - yielded < maxPending && this.#resend.length === 0 && this.#freeSlot() !== undefined) {
          const next = await iterator.next();
          if (next.done === true) {
            inputDone = true;
            break;
          }
          this.#send({ seq: this.#seq++, index: taken++, input: next.value, run });
        }
        const result = ordered ? this.#done.get(yielded) : this.#nextArrival();
        if (result !== undefined) {
          this.#done.delete(result.index);
          yielded++;
          yield result;
          continue;
        }
        if (inputDone && yielded === taken) return;
        await new Promise<void>((resolve) => (this.#wake = resolve));
      }
    } finally {
      this.#running = false;
      this.#done.clear();
      this.#arrivals.length = 0;
      this.#resend.length = 0;
      if (!inputDone) await iterator.return?.();
    }
  }

  /** Stops every worker. In-flight items are abandoned. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(
      this.#slots.map((slot) => {
        slot.killedFor = 'pool closed';
        clearTimeout(slot.timer);
        return slot.worker.terminate();
      }),
    );
  }

  #nextArrival(): PoolResult<I, O> | undefined {
    const index = this.#arrivals.shift();
    return index === undefined ? undefined : this.#done.get(index);
  }

  #freeSlot(): Slot<I> | undefined {
    let best: Slot<I> | undefined;
    for (const slot of this.#slots) {
      if (slot.inFlight.length < this.#perWorker && (best === undefined || slot.inFlight.length < best.inFlight.length)) best = slot;
    }
    return best;
  }

  #send(task: Task<I>): void {
    const slot = this.#freeSlot();
    if (slot === undefined) throw new Error('no free worker (pool bookkeeping bug)');
    slot.inFlight.push(task);
    const request: JobRequest<I> = { seq: task.seq, input: task.input };
    slot.worker.postMessage(request);
    if (slot.inFlight.length === 1) this.#armTimer(slot);
  }

  #armTimer(slot: Slot<I>): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const limit = this.#options.taskTimeoutMs;
    if (limit === undefined || slot.inFlight.length === 0 || !slot.ready) return;
    slot.timer = setTimeout(() => {
      slot.killedFor = `timed out after ${limit} ms`;
      void slot.worker.terminate();
    }, limit);
  }

  #spawn(): Slot<I> {
    const workerData: PoolWorkerData = { jobModule: this.#options.jobModule.href, jobOptions: this.#options.jobOptions };
    const resourceLimits = this.#options.resourceLimits ?? DEFAULT_RESOURCE_LIMITS;
    const worker = new Worker(WORKER_URL, { workerData, resourceLimits });
    const slot: Slot<I> = { worker, inFlight: [], timer: undefined, killedFor: undefined, ready: false };
    worker.on('message', (reply: JobReply<O> | WorkerReady) => {
      if ('ready' in reply) {
        slot.ready = true;
        this.#armTimer(slot);
      } else {
        this.#onReply(slot, reply);
      }
    });
    let lastError: string | undefined;
    // 'error' (an uncaught exception in the thread, or its heap limit reached) is always followed
    // by 'exit'; keep its text.
    worker.on('error', (error) => (lastError = describeWorkerError(error, resourceLimits)));
    worker.on('exit', (code) => this.#onExit(slot, code, lastError));
    return slot;
  }

  #onReply(slot: Slot<I>, reply: JobReply<O>): void {
    const at = slot.inFlight.findIndex((t) => t.seq === reply.seq);
    if (at < 0) return;
    const [task] = slot.inFlight.splice(at, 1);
    this.#idleDeaths = 0;
    this.#armTimer(slot);
    if (task === undefined || task.run !== this.#run || !this.#running) {
      // A result of an abandoned run: dropped, but its worker has room again, so wake the loop.
      this.#wakeUp();
      return;
    }
    const result: PoolResult<I, O> = reply.ok
      ? { index: task.index, input: task.input, ok: true, value: reply.value }
      : { index: task.index, input: task.input, ok: false, error: reply.error };
    this.#finish(result);
  }

  #finish(result: PoolResult<I, O>): void {
    this.#done.set(result.index, result);
    this.#arrivals.push(result.index);
    this.#wakeUp();
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #onExit(slot: Slot<I>, code: number, lastError: string | undefined): void {
    clearTimeout(slot.timer);
    if (this.#closed) return;
    this.#deaths++;
    const position = this.#slots.indexOf(slot);
    if (position < 0) return;
    const [culprit, ...innocent] = slot.inFlight;
    this.#slots[position] = this.#spawn();
    if (culprit === undefined) {
      if (++this.#idleDeaths >= MAX_IDLE_DEATHS) {
        this.#fatal = new Error(`workers keep exiting before doing any work (code ${code}${lastError ? `: ${lastError}` : ''})`);
      }
    } else if (culprit.run === this.#run && this.#running) {
      const why = slot.killedFor ?? `worker exited with code ${code}${lastError ? `: ${lastError}` : ''}`;
      this.#finish({ index: culprit.index, input: culprit.input, ok: false, error: why });
    }
    // The items queued behind the one that killed the worker never ran: send them again.
    for (const task of innocent) if (task.run === this.#run && this.#running) this.#resend.push(task);
    this.#resend.sort((a, b) => a.index - b.index);
    this.#wakeUp();
  }
}

/** What killed a worker, as the failed item's error says it. */
function describeWorkerError(error: unknown, limits: ResourceLimits): string {
  if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const cap = limits.maxOldGenerationSizeMb;
    return `out of memory (ERR_WORKER_OUT_OF_MEMORY): the item needed more than the worker's${cap !== undefined ? ` ${cap} MB` : ''} heap`;
  }
  return error instanceof Error ? error.message : String(error);
}

async function* toAsync<T>(iterator: Iterator<T>): AsyncGenerator<T> {
  for (;;) {
    const next = iterator.next();
    if (next.done === true) return;
    yield next.value;
  }
}
