import type {
  Channel,
  LibraryState,
  LoadProgress,
  MenuCommand,
  RecordSummary,
  RequestOf,
  ReviewApi,
  Settings,
} from '../../../shared/contract/channels.ts';
import { fail, ok } from '../../../shared/contract/result.ts';
import type { LoadError, ParseResult, ReviewRecord } from '../../../shared/records/model.ts';
import { createFakeReviewMethods, type FakeReviewTables } from '../features/review/testing/fakeReviewStore.ts';
import { createFakeGlossaryMethods } from '../features/glossary/testing/fakeGlossaryStore.ts';
import { createFakeRecordQuery } from '../features/recordList/testing/fakeRecordQuery.ts';
import type { RecordFlagCounts } from '../../../shared/contract/recordQuery.ts';
import type { GlossaryEntry } from '../../../shared/contract/annotations.ts';
import type { Finding } from '../../../shared/checks/types.ts';

export interface FakeReviewApiOptions {
  records?: ReviewRecord[];
  errors?: LoadError[];
  settings?: Partial<Settings>;
  /** What `importText` makes of a file; by default every file is one error entry. */
  parse?: (name: string, text: string) => ParseResult;
  /** Returned by `pathForFile`, to imitate Electron (paths) rather than the browser host (none). */
  pathForFile?: (file: object) => string | null;
  /** A record's flag counts as `library:query` reports them; none by default, null for "not checked yet". */
  flags?: (record: ReviewRecord) => RecordFlagCounts | null;
  /** A record's corpus-wide findings as `library:corpusFindings` reports them; none by default. */
  corpusFindings?: (record: ReviewRecord) => Finding[];
}

export interface FakeReviewApi extends ReviewApi {
  /** Every request made, in order, as `[channel, request]`. */
  readonly calls: [Channel, unknown][];
  readonly settings: Settings;
  emitProgress(progress: LoadProgress): void;
  emitMenuCommand(command: MenuCommand): void;
  /** What the review channels stored (annotations, decisions, statuses, alignment corrections). */
  readonly tables: FakeReviewTables;
  /** The glossary table (sorted by term), as the glossary channels left it. */
  readonly glossary: GlossaryEntry[];
}

/**
 * An in-memory `ReviewApi` for component tests: the same contract as the preload and the browser
 * host's client, with the library held in arrays.
 */
export function createFakeReviewApi(options: FakeReviewApiOptions = {}): FakeReviewApi {
  const records = [...(options.records ?? [])];
  const errors = [...(options.errors ?? [])];
  const settings: Settings = { uiLanguage: 'en', reviewerName: '', maxFileMb: null, ...options.settings };
  const calls: [Channel, unknown][] = [];
  const progressListeners = new Set<(progress: LoadProgress) => void>();
  const menuListeners = new Set<(command: MenuCommand) => void>();
  const parse = options.parse ?? ((name) => ({ records: [], errors: [{ source: { file: name }, message: 'unsupported' }] }));

  const state = (): LibraryState => ({ records: records.map(summarise), errors: [...errors] });
  const corpusFindingsOf = (found: ReviewRecord | undefined) => ({ complete: true, findings: found && options.corpusFindings ? options.corpusFindings(found) : [] });
  const record = <C extends Channel>(channel: C, request: RequestOf<C>) => {
    calls.push([channel, request]);
  };

  const reviewMethods = createFakeReviewMethods((channel, request) => calls.push([channel as Channel, request]), () => settings.reviewerName, () => records);

  return {
    calls,
    settings,
    host: 'browser',
    async listRecords(request) {
      record('library:list', request);
      return ok(state());
    },
    async openPaths(request) {
      record('library:openPaths', request);
      return fail('the fake has no file system');
    },
    async importText(request) {
      record('library:importText', request);
      const parsed = parse(request.name, request.text);
      records.push(...parsed.records);
      errors.push(...parsed.errors);
      return ok(state());
    },
    async importTexts(request) {
      // The fake does not pair WMT siblings: each file is parsed as `importText` parses it.
      record('library:importTexts', request);
      for (const file of request.files) {
        const parsed = parse(file.name, file.text);
        records.push(...parsed.records);
        errors.push(...parsed.errors);
      }
      return ok(state());
    },
    async getRecord(request) {
      record('library:getRecord', request);
      const found = records.find((candidate) => candidate.id === request.id);
      return found ? ok(found) : fail(`no record ${request.id}`);
    },
    async getRecordForReview(request) {
      record('library:recordForReview', request);
      const found = records.find((candidate) => candidate.id === request.id);
      if (!found) return fail(`no record ${request.id}`);
      const review = reviewMethods.readReview(request.id);
      return ok({ record: found, review, corpus: corpusFindingsOf(found) });
    },
    async recentFiles(request) {
      record('library:recent', request);
      return ok([]);
    },
    async openSample(request) {
      record('library:openSample', request);
      return ok(state());
    },
    async clearLibrary(request) {
      record('library:clear', request);
      records.length = 0;
      errors.length = 0;
      return ok(state());
    },
    async getSettings(request) {
      record('settings:get', request);
      return ok({ ...settings });
    },
    async setSettings(request) {
      record('settings:set', request);
      Object.assign(settings, request);
      return ok({ ...settings });
    },
    async corpusFindings(request) {
      record('library:corpusFindings', request);
      const found = records.find((candidate) => candidate.id === request.id);
      return ok(corpusFindingsOf(found));
    },
    ...reviewMethods,
    ...createFakeRecordQuery(record, () => records, () => reviewMethods.tables.states, summarise, options.flags),
    ...createFakeGlossaryMethods((channel, request) => calls.push([channel as Channel, request])),
    pathForFile: options.pathForFile ?? (() => null),
    onLoadProgress(callback) {
      progressListeners.add(callback);
      return () => progressListeners.delete(callback);
    },
    onMenuCommand(callback) {
      menuListeners.add(callback);
      return () => menuListeners.delete(callback);
    },
    emitProgress(progress) {
      for (const listener of progressListeners) listener(progress);
    },
    emitMenuCommand(command) {
      for (const listener of menuListeners) listener(command);
    },
  };
}

function summarise(record: ReviewRecord): RecordSummary {
  return { id: record.id, title: record.en.title, titleZh: record.zh?.title ?? null, file: record.source.file, format: record.format };
}
