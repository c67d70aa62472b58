import type { AlignmentCorrection } from '../../shared/contract/annotations.ts';
import type { RequestOf, ResponseOf } from '../../shared/contract/channels.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import type { reviewRequestSchemas } from '../../shared/contract/review.ts';
import type { SqliteAnnotationRepository } from './annotationStore.ts';
import type { SettingsService } from './settings.ts';

type ReviewChannel = keyof typeof reviewRequestSchemas;

/** The review channels' handlers, in the shape `createHandlers` spreads into its table. */
export type ReviewHandlers = {
  [C in ReviewChannel]: (request: RequestOf<C>) => Result<ResponseOf<C>>;
};

export interface ReviewServiceDeps {
  store: SqliteAnnotationRepository;
  /** The reviewer's name is stamped on decisions and statuses from the settings, set once in the UI. */
  settings: Pick<SettingsService, 'get'>;
}

/**
 * The review workflow's main-side service: every reviewer action is written to the store as it
 * happens, one request per action, and answered only after SQLite has committed it (WAL with
 * synchronous = FULL), so an action the UI shows as saved survives a crash of either process.
 * Requests arrive already validated by `handleRequest`; this layer adds what a schema cannot
 * check (the annotation to edit exists and belongs to the record).
 */
export function createReviewHandlers({ store, settings }: ReviewServiceDeps): ReviewHandlers {
  const reviewer = () => settings.get().reviewerName;

  /** Runs `write` in one transaction: a multi-row change is stored whole or not at all. */
  const transaction = <T>(write: () => T): T => {
    store.db.exec('BEGIN IMMEDIATE');
    try {
      const value = write();
      store.db.exec('COMMIT');
      return value;
    } catch (error) {
      store.db.exec('ROLLBACK');
      throw error;
    }
  };

  return {
    'annotations:list': ({ recordId }) =>
      ok({
        annotations: store.listAnnotations(recordId, { includeDeleted: true }),
        decisions: store.listFlagDecisions(recordId),
        state: store.getReviewState(recordId),
        corrections: store.listAlignmentCorrections(recordId),
      }),

    'annotations:save': ({ id, annotation }) => {
      if (id === undefined) return ok(store.createAnnotation(annotation));
      const existing = store.getAnnotation(id);
      if (!existing) return fail(`No annotation with id "${id}"`);
      if (existing.recordId !== annotation.recordId) return fail(`Annotation "${id}" belongs to another record`);
      const { recordId: _recordId, ...fields } = annotation;
      const updated = store.updateAnnotation(id, fields);
      return updated ? ok(updated) : fail(`No annotation with id "${id}"`);
    },

    'annotations:delete': ({ id, restore }) => {
      const existing = store.getAnnotation(id);
      if (!existing) return fail(`No annotation with id "${id}"`);
      // Idempotent: deleting a deleted annotation (a retried request) is not an error.
      if (restore) store.restoreAnnotation(id);
      else store.deleteAnnotation(id);
      const now = store.getAnnotation(id);
      return now ? ok(now) : fail(`No annotation with id "${id}"`);
    },

    'flags:decide': ({ recordId, flagKey, decision, note }) => {
      if (decision === null) {
        store.clearFlagDecision(recordId, flagKey);
        return ok(null);
      }
      return ok(store.setFlagDecision({ recordId, flagKey, decision, note: note ?? '', reviewer: reviewer() }));
    },

    'review:setStatus': ({ recordId, status }) => ok(store.setReviewState(recordId, status, reviewer())),

    'alignment:saveCorrection': ({ recordId, unlink, link }) =>
      ok(
        transaction((): AlignmentCorrection[] => [
          ...unlink.map((l) => store.addAlignmentCorrection({ recordId, enSentences: l.en, zhSentences: l.zh, action: 'unlink', reviewer: reviewer() })),
          ...link.map((l) => store.addAlignmentCorrection({ recordId, enSentences: l.en, zhSentences: l.zh, action: 'link', reviewer: reviewer() })),
        ]),
      ),
  };
}
