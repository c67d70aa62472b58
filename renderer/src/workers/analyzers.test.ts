import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReviewRecord } from '../../../shared/records/model.ts';
import { createWorkerAnalyzer } from './analyzers.ts';

/** A stand-in for the module worker: counts how often it is started and answers each request. */
class FakeWorker {
  static started = 0;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor() {
    FakeWorker.started += 1;
  }
  postMessage(request: { requestId: number; record: ReviewRecord }): void {
    const analysis = { recordId: request.record.id, alignment: { en: [], zh: [], links: [], sections: [] }, findings: [], elapsedMs: 0 };
    queueMicrotask(() => this.onmessage?.({ data: { requestId: request.requestId, ok: true, analysis } } as MessageEvent));
  }
  terminate(): void {}
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.started = 0;
});

describe('the worker analyzer', () => {
  it('starts its worker on warmUp, before any record, and analyses with that same worker', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const analyzer = createWorkerAnalyzer();
    expect(FakeWorker.started).toBe(0);
    analyzer.warmUp?.();
    expect(FakeWorker.started).toBe(1);
    analyzer.warmUp?.();
    const analysis = await analyzer.analyze({ id: 'r1' } as ReviewRecord);
    expect(analysis.recordId).toBe('r1');
    expect(FakeWorker.started).toBe(1);
    analyzer.dispose();
  });
});
