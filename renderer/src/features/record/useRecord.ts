import { useEffect, useState } from 'react';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';

export type RecordState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; record: ReviewRecord }
  | { status: 'failed'; error: string };

type Fetched = { id: string; record: ReviewRecord } | { id: string; error: string };

/**
 * Fetches the full record for `id`. A slow answer for a record the user has already moved past
 * is dropped, so fast keyboard scrolling never shows a stale record.
 */
export function useRecord(id: string | null): RecordState {
  const api = useReviewApi();
  const [fetched, setFetched] = useState<Fetched | null>(null);

  useEffect(() => {
    if (id === null) return;
    let live = true;
    void api.getRecord({ id }).then((result) => {
      if (!live) return;
      setFetched(result.ok ? { id, record: result.value } : { id, error: result.error });
    });
    return () => {
      live = false;
    };
  }, [api, id]);

  if (id === null) return { status: 'none' };
  if (!fetched || fetched.id !== id) return { status: 'loading' };
  return 'record' in fetched ? { status: 'ready', record: fetched.record } : { status: 'failed', error: fetched.error };
}
