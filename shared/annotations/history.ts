/**
 * Undo and redo for every review action, as a pure reducer over plain data.
 *
 * Each action carries what is needed to invert it (the annotation before an edit, the decision
 * or status it replaced, the links before an alignment edit), so undo never has to ask the store
 * what things looked like. `undo` and `redo` return the action they applied: the UI hands that
 * action to the store (create/update/delete/restore, setFlagDecision/clearFlagDecision,
 * setReviewState, the record's links; each action of a batch in order), so the database follows
 * the history step by step.
 *
 * Deletion is soft, as in the store: undoing "annotate" deletes the annotation, redoing it
 * restores the same row (same id) rather than creating a new one.
 */
import type { AlignmentLink } from '../align/types.ts';
import { fail, ok, type Result } from '../contract/result.ts';
import { applyAlignmentEdit, type AlignmentEdit } from './alignmentEdits.ts';
import type { Annotation, FlagDecision, ReviewStatus } from './model.ts';

/** What the undo history works on: the review data of the records the reviewer has open. */
export interface ReviewSession {
  /** By annotation id, deleted ones included (flagged `deleted`). */
  annotations: Readonly<Record<string, Annotation>>;
  /** By `decisionKey(recordId, flagKey)`. */
  decisions: Readonly<Record<string, FlagDecision>>;
  /** By record id; a record missing here is unreviewed. */
  statuses: Readonly<Record<string, ReviewStatus>>;
  /** By record id: the current (possibly hand-corrected) alignment. */
  links: Readonly<Record<string, readonly AlignmentLink[]>>;
}

/** One undoable review action. */
export type ReviewAction =
  | { type: 'annotate'; annotation: Annotation }
  | { type: 'edit'; before: Annotation; after: Annotation }
  | { type: 'delete'; annotation: Annotation }
  | { type: 'restore'; annotation: Annotation }
  | { type: 'decide'; recordId: string; flagKey: string; before: FlagDecision | null; after: FlagDecision | null }
  | { type: 'set-status'; recordId: string; before: ReviewStatus; after: ReviewStatus }
  /** `edit` says what the reviewer did; null on an undo, which restores `after` wholesale. */
  | { type: 'align'; recordId: string; edit: AlignmentEdit | null; before: readonly AlignmentLink[]; after: readonly AlignmentLink[] }
  /**
   * Several actions undone and redone as one step, e.g. the first annotation of a record together
   * with the status change to in-progress it implies. Applied in order, undone in reverse.
   */
  | { type: 'batch'; actions: readonly ReviewAction[] };

/** A session with nothing in it. */
export function emptySession(): ReviewSession {
  return { annotations: {}, decisions: {}, statuses: {}, links: {} };
}

/** The key of a flag decision in `ReviewSession.decisions` (flag keys are unique per record only). */
export function decisionKey(recordId: string, flagKey: string): string {
  return `${recordId}\n${flagKey}`;
}

/** The status of a record, `unreviewed` when none was set. */
export function statusOf(session: ReviewSession, recordId: string): ReviewStatus {
  return session.statuses[recordId] ?? 'unreviewed';
}

/** Applies `action` to `session`, returning a new session (the old one is left untouched). */
export function applyAction(session: ReviewSession, action: ReviewAction): ReviewSession {
  switch (action.type) {
    case 'annotate':
    case 'restore':
      return withAnnotation(session, { ...action.annotation, deleted: false });
    case 'edit':
      return withAnnotation(session, action.after);
    case 'delete':
      return withAnnotation(session, { ...action.annotation, deleted: true });
    case 'decide': {
      const key = decisionKey(action.recordId, action.flagKey);
      const decisions = { ...session.decisions };
      if (action.after) decisions[key] = action.after;
      else delete decisions[key];
      return { ...session, decisions };
    }
    case 'set-status': {
      // 'unreviewed' is stored as absence, so undoing a first status change gives back an equal session.
      const statuses = { ...session.statuses };
      if (action.after === 'unreviewed') delete statuses[action.recordId];
      else statuses[action.recordId] = action.after;
      return { ...session, statuses };
    }
    case 'align':
      return { ...session, links: { ...session.links, [action.recordId]: action.after } };
    case 'batch':
      return action.actions.reduce(applyAction, session);
  }
}

/**
 * The action that undoes `action`. Undoing a creation is a soft delete and undoing a delete is a
 * restore, so `inverse(inverse(annotate))` is `restore`: redo brings back the same annotation.
 */
export function inverseAction(action: ReviewAction): ReviewAction {
  switch (action.type) {
    case 'annotate':
    case 'restore':
      return { type: 'delete', annotation: action.annotation };
    case 'delete':
      return { type: 'restore', annotation: action.annotation };
    case 'edit':
      return { type: 'edit', before: action.after, after: action.before };
    case 'decide':
      return { ...action, before: action.after, after: action.before };
    case 'set-status':
      return { ...action, before: action.after, after: action.before };
    case 'align':
      return { ...action, edit: null, before: action.after, after: action.before };
    case 'batch':
      return { type: 'batch', actions: [...action.actions].reverse().map(inverseAction) };
  }
}

/** Builds the action that changes an annotation's fields; fails for an unknown id. */
export function editAction(
  session: ReviewSession,
  id: string,
  patch: Partial<Omit<Annotation, 'id' | 'recordId' | 'created' | 'deleted'>>,
): Result<ReviewAction> {
  const before = session.annotations[id];
  if (!before) return fail(`no annotation ${id}`);
  return ok({ type: 'edit', before, after: { ...before, ...patch } });
}

/** Builds the action that (softly) deletes an annotation; fails for an unknown or deleted one. */
export function deleteAction(session: ReviewSession, id: string): Result<ReviewAction> {
  const annotation = session.annotations[id];
  if (!annotation || annotation.deleted) return fail(`no annotation ${id} to delete`);
  return ok({ type: 'delete', annotation });
}

/** Builds the action that confirms, dismisses (or, with null, clears) the decision on a flag. */
export function decideAction(session: ReviewSession, recordId: string, flagKey: string, after: FlagDecision | null): ReviewAction {
  return { type: 'decide', recordId, flagKey, before: session.decisions[decisionKey(recordId, flagKey)] ?? null, after };
}

/** Builds the action that sets a record's review status. */
export function statusAction(session: ReviewSession, recordId: string, status: ReviewStatus): ReviewAction {
  return { type: 'set-status', recordId, before: statusOf(session, recordId), after: status };
}

/**
 * Builds the action for a hand edit of a record's alignment; fails when the record has no links
 * in the session or the edit breaks an alignment invariant (see `alignmentEdits.ts`).
 */
export function alignAction(session: ReviewSession, recordId: string, edit: AlignmentEdit): Result<ReviewAction> {
  const before = session.links[recordId];
  if (!before) return fail(`no alignment for record ${recordId}`);
  const after = applyAlignmentEdit(before, edit);
  if (!after.ok) return after;
  return ok({ type: 'align', recordId, edit, before, after: after.value });
}

/** The session with its undo and redo stacks. */
export interface History {
  session: ReviewSession;
  /** Done actions, oldest first. */
  past: readonly ReviewAction[];
  /** Undone actions as they will be re-applied, next first. */
  future: readonly ReviewAction[];
}

/** Undo depth kept by default: a working day of actions, and bounded memory. */
export const DEFAULT_HISTORY_LIMIT = 1000;

/** A history starting at `session` with nothing to undo. */
export function startHistory(session: ReviewSession = emptySession()): History {
  return { session, past: [], future: [] };
}

/** Does `action`: applies it, pushes it on the undo stack and clears the redo stack. */
export function perform(history: History, action: ReviewAction, limit = DEFAULT_HISTORY_LIMIT): History {
  const past = [...history.past, action];
  return { session: applyAction(history.session, action), past: past.slice(Math.max(0, past.length - limit)), future: [] };
}

/** Undoes the last action; null when there is nothing to undo. `applied` goes to the store. */
export function undo(history: History): { history: History; applied: ReviewAction } | null {
  const last = history.past.at(-1);
  if (!last) return null;
  const applied = inverseAction(last);
  return {
    history: { session: applyAction(history.session, applied), past: history.past.slice(0, -1), future: [inverseAction(applied), ...history.future] },
    applied,
  };
}

/** Redoes the last undone action; null when there is nothing to redo. `applied` goes to the store. */
export function redo(history: History): { history: History; applied: ReviewAction } | null {
  const [next, ...rest] = history.future;
  if (!next) return null;
  return { history: { session: applyAction(history.session, next), past: [...history.past, next], future: rest }, applied: next };
}

function withAnnotation(session: ReviewSession, annotation: Annotation): ReviewSession {
  return { ...session, annotations: { ...session.annotations, [annotation.id]: annotation } };
}
