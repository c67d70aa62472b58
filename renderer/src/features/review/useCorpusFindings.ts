import { useEffect, useState } from 'react';
import type { Finding } from '../../../../shared/checks/types.ts';
import { findingKey } from '../../../../shared/annotations/model.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import { recordCacheFor } from '../record/recordCache.ts';

/** How often to ask again while the main side is still checking the library. */
const RETRY_MS = 1000;

/**
 * The corpus-wide findings about one record (a term rendered otherwise than in most loaded
 * records), from the main side's background check. Until that check completes the answer is
 * empty and incomplete, so the hook asks again until it is complete; the record's own findings
 * show meanwhile.
 */
export function useCorpusFindings(recordId: string): readonly Finding[] {
  const api = useReviewApi();
  const records = recordCacheFor(api);
  const [answer, setAnswer] = useState<{ recordId: string; findings: readonly Finding[] } | null>(null);
  // Fetched with the record (`library:recordForReview`): complete, that answer stands and nothing
  // is asked; incomplete, it shows until the next ask.
  const fetched = records.corpusFindings(recordId);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      void api.corpusFindings({ id: recordId }).then((result) => {
        if (!live || !result.ok) return;
        setAnswer({ recordId, findings: result.value.findings });
        if (!result.value.complete) timer = setTimeout(ask, RETRY_MS);
      });
    };
    const held = records.corpusFindings(recordId);
    if (!held) ask();
    else if (!held.complete) timer = setTimeout(ask, RETRY_MS);
    return () => {
      live = false;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, records, recordId]);

  if (answer?.recordId === recordId) return answer.findings;
  return fetched && fetched.findings.length > 0 ? fetched.findings : NONE;
}

const NONE: readonly Finding[] = [];

/** The record's own findings, then the corpus ones not already among them (same flag key). */
export function mergeFindings(own: readonly Finding[], corpus: readonly Finding[]): readonly Finding[] {
  if (corpus.length === 0) return own;
  const seen = new Set(own.map(findingKey));
  const extra = corpus.filter((finding) => {
    const key = findingKey(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return extra.length === 0 ? own : [...own, ...extra];
}
