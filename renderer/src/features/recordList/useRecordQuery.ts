import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RecordSummary, RequestOf } from '../../../../shared/contract/channels.ts';
import type { RecordListRow, RecordQueryCounts } from '../../../../shared/contract/recordQuery.ts';
import { useReviewApi } from '../../api/ReviewApiContext.tsx';
import type { RecordFilterChoice } from '../../components/recordList/RecordFilterBar.tsx';

export interface RecordQueryView {
  /** Ids of the records shown, in order. */
  ids: readonly string[];
  rowOf: (id: string) => { summary: RecordSummary | undefined; row: RecordListRow | undefined };
  counts: RecordQueryCounts | null;
  /** Records loaded, and records whose flags are counted. */
  all: number;
  checked: number;
  onRangeChange: (start: number, end: number) => void;
}

/** How often the list asks whether anything changed (flags checked, a status set in the review). */
const pollMs = 1000;
/**
 * At least this many times a poll's round trip passes before the next: while the main side checks
 * a large library each changed answer costs it a pass over every record, and the requests a
 * record switch makes would queue behind those passes.
 */
const pollSpacing = 10;
/** Rows fetched beyond the visible ones, each side, so a short scroll needs no request. */
const margin = 60;

function toRequest(filter: RecordFilterChoice): Omit<RequestOf<'library:query'>, 'offset' | 'limit'> {
  return {
    ...(filter.text.trim() ? { text: filter.text.trim() } : {}),
    ...(filter.kind ? { kinds: [filter.kind] } : {}),
    ...(filter.severity ? { severities: [filter.severity] } : {}),
    ...(filter.status ? { statuses: [filter.status] } : {}),
  };
}

interface Answer {
  key: string;
  stamp: string;
  /** Matching ids when a filter is on; without one the list is the library's own, already held. */
  ids: string[] | null;
  counts: RecordQueryCounts;
  all: number;
  checked: number;
}

/**
 * The record list's data: which records the filters let through (`library:query`), with flags
 * and statuses fetched only for the rows in view. Without a filter the ids are the library's list
 * the app already holds, so loading 100,000 records fills the list as fast as before; the query
 * adds counts and badges. A cheap poll (no rows) notices background checking and status changes
 * made in the review and refetches.
 */
export function useRecordQuery(filter: RecordFilterChoice, libraryRecords: readonly RecordSummary[]): RecordQueryView {
  const api = useReviewApi();
  const request = useMemo(() => toRequest(filter), [filter]);
  const key = JSON.stringify(request);
  const filtering = key !== '{}';
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [rows, setRows] = useState<ReadonlyMap<string, RecordListRow>>(new Map());
  const [version, setVersion] = useState(0);
  const range = useRef({ start: 0, end: 50 });
  const stamp = useRef<string | null>(null);
  const fetching = useRef<string | null>(null);

  const summaries = useMemo(() => new Map(libraryRecords.map((record) => [record.id, record])), [libraryRecords]);
  const ids = useMemo(
    () => (filtering ? (answer?.key === key && answer.ids ? answer.ids : answer?.ids ?? []) : libraryRecords.map((record) => record.id)),
    [filtering, answer, key, libraryRecords],
  );

  // The whole answer again: on a new filter, a load, or a changed stamp.
  useEffect(() => {
    let cancelled = false;
    const { start, end } = range.current;
    const offset = Math.max(0, start - margin);
    fetching.current = null;
    void api.queryRecords({ ...request, offset, limit: Math.min(2000, end + margin - offset + 1), ids: filtering }).then((result) => {
      if (cancelled || !result.ok) return;
      const value = result.value;
      stamp.current = value.stamp;
      setAnswer({ key, stamp: value.stamp, ids: value.ids ?? null, counts: value.counts, all: value.all, checked: value.analysed });
      setRows(new Map(value.rows.map((row) => [row.id, row])));
    });
    return () => {
      cancelled = true;
    };
  }, [api, request, key, filtering, libraryRecords.length, version]);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      const sent = performance.now();
      void api.queryRecords({ ...request, offset: 0, limit: 0 }).then((result) => {
        if (!live) return;
        if (result.ok && result.value.stamp !== stamp.current) setVersion((n) => n + 1);
        timer = setTimeout(poll, Math.max(pollMs, pollSpacing * (performance.now() - sent)));
      });
    };
    timer = setTimeout(poll, pollMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, request]);

  const onRangeChange = useCallback(
    (start: number, end: number) => {
      range.current = { start, end };
      const missing = ids.slice(start, end + 1).some((id) => !rows.has(id));
      const window = `${key}:${Math.max(0, start - margin)}`;
      if (!missing || fetching.current === window) return;
      fetching.current = window;
      const offset = Math.max(0, start - margin);
      // The window stays marked after its answer, so rows the answer lacks are not asked for in a loop.
      void api.queryRecords({ ...request, offset, limit: Math.min(2000, end + margin - offset + 1) }).then((result) => {
        if (!result.ok) return;
        setRows((held) => {
          const next = new Map(held);
          for (const row of result.value.rows) next.set(row.id, row);
          return next;
        });
      });
    },
    [api, request, key, ids, rows],
  );

  const rowOf = useCallback((id: string) => ({ summary: summaries.get(id), row: rows.get(id) }), [summaries, rows]);

  return {
    ids,
    rowOf,
    counts: answer?.counts ?? null,
    all: Math.max(answer?.all ?? 0, libraryRecords.length),
    checked: answer?.checked ?? 0,
    onRangeChange,
  };
}
