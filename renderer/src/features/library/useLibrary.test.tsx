// @vitest-environment jsdom
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestOf } from '../../../../shared/contract/channels.ts';
import { ok } from '../../../../shared/contract/result.ts';
import { ReviewApiProvider } from '../../api/ReviewApiContext.tsx';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';
import { askFirstListPage } from './firstListPage.ts';
import { useLibrary } from './useLibrary.ts';

afterEach(cleanup);

const summaryOf = (record: typeof mdmaRecord) => ({ id: record.id, title: record.en.title, titleZh: record.zh?.title ?? null, file: record.source.file, format: record.format });

describe('useLibrary', () => {
  it('lists what a load added after the first page even when its "done" came before the app listened', async () => {
    // A host that pages, loading a file: one record when the first page is asked, two at the end.
    const loaded = [summaryOf(mdmaRecord)];
    const api = createFakeReviewApi({ records: [mdmaRecord, secondRecord] });
    api.listRecords = async ({ start = 0, limit = loaded.length }: RequestOf<'library:list'>) =>
      ok({ records: loaded.slice(start, start + limit), errors: [], page: { start, total: loaded.length, generation: 1 } });
    // main.tsx asks for the first page before the app renders; the load then ends, and its last
    // progress event goes out while nothing listens yet.
    askFirstListPage(api);
    await Promise.resolve();
    loaded.push(summaryOf(secondRecord));
    api.emitProgress({ file: 'a.jsonl', bytesRead: 10, totalBytes: 10, records: 2, errors: 0, done: true });

    const wrapper = ({ children }: { children: ReactNode }) => <ReviewApiProvider api={api}>{children}</ReviewApiProvider>;
    const { result } = renderHook(() => useLibrary(), { wrapper });
    await waitFor(() => expect(result.current.state.records.map((record) => record.id)).toEqual([mdmaRecord.id, secondRecord.id]));
  });
});
