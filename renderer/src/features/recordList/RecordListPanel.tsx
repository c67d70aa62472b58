import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordSummary } from '../../../../shared/contract/channels.ts';
import { FilteredRecordList } from '../../components/recordList/FilteredRecordList.tsx';
import { noFilter, RecordFilterBar, type RecordFilterChoice } from '../../components/recordList/RecordFilterBar.tsx';
import { useRecordPrefetch } from '../record/useRecordPrefetch.ts';
import { indexNear } from './indexNear.ts';
import { useRecordQuery } from './useRecordQuery.ts';

export interface RecordListPanelProps {
  /** The library's list (summaries in load order), as `useLibrary` holds it. */
  records: readonly RecordSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const searchPauseMs = 250;

/**
 * How many records on, in the direction the user last moved, are fetched and analysed ahead. A
 * record asked for at one key press must be here and analysed by the time the keys reach it: at
 * 100,000 records a fetch can take as long as three or four switches of a held-down arrow key.
 * Stepping on asks for one new record per key whatever the depth, so depth costs only on a turn.
 */
const recordsAhead = 4;

/**
 * The records the arrow keys reach next from `index`, likeliest first: `recordsAhead` on in the
 * direction the user last moved, then one back.
 */
export function nextRecordIds(ids: readonly string[], index: number, direction: 1 | -1): string[] {
  if (index < 0) return [];
  const ahead = Array.from({ length: recordsAhead }, (_, step) => index + (step + 1) * direction);
  return [...ahead, index - direction].flatMap((at) => (at >= 0 && at < ids.length ? [ids[at]!] : []));
}

/** The filter bar and the filtered, virtualised record list with each record's flags and status. */
export function RecordListPanel({ records, selectedId, onSelect }: RecordListPanelProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RecordFilterChoice>(noFilter);
  // What the list shows. Typing waits for a pause: over 100,000 records each search is a few
  // hundred milliseconds of the main side's time, not worth spending on every keystroke.
  const [queried, setQueried] = useState<RecordFilterChoice>(noFilter);
  useEffect(() => {
    const timer = setTimeout(() => setQueried(filter), filter.text === queried.text ? 0 : searchPauseMs);
    return () => clearTimeout(timer);
  }, [filter, queried.text]);
  const view = useRecordQuery(queried, records);
  // The direction of the last move (down at first), so the records ahead are fetched first.
  const [move, setMove] = useState<{ index: number; direction: 1 | -1 }>(() => ({ index: indexNear(view.ids, selectedId, 0), direction: 1 }));
  const selectedIndex = useMemo(() => indexNear(view.ids, selectedId, move.index), [view.ids, selectedId, move.index]);
  if (selectedIndex !== move.index) {
    setMove({ index: selectedIndex, direction: selectedIndex >= 0 && move.index >= 0 && selectedIndex < move.index ? -1 : 1 });
  }
  const { direction } = move;
  const nextIds = useMemo(() => nextRecordIds(view.ids, selectedIndex, direction), [view.ids, selectedIndex, direction]);
  useRecordPrefetch(selectedId, nextIds);
  return (
    <>
      <RecordFilterBar filter={filter} onChange={setFilter} counts={view.counts} shown={view.ids.length} total={view.all} checked={Math.min(view.checked, view.all)} />
      {view.ids.length === 0 && queried !== noFilter ? (
        <p className="record-nav__empty muted">{t('recordList.noMatches')}</p>
      ) : (
        <FilteredRecordList
          ids={view.ids}
          rowOf={view.rowOf}
          selectedIndex={selectedIndex}
          onSelect={onSelect}
          label={t('list.label', { count: view.ids.length })}
          onRangeChange={view.onRangeChange}
        />
      )}
    </>
  );
}
