import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerThisThreadsPriority } from './backgroundPriority.ts';

describe('lowerThisThreadsPriority', () => {
  it('never lowers a main thread', () => {
    const before = getPriority();
    expect(lowerThisThreadsPriority()).toBe(false);
    expect(getPriority()).toBe(before);
  });

  it.runIf(process.platform === 'linux')('lowers the worker thread that calls it, and only that thread', async () => {
    const before = getPriority();
    const moduleUrl = new URL('./backgroundPriority.ts', import.meta.url).href;
    const worker = new Worker(
      `import { getPriority } from 'node:os';
       import { parentPort } from 'node:worker_threads';
       const { lowerThisThreadsPriority } = await import(${JSON.stringify(moduleUrl)});
       parentPort.postMessage({ lowered: lowerThisThreadsPriority(), priority: getPriority() });`,
      { eval: true, type: 'module' } as ConstructorParameters<typeof Worker>[1],
    );
    const answer = await new Promise<{ lowered: boolean; priority: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(answer.lowered).toBe(true);
    expect(answer.priority).toBeGreaterThan(before);
    expect(getPriority()).toBe(before);
  });
});
