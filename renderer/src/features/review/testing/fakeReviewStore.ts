import type { AlignmentCorrection, Annotation, FlagDecision, ReviewState } from '../../../../../shared/contract/annotations.ts';
import type { RequestOf, ResponseOf, ReviewApi } from '../../../../../shared/contract/channels.ts';
import { fail, ok, type Result } from '../../../../../shared/contract/result.ts';
import type { reviewMethodOfChannel } from '../../../../../shared/contract/review.ts';
import { alignRecord } from '../../../../../shared/align/alignRecord.ts';
import { replayCorrections } from '../../../../../shared/annotations/correctedLinks.ts';
import { EXPORT_FORMAT_INFO, serialiseExport } from '../../../../../shared/export/formats.ts';
import { mqmRowsToAnnotations, parseMqmTsv } from '../../../../../shared/export/mqmTsvImport.ts';
import type { ReviewExport } from '../../../../../shared/export/types.ts';
import type { ReviewRecord } from '../../../../../shared/records/model.ts';
import { analyzeRecord } from '../../../../../shared/review/analyzeRecord.ts';

type ReviewMethods = Pick<ReviewApi, (typeof reviewMethodOfChannel)[keyof typeof reviewMethodOfChannel]>;

/** The in-memory tables behind the fake's review methods, open to tests for assertions. */
export interface FakeReviewTables {
  annotations: Annotation[];
  decisions: FlagDecision[];
  states: ReviewState[];
  corrections: AlignmentCorrection[];
}

/**
 * The review channels of the fake `ReviewApi`: an in-memory imitation of the SQLite store with the
 * same observable behaviour (ids and stamps from the store, soft delete, decisions keyed by record
 * and flag, an append-only correction log). `record` logs each call, as the rest of the fake does.
 */
export function createFakeReviewMethods(
  record: (channel: string, request: unknown) => void,
  reviewer: () => string,
  records: () => readonly ReviewRecord[] = () => [],
  tables: FakeReviewTables = { annotations: [], decisions: [], states: [], corrections: [] },
): ReviewMethods & { tables: FakeReviewTables; readReview(recordId: string): ResponseOf<'annotations:list'> } {
  let clock = Date.parse('2026-11-28T23:00:00.000Z');
  let nextId = 1;
  const stamp = () => new Date((clock += 1000)).toISOString();
  const answer = <C extends keyof typeof reviewMethodOfChannel>(channel: C, request: RequestOf<C>, value: () => Result<ResponseOf<C>>) => {
    record(channel, request);
    return Promise.resolve(value());
  };
  const find = (id: string) => tables.annotations.find((a) => a.id === id);
  /** A record's stored review as `annotations:list` answers it (the combined record channel reads it too). */
  const readReview = (recordId: string): ResponseOf<'annotations:list'> => ({
    annotations: tables.annotations.filter((a) => a.recordId === recordId).map((a) => ({ ...a })),
    decisions: tables.decisions.filter((d) => d.recordId === recordId),
    state: tables.states.find((s) => s.recordId === recordId) ?? null,
    corrections: tables.corrections.filter((c) => c.recordId === recordId),
  });
  // The same assembly as the main side's reviewExport.ts, over the in-memory tables.
  const exportData = (ids?: readonly string[]): ReviewExport => ({
    reviewer: reviewer(),
    exportedAt: new Date(clock).toISOString(),
    records: records()
      .filter((r) => !ids || ids.includes(r.id))
      .map((record) => {
        const alignment = alignRecord(record);
        const corrections = tables.corrections.filter((c) => c.recordId === record.id);
        return {
          record,
          sentences: { en: alignment.en, zh: alignment.zh },
          links: replayCorrections(alignment.links, corrections, alignment.en.length, alignment.zh.length).links,
          findings: analyzeRecord(record, { alignment }).findings,
          annotations: tables.annotations.filter((a) => a.recordId === record.id && !a.deleted),
          decisions: tables.decisions.filter((d) => d.recordId === record.id),
          status: tables.states.find((s) => s.recordId === record.id)?.status ?? 'unreviewed',
        };
      }),
  });

  return {
    tables,
    readReview,
    listReview: (request) => answer('annotations:list', request, () => ok(readReview(request.recordId))),
    saveAnnotation: (request) =>
      answer('annotations:save', request, () => {
        const time = stamp();
        if (request.id === undefined) {
          const created: Annotation = { ...request.annotation, id: `a${nextId++}`, created: time, updated: time, deleted: false };
          tables.annotations.push(created);
          return ok({ ...created });
        }
        const existing = find(request.id);
        if (!existing) return fail(`No annotation with id "${request.id}"`);
        Object.assign(existing, request.annotation, { updated: time });
        return ok({ ...existing });
      }),
    deleteAnnotation: (request) =>
      answer('annotations:delete', request, () => {
        const existing = find(request.id);
        if (!existing) return fail(`No annotation with id "${request.id}"`);
        existing.deleted = !request.restore;
        existing.updated = stamp();
        return ok({ ...existing });
      }),
    decideFlag: (request) =>
      answer('flags:decide', request, () => {
        const at = tables.decisions.findIndex((d) => d.recordId === request.recordId && d.flagKey === request.flagKey);
        if (at >= 0) tables.decisions.splice(at, 1);
        if (request.decision === null) return ok(null);
        const decision: FlagDecision = { recordId: request.recordId, flagKey: request.flagKey, decision: request.decision, note: request.note ?? '', reviewer: reviewer(), updated: stamp() };
        tables.decisions.push(decision);
        return ok(decision);
      }),
    setReviewStatus: (request) =>
      answer('review:setStatus', request, () => {
        const state: ReviewState = { recordId: request.recordId, status: request.status, reviewer: reviewer(), updated: stamp() };
        const at = tables.states.findIndex((s) => s.recordId === request.recordId);
        if (at >= 0) tables.states[at] = state;
        else tables.states.push(state);
        return ok(state);
      }),
    saveAlignmentCorrection: (request) =>
      answer('alignment:saveCorrection', request, () => {
        const rows = [
          ...request.unlink.map((l) => ({ action: 'unlink' as const, ...l })),
          ...request.link.map((l) => ({ action: 'link' as const, ...l })),
        ];
        const first = tables.corrections.length + 1;
        const saved = rows.map((row, k): AlignmentCorrection => ({
          id: first + k,
          recordId: request.recordId,
          enSentences: row.en,
          zhSentences: row.zh,
          action: row.action,
          reviewer: reviewer(),
          created: stamp(),
        }));
        tables.corrections.push(...saved);
        return ok(saved);
      }),
    writeExport: (request) =>
      answer('export:write', request, () => {
        const data = exportData(request.recordIds);
        if (data.records.length === 0) return fail('There are no loaded records to export');
        if (request.path !== undefined) return fail('the fake has no file system');
        const info = EXPORT_FORMAT_INFO[request.format];
        return ok({ format: request.format, fileName: `review.${info.extension}`, mediaType: info.mediaType, path: null, content: serialiseExport(request.format, data), records: data.records.length });
      }),
    importMqm: (request) =>
      answer('annotations:importMqm', request, () => {
        const parsed = parseMqmTsv(request.text);
        const placed = mqmRowsToAnnotations(parsed.rows, exportData());
        const time = stamp();
        for (const { input } of placed.annotations) tables.annotations.push({ ...input, id: `a${nextId++}`, created: time, updated: time, deleted: false });
        return ok({ imported: placed.annotations.length, duplicates: 0, clean: placed.clean.length, errors: [...parsed.errors, ...placed.errors] });
      }),
  };
}
