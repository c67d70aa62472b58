import { describe, expect, it } from 'vitest';
import type { AnnotationInput } from '../../../../shared/annotations/model.ts';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { recordSessionSelector } from './recordSessionView.ts';
import { ReviewSessionStore } from './reviewSessionStore.ts';

const shown = 'record-shown';
const ahead = 'record-ahead';
const automatic = { links: [{ en: [0], zh: [0], confidence: 0.9 }], enCount: 1, zhCount: 1 };
const note = (recordId: string): AnnotationInput => ({
  recordId,
  enSentences: [0],
  zhSentences: [0],
  span: null,
  category: 'Accuracy/Mistranslation',
  severity: 'minor',
  comment: 'check',
  correction: '',
});

describe('recordSessionSelector', () => {
  it('hands out the same view while only another record changes, and a new one when this record does', async () => {
    const store = new ReviewSessionStore(createFakeReviewApi());
    await store.load(shown, automatic);
    const select = recordSessionSelector(store.getSnapshot, shown);
    const first = select();
    expect(first).toMatchObject({ load: { status: 'ready' }, annotations: [], status: 'unreviewed', canUndo: false });

    // A record fetched ahead is read into the session, and annotated: nothing of the shown one changed.
    await store.load(ahead, automatic);
    await store.annotate(note(ahead));
    expect(store.getSnapshot().history.session.annotations).not.toEqual({});
    const afterAhead = select();
    // Undo now has something to undo, which the shown record's toolbar offers too.
    expect(afterAhead.canUndo).toBe(true);
    expect(afterAhead.annotations).toBe(first.annotations);
    expect(select()).toBe(afterAhead);

    await store.annotate(note(shown));
    const afterOwn = select();
    expect(afterOwn).not.toBe(afterAhead);
    expect(afterOwn.annotations.map((a) => a.recordId)).toEqual([shown]);
  });

  it('keeps the view while a record ahead is read, which leaves undo and saving as they were', async () => {
    const store = new ReviewSessionStore(createFakeReviewApi());
    await store.load(shown, automatic);
    const select = recordSessionSelector(store.getSnapshot, shown);
    const before = select();
    const reading = store.load(ahead, automatic);
    expect(select()).toBe(before);
    await reading;
    expect(select()).toBe(before);
  });
});
