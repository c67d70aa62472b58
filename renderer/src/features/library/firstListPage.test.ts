import { describe, expect, it } from 'vitest';
import type { ReviewApi } from '../../../../shared/contract/channels.ts';
import { ok } from '../../../../shared/contract/result.ts';
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
});
