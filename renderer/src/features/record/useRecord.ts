import { useEffect, useState } from 'react';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import { recordCacheFor } from './recordCache.ts';
import { markSwitchStage } from './switchTiming.ts';

export type RecordState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; record: ReviewRecord }
  | { status: 'failed'; error: string };

type Fetched = { id: string; record: ReviewRecord } | { id: string; error: string };

/**
 * The full record for `id`: at once when the record cache holds it (seen before, or fetched ahead
 * by `useRecordPrefetch`), else fetched. A slow answer for a record the user has already moved
 * past is dropped, so fast keyboard scrolling never shows a stale record.
 */
export function useRecord(id: string | null): RecordState {
  const cache = recordCacheFor(useReviewApi());
  const [fetched, setFetched] = useState<Fetched | null>(null);
  const cached = id === null ? null : cache.peek(id);

  useEffect(() => {
    if (id === null) return;
    if (cache.peek(id)) {
      markSwitchStage('record', id);
      return;
    }
    let live = true;
    void cache.load(id).then((result) => {
      if (!live) return;
      markSwitchStage('record', id);
      setFetched(result.ok ? { id, record: result.value } : { id, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [cache, id]);

  if (id === null) return { status: 'none' };
  if (cached) return { status: 'ready', record: cached };
  if (!fetched || fetched.id !== id) return { status: 'loading' };
  return 'record' in fetched ? { status: 'ready', record: fetched.record } : { status: 'failed', error: fetched.error };
}
