import { useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RecordSummary } from '../../../shared/contract/channels.ts';
import { baseName } from './baseName.ts';

export interface RecordListProps {
  records: RecordSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Accessible name of the list box. */
  label: string;
}

/** Fixed row height: measuring 100,000 rows would cost more than the two clamped lines save. */
const rowHeight = 60;
const pageSize = 10;

/**
 * The record list as an ARIA list box. Only the rows in view exist in the DOM (issue 6 asks for
 * 100,000 records), so keyboard focus stays on the list box and the selected row is pointed at
 * with `aria-activedescendant`; moving the selection scrolls its row into view first.
 */
export function RecordList({ records, selectedId, onSelect, label }: RecordListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const idPrefix = useId();
  const optionId = (index: number) => `${idPrefix}-option-${index}`;

  // The rule warns that the React Compiler would skip this component; we do not use the compiler,
  // and the virtualizer re-renders the list itself when it scrolls.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: records.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => records[index]?.id ?? index,
    overscan: 8,
  });

  const selectedIndex = useMemo(
    () => (selectedId === null ? -1 : records.findIndex((record) => record.id === selectedId)),
    [records, selectedId],
  );

  const selectIndex = (index: number) => {
    const clamped = Math.max(0, Math.min(records.length - 1, index));
    const record = records[clamped];
    if (!record) return;
    virtualizer.scrollToIndex(clamped, { align: 'auto' });
    onSelect(record.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, number> = {
      ArrowDown: selectedIndex + 1,
      ArrowUp: selectedIndex <= 0 ? 0 : selectedIndex - 1,
      PageDown: selectedIndex + pageSize,
      PageUp: selectedIndex - pageSize,
      Home: 0,
      End: records.length - 1,
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
        {virtualizer.getVirtualItems().map((item) => {
          const record = records[item.index];
          if (!record) return null;
          const selected = item.index === selectedIndex;
          return (
            <div
              key={item.key}
              id={optionId(item.index)}
              role="option"
              aria-selected={selected}
              aria-posinset={item.index + 1}
              aria-setsize={records.length}
              className={selected ? 'record-list__row record-list__row--selected' : 'record-list__row'}
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
              onClick={() => onSelect(record.id)}
            >
              <span className="record-list__title" lang="en">
                {record.title}
              </span>
              <span className="record-list__file">{baseName(record.file)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
