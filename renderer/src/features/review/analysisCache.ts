import { RecentMap } from '../../../../shared/collections/recentMap.ts';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import type { GlossaryEntry } from '../../../../shared/terms/glossary.ts';
import { oneEach } from '../oneEach.ts';
import { StaleAnalysisError, type RecordAnalysis, type RecordAnalyzer } from '../../workers/analysisTypes.ts';

const defaultCapacity = 24;

interface Job {
  record: ReviewRecord;
  glossary: readonly GlossaryEntry[];
}

interface Waiting extends Job {
  resolve: (analysis: RecordAnalysis) => void;
  reject: (error: unknown) => void;
}

/**
 * The analyses of the records shown and about to be shown, and the order the analyzer runs them
 * in. The analyzer takes one record at a time (a worker cannot be interrupted); this decides which:
 *
 * - the record on screen first (`analyze`): of several asked for while one runs, only the latest
 *   waits, the others are rejected with `StaleAnalysisError`, so held-down arrow keys never queue;
 * - then the records fetched ahead (`prefetch`), in the order given, while nothing else waits; a
 *   new list replaces the old one, so a record the user went away from is not analysed for nothing.
 *
 * An analysis is kept for its record object and glossary (the last few records), and `peek` hands
 * it out synchronously, so a switch to a record analysed ahead shows it in the same render.
 */
export class AnalysisCache {
  private readonly analyzer: RecordAnalyzer;
  /** By record id, the last few analysed. */
  private readonly done: RecentMap<string, Job & { analysis: RecordAnalysis }>;
  private running: (Job & { promise: Promise<RecordAnalysis> }) | null = null;
  private waiting: Waiting | null = null;
  private ahead: { jobs: Job[]; onAnalysed: (record: ReviewRecord, analysis: RecordAnalysis) => void } = { jobs: [], onAnalysed: () => {} };

  constructor(analyzer: RecordAnalyzer, capacity: number = defaultCapacity) {
    this.analyzer = analyzer;
    this.done = new RecentMap(capacity);
  }

  /** The analysis of this very record object with this glossary, if it is done. */
  peek(record: ReviewRecord, glossary: readonly GlossaryEntry[]): RecordAnalysis | null {
    const held = this.done.peek(record.id);
    return held && held.record === record && held.glossary === glossary ? held.analysis : null;
  }

  /** Analyses the record on screen, before anything fetched ahead. */
  analyze(record: ReviewRecord, glossary: readonly GlossaryEntry[]): Promise<RecordAnalysis> {
    const held = this.peek(record, glossary);
    if (held) return Promise.resolve(held);
    const running = this.running;
    if (running && running.record === record && running.glossary === glossary) return running.promise;
    return new Promise<RecordAnalysis>((resolve, reject) => {
      this.waiting?.reject(new StaleAnalysisError());
      this.waiting = { record, glossary, resolve, reject };
      this.pump();
    });
  }

  /**
   * Analyses `records` when the analyzer has nothing else to do, in this order, replacing the
   * records asked for before; `onAnalysed` hears of each one done (to read its stored review ahead).
   */
  prefetch(records: readonly ReviewRecord[], glossary: readonly GlossaryEntry[], onAnalysed: (record: ReviewRecord, analysis: RecordAnalysis) => void = () => {}): void {
    this.ahead = { jobs: records.filter((record) => !this.peek(record, glossary)).map((record) => ({ record, glossary })), onAnalysed };
    this.pump();
  }

  private pump(): void {
    if (this.running) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = null;
      this.start(waiting).then(waiting.resolve, waiting.reject);
      return;
    }
    const { jobs, onAnalysed } = this.ahead;
    let job = jobs.shift();
    while (job && this.peek(job.record, job.glossary)) job = jobs.shift();
    if (!job) return;
    const { record } = job;
    this.start(job).then(
      (analysis) => onAnalysed(record, analysis),
      () => {}, // a record analysed ahead that fails is analysed again, and reported, when shown
    );
  }

  private start(job: Job): Promise<RecordAnalysis> {
    const promise = this.analyzer.analyze(job.record, job.glossary).then((analysis) => {
      this.keep({ ...job, analysis });
      return analysis;
    });
    this.running = { ...job, promise };
    const next = (): void => {
      this.running = null;
      this.pump();
    };
    promise.then(next, next);
    return promise;
  }

  private keep(entry: Job & { analysis: RecordAnalysis }): void {
    this.done.set(entry.record.id, entry);
  }
}

/** One cache per analyzer, shared by the view and the prefetch. */
export const analysisCacheFor: (analyzer: RecordAnalyzer) => AnalysisCache = oneEach((analyzer) => new AnalysisCache(analyzer));
