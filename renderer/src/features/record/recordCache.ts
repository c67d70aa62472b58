import type { ReviewApi } from '../../../../shared/contract/channels.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { oneEach } from '../oneEach.ts';

/** How many records are kept: the one shown, the few fetched ahead, and some just left. */
const defaultCapacity = 24;

interface Entry {
  settled: Result<ReviewRecord> | null;
  promise: Promise<Result<ReviewRecord>>;
}

/**
 * The full records fetched from the main side, the last few kept by id, so going back to a record
 * just seen, or on to one fetched ahead (`useRecordPrefetch`), needs no request. A record answered
 * is available synchronously (`peek`), so the view can show it in the same render as the choice.
 *
 * An id names a record only within one list of the library: the same DOI can come back from
 * another file with other text, so `reset` (called when the list is replaced) forgets everything,
 * and an answer for a request made before the reset is not kept.
 */
export class RecordCache {
  private readonly fetchRecord: (id: string) => Promise<Result<ReviewRecord>>;
  private readonly capacity: number;
  /** Insertion order is recency: a read moves the entry to the end. */
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;

  constructor(fetchRecord: (id: string) => Promise<Result<ReviewRecord>>, capacity: number = defaultCapacity) {
    this.fetchRecord = fetchRecord;
    this.capacity = capacity;
  }

  /** The record if its answer is here (a failure is not kept: it is asked again next time). */
  peek(id: string): ReviewRecord | null {
    const entry = this.entries.get(id);
    return entry?.settled?.ok ? entry.settled.value : null;
  }

  /** The record, from the cache or fetched (one request however many ask at once). */
  load(id: string): Promise<Result<ReviewRecord>> {
    const held = this.entries.get(id);
    if (held) {
      this.entries.delete(id);
      this.entries.set(id, held);
      return held.promise;
    }
    const epoch = this.epoch;
    const request = this.fetchRecord(id);
    const entry: Entry = { settled: null, promise: request };
    entry.promise = request.then((result) => {
      if (epoch !== this.epoch || this.entries.get(id) !== entry) return result;
      if (result.ok) entry.settled = result;
      else this.entries.delete(id);
      return result;
    });
    this.entries.set(id, entry);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
    return entry.promise;
  }

  /** Forgets every record (the library's list was replaced). */
  reset(): void {
    this.epoch += 1;
    this.entries.clear();
  }
}

/** One record cache per `ReviewApi` (per window), shared by the view and the prefetch. */
export const recordCacheFor: (api: ReviewApi) => RecordCache = oneEach((api) => new RecordCache((id) => api.getRecord({ id })));
