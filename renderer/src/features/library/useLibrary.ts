import { useCallback, useEffect, useRef, useState } from 'react';
import type { LibraryState, LoadProgress } from '../../../../shared/contract/channels.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import { baseName } from '../../components/baseName.ts';
import type { Message } from '../../i18n/messageKey.ts';

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
  openFiles: (files: File[]) => Promise<string[]>;
  openSample: () => Promise<string[]>;
}

const emptyLibrary: LibraryState = { records: [], errors: [] };

/**
 * The loaded records and load errors, kept in step with the main side: fetched at start, refreshed
 * when a load finishes (progress `done`) or the menu reports the library changed.
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
    setState(result.value);
    return added;
  }, []);

  const refresh = useCallback(async () => accept(await api.listRecords({})), [api, accept]);

  useEffect(() => {
    void api.listRecords({}).then(accept);
  }, [api, accept]);

  useEffect(
    () =>
      api.onLoadProgress((event) => {
        setProgress(event.done ? null : event);
        if (event.done) {
          setNotice({ kind: 'info', key: 'progress.done', values: { file: baseName(event.file), records: event.records, errors: event.errors } });
          void refresh();
        }
      }),
    [api, refresh],
  );

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command.type === 'library-changed') void refresh();
      }),
    [api, refresh],
  );

  const openFiles = useCallback(
    async (files: File[]) => {
      const added: string[] = [];
      // In Electron a picked or dropped file has a path: main then streams it (large files, progress).
      // In the browser host there are no paths, so the text is read here and sent.
      const paths = files.map((file) => api.pathForFile(file));
      const withPath = paths.filter((path): path is string => path !== null);
      if (withPath.length > 0) added.push(...accept(await api.openPaths({ paths: withPath })));
      for (const [index, file] of files.entries()) {
        if (paths[index] !== null) continue;
        setNotice({ kind: 'info', key: 'import.reading', values: { file: file.name } });
        let text: string;
        try {
          text = await file.text();
        } catch (error) {
          setNotice({ kind: 'error', key: 'import.failed', values: { file: file.name, error: String(error) } });
          continue;
        }
        const result = await api.importText({ name: file.name, text });
        if (!result.ok) {
          setNotice({ kind: 'error', key: 'import.failed', values: { file: file.name, error: result.error } });
          continue;
        }
        added.push(...accept(result));
        const fileErrors = result.value.errors.filter((error) => error.source.file === file.name).length;
        const fileRecords = result.value.records.filter((record) => record.file === file.name).length;
        setNotice({ kind: 'info', key: 'progress.done', values: { file: file.name, records: fileRecords, errors: fileErrors } });
      }
      return added;
    },
    [api, accept],
  );

  const openSample = useCallback(async () => accept(await api.openSample({})), [api, accept]);

  return { state, progress, notice, openFiles, openSample };
}
