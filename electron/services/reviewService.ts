import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';
import type { AlignmentCorrection, Annotation, AnnotationInput } from '../../shared/contract/annotations.ts';
import type { RequestOf, ResponseOf } from '../../shared/contract/channels.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import type { reviewRequestSchemas } from '../../shared/contract/review.ts';
import { EXPORT_FORMAT_INFO, serialiseExport } from '../../shared/export/formats.ts';
import { mqmRowsToAnnotations, parseMqmTsv } from '../../shared/export/mqmTsvImport.ts';
import type { ReviewRecord } from '../../shared/records/model.ts';
import type { SqliteAnnotationRepository } from './annotationStore.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { buildReviewExport } from './reviewExport.ts';
import type { SettingsService } from './settings.ts';

type ReviewChannel = keyof typeof reviewRequestSchemas;

/** The review channels' handlers, in the shape `createHandlers` spreads into its table. */
export type ReviewHandlers = {
  [C in ReviewChannel]: (request: RequestOf<C>) => Result<ResponseOf<C>>;
};

/** The loaded records, as the record library holds them. */
export interface LoadedRecords {
  list(): { records: { id: string }[] };
  get(id: string): ReviewRecord | undefined;
}

export interface ReviewServiceDeps {
  store: SqliteAnnotationRepository;
  /** The reviewer's name is stamped on decisions and statuses from the settings, set once in the UI. */
  settings: Pick<SettingsService, 'get'>;
  library: LoadedRecords;
  /** Clock for export stamps and file names (tests pass a fixed one). */
  now?: () => Date;
  /**
   * Whether `export:write` may write to a path the request names. Only the Electron host offers a
   * save path; the browser host is an HTTP server, and a request there must not be able to write
   * files, so by default paths are accepted only inside Electron's main process.
   */
  allowExportPaths?: boolean;
}

/**
 * The review workflow's main-side service: every reviewer action is written to the store as it
 * happens, one request per action, and answered only after SQLite has committed it (WAL with
 * synchronous = FULL), so an action the UI shows as saved survives a crash of either process.
 * Requests arrive already validated by `handleRequest`; this layer adds what a schema cannot
 * check (the annotation to edit exists and belongs to the record).
 */
export function createReviewHandlers({
  store,
  settings,
  library,
  now = () => new Date(),
  allowExportPaths = process.versions.electron !== undefined,
}: ReviewServiceDeps): ReviewHandlers {
  const reviewer = () => settings.get().reviewerName;
  const loaded = (ids?: readonly string[]): ReviewRecord[] =>
    (ids ?? library.list().records.map((r) => r.id)).flatMap((id) => {
      const record = library.get(id);
      return record ? [record] : [];
    });

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

    'export:write': ({ format, path, recordIds }) => {
      const records = loaded(recordIds);
      if (records.length === 0) return fail('There are no loaded records to export');
      const info = EXPORT_FORMAT_INFO[format];
      if (path !== undefined && !allowExportPaths) return fail('This host does not write files; the export is downloaded instead');
      if (path !== undefined) {
        // A path comes from the Electron host's save field; refuse anything but a new or existing
        // file of this format's type in an existing folder, so a request cannot aim elsewhere.
        if (!isAbsolute(path) || !path.toLowerCase().endsWith(`.${info.extension}`)) return fail(`The export file must be an absolute path ending in .${info.extension}`);
        if (!existsSync(dirname(path))) return fail(`The folder ${dirname(path)} does not exist`);
      }
      const content = serialiseExport(format, buildReviewExport(records, store, reviewer(), now()));
      const stamp = now().toISOString().slice(0, 16).replace(/[-:T]/g, '');
      const fileName = path !== undefined ? basename(path) : `review-${stamp}.${info.extension}`;
      if (path === undefined) return ok({ format, fileName, mediaType: info.mediaType, path: null, content, records: records.length });
      writeFileAtomic(path, content);
      return ok({ format, fileName, mediaType: info.mediaType, path, content: null, records: records.length });
    },

    'annotations:importMqm': ({ text }) => {
      const parsed = parseMqmTsv(text);
      const records = loaded().filter((record) => parsed.rows.some((row) => row.doc === record.id));
      const placed = mqmRowsToAnnotations(parsed.rows, buildReviewExport(records, store, reviewer(), now()));
      const existing = new Set(records.flatMap((record) => store.listAnnotations(record.id).map(annotationIdentity)));
      let duplicates = 0;
      const imported = transaction(() => {
        let count = 0;
        for (const { input } of placed.annotations) {
          const identity = annotationIdentity(input);
          if (existing.has(identity)) {
            duplicates += 1;
            continue;
          }
          existing.add(identity);
          store.createAnnotation(input);
          count += 1;
        }
        return count;
      });
      return ok({ imported, duplicates, clean: placed.clean.length, errors: [...parsed.errors, ...placed.errors].sort((a, b) => a.line - b.line) });
    },
  };
}

/** What makes two annotations the same finding for an import: where, what and how bad. */
function annotationIdentity(annotation: AnnotationInput | Annotation): string {
  return JSON.stringify([annotation.recordId, annotation.enSentences, annotation.zhSentences, annotation.span, annotation.category, annotation.severity]);
}
