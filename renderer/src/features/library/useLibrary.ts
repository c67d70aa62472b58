import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryState, LoadProgress, RecordSummary } from '../../../../shared/contract/channels.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { decodeBytes } from '../../../../shared/records/decode.ts';
import type { RecordFormat } from '../../../../shared/records/model.ts';
import { pairWmtFiles } from '../../../../shared/records/wmt.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import { baseName } from '../../components/baseName.ts';
import type { Message } from '../../i18n/messageKey.ts';
import { recordCacheFor } from '../record/recordCache.ts';
import { listPageSize, takeFirstListPage } from './firstListPage.ts';

export interface Notice extends Message {
  kind: 'info' | 'error';
}

export interface Library {
  state: LibraryState;
  /** The latest progress event of a load still running, or null. */
  progress: LoadProgress | null;
  /** The last thing worth telling the user (a finished load, a failed import). */
  notice: Notice | null;
  /** Opens files the user picked or dropped; resolves to the ids of records that were not there before. */
  openFiles: (files: File[], format?: RecordFormat) => Promise<string[]>;
  /** Opens files and folders by path on the main side (the path field); resolves like `openFiles`. */
  openPaths: (paths: string[], format?: RecordFormat) => Promise<string[]>;
  openSample: () => Promise<string[]>;
}

const emptyLibrary: LibraryState = { records: [], errors: [] };

/**
 * A picked or dropped file's text for `importText`. `File.text()` reads everything as UTF-8, which
 * turns a UTF-16 file (Excel's "Unicode text") into NULs and mojibake; the shared decoder reads
 * BOMs, UTF-16 and GB18030 as the main side does for files it opens itself. What it refuses (a
 * binary file) is sent as UTF-8 anyway, and the main side's same check makes it an error entry.
 */
function decodeForImport(bytes: Uint8Array, name: string): string {
  const decoded = decodeBytes(bytes, name, { maxBytes: Number.POSITIVE_INFINITY });
  return 'error' in decoded ? new TextDecoder().decode(bytes) : decoded.text;
}

/** The list as last fetched in pages, with the generation the host gave it. */
interface Listed {
  generation: number;
  records: RecordSummary[];
}

/**
 * The loaded records and load errors, kept in step with the main side: fetched at start, and
 * again on every progress event, when a load finishes (progress `done`) and when the menu reports
 * the library changed. The list is fetched in pages and, while a file streams in, only its new
 * tail (same generation), so a 100,000-record load fills the list as it goes and the first record
 * can be read long before the last arrives.
 */
export function useLibrary(): Library {
  const api = useReviewApi();
  const [state, setState] = useState<LibraryState>(emptyLibrary);
  const [progress, setProgress] = useState<LoadProgress | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const known = useRef(new Set<string>());

  const accept = useCallback((result: Result<LibraryState>): string[] => {
    if (!result.ok) {
      setNotice({ kind: 'error', key: 'library.failed', values: { error: result.error } });
      return [];
    }
    const added = result.value.records.filter((record) => !known.current.has(record.id)).map((record) => record.id);
    known.current = new Set(result.value.records.map((record) => record.id));
    // A whole list from openPaths/importText/openSample carries no generation: page afresh next time.
    if (!result.value.page) listed.current = null;
    // The same id may now name another file's record.
    recordCacheFor(api).reset();
    setState(result.value);
    return added;
  }, [api]);

  const listed = useRef<Listed | null>(null);
  const syncing = useRef<Promise<void> | null>(null);
  const syncAgain = useRef(false);

  /** Fetches what the held list lacks: its tail while the generation holds, else every page. */
  const fetchList = useCallback(async () => {
    let held = listed.current;
    for (;;) {
      const start = held?.records.length ?? 0;
      const early = start === 0 ? takeFirstListPage(api) : null;
      const result = await (early ?? api.listRecords({ start, limit: listPageSize }));
      if (!result.ok) {
        setNotice({ kind: 'error', key: 'library.failed', values: { error: result.error } });
        return;
      }
      const { records, errors, page } = result.value;
      // A host that does not page answers with the whole list.
      if (!page) return void accept(result);
      if (held && page.generation !== held.generation) {
        recordCacheFor(api).reset();
        held = null;
        continue;
      }
      const all = held ? held.records.concat(records) : records;
      for (const record of records) known.current.add(record.id);
      if (!held) known.current = new Set(all.map((record) => record.id));
      held = { generation: page.generation, records: all };
      listed.current = held;
      setState({ records: all, errors });
      // The page asked for before the app listened may predate the end of a load whose last
      // event went to no one: its total is not trusted, and the tail is asked for once more.
      if (!early && (records.length === 0 || all.length >= page.total)) return;
    }
  }, [api, accept]);

  /** One fetch at a time; calls that arrive meanwhile fold into one more fetch after it. */
  const refresh = useCallback((): Promise<void> => {
    if (syncing.current) {
      syncAgain.current = true;
      return syncing.current;
    }
    const run = async () => {
      do {
        syncAgain.current = false;
        await fetchList();
      } while (syncAgain.current);
    };
    syncing.current = run().finally(() => {
      syncing.current = null;
    });
    return syncing.current;
  }, [fetchList]);

  useEffect(() => {
    const unsubscribe = api.onLoadProgress((event) => {
      setProgress(event.done ? null : event);
      if (event.done) setNotice({ kind: 'info', key: 'progress.done', values: { file: baseName(event.file), records: event.records, errors: event.errors } });
      void refresh();
    });
    // Fetched once listening, so that no load can end unseen between the fetch and the listening.
    void refresh();
    return unsubscribe;
  }, [api, refresh]);

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command.type === 'library-changed') void refresh();
      }),
    [api, refresh],
  );

  const openFiles = useCallback(
    async (files: File[], format?: RecordFormat) => {
      const added: string[] = [];
      const chosen = format ? { format } : {};
      // In Electron a picked or dropped file has a path: main then streams it (large files, progress).
      // In the browser host there are no paths, so the text is read here and sent.
      const paths = files.map((file) => api.pathForFile(file));
      const withPath = paths.filter((path): path is string => path !== null);
      if (withPath.length > 0) added.push(...accept(await api.openPaths({ paths: withPath, ...chosen })));
      const read = async (file: File): Promise<string | null> => {
        setNotice({ kind: 'info', key: 'import.reading', values: { file: file.name } });
        try {
          return decodeForImport(new Uint8Array(await file.arrayBuffer()), file.name);
        } catch (error) {
          setNotice({ kind: 'error', key: 'import.failed', values: { file: file.name, error: String(error) } });
          return null;
        }
      };
      const send = async (name: string, request: () => Promise<Result<LibraryState>>) => {
        const result = await request();
        if (!result.ok) return setNotice({ kind: 'error', key: 'import.failed', values: { file: name, error: result.error } });
        added.push(...accept(result));
        const fileErrors = result.value.errors.filter((error) => error.source.file === name).length;
        const fileRecords = result.value.records.filter((record) => record.file === name).length;
        setNotice({ kind: 'info', key: 'progress.done', values: { file: name, records: fileRecords, errors: fileErrors } });
      };
      const pathless = files.filter((_, index) => paths[index] === null);
      // WMT siblings (`x_en.txt` with `x_zh.txt`) go in one request, so the main side can pair them into bilingual records.
      const { pairs } = format === undefined || format === 'wmt' ? pairWmtFiles(pathless.map((file) => file.name)) : { pairs: [] };
      const paired = new Set(pairs.flatMap((pair) => [pair.en, pair.zh]));
      for (const pair of pairs) {
        const [en, zh] = [pathless.find((file) => file.name === pair.en)!, pathless.find((file) => file.name === pair.zh)!];
        const [enText, zhText] = [await read(en), await read(zh)];
        if (enText === null || zhText === null) continue;
        await send(en.name, () => api.importTexts({ files: [{ name: en.name, text: enText }, { name: zh.name, text: zhText }], ...chosen }));
      }
      for (const file of pathless) {
        if (paired.has(file.name)) continue;
        const text = await read(file);
        if (text !== null) await send(file.name, () => api.importText({ name: file.name, text, ...chosen }));
      }
      return added;
    },
    [api, accept],
  );

  const openPaths = useCallback(async (paths: string[], format?: RecordFormat) => accept(await api.openPaths({ paths, ...(format ? { format } : {}) })), [api, accept]);

  const openSample = useCallback(async () => accept(await api.openSample({})), [api, accept]);

  return { state, progress, notice, openFiles, openPaths, openSample };
}
