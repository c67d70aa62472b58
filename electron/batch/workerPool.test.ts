import { afterEach, describe, expect, it } from 'vitest';
import type { TrivialInput } from './testJobs/trivialJob.ts';
import { defaultPoolSize, WorkerPool, type PoolResult, type WorkerPoolOptions } from './workerPool.ts';

const TRIVIAL = new URL('./testJobs/trivialJob.ts', import.meta.url);
const pools: WorkerPool<unknown, unknown>[] = [];

function pool(options: Partial<WorkerPoolOptions> = {}): WorkerPool<TrivialInput, number> {
  const created = new WorkerPool<TrivialInput, number>({ jobModule: TRIVIAL, size: 2, ...options });
  pools.push(created as WorkerPool<unknown, unknown>);
  return created;
}

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of source) out.push(item);
  return out;
}

function doubles(n: number): TrivialInput[] {
  return Array.from({ length: n }, (_, value) => ({ op: 'double', value }));
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('WorkerPool', () => {
  it('sizes itself to cores − 1, at least 1', () => {
    expect(defaultPoolSize()).toBeGreaterThanOrEqual(1);
  });

  it('maps every item through the job and yields in input order', async () => {
    const results = await collect(pool({ jobOptions: { offset: 1 } }).map(doubles(300)));
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(results.every((r) => r.ok && r.value === r.index * 2 + 1)).toBe(true);
  });

  it('keeps input order even when early items finish last', async () => {
    const items: TrivialInput[] = [{ op: 'sleep', value: 0, ms: 150 }, ...doubles(20).slice(1)];
    const results = await collect(pool().map(items));
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('yields as completed when unordered, still one result per item', async () => {
    const p = pool({ ordered: false });
    // Warm up both workers first, so a slow thread start on a busy machine cannot reorder things.
    await collect(p.map(doubles(8)));
    const items: TrivialInput[] = [{ op: 'sleep', value: 0, ms: 500 }, ...doubles(30).slice(1)];
    const results = await collect(p.map(items));
    expect(results[0]?.index).not.toBe(0);
    expect(results.map((r) => r.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  it('accepts an async iterable as input', async () => {
    async function* source(): AsyncGenerator<TrivialInput> {
      for (let value = 0; value < 50; value++) yield { op: 'double', value };
    }
    const results = await collect(pool().map(source()));
    expect(results.map((r) => (r.ok ? r.value : null))).toEqual(Array.from({ length: 50 }, (_, i) => i * 2));
  });

  it('turns a thrown error into an error result and carries on', async () => {
    const items: TrivialInput[] = [...doubles(5), { op: 'throw', value: 5 }, ...doubles(10).slice(6)];
    const results = await collect(pool().map(items));
    expect(results[5]).toMatchObject({ index: 5, ok: false, error: 'bad item 5' });
    expect(results.filter((r) => r.ok)).toHaveLength(9);
  });

  it.each(['exit', 'uncaught'] as const)('replaces a worker killed by %s, fails only that item, re-sends the rest', async (op) => {
    const p = pool({ perWorker: 3 });
    const items: TrivialInput[] = [...doubles(40)];
    items[7] = { op, value: 7 };
    items[23] = { op, value: 23 };
    const results = await collect(p.map(items));
    expect(results).toHaveLength(40);
    const failed = results.filter((r) => !r.ok) as Extract<PoolResult<TrivialInput, number>, { ok: false }>[];
    expect(failed.map((r) => r.index)).toEqual([7, 23]);
    expect(failed[0]?.error).toMatch(op === 'exit' ? /exited with code 3/ : /uncaught in 7/);
    expect(results.filter((r) => r.ok).every((r) => r.ok && r.value === r.index * 2)).toBe(true);
    expect(p.workerDeaths).toBe(2);
    // The pool is still whole: a second run uses the replacement workers.
    expect((await collect(p.map(doubles(10)))).every((r) => r.ok)).toBe(true);
  });

  it('fails an item that reaches the heap limit with an out-of-memory error, replaces its worker, runs the rest', async () => {
    const p = pool({ size: 1, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 } });
    const items: TrivialInput[] = [...doubles(6)];
    items[2] = { op: 'allocate', value: 2 };
    const results = await collect(p.map(items));
    expect(results[2]).toMatchObject({ ok: false, error: expect.stringMatching(/out of memory \(ERR_WORKER_OUT_OF_MEMORY\).* 32 MB heap/) });
    expect(results.filter((r) => r.ok).map((r) => r.index)).toEqual([0, 1, 3, 4, 5]);
    expect(p.workerDeaths).toBe(1);
  });

  it('times out an item that never returns by terminating its worker', async () => {
    const items: TrivialInput[] = [{ op: 'double', value: 0 }, { op: 'hang', value: 1 }, { op: 'double', value: 2 }];
    const results = await collect(pool({ taskTimeoutMs: 300 }).map(items));
    expect(results[1]).toMatchObject({ ok: false, error: 'timed out after 300 ms' });
    expect(results[2]).toMatchObject({ ok: true, value: 4 });
  });

  it('reports a job module without runJob per item instead of crashing', async () => {
    const p = new WorkerPool<number, number>({ jobModule: new URL('./testJobs/noRunJob.ts', import.meta.url), size: 1 });
    pools.push(p as WorkerPool<unknown, unknown>);
    const results = await collect(p.map([1, 2]));
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(results[0]).toMatchObject({ error: expect.stringMatching(/does not export runJob/) });
  });

  it('pulls input only as the consumer takes results (bounded in-flight work)', async () => {
    let pulled = 0;
    function* source(): Generator<TrivialInput> {
      for (let value = 0; value < 400; value++) {
        pulled++;
        yield { op: 'double', value };
      }
    }
    const maxPending = 8;
    let consumed = 0;
    let worstGap = 0;
    for await (const _result of pool({ maxPending }).map(source())) {
      consumed++;
      worstGap = Math.max(worstGap, pulled - consumed);
      if (consumed % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(consumed).toBe(400);
    expect(worstGap).toBeLessThanOrEqual(maxPending);
  });

  it('stops reading the input when the consumer breaks out, and can run again', async () => {
    let pulled = 0;
    function* endless(): Generator<TrivialInput> {
      for (let value = 0; ; value++) {
        pulled++;
        yield { op: 'double', value };
      }
    }
    const p = pool({ maxPending: 6 });
    for await (const result of p.map(endless())) if (result.index === 20) break;
    expect(pulled).toBeLessThanOrEqual(21 + 6);
    const again = await collect(p.map(doubles(5)));
    expect(again.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it('refuses a second concurrent run and use after close', async () => {
    const p = pool();
    const first = p.map(doubles(3));
    await first.next();
    await expect(p.map(doubles(1)).next()).rejects.toThrow(/already running/);
    await first.return(undefined);
    await p.close();
    await expect(p.map(doubles(1)).next()).rejects.toThrow(/closed/);
  });
});
