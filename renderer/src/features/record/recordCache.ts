import { RecentMap } from '../../../../shared/collections/recentMap.ts';
import type { RecordForReview, ReviewApi } from '../../../../shared/contract/channels.ts';
import type { CorpusFindings } from '../../../../shared/contract/recordQuery.ts';
import { fail, ok, type Result } from '../../../../shared/contract/result.ts';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { oneEach } from '../oneEach.ts';
import { reviewSessionStoreFor } from '../review/reviewSessionStore.ts';

/** How many records are kept: the one shown, the few fetched ahead, and some just left. */
const defaultCapacity = 24;

interface Entry {
  settled: RecordForReview | null;
  promise: Promise<Result<ReviewRecord>>;
}

/**
 * The full records fetched from the main side, the last few kept by id, so going back to a record
 * just seen, or on to one fetched ahead (`useRecordPrefetch`), needs no request. A record answered
 * is available synchronously (`peek`), so the view can show it in the same render as the choice.
 *
 * Each record comes with what its review view asks for next (`library:recordForReview`): its
 * stored review goes to `onFetched` (the review session reads it from there, not with a request of
 * its own) and its corpus findings are kept beside it (`corpusFindings`). One request a record,
 * where three round trips each cost the page a fetch and the main side a turn of its queue.
 *
 * An id names a record only within one list of the library: the same DOI can come back from
 * another file with other text, so `reset` (called when the list is replaced) forgets everything,
 * and an answer for a request made before the reset is not kept.
 */
export class RecordCache {
  private readonly fetchRecord: (id: string) => Promise<Result<RecordForReview>>;
  private readonly onFetched: (fetched: RecordForReview) => void;
  /** `load` counts as a use, `peek` does not. */
  private readonly entries: RecentMap<string, Entry>;
  private epoch = 0;

  constructor(fetchRecord: (id: string) => Promise<Result<RecordForReview>>, onFetched: (fetched: RecordForReview) => void = () => {}, capacity: number = defaultCapacity) {
    this.fetchRecord = fetchRecord;
    this.onFetched = onFetched;
    this.entries = new RecentMap(capacity);
  }

  /** The record if its answer is here (a failure is not kept: it is asked again next time). */
  peek(id: string): ReviewRecord | null {
    return this.entries.peek(id)?.settled?.record ?? null;
  }

  /** The record's corpus findings as they stood when it was fetched, if it is here. */
  corpusFindings(id: string): CorpusFindings | null {
    return this.entries.peek(id)?.settled?.corpus ?? null;
  }

  /** The record, from the cache or fetched (one request however many ask at once). */
  load(id: string): Promise<Result<ReviewRecord>> {
    const held = this.entries.get(id);
    if (held) return held.promise;
    const epoch = this.epoch;
    const entry: Entry = { settled: null, promise: Promise.resolve(fail('not asked yet')) };
    entry.promise = this.fetchRecord(id).then((result): Result<ReviewRecord> => {
      if (!result.ok) {
        if (this.entries.peek(id) === entry) this.entries.delete(id);
        return result;
      }
      if (epoch === this.epoch && this.entries.peek(id) === entry) {
        entry.settled = result.value;
        this.onFetched(result.value);
      }
      return ok(result.value.record);
    });
    this.entries.set(id, entry);
    return entry.promise;
  }

  /** Forgets every record (the library's list was replaced). */
  reset(): void {
    this.epoch += 1;
    this.entries.clear();
  }
}

/**
 * One record cache per `ReviewApi` (per window), shared by the view and the prefetch; each stored
 * review fetched with a record is handed to the window's review session.
 */
export const recordCacheFor: (api: ReviewApi) => RecordCache = oneEach(
  (api) => new RecordCache((id) => api.getRecordForReview({ id }), ({ record, review }) => reviewSessionStoreFor(api).provideReview(record.id, review)),
);
