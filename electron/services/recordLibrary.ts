import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { LibraryState, LoadProgress, RecordSummary } from '../../shared/contract/channels.ts';
import type { LoadError, ParseResult, RecordFormat, ReviewRecord } from '../../shared/records/model.ts';
import { decodeBytes } from '../../shared/records/decode.ts';
import { createJsonlParser, type JsonlParser } from '../../shared/records/json.ts';
import { parseRecords, type ParseOptions } from '../../shared/records/parse.ts';
import { looksLikeWmt, pairWmtFiles, parseWmtPair } from '../../shared/records/wmt.ts';
import { LineSplitter, readFileBytes, readTextChunks, type Line, type SkippedLine } from './fileReading.ts';
import {
  decodeWarningError,
  fileSystemError,
  fileTooLargeError,
  lineTooLongError,
  moreErrorsEntry,
  noRecordFilesError,
  notTextError,
  parserCrashedError,
  readFailure,
  tooManyFilesError,
} from './loadErrors.ts';
import { RecordStore } from './recordStore.ts';

export type ParseFunction = (text: string, options: ParseOptions) => ParseResult;

export interface RecordLibraryOptions {
  /** Largest line-streamed (JSONL) file. Default 2 GiB. */
  maxStreamBytes?: number;
  /** Largest file parsed as one text (JSON, TMX, XLIFF, page text …). Default 256 MiB. */
  maxWholeFileBytes?: number;
  /** Longest single JSONL line. Default 64 MiB of text. */
  maxLineChars?: number;
  /** Most files taken from one folder. Default 10 000. */
  maxFolderFiles?: number;
  /** Most error entries kept per file; the rest are counted in one summary entry. Default 1000. */
  maxErrorsPerFile?: number;
  chunkBytes?: number;
  /** Where opened paths are remembered (the settings service). */
  recent?: { addRecent(paths: readonly string[]): unknown; recent(): string[] };
  /** The parsers; the shared ones unless a test injects others. */
  parse?: ParseFunction;
  createJsonlParser?: (options: { file: string; format?: RecordFormat }) => JsonlParser;
  /**
   * JSONL lines parsed, and published to the list, in one step. Default 16.
   */
  linesPerStep?: number;
  /**
   * Longest run of parsing, in ms, before the event loop gets a turn: a request (the record the
   * user clicked, the next page of the list) then waits about this long behind a large load,
   * not a whole 1 MB chunk (~300 site records, up to a second on a slow machine). Default 10.
   */
  turnMs?: number;
  /**
   * The turn the event loop gets between two runs of parsing: the next turn by default; the app
   * passes `HostActivity.turn`, which also lets the page's requests in flight finish first.
   */
  yieldTurn?: () => Promise<void>;
  /** Folder for the on-disk record store; the system temp folder by default. */
  storeDirectory?: string;
}

/** Extensions a folder scan picks up; explicitly named files are read whatever their name. */
const RECORD_EXTENSIONS = new Set(['.txt', '.json', '.jsonl', '.ndjson', '.tsv', '.csv', '.tmx', '.xlf', '.xliff', '.sgm', '.sgml', '.xml']);
const LINE_STREAMED_EXTENSIONS = new Set(['.jsonl', '.ndjson']);
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/** The default `yieldTurn`: the event loop's next turn. */
const nextTurn = (): Promise<void> => new Promise((resolveTurn) => setImmediate(resolveTurn));

interface LoadedSource {
  /** The source's number in the store: its rows, and their place in the list. */
  number: number;
  /** How many records it holds. */
  count: number;
  errors: LoadError[];
}

/** One slice of the record list, and what the caller needs to stitch slices together. */
export interface LibraryPage {
  /** Summaries `start` … `start + records.length - 1` of the list. */
  records: RecordSummary[];
  /** Every error entry (they are few: capped per file). */
  errors: LoadError[];
  start: number;
  /** How many records the whole list holds now. */
  total: number;
  /**
   * Changes whenever the list changes other than by records added at its end (a file opened
   * again, the library cleared, a load into an earlier file). While it stays the same, the
   * pages a caller holds are still right and only the tail is new.
   */
  generation: number;
}

/**
 * The records the user has opened, keyed by id, plus an error entry for every file or record
 * that could not be read. Opening a file again replaces what it gave before.
 *
 * The records themselves live in a `RecordStore` (SQLite in the temp folder): memory holds the
 * error entries and a count per opened file, not the records, so it stays flat however large the
 * files (a 1 GB JSONL is ~700,000 records). `close()` deletes the store's file.
 *
 * Plain Node (no Electron), so the Electron main process, the browser host and the tests all
 * use this same class.
 */
export class RecordLibrary {
  private recordStore: RecordStore | null = null;
  /** In list order: a Map keeps insertion order, and a source set again moves to the end. */
  private readonly sources = new Map<string, LoadedSource>();
  private readonly progressListeners = new Set<(progress: LoadProgress) => void>();
  private total = 0;
  private nextSourceNumber = 1;
  private generation = 0;
  private lastSourceKey: string | null = null;
  private readonly defaultLimits: { maxWholeFileBytes: number; maxStreamBytes: number };
  private readonly options: Required<Omit<RecordLibraryOptions, 'recent' | 'storeDirectory'>> & Pick<RecordLibraryOptions, 'recent' | 'storeDirectory'>;

  constructor(options: RecordLibraryOptions = {}) {
    this.options = {
      maxStreamBytes: 2 * GiB,
      maxWholeFileBytes: 256 * MiB,
      maxLineChars: 64 * MiB,
      maxFolderFiles: 10_000,
      maxErrorsPerFile: 1000,
      chunkBytes: MiB,
      parse: parseRecords,
      createJsonlParser,
      linesPerStep: 16,
      turnMs: 10,
      yieldTurn: nextTurn,
      ...options,
    };
    this.defaultLimits = { maxWholeFileBytes: this.options.maxWholeFileBytes, maxStreamBytes: this.options.maxStreamBytes };
  }

  /**
   * The user's size limit (the `maxFileMb` setting or `--max-file-mb`): with one, it is the
   * largest file opened, JSONL included; `null` goes back to the built-in limits.
   */
  setMaxFileBytes(bytes: number | null): void {
    this.options.maxWholeFileBytes = bytes ?? this.defaultLimits.maxWholeFileBytes;
    this.options.maxStreamBytes = bytes ?? this.defaultLimits.maxStreamBytes;
  }

  /** Subscribes to load progress; returns the unsubscribe function. */
  onProgress(listener: (progress: LoadProgress) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** The on-disk store of the records, opened at first use; the record index reads and annotates its rows. */
  get store(): RecordStore {
    this.recordStore ??= new RecordStore(this.options.storeDirectory === undefined ? {} : { directory: this.options.storeDirectory });
    return this.recordStore;
  }

  /**
   * Summaries of every record and all error entries, in load order. With 100,000 records that is
   * 100,000 objects built for the answer: the record list uses `listPage`.
   */
  list(): LibraryState {
    return { records: this.total === 0 ? [] : this.store.page(0, this.total), errors: this.errors() };
  }

  /**
   * Part of the list: with 100,000 records the whole list is a 25 MB answer, so the renderer
   * fetches it in pages, and while a file loads only the new tail (see `LibraryPage.generation`).
   */
  listPage(start: number, limit: number): LibraryPage {
    const records = this.total === 0 || start >= this.total ? [] : this.store.page(start, limit);
    return { records, errors: this.errors(), start, total: this.total, generation: this.generation };
  }

  /** How many records the list holds. */
  count(): number {
    return this.total;
  }

  /** The list's generation (see `LibraryPage.generation`). */
  listGeneration(): number {
    return this.generation;
  }

  private errors(): LoadError[] {
    const errors: LoadError[] = [];
    for (const source of this.sources.values()) errors.push(...source.errors);
    return errors;
  }

  get(id: string): ReviewRecord | undefined {
    return this.total === 0 ? undefined : this.store.get(id);
  }

  clear(): LibraryState {
    this.recordStore?.clear();
    this.total = 0;
    this.sources.clear();
    this.lastSourceKey = null;
    this.changed();
    return this.list();
  }

  /** Closes the record store and deletes its file; the library is empty after. */
  close(): void {
    this.recordStore?.close();
    this.recordStore = null;
    this.total = 0;
    this.sources.clear();
    this.lastSourceKey = null;
    this.changed();
  }

  /**
   * Opens files and folders (folders recursively). Never throws: a missing path, a binary or
   * oversize file and every record that fails to parse become error entries; the rest loads.
   * `remember: false` keeps the paths out of the recent list (the bundled sample).
   */
  async openPaths(paths: readonly string[], format?: RecordFormat, options: { remember?: boolean } = {}): Promise<LibraryState> {
    const absolute = paths.map((path) => resolve(path));
    const files: string[] = [];
    for (const path of absolute) {
      let info;
      try {
        info = await stat(path);
      } catch (error) {
        this.replaceSource(path, [], [fileSystemError(path, error)]);
        continue;
      }
      if (info.isDirectory()) await this.openFolder(path, format);
      else files.push(path);
    }
    await this.openFileList(files, format);
    if (options.remember !== false) this.options.recent?.addRecent(absolute);
    return this.list();
  }

  /**
   * Texts the renderer holds, picked together: WMT siblings among them (`x_en.txt` with
   * `x_zh.txt`) load as one source of bilingual records, as when they are opened by path; the
   * rest as `importText` loads each.
   */
  importTexts(files: readonly { name: string; text: string }[], format?: RecordFormat): LibraryState {
    const byName = new Map(files.map((file) => [file.name, file.text]));
    const { pairs, unpaired } = format === undefined || format === 'wmt' ? pairWmtFiles([...byName.keys()]) : { pairs: [], unpaired: [...byName.keys()] };
    for (const { en, zh } of pairs) {
      const texts = [byName.get(en) ?? '', byName.get(zh) ?? ''] as const;
      const usable = texts.every((text, side) => this.refusal([en, zh][side]!, text) === null);
      if (!usable || !this.loadWmtPair(en, zh, [strip(texts[0]), strip(texts[1])], format)) unpaired.push(en, zh);
    }
    for (const name of unpaired) this.importText(name, byName.get(name) ?? '', format);
    return this.list();
  }

  /** Parses text the renderer already holds (a file dropped in the browser host, a paste). */
  importText(name: string, text: string, format?: RecordFormat): LibraryState {
    const refusal = this.refusal(name, text);
    if (refusal !== null) {
      this.replaceSource(name, [], [refusal]);
      this.emit({ file: name, bytesRead: text.length, totalBytes: text.length, records: 0, errors: 1, done: true });
      return this.list();
    }
    const result = this.safeParse(strip(text), { file: name, ...(format ? { format } : {}) });
    this.replaceSource(name, result.records, this.capErrors(name, result.errors));
    this.emit({ file: name, bytesRead: text.length, totalBytes: text.length, records: result.records.length, errors: result.errors.length, done: true });
    return this.list();
  }

  /**
   * Why text sent by the renderer is refused, or null: the same refusals as a file read from
   * disk, over the size limit or not text at all (the renderer sends a binary file as it decoded
   * it, NULs and all, so the reason is given here).
   */
  private refusal(name: string, text: string): LoadError | null {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > this.options.maxWholeFileBytes) return fileTooLargeError(name, bytes.length, this.options.maxWholeFileBytes);
    const decoded = decodeBytes(bytes, name, { maxBytes: Number.POSITIVE_INFINITY });
    return 'error' in decoded ? notTextError(name, decoded.error) : null;
  }

  private async openFolder(folder: string, format?: RecordFormat): Promise<void> {
    const files: string[] = [];
    const errors: LoadError[] = [];
    await this.collectFiles(folder, files, errors, 0);
    files.sort((a, b) => a.localeCompare(b));
    if (files.length > this.options.maxFolderFiles) {
      errors.push(tooManyFilesError(folder, files.length, this.options.maxFolderFiles));
      files.length = this.options.maxFolderFiles;
    }
    if (errors.length > 0) this.replaceSource(folder, [], errors);
    if (files.length === 0 && errors.length === 0) {
      this.replaceSource(folder, [], [noRecordFilesError(folder)]);
    }
    await this.openFileList(files, format);
  }

  /**
   * Opens files one by one, except WMT siblings (`x_en.txt` beside `x_zh.txt`): the WMT format
   * keeps each language in its own file, so only the two together make bilingual records. A
   * sibling pair whose content is not WMT (two page dumps that happen to be named `_en`/`_zh`)
   * opens as two ordinary files.
   */
  private async openFileList(files: readonly string[], format?: RecordFormat): Promise<void> {
    const { pairs, unpaired } = format === undefined || format === 'wmt' ? pairWmtFiles(files) : { pairs: [], unpaired: [...files] };
    for (const pair of pairs) {
      if (!(await this.openWmtPair(pair.en, pair.zh, format))) unpaired.push(pair.en, pair.zh);
    }
    for (const file of unpaired) {
      try {
        await this.openFile(file, (await stat(file)).size, format);
      } catch (error) {
        this.replaceSource(file, [], [fileSystemError(file, error)]);
      }
    }
  }

  /** Reads both sides and, when both hold WMT lines (or the user chose WMT), loads them as one source; false otherwise. */
  private async openWmtPair(en: string, zh: string, format?: RecordFormat): Promise<boolean> {
    let texts: [string, string];
    try {
      const sizes = [(await stat(en)).size, (await stat(zh)).size];
      if (sizes.some((size) => size > this.options.maxWholeFileBytes)) return false;
      const decoded = [decodeBytes(await readFileBytes(en), en, { maxBytes: this.options.maxWholeFileBytes }), decodeBytes(await readFileBytes(zh), zh, { maxBytes: this.options.maxWholeFileBytes })];
      const [enText, zhText] = decoded.map((result) => ('error' in result ? null : result.text));
      if (enText === null || enText === undefined || zhText === null || zhText === undefined) return false;
      texts = [enText, zhText];
    } catch {
      return false;
    }
    return this.loadWmtPair(en, zh, texts, format);
  }

  /** Loads two WMT texts as one source when both hold WMT lines (or the user chose WMT); false otherwise. */
  private loadWmtPair(en: string, zh: string, texts: readonly [string, string], format?: RecordFormat): boolean {
    if (format !== 'wmt' && !(looksLikeWmt(texts[0]) && looksLikeWmt(texts[1]))) return false;
    const result = this.guard(en, () => parseWmtPair(texts[0], texts[1], { enFile: en, zhFile: zh }));
    // The Chinese file may have been opened alone before; its English-less records go.
    if (this.sources.has(zh)) this.replaceSource(zh, [], []);
    this.replaceSource(en, result.records, this.capErrors(en, result.errors));
    const bytes = texts[0].length + texts[1].length;
    this.emit({ file: en, bytesRead: bytes, totalBytes: bytes, records: result.records.length, errors: result.errors.length, done: true });
    return true;
  }

  private async collectFiles(folder: string, files: string[], errors: LoadError[], depth: number): Promise<void> {
    if (depth > 32 || files.length > this.options.maxFolderFiles) return;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      errors.push(fileSystemError(folder, error));
      return;
    }
    for (const entry of entries) {
      // Hidden files and folders (.git, .DS_Store, editor swap files) are never records.
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      // Symlinked folders are not followed: a link back up the tree would loop.
      if (entry.isDirectory()) await this.collectFiles(path, files, errors, depth + 1);
      else if ((entry.isFile() || entry.isSymbolicLink()) && RECORD_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  }

  private async openFile(file: string, size: number, format?: RecordFormat): Promise<void> {
    const streamed = format === 'jsonl' || (format === undefined && LINE_STREAMED_EXTENSIONS.has(extname(file).toLowerCase()));
    const limit = streamed ? this.options.maxStreamBytes : this.options.maxWholeFileBytes;
    if (size > limit) {
      // The hint only while JSONL really may be larger (not under a user's limit, which covers all files).
      this.replaceSource(file, [], [fileTooLargeError(file, size, limit, !streamed && this.options.maxStreamBytes > limit)]);
      this.emit({ file, bytesRead: 0, totalBytes: size, records: 0, errors: 1, done: true });
      return;
    }
    const progress = this.progressReporter(file, size);
    const records: ReviewRecord[] = [];
    const errors: LoadError[] = [];
    let dropped = 0;
    let published = 0;
    progress.count(() => [published, errors.length + dropped]);
    if (!streamed) {
      try {
        this.readWhole(file, await readFileBytes(file, progress.bytes, this.options.chunkBytes), format, records, errors);
      } catch (error) {
        records.length = 0;
        errors.length = 0;
        errors.push(readFailure(file, error));
      }
      this.replaceSource(file, records, this.capErrors(file, errors, dropped));
      progress.done(records.length, errors.length);
      return;
    }
    // A JSONL file joins the list record by record as it parses, so the first record can be shown
    // while the rest of a 100,000-record file is still being read.
    this.replaceSource(file, [], []);
    const publish = (parsed: ReviewRecord[]): void => {
      this.appendToSource(file, parsed);
      published += parsed.length;
    };
    try {
      dropped = await this.readLineStreamed(file, publish, errors, progress.bytes);
    } catch (error) {
      this.replaceSource(file, [], []);
      published = 0;
      errors.length = 0;
      dropped = 0;
      errors.push(readFailure(file, error));
    }
    const source = this.sources.get(file);
    if (source) source.errors = this.capErrors(file, errors, dropped);
    progress.done(published, errors.length + dropped);
  }

  /** Formats parsed in one piece (JSON, TMX, XLIFF, TSV/CSV, page text): decode, then parse. */
  private readWhole(file: string, bytes: Uint8Array, format: RecordFormat | undefined, records: ReviewRecord[], errors: LoadError[]): void {
    const decoded = decodeBytes(bytes, file, { maxBytes: this.options.maxWholeFileBytes });
    if ('error' in decoded) {
      errors.push(decoded.error);
      return;
    }
    // A few bad bytes were replaced: the file still opens, and the entry says why some text shows �.
    const warning = decodeWarningError(file, decoded);
    if (warning) errors.push(warning);
    const result = this.safeParse(decoded.text, { file, ...(format ? { format } : {}) });
    records.push(...result.records);
    errors.push(...result.errors);
  }

  /**
   * JSONL through the shared streaming parser, one read chunk at a time: memory holds a chunk
   * and its lines, not the file. We split lines ourselves (to skip overlong ones and to know
   * each line's offset) and hand the parser whole lines, blank placeholders included, so its
   * line count stays ours and each result can be placed by its line number.
   */
  private async readLineStreamed(file: string, publish: (records: ReviewRecord[]) => void, errors: LoadError[], onBytes: (bytes: number) => void): Promise<number> {
    let dropped = 0;
    const parser = this.options.createJsonlParser({ file, format: 'jsonl' });
    const splitter = new LineSplitter(this.options.maxLineChars);
    const keepError = (error: LoadError): void => {
      // Past the cap only count: a file of a million bad lines must not hold a million entries.
      if (errors.length < this.options.maxErrorsPerFile) errors.push(error);
      else dropped += 1;
    };
    const feed = (lines: Line[], skipped: SkippedLine[]): void => {
      // Overlong lines go to the parser as empty ones, so the batch stays contiguous in numbering.
      let batch = lines;
      if (skipped.length > 0) {
        for (const line of skipped) {
          keepError(lineTooLongError(file, line, this.options.maxLineChars));
        }
        batch = [...lines, ...skipped.map((line) => ({ ...line, text: '' }))].sort((a, b) => a.number - b.number);
      }
      const first = batch[0];
      if (!first) return;
      // A lone CR inside a line would be a line break to the parser's splitter but not to ours;
      // raw CR is only legal as JSON whitespace, so a space means the same and keeps counts in step.
      let text = '';
      for (const line of batch) text += `${line.text.includes('\r') ? line.text.replaceAll('\r', ' ') : line.text}\n`;
      const result = this.guard(file, () => parser.push(text));
      const place = (source: LoadError['source']): LoadError['source'] => {
        const offset = source.line === undefined ? undefined : batch[source.line - first.number]?.offset;
        return offset === undefined ? { ...source, file } : { ...source, file, offset };
      };
      publish(result.records.map((record) => ({ ...record, source: place(record.source) })));
      for (const error of result.errors) keepError({ ...error, source: place(error.source) });
    };
    let bytesRead = 0;
    let turnStarted = performance.now();
    const countBytes = (bytes: number): void => {
      bytesRead = bytes;
    };
    for await (const chunk of readTextChunks(file, countBytes, this.options.chunkBytes)) {
      const { lines, skipped } = splitter.push(chunk);
      // Waiting for the chunk was a turn of the event loop.
      turnStarted = performance.now();
      // A 1 MB chunk is ~300 site records and up to a second of parsing on a slow machine: parse
      // it a few lines at a time, and give the event loop a turn every `turnMs`.
      const step = this.options.linesPerStep;
      for (let at = 0; at < lines.length; at += step) {
        if (performance.now() - turnStarted >= this.options.turnMs) {
          await this.options.yieldTurn();
          turnStarted = performance.now();
        }
        feed(lines.slice(at, at + step), at + step >= lines.length ? skipped : []);
        onBytes(bytesRead);
      }
      if (lines.length === 0) feed([], skipped);
      onBytes(bytesRead);
    }
    feed(splitter.end(), []);
    const rest = this.guard(file, () => parser.end());
    publish(rest.records);
    for (const error of rest.errors) keepError(error);
    return dropped;
  }

  private guard(file: string, parse: () => ParseResult): ParseResult {
    try {
      return parse();
    } catch (error) {
      return { records: [], errors: [parserCrashedError(file, error)] };
    }
  }

  /** The parsers promise never to throw; if one does anyway, the file still becomes an error entry. */
  private safeParse(text: string, options: ParseOptions): ParseResult {
    return this.guard(options.file, () => this.options.parse(text, options));
  }

  private capErrors(file: string, errors: LoadError[], alreadyDropped = 0): LoadError[] {
    const max = this.options.maxErrorsPerFile;
    const more = Math.max(0, errors.length - max) + alreadyDropped;
    if (more === 0) return errors;
    const kept = errors.slice(0, max);
    kept.push(moreErrorsEntry(file, more));
    return kept;
  }

  /** Replaces what `key` loaded before; ids that collide with another file's get a `#2`, `#3` … suffix. */
  private replaceSource(key: string, records: ReviewRecord[], errors: LoadError[]): void {
    const previous = this.sources.get(key);
    if (previous) {
      if (previous.count > 0) this.store.deleteSource(previous.number);
      this.total -= previous.count;
      this.sources.delete(key);
    }
    this.changed();
    // A Map keeps insertion order, so the source set last is the list's end; its new number puts its rows there too.
    this.sources.set(key, { number: this.nextSourceNumber++, count: 0, errors });
    this.lastSourceKey = key;
    this.appendToSource(key, records);
  }

  /**
   * Adds records to the end of `key`'s source. When that source is the last one, the list only
   * grows at its end: the summaries are extended and pages already fetched stay valid.
   */
  private appendToSource(key: string, records: readonly ReviewRecord[]): void {
    const source = this.sources.get(key);
    if (!source || records.length === 0) return;
    if (this.lastSourceKey !== key) this.changed();
    const added = this.store.insert(source.number, records);
    source.count += added;
    this.total += added;
  }

  private changed(): void {
    this.generation += 1;
  }

  /** Progress at most every 64 KiB-or-100 ms step, plus a final `done` event. */
  private progressReporter(file: string, totalBytes: number): {
    bytes: (read: number) => void;
    count: (counter: () => [number, number]) => void;
    done: (records: number, errors: number) => void;
  } {
    let lastTime = 0;
    let lastBytes = 0;
    let counter = (): [number, number] => [0, 0];
    this.emit({ file, bytesRead: 0, totalBytes, records: 0, errors: 0, done: false });
    return {
      bytes: (read) => {
        const now = Date.now();
        if (read - lastBytes < 64 * 1024 && now - lastTime < 100) return;
        lastTime = now;
        lastBytes = read;
        const [records, errors] = counter();
        this.emit({ file, bytesRead: read, totalBytes, records, errors, done: false });
      },
      count: (next) => {
        counter = next;
      },
      done: (records, errors) => this.emit({ file, bytesRead: totalBytes, totalBytes, records, errors, done: true }),
    };
  }

  private emit(progress: LoadProgress): void {
    for (const listener of this.progressListeners) {
      try {
        listener(progress);
      } catch {
        // A broken listener (a closed window) must not abort the load.
      }
    }
  }
}

/** Text without its byte-order mark. */
function strip(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
