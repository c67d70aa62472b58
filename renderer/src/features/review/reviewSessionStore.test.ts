import { describe, expect, it } from 'vitest';
import type { AnnotationInput } from '../../../../shared/annotations/model.ts';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { ReviewSessionStore } from './reviewSessionStore.ts';

const recordId = '10.3233/NRE-230270';
const automatic = {
  links: [
    { en: [0], zh: [0], confidence: 0.9 },
    { en: [1], zh: [1], confidence: 0.4 },
    { en: [2], zh: [2], confidence: 0.8 },
  ],
  enCount: 3,
  zhCount: 3,
};
const input: AnnotationInput = {
  recordId,
  enSentences: [1],
  zhSentences: [1],
  span: null,
  category: 'Accuracy/Mistranslation',
  severity: 'major',
  comment: '治疗联盟 should be 治疗同盟',
  correction: '增强治疗同盟。',
};

describe('ReviewSessionStore', () => {
  it('saves an annotation, undoes it as a soft delete and redoes it as a restore of the same row', async () => {
    const api = createFakeReviewApi();
    const store = new ReviewSessionStore(api);
    await store.load(recordId, automatic);
    const saved = await store.annotate(input);
    if (!saved.ok) throw new Error(saved.error);
    expect(api.tables.annotations).toHaveLength(1);
    store.undo();
    await store.idle();
    expect(api.tables.annotations[0]!.deleted).toBe(true);
    store.redo();
    await store.idle();
    expect(api.tables.annotations[0]).toMatchObject({ id: saved.value.id, deleted: false });
    expect(store.getSnapshot().pendingWrites).toBe(0);
  });

  it('an alignment edit and its undo are both logged, and a fresh session replays them', async () => {
    const api = createFakeReviewApi();
    const store = new ReviewSessionStore(api);
    await store.load(recordId, automatic);
    expect(store.editAlignment(recordId, { kind: 'merge', link: 0 }).ok).toBe(true);
    expect(store.getSnapshot().history.session.links[recordId]).toEqual([
      { en: [0, 1], zh: [0, 1], confidence: 1 },
      { en: [2], zh: [2], confidence: 0.8 },
    ]);
    await store.idle();
    const reopened = new ReviewSessionStore(api);
    await reopened.load(recordId, automatic);
    expect(reopened.getSnapshot().history.session.links[recordId]).toHaveLength(2);
    store.undo();
    await store.idle();
    const again = new ReviewSessionStore(api);
    await again.load(recordId, automatic);
    expect(again.getSnapshot().history.session.links[recordId]).toEqual(automatic.links);
  });

  it('a flag decision toggles, and status and decisions come back after reloading', async () => {
    const api = createFakeReviewApi({ settings: { reviewerName: 'Li Wei' } });
    const store = new ReviewSessionStore(api);
    await store.load(recordId, automatic);
    store.decide(recordId, 'section-missing:x', 'dismissed', 'Li Wei');
    store.setStatus(recordId, 'in-progress');
    await store.idle();
    const reopened = new ReviewSessionStore(api);
    await reopened.load(recordId, automatic);
    const session = reopened.getSnapshot().history.session;
    expect(session.statuses[recordId]).toBe('in-progress');
    expect(session.decisions[`${recordId}\nsection-missing:x`]).toMatchObject({ decision: 'dismissed', reviewer: 'Li Wei' });
    store.decide(recordId, 'section-missing:x', 'dismissed', 'Li Wei');
    await store.idle();
    expect(api.tables.decisions).toEqual([]);
  });

  it('reports a failed write and reloads the record from the store', async () => {
    const api = createFakeReviewApi();
    const store = new ReviewSessionStore(api);
    await store.load(recordId, automatic);
    const saved = await store.annotate(input);
    if (!saved.ok) throw new Error(saved.error);
    api.tables.annotations.length = 0; // the row vanished behind our back
    expect(store.deleteAnnotation(saved.value.id).ok).toBe(true);
    await store.idle();
    await store.idle();
    expect(store.getSnapshot().saveError).toMatch(/No annotation/);
    expect(store.getSnapshot().history.session.annotations[saved.value.id]).toBeUndefined();
  });
});
