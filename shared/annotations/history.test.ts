import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Annotation, FlagDecision } from './model.ts';
import {
  alignAction,
  applyAction,
  decideAction,
  deleteAction,
  editAction,
  emptySession,
  inverseAction,
  perform,
  redo,
  startHistory,
  statusAction,
  statusOf,
  undo,
  type History,
  type ReviewAction,
  type ReviewSession,
} from './history.ts';

const annotation = (id: string, patch: Partial<Annotation> = {}): Annotation => ({
  id,
  recordId: '10.1000/mdma',
  enSentences: [3],
  zhSentences: [3],
  span: { side: 'zh', start: 120, end: 123 },
  category: 'Terminology/Inconsistent use of terminology',
  severity: 'major',
  comment: '摇头丸 is street slang; use MDMA as elsewhere',
  correction: '接受MDMA辅助治疗的退伍军人',
  created: '2026-11-28T23:00:00.000Z',
  updated: '2026-11-28T23:00:00.000Z',
  deleted: false,
  ...patch,
});

const decision = (flagKey: string, kind: 'confirmed' | 'dismissed'): FlagDecision => ({
  recordId: '10.1000/mdma',
  flagKey,
  decision: kind,
  reviewer: 'Li',
  note: '',
  updated: '2026-11-28T23:00:00.000Z',
});

const start: ReviewSession = {
  ...emptySession(),
  links: { '10.1000/mdma': [{ en: [0], zh: [0], confidence: 0.9 }, { en: [1, 2], zh: [1], confidence: 0.6 }] },
};

const value = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('review history', () => {
  it('undoes and redoes an annotation as delete and restore of the same row', () => {
    let history = perform(startHistory(start), { type: 'annotate', annotation: annotation('a1') });
    expect(history.session.annotations.a1?.deleted).toBe(false);
    const undone = undo(history)!;
    expect(undone.applied).toEqual({ type: 'delete', annotation: annotation('a1') });
    expect(undone.history.session.annotations.a1?.deleted).toBe(true);
    const redone = redo(undone.history)!;
    expect(redone.applied.type).toBe('restore');
    expect(redone.history.session.annotations.a1?.deleted).toBe(false);
    history = redone.history;
    expect(history.past).toHaveLength(1);
    expect(history.future).toHaveLength(0);
  });

  it('undoes an edit back to the earlier fields', () => {
    let history = perform(startHistory(start), { type: 'annotate', annotation: annotation('a1') });
    history = perform(history, value(editAction(history.session, 'a1', { severity: 'critical', comment: 'wrong drug' })));
    expect(history.session.annotations.a1?.severity).toBe('critical');
    const undone = undo(history)!;
    expect(undone.history.session.annotations.a1).toEqual(annotation('a1'));
    expect(undone.applied.type).toBe('edit');
  });

  it('undoes a delete as a restore', () => {
    let history = perform(startHistory(start), { type: 'annotate', annotation: annotation('a1') });
    history = perform(history, value(deleteAction(history.session, 'a1')));
    expect(deleteAction(history.session, 'a1').ok).toBe(false);
    expect(undo(history)!.applied.type).toBe('restore');
  });

  it('restores the earlier flag decision, or none', () => {
    let history = perform(startHistory(start), decideAction(start, '10.1000/mdma', 'k1', decision('k1', 'confirmed')));
    history = perform(history, decideAction(history.session, '10.1000/mdma', 'k1', decision('k1', 'dismissed')));
    let step = undo(history)!;
    expect(Object.values(step.history.session.decisions).map((d) => d.decision)).toEqual(['confirmed']);
    step = undo(step.history)!;
    expect(step.history.session.decisions).toEqual({});
    expect(step.applied).toMatchObject({ type: 'decide', after: null });
  });

  it('restores the earlier status', () => {
    let history = perform(startHistory(start), statusAction(start, '10.1000/mdma', 'in-progress'));
    history = perform(history, statusAction(history.session, '10.1000/mdma', 'reviewed'));
    expect(statusOf(history.session, '10.1000/mdma')).toBe('reviewed');
    expect(statusOf(undo(history)!.history.session, '10.1000/mdma')).toBe('in-progress');
  });

  it('undoes an alignment split', () => {
    const action = value(alignAction(start, '10.1000/mdma', { kind: 'split', link: 1, en: 1, zh: 1 }));
    const history = perform(startHistory(start), action);
    expect(history.session.links['10.1000/mdma']).toHaveLength(3);
    expect(undo(history)!.history.session.links['10.1000/mdma']).toEqual(start.links['10.1000/mdma']);
    expect(alignAction(start, '10.1000/mdma', { kind: 'merge', link: 1 }).ok).toBe(false);
    expect(alignAction(start, 'unknown', { kind: 'merge', link: 0 }).ok).toBe(false);
  });

  it('drops the redo stack when a new action is done', () => {
    let history = perform(startHistory(start), statusAction(start, '10.1000/mdma', 'in-progress'));
    history = undo(history)!.history;
    expect(history.future).toHaveLength(1);
    history = perform(history, { type: 'annotate', annotation: annotation('a2') });
    expect(history.future).toHaveLength(0);
    expect(redo(history)).toBeNull();
  });

  it('undoes a batch as one step, in reverse order', () => {
    const batch: ReviewAction = { type: 'batch', actions: [{ type: 'annotate', annotation: annotation('a1') }, statusAction(start, '10.1000/mdma', 'in-progress')] };
    const history = perform(startHistory(start), batch);
    expect(statusOf(history.session, '10.1000/mdma')).toBe('in-progress');
    const undone = undo(history)!;
    expect(undone.applied).toEqual({
      type: 'batch',
      actions: [
        { type: 'set-status', recordId: '10.1000/mdma', before: 'in-progress', after: 'unreviewed' },
        { type: 'delete', annotation: annotation('a1') },
      ],
    });
    expect(statusOf(undone.history.session, '10.1000/mdma')).toBe('unreviewed');
    expect(undone.history.session.annotations.a1?.deleted).toBe(true);
    const redone = redo(undone.history)!;
    expect(redone.applied.type === 'batch' && redone.applied.actions.map((a) => a.type)).toEqual(['restore', 'set-status']);
  });

  it('keeps at most `limit` actions', () => {
    let history = startHistory(start);
    for (let i = 0; i < 5; i++) history = perform(history, { type: 'annotate', annotation: annotation(`a${i}`) }, 3);
    expect(history.past.map((a) => a.type === 'annotate' && a.annotation.id)).toEqual(['a2', 'a3', 'a4']);
  });

  it('leaves the previous session untouched', () => {
    const before = structuredClone(start);
    applyAction(start, value(alignAction(start, '10.1000/mdma', { kind: 'merge', link: 0 })));
    expect(start).toEqual(before);
  });
});

/** A reviewer's intent, turned into an action against the current session (skipped when invalid). */
type Intent =
  | { kind: 'annotate'; n: number }
  | { kind: 'edit'; n: number; severity: 'minor' | 'major' | 'critical' }
  | { kind: 'delete'; n: number }
  | { kind: 'decide'; n: number; verdict: 'confirmed' | 'dismissed' | null }
  | { kind: 'status'; status: 'unreviewed' | 'in-progress' | 'reviewed' }
  | { kind: 'align'; link: number; mode: number }
  | { kind: 'batch'; first: Intent; second: Intent }
  | { kind: 'undo' }
  | { kind: 'redo' };

const simpleIntentArb: fc.Arbitrary<Intent> = fc.oneof(
  fc.record({ kind: fc.constant('annotate' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('edit' as const), n: fc.nat(3), severity: fc.constantFrom('minor' as const, 'major' as const, 'critical' as const) }),
  fc.record({ kind: fc.constant('delete' as const), n: fc.nat(3) }),
  fc.record({ kind: fc.constant('decide' as const), n: fc.nat(2), verdict: fc.constantFrom('confirmed' as const, 'dismissed' as const, null) }),
  fc.record({ kind: fc.constant('status' as const), status: fc.constantFrom('unreviewed' as const, 'in-progress' as const, 'reviewed' as const) }),
  fc.record({ kind: fc.constant('align' as const), link: fc.nat(3), mode: fc.nat(3) }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 4, arbitrary: simpleIntentArb },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), first: simpleIntentArb, second: simpleIntentArb }) },
);

function toAction(session: ReviewSession, intent: Intent, serial: number): ReviewAction | null {
  const id = `a${'n' in intent ? intent.n : 0}`;
  const orNull = (r: { ok: true; value: ReviewAction } | { ok: false; error: string }) => (r.ok ? r.value : null);
  switch (intent.kind) {
    case 'annotate':
      return { type: 'annotate', annotation: annotation(`${id}-${serial}`) };
    case 'edit': {
      const existing = Object.keys(session.annotations)[intent.n];
      return existing ? orNull(editAction(session, existing, { severity: intent.severity, comment: `edit ${serial}` })) : null;
    }
    case 'delete': {
      const existing = Object.keys(session.annotations)[intent.n];
      return existing ? orNull(deleteAction(session, existing)) : null;
    }
    case 'decide':
      return decideAction(session, '10.1000/mdma', `k${intent.n}`, intent.verdict && decision(`k${intent.n}`, intent.verdict));
    case 'status':
      return statusAction(session, '10.1000/mdma', intent.status);
    case 'align': {
      const edit =
        intent.mode === 0 ? { kind: 'merge' as const, link: intent.link }
        : intent.mode === 1 ? { kind: 'split' as const, link: intent.link, en: 1, zh: 0 }
        : { kind: 'relink' as const, link: intent.link, side: 'zh' as const, delta: intent.mode === 2 ? 1 : -1 };
      return orNull(alignAction(session, '10.1000/mdma', edit));
    }
    case 'batch': {
      // The second action is built against the session the first leaves, as the UI would.
      const first = toAction(session, intent.first, serial);
      if (!first) return null;
      const second = toAction(applyAction(session, first), intent.second, serial + 0.5);
      return second ? { type: 'batch', actions: [first, second] } : null;
    }
    default:
      return null;
  }
}

describe('review history properties', () => {
  it('every action followed by its inverse leaves the session as it was', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 25 }), (intents) => {
        let session = start;
        intents.forEach((intent, serial) => {
          const action = toAction(session, intent, serial);
          if (!action) return;
          const after = applyAction(session, action);
          // Annotations never vanish (soft delete), so compare on the visible state.
          expect(visible(applyAction(after, inverseAction(action)))).toEqual(visible(session));
          session = after;
        });
      }),
    );
  });

  it('undoing everything returns to the start and redoing everything returns to the end', () => {
    fc.assert(
      fc.property(fc.array(intentArb, { maxLength: 30 }), (intents) => {
        let history: History = startHistory(start);
        intents.forEach((intent, serial) => {
          if (intent.kind === 'undo') history = undo(history)?.history ?? history;
          else if (intent.kind === 'redo') history = redo(history)?.history ?? history;
          else {
            const action = toAction(history.session, intent, serial);
            if (action) history = perform(history, action);
          }
        });
        while (history.future.length > 0) history = redo(history)!.history;
        const end = visible(history.session);
        const depth = history.past.length;
        for (let i = 0; i < depth; i++) history = undo(history)!.history;
        expect(undo(history)).toBeNull();
        expect(visible(history.session)).toEqual(visible(start));
        while (history.future.length > 0) history = redo(history)!.history;
        expect(visible(history.session)).toEqual(end);
      }),
    );
  });
});

/** The session as the reviewer sees it: live annotations only. */
function visible(session: ReviewSession) {
  return {
    ...session,
    annotations: Object.fromEntries(Object.entries(session.annotations).filter(([, a]) => !a.deleted)),
  };
}
