import { useEffect } from 'react';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import { useCheckGlossary } from '../glossary/GlossaryContext.tsx';
import { automaticAlignmentOf, reviewSessionStoreFor } from '../review/reviewSessionStore.ts';
import { useAnalysisCache } from '../review/useRecordAnalysis.ts';
import { recordCacheFor } from './recordCache.ts';

/**
 * Gets the records the user is likely to open next (`nextIds`, likeliest first: the ones the arrow
 * keys go to) ready before they are chosen: fetched (with their stored review and corpus findings,
 * one request each), analysed in the worker when it is idle, and their review read into the
 * session, so switching to one needs no request and no wait. The shown record's
 * own request goes first; a new selection replaces the list, so records passed by are dropped.
 */
export function useRecordPrefetch(shownId: string | null, nextIds: readonly string[]): void {
  const api = useReviewApi();
  const records = recordCacheFor(api);
  const analyses = useAnalysisCache();
  const glossary = useCheckGlossary();
  const key = nextIds.join('\n');

  useEffect(() => {
    if (shownId === null || key === '') return;
    let live = true;
    const store = reviewSessionStoreFor(api);
    void (async () => {
      const shown = await records.load(shownId);
      if (!live) return;
      const ids = key.split('\n');
      const fetched = await Promise.all(ids.map((id) => records.load(id)));
      if (!live) return;
      // The shown record heads the list: if the view has not asked for its analysis yet, it is
      // still analysed first (and the view's request joins that run).
      const ready = [shown, ...fetched].flatMap((result) => (result.ok ? [result.value] : []));
      analyses.prefetch(ready, glossary, (record, analysis) => void store.load(record.id, automaticAlignmentOf(analysis.alignment)));
    })();
    return () => {
      live = false;
    };
  }, [api, records, analyses, glossary, shownId, key]);
}
