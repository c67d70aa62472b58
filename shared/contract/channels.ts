import { z } from 'zod';
import type { LoadError, RecordFormat, ReviewRecord } from '../records/model.ts';
import type { Result } from './result.ts';
import { glossaryRequestSchemas, type GlossaryResponseTypes } from './glossary.ts';
import { reviewRequestSchemas, type RecordReviewData, type ReviewResponseTypes } from './review.ts';
import { recordQueryRequestSchemas, type CorpusFindings, type RecordQueryResponseTypes } from './recordQuery.ts';
import { methodOfChannel, RECORD_FORMATS } from './vocabulary.ts';

export { methodOfChannel };

/**
 * The single contract between the renderer and the main side.
 *
 * Each channel has a request schema (main parses every request with it before use, whatever the
 * transport: Electron IPC or the browser host's HTTP) and a response type. The preload and the
 * browser-host client both implement `ReviewApi`, generated from this table, so the contract is
 * declared once.
 */

export const recordFormatSchema = z.enum(RECORD_FORMATS);
export const uiLanguageSchema = z.enum(['en', 'zh-CN']);
export type UiLanguage = z.infer<typeof uiLanguageSchema>;

/** What the record list needs of each record, without the full text. */
export interface RecordSummary {
  id: string;
  title: string;
  titleZh: string | null;
  file: string;
  format: RecordFormat;
}

export interface LibraryState {
  records: RecordSummary[];
  errors: LoadError[];
  /**
   * Present when `library:list` was asked for a page (`start`/`limit`): `records` are then the
   * list's entries from `start`, `total` counts the whole list, and `generation` changes whenever
   * the list changes other than by records added at its end, so a caller holding earlier pages
   * of the same generation only needs the tail.
   */
  page?: { start: number; total: number; generation: number };
}

export interface Settings {
  uiLanguage: UiLanguage;
  reviewerName: string;
  /**
   * The largest file the library opens, in MiB, or null for the built-in limits (256 MiB for
   * files read whole, 2 GiB for JSONL, which streams). `--max-file-mb` overrides it for a launch.
   */
  maxFileMb: number | null;
}

/** The range `maxFileMb` accepts: 1 MiB to 64 GiB. */
export const maxFileMbSchema = z.number().int().min(1).max(65536);

/** Pushed while files load, so long loads show progress. */
export interface LoadProgress {
  file: string;
  bytesRead: number;
  totalBytes: number;
  records: number;
  errors: number;
  done: boolean;
}

/** Commands the application menu sends to the renderer (File ▸ Open …, View ▸ Language …). */
export type MenuCommand =
  | { type: 'set-language'; language: UiLanguage }
  | { type: 'export' }
  | { type: 'show-help' }
  | { type: 'library-changed' };

/**
 * A record with what its review view asks for next (`library:recordForReview`): its stored review
 * (as `annotations:list` answers) and its corpus-wide findings (as `library:corpusFindings`), in
 * one round trip instead of three; the renderer fetches every record it shows or reads ahead so.
 */
export interface RecordForReview {
  record: ReviewRecord;
  review: RecordReviewData;
  corpus: CorpusFindings;
}

export const requestSchemas = {
  // Without start/limit, the whole list; with them, one page (100,000 summaries are ~25 MB of JSON).
  'library:list': z.object({ start: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(100_000).optional() }).strict(),
  'library:openPaths': z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000), format: recordFormatSchema.optional() }).strict(),
  'library:importText': z.object({ name: z.string().min(1).max(1024), text: z.string().max(256 * 1024 * 1024), format: recordFormatSchema.optional() }).strict(),
  /** Files picked together (the browser host has their text, not their paths), so WMT `_en`/`_zh` siblings can pair. */
  'library:importTexts': z
    .object({
      files: z.array(z.object({ name: z.string().min(1).max(1024), text: z.string().max(256 * 1024 * 1024) }).strict()).min(1).max(100),
      format: recordFormatSchema.optional(),
    })
    .strict(),
  'library:getRecord': z.object({ id: z.string().min(1).max(2048) }).strict(),
  'library:recordForReview': z.object({ id: z.string().min(1).max(2048) }).strict(),
  'library:recent': z.object({}).strict(),
  'library:openSample': z.object({}).strict(),
  'library:clear': z.object({}).strict(),
  'settings:get': z.object({}).strict(),
  'settings:set': z.object({ uiLanguage: uiLanguageSchema.optional(), reviewerName: z.string().max(200).optional(), maxFileMb: maxFileMbSchema.nullable().optional() }).strict(),
  ...reviewRequestSchemas,
  ...glossaryRequestSchemas,
  ...recordQueryRequestSchemas,
} as const;

export type Channel = keyof typeof requestSchemas;
export type RequestOf<C extends Channel> = z.infer<(typeof requestSchemas)[C]>;

export interface ResponseTypes extends ReviewResponseTypes, GlossaryResponseTypes, RecordQueryResponseTypes {
  'library:list': LibraryState;
  'library:openPaths': LibraryState;
  'library:importText': LibraryState;
  'library:importTexts': LibraryState;
  'library:getRecord': ReviewRecord;
  'library:recordForReview': RecordForReview;
  'library:recent': string[];
  'library:openSample': LibraryState;
  'library:clear': LibraryState;
  'settings:get': Settings;
  'settings:set': Settings;
}
export type ResponseOf<C extends Channel> = ResponseTypes[C];

/** Push channels (main → renderer). */
export interface PushTypes {
  'library:progress': LoadProgress;
  'menu:command': MenuCommand;
}
export type PushChannel = keyof PushTypes;

type MethodName<C extends Channel> = (typeof methodOfChannel)[C];

/** The whole API the renderer sees. Implemented by the preload and by the browser-host client. */
export type ReviewApi = {
  [C in Channel as MethodName<C>]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  onLoadProgress(callback: (progress: LoadProgress) => void): () => void;
  onMenuCommand(callback: (command: MenuCommand) => void): () => void;
  /**
   * The file-system path of a file dropped on the window (a DOM `File`), or null where paths are
   * not available (the browser host, or a file that did not come from disk). With a path the
   * renderer calls `openPaths`, which streams large files; without one it reads the text and
   * calls `importText`. Synchronous and local: no request crosses the boundary.
   */
  pathForFile(file: object): string | null;
  /** 'electron' or 'browser': the renderer hides desktop-only affordances in the browser host. */
  readonly host: 'electron' | 'browser';
};
