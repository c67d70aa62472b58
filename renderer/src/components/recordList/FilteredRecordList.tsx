import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RecordSummary } from '../../../../shared/contract/channels.ts';
import type { RecordListRow } from '../../../../shared/contract/recordQuery.ts';
import { baseName } from '../baseName.ts';
import { RecordRowBadges } from './RecordRowBadges.tsx';
import './recordList.css';

export interface FilteredRecordListProps {
  /** The ids of the records the filters let through, in list order. */
  ids: readonly string[];
  /** What is known of a record: its summary (title, file) and, once fetched, its flags and status. */
  rowOf: (id: string) => { summary: RecordSummary | undefined; row: RecordListRow | undefined };
  /** Where the selected record is in `ids` (-1 when it is not there), as the container found it. */
  selectedIndex: number;
  onSelect: (id: string) => void;
  /** Accessible name of the list box. */
  label: string;
  /** The positions in view (overscan included), so the container fetches their flags and statuses. */
  onRangeChange: (start: number, end: number) => void;
}

/** Fixed row height: measuring 100,000 rows would cost more than the two clamped lines save. */
const rowHeight = 60;
const pageSize = 10;
const estimateSize = (): number => rowHeight;

/**
 * Scrolls the list just enough to show row `index`. Rows have one fixed height, so this is
 * arithmetic on the scroll position and height the virtualizer already follows (scroll events, a
 * resize observer); only the write touches the page. The virtualizer's `scrollToIndex`, and
 * reading `scrollTop` here, would each lay out the whole page, new record and all, while the
 * switch is under way: profiled stepping through records, that was most of the main thread's time.
 */
function scrollRowIntoView(list: HTMLElement | null, view: { offset: number; height: number }, index: number): void {
  if (!list) return;
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < view.offset) list.scrollTop = top;
  else if (bottom > view.offset + view.height) list.scrollTop = bottom - view.height;
}

/**
 * The record list as an ARIA list box. Only the rows in view exist in the DOM (issue 6 asks for
 * 100,000 records), so keyboard focus stays on the list box and the selected row is pointed at
 * with `aria-activedescendant`; moving the selection scrolls its row into view first. Every id is
 * known up front, so keys can move to rows whose flags have not been fetched yet.
 */
export function FilteredRecordList({ ids, rowOf, selectedIndex, onSelect, label, onRangeChange }: FilteredRecordListProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const optionId = (index: number) => `${idPrefix}-option-${index}`;

  // The rule warns that the React Compiler would skip this component; we do not use the compiler,
  // and the virtualizer re-renders the list itself when it scrolls. `getItemKey` keeps its identity
  // while the ids do: a new one makes the virtualizer lay out every row again (its positions are
  // memoised on it), which over 100,000 records was milliseconds of every render of the list.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey: useCallback((index: number) => ids[index] ?? index, [ids]),
    overscan: 8,
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  useEffect(() => {
    if (last >= first) onRangeChange(first, last);
  }, [first, last, onRangeChange]);

  // The row to scroll into view once the selection is drawn. Written in the key handler, the
  // scroll position would make the browser lay out the page as it stands (the last record still
  // being drawn), and then again for the new selection; written after the commit, the one layout
  // covers both the list and the new record.
  const pendingScroll = useRef<number | null>(null);
  const scrollIntoViewNow = (index: number) =>
    scrollRowIntoView(scrollRef.current, { offset: virtualizer.scrollOffset ?? 0, height: virtualizer.scrollRect?.height ?? 0 }, index);
  useLayoutEffect(() => {
    const index = pendingScroll.current;
    if (index === null) return;
    pendingScroll.current = null;
    scrollIntoViewNow(index);
  });

  const selectIndex = (index: number) => {
    const clamped = Math.max(0, Math.min(ids.length - 1, index));
    const id = ids[clamped];
    if (id === undefined) return;
    if (clamped === selectedIndex) {
      // Nothing to draw: the row may only have been scrolled out of view.
      scrollIntoViewNow(clamped);
      return;
    }
    pendingScroll.current = clamped;
    onSelect(id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex <= 0 ? 0 : selectedIndex - 1,
      PageDown: selectedIndex + pageSize,
      PageUp: selectedIndex - pageSize,
      Home: 0,
      End: ids.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    selectIndex(target);
  };

  return (
    <div
      ref={scrollRef}
      className="record-list"
      role="listbox"
      aria-label={label}
      tabIndex={0}
      aria-activedescendant={selectedIndex >= 0 ? optionId(selectedIndex) : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="record-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = ids[item.index];
          if (id === undefined) return null;
          const { summary, row } = rowOf(id);
          return (
            <RecordListOption
              key={item.key}
              id={id}
              optionId={optionId(item.index)}
              index={item.index}
              setSize={ids.length}
              start={item.start}
              size={item.size}
              title={summary?.title ?? row?.title ?? id}
              file={summary?.file ?? row?.file ?? ''}
              row={row}
              selected={item.index === selectedIndex}
              onSelect={onSelect}
              t={t}
            />
          );
        })}
      </div>
    </div>
  );
}

interface RecordListOptionProps {
  id: string;
  optionId: string;
  index: number;
  setSize: number;
  start: number;
  size: number;
  title: string;
  file: string;
  row: RecordListRow | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
  t: TFunction;
}

/**
 * One row of the list. Memoised: a switch changes the selection of two rows and a one-row scroll
 * adds one, so the twenty-odd rows in view are not drawn again (with their badges' translations)
 * on every arrow key.
 */
const RecordListOption = memo(function RecordListOption({ id, optionId, index, setSize, start, size, title, file, row, selected, onSelect, t }: RecordListOptionProps) {
  return (
    <div
      id={optionId}
      role="option"
      aria-selected={selected}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      className={selected ? 'record-list__row record-list__row--selected' : 'record-list__row'}
      style={{ height: size, transform: `translateY(${start}px)` }}
      onClick={() => onSelect(id)}
    >
      <span className="record-list__title" lang="en">
        {title}
      </span>
      <span className="record-list__meta">
        <span className="record-list__file">{baseName(file)}</span>
        <RecordRowBadges row={row} t={t} />
      </span>
    </div>
  );
});
