import type { ReviewStatus } from '../../shared/contract/annotations.ts';
import type { RecordSummary, RequestOf } from '../../shared/contract/channels.ts';
import type { CorpusFindings, RecordFlagCounts, RecordQueryCounts, RecordQueryResult } from '../../shared/contract/recordQuery.ts';
import { defaultLexicon } from '../../shared/lexicon/defaultLexicon.ts';
import type { ReviewRecord } from '../../shared/records/model.ts';
import { analyzeRecord, type RecordAnalysis } from '../../shared/review/analyzeRecord.ts';
import {
  corpusTermFinding,
  findCorpusTermDisagreements,
  summarizeTermRenderings,
  type CorpusTermDisagreement,
  type TermRenderingSummary,
} from '../../shared/terms/termInconsistency.ts';
import { countFlags, filterRecords, type QueryableRecord } from '../../shared/review/recordQuery.ts';
import type { AnnotationRepository } from './annotationStore.ts';
import type { RecordLibrary } from './recordLibrary.ts';

export interface RecordIndexOptions {
  /** One record's flag counts; by default the review pipeline's (`analyzeRecord`). */
  countFlags?: (record: ReviewRecord) => RecordFlagCounts;
  /** Longest stretch of checking before the event loop gets a turn. Default 12 ms. */
  sliceMs?: number;
}

interface Checked {
  counts: RecordFlagCounts;
  /** The record's main rendering of each repeated term, for the corpus-wide term check. */
  terms: readonly TermRenderingSummary[];
}

/** The aligned record the term checks read, from one analysis. */
function alignedOf(record: ReviewRecord, analysis: RecordAnalysis) {
  return { en: analysis.en, zh: analysis.zh, links: analysis.links, enAbstract: record.en.abstract, zhAbstract: record.zh?.abstract ?? '' };
}

interface Filtered {
  key: string;
  matches: number[];
  counts: RecordQueryCounts;
}

/**
 * The record list's view of the library: flag counts per record, checked in the background after
 * a load, and review statuses from the store, answering `library:query`.
 *
 * Checking runs in this thread in slices of a few milliseconds, each followed by a turn of the
 * event loop, so a request (the record the user clicked, the next page of the list) waits at most
 * one slice. Counts are kept per record object (a `WeakMap`), so a file opened again is checked
 * again and a cleared library frees its counts.
 *
 * Checking also keeps, per record, a compact summary of its term renderings (a few short strings,
 * not the aligned record, so memory stays small at 100,000 records). When every record is checked,
 * the corpus-wide `term-inconsistency` check runs over those summaries (again after each load), and
 * `library:corpusFindings` turns a record's disagreements into findings by aligning that one record.
 *
 * The last filtering is kept: scrolling asks for windows of the same filter, and with 100,000
 * records a text search is tens of milliseconds that need not repeat per window.
 */
export class RecordIndex {
  private readonly flags = new WeakMap<ReviewRecord, RecordFlagCounts>();
  private readonly terms = new WeakMap<ReviewRecord, readonly TermRenderingSummary[]>();
  /** Corpus disagreements by record id, and the list stamp they were computed for. */
  private corpus: { stamp: string; byId: Map<string, CorpusTermDisagreement[]> } | null = null;
  private statuses: Map<string, ReviewStatus> | null = null;
  private statusVersion = 0;
  private analysedVersion = 0;
  private cursor = 0;
  private cursorGeneration = -1;
  private pumping = false;
  /** Files being read: checking waits for them, so it does not halve the speed of a large load. */
  private readonly loading = new Set<string>();
  private lastProgressAt = 0;
  private last: Filtered | null = null;
  private analysedAt: { stamp: string; count: number } | null = null;
  private readonly check: (record: ReviewRecord) => Checked;
  private readonly sliceMs: number;
  private readonly stopListening: () => void;

  private readonly library: RecordLibrary;
  private readonly store: Pick<AnnotationRepository, 'listReviewStates'>;

  constructor(library: RecordLibrary, store: Pick<AnnotationRepository, 'listReviewStates'>, options: RecordIndexOptions = {}) {
    this.library = library;
    this.store = store;
    const custom = options.countFlags;
    // A custom counter (tests, benchmarks) replaces the pipeline, and with it the term summaries.
    this.check = custom ? (record) => ({ counts: custom(record), terms: [] }) : (record) => {
      const analysis = analyzeRecord(record);
      const terms = record.zh ? summarizeTermRenderings(alignedOf(record, analysis), defaultLexicon()) : [];
      return { counts: countFlags(analysis.findings), terms };
    };
    this.sliceMs = options.sliceMs ?? 12;
    this.stopListening = library.onProgress((progress) => {
      if (progress.done) this.loading.delete(progress.file);
      else this.loading.add(progress.file);
      this.lastProgressAt = performance.now();
      this.schedule();
    });
  }

  /** Stops following the library (the checking in progress ends at its next slice). */
  dispose(): void {
    this.stopListening();
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
  corpusFindings(request: RequestOf<'library:corpusFindings'>): CorpusFindings {
    this.schedule();
    const page = this.library.listPage(0, Number.MAX_SAFE_INTEGER);
    if (this.corpus?.stamp !== this.corpusStamp(page.generation, page.records.length)) return { complete: false, findings: [] };
    const disagreements = this.corpus.byId.get(request.id) ?? [];
    const record = this.library.get(request.id);
    if (!record || disagreements.length === 0) return { complete: true, findings: [] };
    // Aligning one record again (milliseconds) costs less than keeping every aligned record.
    const aligned = alignedOf(record, analyzeRecord(record));
    return { complete: true, findings: disagreements.map((d) => corpusTermFinding(aligned, d)) };
  }

  private corpusStamp(generation: number, count: number): string {
    return `${generation}:${count}`;
  }

  query(request: RequestOf<'library:query'>): RecordQueryResult {
    this.schedule();
    const page = this.library.listPage(0, Number.MAX_SAFE_INTEGER);
    const summaries = page.records;
    const statuses = this.loadStatuses();
    const stamp = `${page.generation}:${summaries.length}:${this.analysedVersion}:${this.statusVersion}`;
    const key = JSON.stringify([stamp, request.text?.trim() ?? '', request.kinds ?? [], request.severities ?? [], request.statuses ?? []]);
    let filtered = this.last?.key === key ? this.last : null;
    if (!filtered) {
      const records = summaries.map((summary) => this.queryable(summary, statuses));
      filtered = { key, ...filterRecords(records, request) };
      this.last = filtered;
    }
    const { matches, counts } = filtered;
    const rows = matches.slice(request.offset, request.offset + request.limit).map((index) => {
      const summary = summaries[index]!;
      const record = this.library.get(summary.id);
      return { ...summary, flags: (record && this.flags.get(record)) ?? null, status: statuses.get(summary.id) ?? 'unreviewed' };
    });
    // Counted once per stamp: the cheap polls and the windows of a scroll then cost no pass over the list.
    if (this.analysedAt?.stamp !== stamp) {
      let count = 0;
      for (const summary of summaries) {
        const record = this.library.get(summary.id);
        if (record && this.flags.has(record)) count += 1;
      }
      this.analysedAt = { stamp, count };
    }
    const analysed = this.analysedAt.count;
    return {
      total: matches.length,
      all: summaries.length,
      analysed,
      counts,
      offset: request.offset,
      rows,
      ...(request.ids ? { ids: matches.map((index) => summaries[index]!.id) } : {}),
      stamp,
    };
  }

  private queryable(summary: RecordSummary, statuses: Map<string, ReviewStatus>): QueryableRecord {
    const record = this.library.get(summary.id);
    const texts = record ? [record.en.title, record.en.abstract, record.zh?.title ?? '', record.zh?.abstract ?? ''] : [summary.title];
    return { texts, flags: (record && this.flags.get(record)) ?? null, status: statuses.get(summary.id) ?? 'unreviewed' };
  }

  private loadStatuses(): Map<string, ReviewStatus> {
    this.statuses ??= new Map(this.store.listReviewStates().map((state) => [state.recordId, state.status]));
    return this.statuses;
  }

  /** The corpus-wide term check over the kept summaries: one pass, no aligning. */
  private compareTerms(summaries: readonly RecordSummary[]): Map<string, CorpusTermDisagreement[]> {
    const records: { id: string; terms: readonly TermRenderingSummary[] }[] = [];
    for (const summary of summaries) {
      const record = this.library.get(summary.id);
      const terms = record && this.terms.get(record);
      if (terms) records.push({ id: summary.id, terms });
    }
    const byId = new Map<string, CorpusTermDisagreement[]>();
    for (const d of findCorpusTermDisagreements(records)) byId.set(d.recordId, [...(byId.get(d.recordId) ?? []), d]);
    return byId;
  }

  /** Starts the background check unless it is running. */
  private schedule(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => this.pump());
  }

  /** Checks records from the cursor for one slice, then yields; stops when every record has counts. */
  private pump(): void {
    // A load that went quiet for 2 s (a stalled pipe, a load that failed without its final event) no longer holds checking back.
    if (this.loading.size > 0 && performance.now() - this.lastProgressAt < 2000) {
      setTimeout(() => this.pump(), 50);
      return;
    }
    const page = this.library.listPage(0, Number.MAX_SAFE_INTEGER);
    // The list changed other than at its end: look again from the start (checked records are skipped quickly).
    if (page.generation !== this.cursorGeneration) {
      this.cursor = 0;
      this.cursorGeneration = page.generation;
    }
    const summaries = page.records;
    const until = performance.now() + this.sliceMs;
    let checked = 0;
    // At least one record per slice, however short the slice.
    while (this.cursor < summaries.length && (checked === 0 || performance.now() < until)) {
      const record = this.library.get(summaries[this.cursor]!.id);
      this.cursor += 1;
      if (!record || this.flags.has(record)) continue;
      let checkedRecord: Checked;
      try {
        checkedRecord = this.check(record);
      } catch {
        // A record the pipeline cannot check shows no flags rather than stopping the rest.
        checkedRecord = { counts: countFlags([]), terms: [] };
      }
      this.flags.set(record, checkedRecord.counts);
      if (checkedRecord.terms.length > 0) this.terms.set(record, checkedRecord.terms);
      checked += 1;
    }
    if (checked > 0) this.analysedVersion += 1;
    if (this.cursor < summaries.length) {
      setImmediate(() => this.pump());
      return;
    }
    const stamp = this.corpusStamp(page.generation, summaries.length);
    if (this.corpus?.stamp !== stamp) this.corpus = { stamp, byId: this.compareTerms(summaries) };
    this.pumping = false;
  }
}
