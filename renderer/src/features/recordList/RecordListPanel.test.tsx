// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { countFlags } from '../../../../shared/review/recordQuery.ts';
import { AppRoot } from '../../AppRoot.tsx';
import { nextRecordIds } from './RecordListPanel.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
});
afterEach(cleanup);

const sleepRecord: ReviewRecord = { ...secondRecord, zh: { ...mdmaRecord.zh!, title: '青少年的睡眠时长与血压。', abstract: '背景：睡眠时长。' } };
const flags: Record<string, ReturnType<typeof countFlags>> = {
  [mdmaRecord.id]: countFlags([
    { kind: 'section-missing', severity: 'major' },
    { kind: 'section-missing', severity: 'major' },
    { kind: 'term-inconsistency', severity: 'minor' },
  ]),
  [sleepRecord.id]: countFlags([{ kind: 'number-mismatch', severity: 'critical' }]),
};

function renderApp(language: 'en' | 'zh-CN' = 'en') {
  const api = createFakeReviewApi({ records: [mdmaRecord, sleepRecord], flags: (record) => flags[record.id] ?? null, settings: { uiLanguage: language } });
  render(<AppRoot api={api} i18n={createI18n(language)} />);
  return api;
}

const list = () => screen.findByRole('listbox', { name: /^Records|^记录/ });
const titles = async () => within(await list()).getAllByRole('option').map((option) => option.querySelector('[lang="en"]')?.textContent);

describe('record list filters', () => {
  it('shows each record’s flag count by severity and its status', async () => {
    renderApp();
    const options = await waitFor(async () => {
      const found = within(await list()).getAllByRole('option');
      expect(found[0]!.textContent).toContain('3 flags: 0 critical, 2 major, 1 minor');
      return found;
    });
    expect(options[1]!.textContent).toContain('1 flags: 1 critical, 0 major, 0 minor');
    expect(options[0]!.querySelector('.record-badge--major')?.textContent).toContain('3');
    expect(options[1]!.querySelector('.record-badge--critical')).not.toBeNull();
    expect(within(options[0]!).getByText('Unreviewed')).toBeTruthy();
    expect(screen.getByText('2 of 2 records')).toBeTruthy();
  });

  it('filters by flag kind and severity, with counts on each choice', async () => {
    const api = renderApp();
    const kind = await screen.findByLabelText('Flag kind');
    await waitFor(() => expect(within(kind).getByRole('option', { name: 'Missing section label (1)' })).toBeTruthy());
    fireEvent.change(kind, { target: { value: 'section-missing' } });
    await waitFor(async () => expect(await titles()).toEqual([mdmaRecord.en.title]));
    expect(screen.getByText('1 of 2 records')).toBeTruthy();
    expect(api.calls).toContainEqual(['library:query', expect.objectContaining({ kinds: ['section-missing'], ids: true })]);
    fireEvent.change(kind, { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'critical' } });
    await waitFor(async () => expect(await titles()).toEqual([sleepRecord.en.title]));
  });

  it('searches Chinese and English text, says when nothing matches, and clears', async () => {
    renderApp();
    const search = await screen.findByRole('searchbox', { name: 'Search titles and abstracts' });
    fireEvent.change(search, { target: { value: '睡眠' } });
    await waitFor(async () => expect(await titles()).toEqual([sleepRecord.en.title]));
    fireEvent.change(search, { target: { value: 'mdma' } });
    await waitFor(async () => expect(await titles()).toEqual([mdmaRecord.en.title]));
    fireEvent.change(search, { target: { value: 'nothing like this' } });
    await screen.findByText('No records match the filters.');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(async () => expect(await titles()).toHaveLength(2));
  });

  it('shows a status set in the review and filters by it', async () => {
    const api = renderApp();
    await list();
    await act(async () => {
      await api.setReviewStatus({ recordId: sleepRecord.id, status: 'reviewed' });
    });
    // The list learns of it from its poll (every second).
    await waitFor(async () => expect(within(await list()).getAllByRole('option')[1]!.textContent).toMatch(/Done$/));
    fireEvent.change(within(screen.getByRole('group', { name: 'Filter records' })).getByLabelText('Status'), { target: { value: 'reviewed' } });
    await waitFor(async () => expect(await titles()).toEqual([sleepRecord.en.title]));
  });

  it('moves the selection with the keyboard within the filtered rows', async () => {
    renderApp();
    fireEvent.change(await screen.findByLabelText('Severity'), { target: { value: 'critical' } });
    await waitFor(async () => expect(await titles()).toEqual([sleepRecord.en.title]));
    const box = await list();
    fireEvent.keyDown(box, { key: 'Home' });
    await waitFor(() => expect(within(box).getByRole('option', { selected: true }).textContent).toContain(sleepRecord.en.title));
  });

  it('speaks Chinese in the Chinese UI', async () => {
    renderApp('zh-CN');
    expect(await screen.findByRole('searchbox', { name: '搜索标题和摘要' })).toBeTruthy();
    await screen.findByText('共 2 条记录，显示 2 条');
    expect(screen.getByLabelText('标记类型')).toBeTruthy();
  });
});

describe('records fetched ahead', () => {
  const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  it('takes four on in the direction of the last move, then one back', () => {
    expect(nextRecordIds(ids, 1, 1)).toEqual(['c', 'd', 'e', 'f', 'a']);
    expect(nextRecordIds(ids, 5, -1)).toEqual(['e', 'd', 'c', 'b', 'g']);
  });
  it('stops at the ends of the list', () => {
    expect(nextRecordIds(ids, 5, 1)).toEqual(['g', 'e']);
    expect(nextRecordIds(ids, 0, -1)).toEqual(['b']);
    expect(nextRecordIds(ids, -1, 1)).toEqual([]);
  });
});
