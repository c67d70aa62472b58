import { useEffect } from 'react';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import type { RecordAnalysis } from '../../workers/analysisTypes.ts';
import { useCheckGlossary } from '../glossary/GlossaryContext.tsx';
import { automaticAlignmentOf, reviewSessionStoreFor } from '../review/reviewSessionStore.ts';
import { useAnalysisCache } from '../review/useRecordAnalysis.ts';
import { recordCacheFor } from './recordCache.ts';

/**
 * Gets the records the user is likely to open next (`nextIds`, likeliest first: the ones the arrow
 * keys go to) ready before they are chosen: fetched (with their stored review and corpus findings,
 * one request each), analysed in the worker when it is idle, and their review read into the
 * session, so switching to one needs no request and no wait. The shown record's own request goes
 * first; a new selection replaces the list, so records passed by are dropped.
 *
 * Each record is handed to the analyzer as soon as it is here, not once all have come: the next
 * record is usually fetched already (it was ahead of the last selection too) and only the one
 * beyond it is asked for, so its analysis starts at once instead of a round trip later. Stepping
 * through records, that head start is what lets the next one be analysed before its key is pressed.
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
    const onAnalysed = (record: ReviewRecord, { alignment }: RecordAnalysis) => void store.load(record.id, automaticAlignmentOf(alignment));
    // The shown record heads the list: if the view has not asked for its analysis yet, it is
    // still analysed first (and the view's request joins that run).
    const ids = [shownId, ...key.split('\n')];
    const here = new Map<string, ReviewRecord>();
    const analyseThoseHere = () => {
      const ready = ids.flatMap((id) => here.get(id) ?? []);
      if (ready.length > 0) analyses.prefetch(ready, glossary, onAnalysed);
    };
    const fetch = (id: string) =>
      records.load(id).then((result) => {
        if (!live || !result.ok || here.has(id)) return;
        here.set(id, result.value);
        analyseThoseHere();
      });
    for (const id of ids) {
      const held = records.peek(id);
      if (held) here.set(id, held);
    }
    analyseThoseHere();
    void (async () => {
      await fetch(shownId);
      if (live) for (const id of ids.slice(1)) void fetch(id);
    })();
    return () => {
      live = false;
    };
  }, [api, records, analyses, glossary, shownId, key]);
}
