import type { LibraryState, ReviewApi } from '../../../../shared/contract/channels.ts';
import type { Result } from '../../../../shared/contract/result.ts';

/** Summaries per `library:list` page: 20,000 are ~5 MB of JSON, a fraction of a second to parse. */
export const listPageSize = 20_000;

const asked = new WeakMap<ReviewApi, Promise<Result<LibraryState>>>();

/**
 * Asks for the record list's first page now, before the app has rendered: main.tsx calls it
 * beside the settings request it awaits before the first render, so the list (and then the first
 * record) does not wait a round trip more, which while the host is still loading a large file
 * queues behind its parsing.
 */
export function askFirstListPage(api: ReviewApi): void {
  asked.set(api, api.listRecords({ start: 0, limit: listPageSize }));
}

/** The first page asked for at start, once; null when none was asked or it was already taken. */
export function takeFirstListPage(api: ReviewApi): Promise<Result<LibraryState>> | null {
  const page = asked.get(api) ?? null;
  asked.delete(api);
  return page;
}
