import type { LibraryState, ReviewApi } from '../../../../shared/contract/channels.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { recordCacheFor } from '../record/recordCache.ts';

/**
 * Summaries per `library:list` page after the first. A page costs the host more than its size:
 * with 100,000 records loaded, 5,000 summaries (1.2 MB of JSON) took it 210-260 ms and 20,000
 * (4.9 MB) 1.8-2.1 s, during which no other request is answered, the record the user opened
 * included. Smaller pages let such requests in between.
 */
export const listPageSize = 5_000;

/**
 * The first page: enough rows to fill the list several times over, and small (1,000 summaries
 * took the host 22-28 ms), so the first row, and then the first record, appear while the rest
 * of the list still comes in.
 */
export const firstListPageSize = 1_000;

const asked = new WeakMap<ReviewApi, Promise<Result<LibraryState>>>();

/**
 * Asks for the record list's first page now, before the app has rendered: main.tsx calls it
 * beside the settings request it awaits before the first render, so the list (and then the first
 * record) does not wait a round trip more, which while the host is still loading a large file
 * queues behind its parsing. The first record, which the app shows unless the user picks
 * another, is asked for as soon as the page names it (into the record cache the view reads),
 * not after the list has been drawn.
 */
export function askFirstListPage(api: ReviewApi): void {
  const page = api.listRecords({ start: 0, limit: firstListPageSize });
  asked.set(api, page);
  void page.then((result) => {
    const first = result.ok ? result.value.records[0] : undefined;
    if (first) void recordCacheFor(api).load(first.id);
  });
}

/** The first page asked for at start, once; null when none was asked or it was already taken. */
export function takeFirstListPage(api: ReviewApi): Promise<Result<LibraryState>> | null {
  const page = asked.get(api) ?? null;
  asked.delete(api);
  return page;
}
