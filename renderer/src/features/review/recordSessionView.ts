import type { AlignmentLink } from '../../../../shared/align/types.ts';
import { statusOf } from '../../../../shared/annotations/history.ts';
import { liveAnnotations, type Annotation, type FlagDecisionKind, type ReviewStatus } from '../../../../shared/annotations/model.ts';
import type { RecordLoad, ReviewSessionSnapshot } from './reviewSessionStore.ts';

/** What the review view of one record shows of the window's review session. */
export interface RecordSessionView {
  load: RecordLoad | undefined;
  /** The reviewer's alignment, once the stored review is read; absent until then. */
  links: readonly AlignmentLink[] | undefined;
  annotations: readonly Annotation[];
  /** Flag key → the reviewer's decision. */
  decisions: readonly (readonly [string, FlagDecisionKind])[];
  status: ReviewStatus;
  canUndo: boolean;
  canRedo: boolean;
  saving: boolean;
  saveError: string | null;
}

function viewOf(snapshot: ReviewSessionSnapshot, recordId: string): RecordSessionView {
  const { session, past, future } = snapshot.history;
  return {
    load: snapshot.records[recordId],
    links: session.links[recordId],
    annotations: liveAnnotations(Object.values(session.annotations).filter((a) => a.recordId === recordId)),
    decisions: Object.values(session.decisions)
      .filter((d) => d.recordId === recordId)
      .map((d) => [d.flagKey, d.decision] as const),
    status: statusOf(session, recordId),
    canUndo: past.length > 0,
    canRedo: future.length > 0,
    saving: snapshot.pendingWrites > 0,
    saveError: snapshot.saveError,
  };
}

const sameItems = <T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = Object.is): boolean =>
  a === b || (a.length === b.length && a.every((item, index) => same(item, b[index]!)));

/**
 * Keeps what is still the same from `held`: its arrays when their items are, and `held` itself
 * when nothing the view shows changed.
 */
function keepSame(held: RecordSessionView, next: RecordSessionView): RecordSessionView {
  const annotations = sameItems(held.annotations, next.annotations) ? held.annotations : next.annotations;
  const decisions = sameItems(held.decisions, next.decisions, (a, b) => a[0] === b[0] && a[1] === b[1]) ? held.decisions : next.decisions;
  const kept = { ...next, annotations, decisions };
  const unchanged = (Object.keys(kept) as (keyof RecordSessionView)[]).every((key) => kept[key] === held[key]);
  return unchanged ? held : kept;
}

/**
 * A `getSnapshot` for `useSyncExternalStore` that hands out one record's view of the session, the
 * same object for as long as nothing in it changes. The session holds every record read this
 * window, and the records fetched ahead are read into it while the user looks at another: with
 * the whole session as its snapshot, the view of the record on screen was drawn again for each
 * of them, a step of the arrow key drawing it two or three times for nothing.
 */
export function recordSessionSelector(getSnapshot: () => ReviewSessionSnapshot, recordId: string): () => RecordSessionView {
  let seen: ReviewSessionSnapshot | null = null;
  let held: RecordSessionView | null = null;
  return () => {
    const snapshot = getSnapshot();
    if (held && snapshot === seen) return held;
    seen = snapshot;
    const next = viewOf(snapshot, recordId);
    held = held ? keepSame(held, next) : next;
    return held;
  };
}
