// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import type { RecordForReview, ReviewApi } from '../../../../shared/contract/channels.ts';
import type { Result } from '../../../../shared/contract/result.ts';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { App } from '../../App.tsx';
import { ReviewApiProvider } from '../../api/ReviewApiContext.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { mdmaRecord, secondRecord } from '../../testing/sampleRecords.ts';
import type { RecordAnalyzer } from '../../workers/analysisTypes.ts';
import { createInlineAnalyzer } from '../../workers/inlineAnalyzer.ts';
import { GlossaryProvider } from '../glossary/GlossaryContext.tsx';
import { RecordAnalyzerProvider } from '../review/useRecordAnalysis.ts';

beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
});
afterEach(cleanup);

const thirdRecord: ReviewRecord = {
  ...secondRecord,
  id: 'fixture-3',
  source: { file: '/data/third.jsonl', line: 9 },
  en: { ...secondRecord.en, title: 'Coffee intake and atrial fibrillation.' },
};
const records = [mdmaRecord, secondRecord, thirdRecord];

/** The inline analyzer, counting the records it analysed. */
function countingAnalyzer() {
  const inline = createInlineAnalyzer();
  const analysed: string[] = [];
  const analyzer: RecordAnalyzer = {
    analyze: (record, glossary) => {
      analysed.push(record.id);
      return inline.analyze(record, glossary);
    },
    dispose() {},
  };
  return { analyzer, analysed };
}

function renderApp(api: ReviewApi, analyzer: RecordAnalyzer) {
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <ReviewApiProvider api={api}>
        <GlossaryProvider>
          <RecordAnalyzerProvider analyzer={analyzer}>
            <App />
          </RecordAnalyzerProvider>
        </GlossaryProvider>
      </ReviewApiProvider>
    </I18nextProvider>,
  );
}

const main = () => screen.getByRole('main');
const shownTitle = () => main().querySelector('.review-meta__title')?.textContent;

describe('switching records', () => {
  it('shows the next record from what was fetched and analysed ahead, asking nothing again', async () => {
    const api = createFakeReviewApi({ records });
    const { analyzer, analysed } = countingAnalyzer();
    renderApp(api, analyzer);
    await waitFor(() => expect(shownTitle()).toBe(mdmaRecord.en.title));
    // The two records below are fetched with their stored reviews and analysed while the first is read.
    await waitFor(() => expect(analysed).toEqual([mdmaRecord.id, secondRecord.id, thirdRecord.id]));
    const asked = (channel: string, id: string) =>
      api.calls.filter(([name, request]) => name === channel && ((request as { id?: string; recordId?: string }).id ?? (request as { recordId?: string }).recordId) === id).length;
    await waitFor(() => expect(asked('library:recordForReview', secondRecord.id)).toBe(1));

    // A sentence selected in the first record is not carried over to the next.
    const sentence = (await within(main()).findByText(/^Neurorehabilitation in military/)).closest('[role="button"]') as HTMLElement;
    fireEvent.mouseUp(sentence);
    expect(main().querySelector('[aria-pressed="true"]')).not.toBeNull();
    fireEvent.keyDown(screen.getByRole('listbox', { name: /^Records/ }), { key: 'ArrowDown' });
    // Shown in the render that follows the key: no placeholder, no wait.
    expect(main().querySelector('[aria-pressed="true"]')).toBeNull();
    expect(shownTitle()).toBe(secondRecord.en.title);
    expect(within(main()).queryByText('Analysing the record…')).toBeNull();
    expect(within(main()).getByText(/^Shorter sleep was associated/)).toBeTruthy();
    // One request for the record, its stored review and its corpus findings, made ahead.
    expect(asked('library:recordForReview', secondRecord.id)).toBe(1);
    expect(asked('annotations:list', secondRecord.id)).toBe(0);
    expect(asked('library:corpusFindings', secondRecord.id)).toBe(0);
    expect(analysed.filter((id) => id === secondRecord.id)).toHaveLength(1);
  });

  it('never lets a late answer for a record passed by replace the record chosen after it', async () => {
    const fake = createFakeReviewApi({ records });
    // Each record's answer waits until the test releases it.
    const gates = new Map<string, () => void>();
    const api: ReviewApi = {
      ...fake,
      getRecordForReview: (request) =>
        new Promise<Result<RecordForReview>>((resolve) => {
          if (request.id === mdmaRecord.id) return void fake.getRecordForReview(request).then(resolve);
          gates.set(request.id, () => void fake.getRecordForReview(request).then(resolve));
        }),
    };
    renderApp(api, countingAnalyzer().analyzer);
    await waitFor(() => expect(shownTitle()).toBe(mdmaRecord.en.title));
    const list = screen.getByRole('listbox', { name: /^Records/ });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    await waitFor(() => expect(gates.has(thirdRecord.id) && gates.has(secondRecord.id)).toBe(true));
    await act(async () => gates.get(thirdRecord.id)!());
    await waitFor(() => expect(shownTitle()).toBe(thirdRecord.en.title));
    await act(async () => gates.get(secondRecord.id)!());
    await act(async () => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(shownTitle()).toBe(thirdRecord.en.title);
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain(thirdRecord.en.title);
  });

  it('analyses a record fetched ahead without waiting for the others still being fetched', async () => {
    const fake = createFakeReviewApi({ records });
    let releaseThird: () => void = () => {};
    const api: ReviewApi = {
      ...fake,
      getRecordForReview: (request) =>
        request.id === thirdRecord.id
          ? new Promise<Result<RecordForReview>>((resolve) => (releaseThird = () => void fake.getRecordForReview(request).then(resolve)))
          : fake.getRecordForReview(request),
    };
    const { analyzer, analysed } = countingAnalyzer();
    renderApp(api, analyzer);
    await waitFor(() => expect(analysed).toEqual([mdmaRecord.id, secondRecord.id]));
    await act(async () => releaseThird());
    await waitFor(() => expect(analysed).toEqual([mdmaRecord.id, secondRecord.id, thirdRecord.id]));
  });
});
