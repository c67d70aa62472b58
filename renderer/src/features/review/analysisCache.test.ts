import { describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import type { RecordAnalysis, RecordAnalyzer } from '../../workers/analysisTypes.ts';
import { StaleAnalysisError } from '../../workers/analysisTypes.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';
import { AnalysisCache } from './analysisCache.ts';

const third: ReviewRecord = { ...secondRecord, id: 'fixture-3' };
const fourth: ReviewRecord = { ...secondRecord, id: 'fixture-4' };
const noGlossary: readonly [] = [];

/** An analyzer whose runs finish when the test says; it records the order they started in. */
function gatedAnalyzer() {
  const started: string[] = [];
  const finishers = new Map<string, () => void>();
  const analyzer: RecordAnalyzer = {
    analyze: (record) =>
      new Promise<RecordAnalysis>((resolve) => {
        started.push(record.id);
        finishers.set(record.id, () => resolve({ recordId: record.id, alignment: { en: [], zh: [], links: [], sections: [] }, findings: [], elapsedMs: 0 }));
      }),
    dispose() {},
  };
  const finish = async (id: string) => {
    finishers.get(id)!();
    // Let the cache hear of it and start the next run.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  };
  return { analyzer, started, finish };
}

describe('AnalysisCache', () => {
  it('hands out a record analysed ahead at once, without analysing it again', async () => {
    const { analyzer, started, finish } = gatedAnalyzer();
    const cache = new AnalysisCache(analyzer);
    const heard: string[] = [];
    cache.prefetch([mdmaRecord, secondRecord], noGlossary, (record) => heard.push(record.id));
    await finish(mdmaRecord.id);
    await finish(secondRecord.id);
    expect(heard).toEqual([mdmaRecord.id, secondRecord.id]);
    expect(cache.peek(secondRecord, noGlossary)?.recordId).toBe(secondRecord.id);
    expect((await cache.analyze(secondRecord, noGlossary)).recordId).toBe(secondRecord.id);
    expect(started).toEqual([mdmaRecord.id, secondRecord.id]);
    // Another glossary, or another object for the same id (the file was opened again), is analysed anew.
    expect(cache.peek(secondRecord, [{ en: 'sleep', preferred: ['睡眠'], forbidden: [] }])).toBeNull();
    expect(cache.peek({ ...secondRecord }, noGlossary)).toBeNull();
  });

  it('analyses the record on screen before the ones asked for ahead', async () => {
    const { analyzer, started, finish } = gatedAnalyzer();
    const cache = new AnalysisCache(analyzer);
    cache.prefetch([mdmaRecord, secondRecord], noGlossary);
    const shown = cache.analyze(third, noGlossary);
    await finish(mdmaRecord.id);
    expect(started).toEqual([mdmaRecord.id, third.id]);
    await finish(third.id);
    expect((await shown).recordId).toBe(third.id);
    expect(started).toEqual([mdmaRecord.id, third.id, secondRecord.id]);
  });

  it('joins the run already analysing the record chosen, and drops a list replaced by a newer one', async () => {
    const { analyzer, started, finish } = gatedAnalyzer();
    const cache = new AnalysisCache(analyzer);
    cache.prefetch([mdmaRecord, secondRecord], noGlossary);
    const shown = cache.analyze(mdmaRecord, noGlossary);
    cache.prefetch([third], noGlossary);
    await finish(mdmaRecord.id);
    expect((await shown).recordId).toBe(mdmaRecord.id);
    await finish(third.id);
    expect(started).toEqual([mdmaRecord.id, third.id]);
  });

  it('keeps only the latest record on screen waiting: the ones skipped over are rejected as stale', async () => {
    const { analyzer, started, finish } = gatedAnalyzer();
    const cache = new AnalysisCache(analyzer);
    const first = cache.analyze(mdmaRecord, noGlossary);
    const skipped = cache.analyze(secondRecord, noGlossary);
    const skippedToo = cache.analyze(third, noGlossary);
    const last = cache.analyze(fourth, noGlossary);
    await expect(skipped).rejects.toBeInstanceOf(StaleAnalysisError);
    await expect(skippedToo).rejects.toBeInstanceOf(StaleAnalysisError);
    await finish(mdmaRecord.id);
    expect((await first).recordId).toBe(mdmaRecord.id);
    await finish(fourth.id);
    expect((await last).recordId).toBe(fourth.id);
    expect(started).toEqual([mdmaRecord.id, fourth.id]);
  });
});
