import type { AlignmentLink, RecordAlignment } from '../../../../shared/align/types.ts';
import { RecentMap } from '../../../../shared/collections/recentMap.ts';
import type { AlignmentEdit } from '../../../../shared/annotations/alignmentEdits.ts';
import { linkChanges, replayCorrections } from '../../../../shared/annotations/correctedLinks.ts';
import {
  alignAction,
  decideAction,
  deleteAction,
  editAction,
  perform,
  redo,
  startHistory,
  statusAction,
  undo,
  type History,
  type ReviewAction,
  type ReviewSession,
} from '../../../../shared/annotations/history.ts';
import type { Annotation, AnnotationInput, FlagDecisionKind, ReviewStatus } from '../../../../shared/annotations/model.ts';
import type { ResponseOf, ReviewApi } from '../../../../shared/contract/channels.ts';
import { ok, type Result } from '../../../../shared/contract/result.ts';
import { oneEach } from '../oneEach.ts';

/** Where a record's stored review stands in this session. */
export type RecordLoad = { status: 'loading' } | { status: 'ready'; replayError: string | null } | { status: 'failed'; error: string };

export interface ReviewSessionSnapshot {
  history: History;
  records: Readonly<Record<string, RecordLoad>>;
  /** Writes sent and not yet acknowledged. */
  pendingWrites: number;
  /** The last write that failed, until a later one succeeds. */
  saveError: string | null;
}

/** What `load` needs of the automatic alignment to rebuild the reviewer's one. */
export interface AutomaticAlignment {
  links: readonly AlignmentLink[];
  enCount: number;
  zhCount: number;
}

/** What `load` needs, from the record's automatic alignment. */
export function automaticAlignmentOf(alignment: RecordAlignment): AutomaticAlignment {
  return { links: alignment.links, enCount: alignment.en.length, zhCount: alignment.zh.length };
}

type Listener = () => void;

const maxReadsAhead = 32;

/**
 * The reviewer's work in this window: one undo history over every record opened (so undo works
 * across a record switch), and the write queue that saves each action to the store as it happens.
 *
 * Writes go out one at a time in the order the actions happened, so an undo can never overtake
 * the save it undoes. Local state changes at once (the view never waits for the disk) except for
 * a new annotation, which needs the store's id before it can be undone; the save indicator shows
 * writes in flight, and a failed write is reported and the record reloaded from the store, so what
 * is shown never claims more than what was saved.
 */
export class ReviewSessionStore {
  private readonly api: ReviewApi;
  private snapshot: ReviewSessionSnapshot = { history: startHistory(), records: {}, pendingWrites: 0, saveError: null };
  private readonly listeners = new Set<Listener>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly automatic = new Map<string, AutomaticAlignment>();
  /**
   * Stored reviews read ahead (`provideReview`), until `load` takes them. Records passed by without
   * being shown leave their reads here: the latest few are kept.
   */
  private readonly readsAhead = new RecentMap<string, Promise<Result<ResponseOf<'annotations:list'>>>>(maxReadsAhead);

  constructor(api: ReviewApi) {
    this.api = api;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReviewSessionSnapshot => this.snapshot;

  private set(patch: Partial<ReviewSessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private setRecord(recordId: string, load: RecordLoad): void {
    this.set({ records: { ...this.snapshot.records, [recordId]: load } });
  }

  /** Every write the store has acknowledged so far (tests and the crash test wait on this). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /**
   * A record's stored review, read with the record itself (`library:recordForReview`) when it was
   * chosen or fetched ahead, before its alignment is known, so `load` need not wait for a request
   * after the analysis. Does nothing for a record already in the session, whose state holds every
   * change made since.
   */
  provideReview(recordId: string, review: ResponseOf<'annotations:list'>): void {
    if (this.snapshot.records[recordId] || this.readsAhead.has(recordId)) return;
    this.readsAhead.set(recordId, Promise.resolve(ok(review)));
  }

  /**
   * Reads the record's stored review into the session (once per record per window; later calls
   * keep the session's state, which already holds every change made since).
   */
  async load(recordId: string, automatic: AutomaticAlignment): Promise<void> {
    this.automatic.set(recordId, automatic);
    const known = this.snapshot.records[recordId];
    if (known && known.status !== 'failed') return;
    const ahead = known ? undefined : this.readsAhead.peek(recordId);
    this.readsAhead.delete(recordId);
    this.setRecord(recordId, { status: 'loading' });
    await this.reload(recordId, ahead);
  }

  /**
   * Forgets what was read from the store (after an import changed it behind the session's back)
   * and reads `recordId` again now; other records are read again when next shown. The undo
   * history is kept: its actions still name the same rows.
   */
  async refresh(recordId: string): Promise<void> {
    // The shown record keeps its state while it is read again, so the view does not flicker.
    const shown = this.snapshot.records[recordId];
    this.set({ records: shown ? { [recordId]: shown } : {} });
    this.readsAhead.clear();
    await this.reload(recordId);
  }

  /** Reads the stored review (or takes `ahead`, the same request made earlier) into the session. */
  private async reload(recordId: string, ahead?: Promise<Result<ResponseOf<'annotations:list'>>>): Promise<void> {
    const automatic = this.automatic.get(recordId);
    if (!automatic) return;
    const result = await (ahead ?? this.api.listReview({ recordId }));
    if (!result.ok) {
      this.setRecord(recordId, { status: 'failed', error: result.error });
      return;
    }
    const { annotations, decisions, state, corrections } = result.value;
    const replay = replayCorrections(automatic.links, corrections, automatic.enCount, automatic.zhCount);
    const current = this.snapshot.history.session;
    const session: ReviewSession = {
      annotations: {
        ...Object.fromEntries(Object.entries(current.annotations).filter(([, a]) => a.recordId !== recordId)),
        ...Object.fromEntries(annotations.map((a) => [a.id, a])),
      },
      decisions: {
        ...Object.fromEntries(Object.entries(current.decisions).filter(([, d]) => d.recordId !== recordId)),
        ...Object.fromEntries(decisions.map((d) => [`${recordId}\n${d.flagKey}`, d])),
      },
      statuses: { ...current.statuses, [recordId]: state?.status ?? 'unreviewed' },
      links: { ...current.links, [recordId]: replay.links },
    };
    if (!state || state.status === 'unreviewed') delete (session.statuses as Record<string, ReviewStatus>)[recordId];
    this.set({ history: { ...this.snapshot.history, session } });
    this.setRecord(recordId, { status: 'ready', replayError: replay.ok ? null : replay.error });
  }

  /** Queues one write; on failure reports it and reloads the record so the view matches the store. */
  private write<T>(recordId: string, send: () => Promise<Result<T>>): Promise<Result<T>> {
    this.set({ pendingWrites: this.snapshot.pendingWrites + 1 });
    const done = this.queue.then(send).then(
      (result) => result,
      (error: unknown): Result<T> => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    this.queue = done.then(async (result) => {
      this.set({ pendingWrites: this.snapshot.pendingWrites - 1, saveError: result.ok ? null : result.error });
      if (!result.ok) await this.reload(recordId);
    });
    return done;
  }

  /** Sends the store what `action` changed (the action was already applied locally). */
  private persist(action: ReviewAction): void {
    switch (action.type) {
      case 'annotate':
      case 'restore':
        void this.write(action.annotation.recordId, () => this.api.deleteAnnotation({ id: action.annotation.id, restore: true }));
        return;
      case 'delete':
        void this.write(action.annotation.recordId, () => this.api.deleteAnnotation({ id: action.annotation.id }));
        return;
      case 'edit': {
        const { id, created: _c, updated: _u, deleted: _d, ...annotation } = action.after;
        void this.write(action.after.recordId, () => this.api.saveAnnotation({ id, annotation }));
        return;
      }
      case 'decide':
        void this.write(action.recordId, () =>
          this.api.decideFlag({ recordId: action.recordId, flagKey: action.flagKey, decision: action.after?.decision ?? null, note: action.after?.note ?? '' }),
        );
        return;
      case 'set-status':
        void this.write(action.recordId, () => this.api.setReviewStatus({ recordId: action.recordId, status: action.after }));
        return;
      case 'align': {
        const changes = linkChanges(action.before, action.after);
        if (changes.link.length + changes.unlink.length === 0) return;
        void this.write(action.recordId, () => this.api.saveAlignmentCorrection({ recordId: action.recordId, ...changes }));
        return;
      }
    }
  }

  private doAction(action: ReviewAction): void {
    this.set({ history: perform(this.snapshot.history, action) });
    this.persist(action);
  }

  /** Saves a new annotation; it enters the history once the store has given it its id. */
  async annotate(input: AnnotationInput): Promise<Result<Annotation>> {
    const saved = await this.write(input.recordId, () => this.api.saveAnnotation({ annotation: input }));
    if (saved.ok) this.set({ history: perform(this.snapshot.history, { type: 'annotate', annotation: saved.value }) });
    return saved;
  }

  editAnnotation(id: string, patch: Partial<Omit<Annotation, 'id' | 'recordId' | 'created' | 'deleted'>>): Result<void> {
    const action = editAction(this.snapshot.history.session, id, patch);
    if (!action.ok) return action;
    this.doAction(action.value);
    return { ok: true, value: undefined };
  }

  deleteAnnotation(id: string): Result<void> {
    const action = deleteAction(this.snapshot.history.session, id);
    if (!action.ok) return action;
    this.doAction(action.value);
    return { ok: true, value: undefined };
  }

  /** Confirms or dismisses a flag; deciding the same way again clears the verdict (a toggle). */
  decide(recordId: string, flagKey: string, decision: FlagDecisionKind, reviewer: string): void {
    const session = this.snapshot.history.session;
    const current = session.decisions[`${recordId}\n${flagKey}`];
    const after = current?.decision === decision ? null : { recordId, flagKey, decision, reviewer, note: '', updated: new Date().toISOString() };
    this.doAction(decideAction(session, recordId, flagKey, after));
  }

  setStatus(recordId: string, status: ReviewStatus): void {
    this.doAction(statusAction(this.snapshot.history.session, recordId, status));
  }

  editAlignment(recordId: string, edit: AlignmentEdit): Result<void> {
    const known = this.automatic.get(recordId);
    let session = this.snapshot.history.session;
    // Before the stored corrections are read, the alignment shown is the automatic one.
    if (!session.links[recordId] && known) session = { ...session, links: { ...session.links, [recordId]: known.links } };
    const action = alignAction(session, recordId, edit);
    if (!action.ok) return action;
    this.doAction(action.value);
    return { ok: true, value: undefined };
  }

  get canUndo(): boolean {
    return this.snapshot.history.past.length > 0;
  }

  get canRedo(): boolean {
    return this.snapshot.history.future.length > 0;
  }

  /** Undoes the last action anywhere in the session; returns it (null when there was none). */
  undo(): ReviewAction | null {
    const step = undo(this.snapshot.history);
    if (!step) return null;
    this.set({ history: step.history });
    this.persist(step.applied);
    return step.applied;
  }

  redo(): ReviewAction | null {
    const step = redo(this.snapshot.history);
    if (!step) return null;
    this.set({ history: step.history });
    this.persist(step.applied);
    return step.applied;
  }
}

/** One session store per `ReviewApi` (per window), so it outlives the views that come and go. */
export const reviewSessionStoreFor: (api: ReviewApi) => ReviewSessionStore = oneEach((api) => new ReviewSessionStore(api));
