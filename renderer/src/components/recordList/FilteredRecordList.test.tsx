// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/i18n.ts';
import { FilteredRecordList } from './FilteredRecordList.tsx';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
});
afterEach(cleanup);

const ids = Array.from({ length: 30 }, (_, index) => `record-${index}`);

/** The list with its selection held here, noting the list's scroll position when each choice is made. */
function Harness({ scrollAtChoice }: { scrollAtChoice: number[] }) {
  const [selected, setSelected] = useState(0);
  return (
    <FilteredRecordList
      ids={ids}
      rowOf={() => ({ summary: undefined, row: undefined })}
      selectedIndex={selected}
      onSelect={(id) => {
        scrollAtChoice.push(screen.getByRole('listbox').scrollTop);
        setSelected(ids.indexOf(id));
      }}
      label="Records"
      onRangeChange={() => {}}
    />
  );
}

describe('FilteredRecordList', () => {
  it('scrolls the chosen row into view once the choice is drawn, not while the key is handled', () => {
    const scrollAtChoice: number[] = [];
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <Harness scrollAtChoice={scrollAtChoice} />
      </I18nextProvider>,
    );
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'End' });
    expect(scrollAtChoice).toEqual([0]);
    expect(list.scrollTop).toBeGreaterThan(0);
    expect(list.getAttribute('aria-activedescendant')).toMatch(/-option-29$/);
    // The browser reports the scroll with an event, which jsdom does not send by itself.
    fireEvent.scroll(list);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(list.scrollTop).toBe(0);
  });
});
