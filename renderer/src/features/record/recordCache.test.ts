import { describe, expect, it } from 'vitest';
import type { RecordForReview } from '../../../../shared/contract/channels.ts';
import { fail, ok, type Result } from '../../../../shared/contract/result.ts';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';
import { RecordCache } from './recordCache.ts';

const noReview: RecordForReview['review'] = { annotations: [], decisions: [], state: null, corrections: [] };

/** A fetch whose answers the test gives, one request at a time (the record with an empty review and no corpus findings). */
function gatedFetch() {
  const requests: string[] = [];
  const answers = new Map<string, (result: Result<RecordForReview>) => void>();
  const fetchRecord = (id: string) =>
    new Promise<Result<RecordForReview>>((resolve) => {
      requests.push(id);
      answers.set(id, resolve);
    });
  const answer = (id: string, result: Result<ReviewRecord>) => answers.get(id)!(result.ok ? ok({ record: result.value, review: noReview, corpus: { complete: true, findings: [] } }) : result);
  return { fetchRecord, requests, answer };
}

describe('RecordCache', () => {
  it('asks once for a record however often it is wanted, and hands it out at once when answered', async () => {
    const { fetchRecord, requests, answer } = gatedFetch();
    const cache = new RecordCache(fetchRecord);
    const first = cache.load(mdmaRecord.id);
    const second = cache.load(mdmaRecord.id);
    expect(cache.peek(mdmaRecord.id)).toBeNull();
    answer(mdmaRecord.id, ok(mdmaRecord));
    expect(await first).toEqual(ok(mdmaRecord));
    expect(await second).toEqual(ok(mdmaRecord));
    expect(cache.peek(mdmaRecord.id)).toBe(mdmaRecord);
    expect(requests).toEqual([mdmaRecord.id]);
  });

  it("hands each record's stored review on and keeps its corpus findings, for the current list only", async () => {
    const { fetchRecord, answer } = gatedFetch();
    const fetched: string[] = [];
    const cache = new RecordCache(fetchRecord, ({ record }) => fetched.push(record.id));
    const stale = cache.load(secondRecord.id);
    cache.reset();
    answer(secondRecord.id, ok(secondRecord));
    await stale;
    const shown = cache.load(mdmaRecord.id);
    expect(cache.corpusFindings(mdmaRecord.id)).toBeNull();
    answer(mdmaRecord.id, ok(mdmaRecord));
    await shown;
    expect(fetched).toEqual([mdmaRecord.id]);
    expect(cache.corpusFindings(mdmaRecord.id)).toEqual({ complete: true, findings: [] });
  });

  it('asks again after a failure, and forgets the oldest record beyond its capacity', async () => {
    const { fetchRecord, requests, answer } = gatedFetch();
    const cache = new RecordCache(fetchRecord, undefined, 1);
    const failed = cache.load(mdmaRecord.id);
    answer(mdmaRecord.id, fail('gone'));
    await failed;
    expect(cache.peek(mdmaRecord.id)).toBeNull();
    const again = cache.load(mdmaRecord.id);
    answer(mdmaRecord.id, ok(mdmaRecord));
    await again;
    const other = cache.load(secondRecord.id);
    answer(secondRecord.id, ok(secondRecord));
    await other;
    expect(cache.peek(secondRecord.id)).toBe(secondRecord);
    expect(cache.peek(mdmaRecord.id)).toBeNull();
    expect(requests).toEqual([mdmaRecord.id, mdmaRecord.id, secondRecord.id]);
  });

  it('does not keep an answer to a request made before the list was replaced', async () => {
    const { fetchRecord, answer } = gatedFetch();
    const cache = new RecordCache(fetchRecord);
    const before = cache.load(mdmaRecord.id);
    cache.reset();
    answer(mdmaRecord.id, ok(mdmaRecord));
    await before;
    expect(cache.peek(mdmaRecord.id)).toBeNull();
  });
});
