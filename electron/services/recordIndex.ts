import type { ReviewStatus } from '../../shared/contract/annotations.ts';
import type { RequestOf } from '../../shared/contract/channels.ts';
import { REVIEW_STATUSES, type CorpusFindings, type RecordFlagCounts, type RecordQueryCounts, type RecordQueryResult } from '../../shared/contract/recordQuery.ts';
import type { ReviewRecord } from '../../shared/records/model.ts';
import { analyzeRecord } from '../../shared/review/analyzeRecord.ts';
import { alignedOf, summarizeRecordFlags, type RecordFlagSummary } from '../../shared/review/flagSummary.ts';
import { corpusTermFinding, findCorpusTermDisagreements, type CorpusTermDisagreement } from '../../shared/terms/termInconsistency.ts';
import { batchModuleUrl } from '../batch/batchModules.ts';
import { WorkerPool } from '../batch/workerPool.ts';
import { RecentMap } from '../../shared/collections/recentMap.ts';
import { countFlags, filterRecords, type QueryableRecord } from '../../shared/review/recordQuery.ts';
import type { AnnotationRepository } from './annotationStore.ts';
import type { RecordLibrary } from './recordLibrary.ts';
import { flagsFromBits, searchNeedle, type CheckCursor, type RecordChecks, type RecordStore, type StoredCheck } from './recordStore.ts';

export interface RecordIndexOptions {
  /** One record's flag counts; by default the review pipeline's (`analyzeRecord`). */
  countFlags?: (record: ReviewRecord) => RecordFlagCounts;
  /** Longest stretch of checking before the event loop gets a turn. Default 12 ms. */
  sliceMs?: number;
  /**
   * Check in a worker thread (the pipeline's checks only, not a custom `countFlags`). The thread
   * starts when there is something to check and ends when everything is checked. Without it,
   * checking runs in this thread in slices, and every request waits behind slices: a record
   * fetched in ~2 ms took ~30 ms while 10,000 records were being checked.
   */
  worker?: boolean;
}

type Checked = RecordFlagSummary;

interface Filtered {
  key: string;
  /** The filter alone (text, kinds, severities, statuses), without the list's state. */
  filterKey: string;
  /** The list's stamp this answer was computed for (what the caller sees as `stamp`). */
  stamp: string;
  /** The list generation it was computed for: a change other than appending always recomputes. */
  generation: number;
  /** When it was computed and how long that took (ms, `performance.now()`). */
  computedAt: number;
  took: number;
  /** The matching rows' `seq` in the store, in list order, and their ids once asked for. */
  matches: number[];
  ids: string[] | null;
  counts: RecordQueryCounts;
}

/** How long the checking thread is kept after its last batch (see `RecordIndex.releasePool`). */
const POOL_IDLE_MS = 15_000;
/** Records read from the store per refill of the checking queue. */
const CHECK_BATCH = 32;
/**
 * While records load or are checked, the list's stamp changes every slice. A filtering is a pass
 * over every row (0.1–0.25 s at 100,000 records), so it is redone at most once per this many
 * times its own duration, and not more often than `MIN_REFRESH_MS`: the list's counts (and the
 * rows the list fetches on a new stamp) lag by a few seconds, and requests (the record the user
 * clicked) meet a pass every few seconds instead of every second. When the background work is
 * done, the next query is exact again.
 */
const REFRESH_SPACING = 10;
const MIN_REFRESH_MS = 3000;
/**
 * After the user opens a record, the background check holds its next batch this long. Stepping
 * through records, each switch then has the host, the page and its analysis worker to itself
 * (on 2 cores a batch and the storing of its counts took CPU the switch was waiting for); a
 * reviewer reading a record for a few seconds leaves the check running between switches.
 */
const USER_PAUSE_MS = 400;
/** Corpus findings kept for records recently asked for (the shown one and those the list prefetches). */
const CORPUS_FINDINGS_KEPT = 16;
/**
 * A search narrows the last one's rows when they are at most 1/NARROW_SHARE of the list: looking
 * up rows one by one costs more per row than the full scan, so for many rows the scan is quicker.
 */
const NARROW_SHARE = 4;

/** Adds `times` × `part` to `total`, field by field. */
function addCounts(total: RecordQueryCounts, part: RecordQueryCounts, times: number): void {
  for (const tally of ['byKind', 'bySeverity', 'byStatus'] as const) {
    const into = total[tally] as Record<string, number>;
    for (const [value, count] of Object.entries(part[tally])) into[value] = (into[value] ?? 0) + count * times;
  }
}

/**
 * The record list's view of the library: flag counts per record, checked in the background after
 * a load, and review statuses from the store, answering `library:query`.
 *
 * Checking runs in this thread in slices of a few milliseconds, each followed by a turn of the
 * event loop, so a request (the record the user clicked, the next page of the list) waits at most
 * one slice. Records are read from the library's store (`RecordStore`) a batch at a time, and
 * their counts kept in this index's table there (`RecordChecks`), keyed by record row: a file
 * opened again has new rows, so it is checked again, and a cleared library drops its counts with
 * its rows. Memory holds no per-record state.
 *
 * Checking also stores, per record, a compact summary of its term renderings (a few short strings,
 * not the aligned record). When every record is checked,
 * the corpus-wide `term-inconsistency` check runs over those summaries (again after each load), and
 * `library:corpusFindings` turns a record's disagreements into findings by aligning that one record.
 *
 * Filtering reads every row's flag bits in list order, the text search done by SQLite over a
 * stored case-folded text (`instr`; an FTS5 trigram index answered in ~20 ms instead of ~2 s on a
 * loaded machine, but took 3.4 times the load's time to build, so it is not used). The last
 * filtering is kept: scrolling asks for windows of the same filter, and the search's matches
 * while the list is unchanged, so the polls during background checking do not search again.
 */
export class RecordIndex {
  /** Corpus disagreements by record id, and the list stamp they were computed for. */
  private corpus: { stamp: string; byId: Map<string, CorpusTermDisagreement[]> } | null = null;
  private statuses: Map<string, ReviewStatus> | null = null;
  private statusVersion = 0;
  private analysedVersion = 0;
  /** Records read from the store, waiting to be checked; valid while the list's generation holds. */
  private queue: { generation: number; cursor: CheckCursor | null; items: { seq: number; record: ReviewRecord }[] } = { generation: -1, cursor: null, items: [] };
  /** This index's table of checks in the library's store (a closed library opens a new store). */
  private checkTable: { store: RecordStore; checks: RecordChecks } | null = null;
  private pumping = false;
  private disposed = false;
  /** Files being read: checking waits for them, so it does not halve the speed of a large load. */
  private readonly loading = new Set<string>();
  private lastProgressAt = 0;
  private lastRecordOpenedAt = -Infinity;
  private last: Filtered | null = null;
  /** The rows holding the last search text (`needle`), for the list as it was (`list`). */
  private lastText: { list: string; needle: string; seqs: Set<number> } | null = null;
  private analysedAt: { stamp: string; count: number } | null = null;
  /** Recent `corpusFindings` answers by record id, for the corpus stamp they were computed at. */
  private readonly corpusAnswers = new RecentMap<string, { stamp: string; answer: CorpusFindings }>(CORPUS_FINDINGS_KEPT);
  private readonly check: (record: ReviewRecord) => Checked;
  private readonly sliceMs: number;
  private readonly useWorker: boolean;
  /** The checking thread while there is checking to do (`worker: true`). */
  private pool: WorkerPool<ReviewRecord[], Checked[]> | null = null;
  /** Closes the idle checking thread (see `releasePool`). */
  private poolIdle: ReturnType<typeof setTimeout> | null = null;
  private readonly stopListening: () => void;

  private readonly library: RecordLibrary;
  private readonly store: Pick<AnnotationRepository, 'listReviewStates'>;

  constructor(library: RecordLibrary, store: Pick<AnnotationRepository, 'listReviewStates'>, options: RecordIndexOptions = {}) {
    this.library = library;
    this.store = store;
    const custom = options.countFlags;
    // A custom counter (tests, benchmarks) replaces the pipeline, and with it the term summaries.
    this.check = custom ? (record) => ({ counts: custom(record), terms: [] }) : summarizeRecordFlags;
    this.sliceMs = options.sliceMs ?? 12;
    this.useWorker = options.worker === true && !custom;
    this.stopListening = library.onProgress((progress) => {
      if (progress.done) this.loading.delete(progress.file);
      else this.loading.add(progress.file);
      this.lastProgressAt = performance.now();
      this.schedule();
    });
  }

  /** Stops following the library (the checking in progress ends at its next slice) and drops its checks. */
  dispose(): void {
    this.stopListening();
    this.disposed = true;
    // While a check runs, its loop sees `disposed` and lets the thread go when it stops.
    if (!this.pumping) this.releasePool();
    this.checkTable?.checks.drop();
    this.checkTable = null;
  }

  private get checks(): RecordChecks {
    const store = this.library.store;
    if (this.checkTable?.store !== store) this.checkTable = { store, checks: store.openChecks() };
    return this.checkTable.checks;
  }

  /** A record's status changed in the store (`review:setStatus` succeeded). */
  statusChanged(recordId: string, status: ReviewStatus): void {
    this.loadStatuses().set(recordId, status);
    this.statusVersion += 1;
  }

  /** Resolves when every loaded record has its flag counts (tests, benchmarks). */
  async idle(): Promise<void> {
    this.schedule();
    while (this.pumping) await new Promise((resolve) => setImmediate(resolve));
  }

  /**
   * The corpus-wide findings about one record; none, with `complete: false`, until every loaded
   * record is checked (a load in progress makes the last answer stale).
   */
  /** The user opened a record (or the list fetched one ahead of them): background checking gives way for `USER_PAUSE_MS`. */
  recordOpened(): void {
    this.lastRecordOpenedAt = performance.now();
  }

  corpusFindings(request: RequestOf<'library:corpusFindings'>): CorpusFindings {
    this.schedule();
    const stamp = this.corpusStamp();
    if (this.corpus?.stamp !== stamp) return { complete: false, findings: [] };
    const kept = this.corpusAnswers.get(request.id);
    if (kept?.stamp === stamp) return kept.answer;
    const disagreements = this.corpus.byId.get(request.id) ?? [];
    const record = disagreements.length === 0 ? undefined : this.library.get(request.id);
    // Aligning one record again (milliseconds) costs less than keeping every aligned record; the
    // few answers kept spare it when the view asks again for a record it stepped back to.
    const answer: CorpusFindings = !record
      ? { complete: true, findings: [] }
      : (() => {
          const aligned = alignedOf(record, analyzeRecord(record));
          return { complete: true, findings: disagreements.map((d) => corpusTermFinding(aligned, d)) };
        })();
    this.corpusAnswers.set(request.id, { stamp, answer });
    return answer;
  }

  private corpusStamp(): string {
    return `${this.library.listGeneration()}:${this.library.count()}`;
  }

  query(request: RequestOf<'library:query'>): RecordQueryResult {
    // Read before `schedule`, which marks checking as running until it finds nothing to do.
    const working = this.pumping || this.loading.size > 0;
    this.schedule();
    const all = this.library.count();
    const statuses = this.loadStatuses();
    const generation = this.library.listGeneration();
    const currentStamp = `${generation}:${all}:${this.analysedVersion}:${this.statusVersion}`;
    const filterKey = JSON.stringify([request.text?.trim() ?? '', request.kinds ?? [], request.severities ?? [], request.statuses ?? [], this.statusVersion]);
    const key = `${currentStamp}|${filterKey}`;
    let filtered = this.last?.key === key || (working && this.reusable(filterKey, generation)) ? this.last : null;
    if (!filtered) {
      const started = performance.now();
      const result = this.filter(request, statuses);
      const computedAt = performance.now();
      filtered = { key, filterKey, stamp: currentStamp, generation, computedAt, took: computedAt - started, ...result };
      this.last = filtered;
    }
    const { matches, counts, stamp } = filtered;
    const rows = matches.slice(request.offset, request.offset + request.limit).flatMap((seq) => {
      const row = this.checks.summary(seq);
      return row ? [{ ...row, status: statuses.get(row.id) ?? 'unreviewed' }] : [];
    });
    // Counted once per stamp: the cheap polls and the windows of a scroll then cost no pass over the list.
    if (this.analysedAt?.stamp !== stamp) this.analysedAt = { stamp, count: all === 0 ? 0 : this.checks.count() };
    return {
      total: matches.length,
      all,
      analysed: this.analysedAt.count,
      counts,
      offset: request.offset,
      rows,
      ...(request.ids ? { ids: this.idsOf(filtered) } : {}),
      stamp,
    };
  }

  /**
   * Whether the last filtering may answer for the list as it is now: the same filter and list
   * generation (records only appended or checked since) and not older than its refresh spacing.
   * Asked only while background work goes on (the answer is about to change again anyway).
   */
  private reusable(filterKey: string, generation: number): boolean {
    const last = this.last;
    if (!last || last.filterKey !== filterKey || last.generation !== generation) return false;
    return performance.now() - last.computedAt < Math.max(MIN_REFRESH_MS, REFRESH_SPACING * last.took);
  }

  /**
   * The rows whose text holds `needle`. As the user types on, each needle holds the one before,
   * so its rows are among the last ones: when those are few, only their texts are read, not every
   * row's (at 100,000 records a full search took ~0.5 s, with every other request waiting).
   */
  private textMatches(needle: string, list: string): number[] {
    const last = this.lastText;
    const { store } = this.library;
    if (last && last.list === list && needle.includes(last.needle) && last.seqs.size * NARROW_SHARE <= this.library.count()) {
      return store.textMatchesAmong(needle, last.seqs);
    }
    return store.textMatches(needle);
  }

  /**
   * One pass over every row's flag bits in list order, keeping those that hold the search text
   * (found by SQLite, and kept while the list is unchanged: checking changes flags, not texts),
   * then `filterRecords` over their flags and statuses: the same filters and counts as over
   * records held in memory. The text is searched as `textMatcher` does (see `foldForSearch`).
   */
  private filter(request: RequestOf<'library:query'>, statuses: Map<string, ReviewStatus>): Pick<Filtered, 'matches' | 'ids' | 'counts'> {
    // The text was searched by SQLite already.
    const filter = { ...request, text: '' };
    if (this.library.count() === 0) return { matches: [], ids: null, counts: filterRecords([], filter).counts };
    const { store } = this.library;
    const needle = searchNeedle(request.text);
    const list = `${this.library.listGeneration()}:${this.library.count()}`;
    if (needle !== null && (this.lastText?.list !== list || this.lastText.needle !== needle)) {
      this.lastText = { list, needle, seqs: new Set(this.textMatches(needle, list)) };
    }
    const text = needle === null ? null : this.lastText!.seqs;
    // Statuses are few (the records someone reviewed): looked up by id once, then matched by row,
    // as their place in REVIEW_STATUSES (rows not in the map are unreviewed).
    const unreviewed = REVIEW_STATUSES.indexOf('unreviewed');
    const statusPlaceBySeq = new Map<number, number>();
    for (const [id, status] of statuses) {
      const seq = store.seqOf(id);
      if (seq !== undefined) statusPlaceBySeq.set(seq, REVIEW_STATUSES.indexOf(status));
    }
    // Whether a row matches and what it adds to the counts depend only on its flag bits and its
    // status, and rows have a few dozen such combinations: `filterRecords` judges one record per
    // combination, and the counts are its counts times the combination's rows. Building and
    // filtering a record per row took about twice as long as reading the rows from SQLite.
    const groupOf = new Map<number, number>();
    const groups: QueryableRecord[] = [];
    const groupSizes: number[] = [];
    const seqs: number[] = [];
    const rowGroups: number[] = [];
    const flagRows = this.checks.flagRows();
    for (let at = 0; at < flagRows.length; at += 1) {
      const [seq, kinds, severities] = flagRows[at]!;
      if (text && !text.has(seq)) continue;
      const statusPlace = statusPlaceBySeq.size === 0 ? unreviewed : (statusPlaceBySeq.get(seq) ?? unreviewed);
      // 0 for an unchecked row; else its kind and severity bits, above the status's place.
      const bits = kinds === null ? 0 : kinds * 8 + (severities ?? 0) + 1;
      const key = bits * REVIEW_STATUSES.length + statusPlace;
      let group = groupOf.get(key);
      if (group === undefined) {
        group = groups.length;
        groupOf.set(key, group);
        groups.push({ texts: [], flags: kinds === null ? null : flagsFromBits(kinds, severities ?? 0), status: REVIEW_STATUSES[statusPlace]! });
        groupSizes.push(0);
      }
      groupSizes[group]! += 1;
      seqs.push(seq);
      rowGroups.push(group);
    }
    const counts = filterRecords([], filter).counts;
    const groupMatches = groups.map((record, group) => {
      const verdict = filterRecords([record], filter);
      addCounts(counts, verdict.counts, groupSizes[group]!);
      return verdict.matches.length > 0;
    });
    return { matches: seqs.filter((_, row) => groupMatches[rowGroups[row]!]), ids: null, counts };
  }

  /** The ids of the matching rows, in list order: looked up the first time they are asked for. */
  private idsOf(filtered: Filtered): string[] {
    if (!filtered.ids) {
      const wanted = new Set(filtered.matches);
      filtered.ids = filtered.matches.length === 0 ? [] : this.library.store.ids().flatMap(([seq, id]) => (wanted.has(seq) ? [id] : []));
    }
    return filtered.ids;
  }

  private loadStatuses(): Map<string, ReviewStatus> {
    this.statuses ??= new Map(this.store.listReviewStates().map((state) => [state.recordId, state.status]));
    return this.statuses;
  }

  /** The corpus-wide term check over the stored summaries: one pass, no aligning. */
  private compareTerms(): Map<string, CorpusTermDisagreement[]> {
    const byId = new Map<string, CorpusTermDisagreement[]>();
    if (this.library.count() === 0) return byId;
    for (const d of findCorpusTermDisagreements(this.checks.termSummaries())) byId.set(d.recordId, [...(byId.get(d.recordId) ?? []), d]);
    return byId;
  }

  /** Starts the background check unless it is running. */
  private schedule(): void {
    if (this.pumping) return;
    this.pumping = true;
    if (this.useWorker) void this.pumpInWorker();
    else setImmediate(() => this.pump());
  }

  /**
   * The background check with the pipeline in a worker thread: batches of unchecked records in
   * list order go to the thread, and their results are stored when they come back. This thread
   * only reads and writes the store between batches, so requests are answered at once.
   */
  private async pumpInWorker(): Promise<void> {
    try {
      for (;;) {
        if (this.disposed) return;
        const wait = this.holdCheckingMs();
        if (wait > 0) {
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        const batch = this.nextBatch();
        if (batch.length === 0) break;
        const records = batch.map((item) => item.record);
        const checked = await this.checkInWorker(records);
        if (this.disposed) return;
        // Rows removed meanwhile (a file opened again, the library cleared) are skipped by `set`.
        this.checks.set(batch.map((item, at) => ({ seq: item.seq, ...checked[at]! })));
        this.analysedVersion += 1;
      }
      this.compareTermsOnce();
    } catch {
      // The library closed under the check (the app quitting): nothing left to store it in.
    } finally {
      this.pumping = false;
      this.releasePool();
    }
  }

  /**
   * The checking thread goes when there has been nothing to check for a while (it holds the
   * lexicon and its heap), or at once when the index is disposed. The wait keeps one thread for
   * files opened one after another: every thread started and stopped is a V8 isolate made and
   * torn down, which costs start-up time and has been seen to crash Node 24's V8
   * ("Check failed: jit_page.has_value()") when it happens often.
   */
  private releasePool(): void {
    if (this.poolIdle) clearTimeout(this.poolIdle);
    this.poolIdle = null;
    const close = (): void => {
      this.poolIdle = null;
      const pool = this.pool;
      this.pool = null;
      void pool?.close();
    };
    if (this.disposed) close();
    else if (this.pool) this.poolIdle = setTimeout(close, POOL_IDLE_MS);
  }

  /** One batch through the checking thread; in this thread if the thread cannot run it. */
  private async checkInWorker(records: ReviewRecord[]): Promise<Checked[]> {
    try {
      if (this.poolIdle) clearTimeout(this.poolIdle);
      this.poolIdle = null;
      this.pool ??= new WorkerPool<ReviewRecord[], Checked[]>({ jobModule: batchModuleUrl('./jobs/flagSummaryJob'), size: 1, perWorker: 1 });
      for await (const result of this.pool.map([records])) {
        if (result.ok && result.value.length === records.length) return result.value;
      }
    } catch {
      // A pool that cannot start (a broken install): check here rather than show no flags.
    }
    return records.map((record) => this.checkHere(record));
  }

  /** One record through the check in this thread. */
  private checkHere(record: ReviewRecord): Checked {
    try {
      return this.check(record);
    } catch {
      // A custom counter that throws shows no flags rather than stopping the rest.
      return { counts: countFlags([]), terms: [] };
    }
  }

  /**
   * How long checking waits before its next batch (ms; 0 for none): 50 ms at a time while a load is
   * under way, or what is left of its pause for the record the user just opened.
   */
  private holdCheckingMs(): number {
    if (this.waitingForLoad()) return 50;
    return Math.max(0, this.lastRecordOpenedAt + USER_PAUSE_MS - performance.now());
  }

  /** A load that went quiet for 2 s (a stalled pipe, a load that failed without its final event) no longer holds checking back. */
  private waitingForLoad(): boolean {
    return this.loading.size > 0 && performance.now() - this.lastProgressAt < 2000;
  }

  /** Starts again from the top of the list when it changed other than at its end: the rows read before may be gone. */
  private followGeneration(): void {
    const generation = this.library.listGeneration();
    if (this.queue.generation !== generation) this.queue = { generation, cursor: null, items: [] };
  }

  /** The next records without counts in list order, after those already handed out. */
  private nextBatch(): { seq: number; record: ReviewRecord }[] {
    this.followGeneration();
    const batch = this.library.count() === 0 ? [] : this.checks.unchecked(CHECK_BATCH, this.queue.cursor);
    this.queue.cursor = batch.at(-1)?.cursor ?? this.queue.cursor;
    return batch;
  }

  /** When every record is checked: the corpus-wide term check, once per state of the list. */
  private compareTermsOnce(): void {
    const stamp = this.corpusStamp();
    if (this.corpus?.stamp !== stamp) this.corpus = { stamp, byId: this.compareTerms() };
  }

  /**
   * Checks records the store has no counts for, in list order, for one slice, then yields; stores
   * what the slice checked; stops when every record has counts.
   */
  private pump(): void {
    const wait = this.holdCheckingMs();
    if (wait > 0) {
      setTimeout(() => this.pump(), wait);
      return;
    }
    this.followGeneration();
    if (this.disposed) {
      this.pumping = false;
      return;
    }
    const until = performance.now() + this.sliceMs;
    const results: StoredCheck[] = [];
    let exhausted = false;
    // At least one record per slice, however short the slice.
    while (results.length === 0 || performance.now() < until) {
      if (this.queue.items.length === 0) {
        // What this slice checked is stored first, or the store would hand it out again.
        if (results.length > 0) {
          this.checks.set(results.splice(0));
          this.analysedVersion += 1;
        }
        this.queue.items = this.nextBatch();
        if (this.queue.items.length === 0) {
          exhausted = true;
          break;
        }
      }
      const { seq, record } = this.queue.items.shift()!;
      results.push({ seq, ...this.checkHere(record) });
    }
    if (results.length > 0) {
      this.checks.set(results);
      this.analysedVersion += 1;
    }
    if (!exhausted) {
      setImmediate(() => this.pump());
      return;
    }
    this.compareTermsOnce();
    this.pumping = false;
  }
}
