import { describe, expect, it } from 'vitest';
import type { ReviewApi } from '../../../../shared/contract/channels.ts';
import { ok } from '../../../../shared/contract/result.ts';
import { recordCacheFor } from '../record/recordCache.ts';
import { askFirstListPage, firstListPageSize, listPageSize, takeFirstListPage } from './firstListPage.ts';

describe('the first page of the record list', () => {
  it('is asked for small, and handed out once', async () => {
    const asked: unknown[] = [];
    const api = { listRecords: (request: unknown) => (asked.push(request), Promise.resolve(ok({ records: [], errors: [] }))) } as unknown as ReviewApi;
    askFirstListPage(api);
    expect(asked).toEqual([{ start: 0, limit: firstListPageSize }]);
    // Small enough for the host to answer at once while it loads, and smaller than the later pages.
    expect(firstListPageSize).toBeLessThan(listPageSize);
    expect(await takeFirstListPage(api)).toEqual(ok({ records: [], errors: [] }));
    expect(takeFirstListPage(api)).toBeNull();
  });

  it('asks for its first record as soon as it arrives, into the cache the record view reads', async () => {
    const summary = { id: 'first', title: 'First', titleZh: null, file: 'a.jsonl', format: 'jsonl' };
    const fetched: unknown[] = [];
    const record = { id: 'first' };
    const api = {
      listRecords: () => Promise.resolve(ok({ records: [summary], errors: [] })),
      getRecordForReview: (request: unknown) => (fetched.push(request), Promise.resolve(ok({ record, review: null, corpus: null }))),
    } as unknown as ReviewApi;
    askFirstListPage(api);
    await takeFirstListPage(api);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fetched).toEqual([{ id: 'first' }]);
    // The view's own request for it is answered from the cache: no second fetch.
    expect(await recordCacheFor(api).load('first')).toEqual(ok(record));
    expect(fetched).toHaveLength(1);
  });
});
