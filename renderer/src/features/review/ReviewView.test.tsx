// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { ReviewApiProvider } from '../../api/ReviewApiContext.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { createFakeReviewApi, type FakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { mdmaRecord } from '../../testing/sampleRecords.ts';
import { createInlineAnalyzer } from '../../workers/inlineAnalyzer.ts';
import { atFirstDrawing } from '../../testing/atFirstDrawing.ts';
import { reviewSessionStoreFor } from './reviewSessionStore.ts';
import { ReviewView } from './ReviewView.tsx';
import { RecordAnalyzerProvider } from './useRecordAnalysis.ts';

afterEach(cleanup);

function renderReview(api: FakeReviewApi = createFakeReviewApi({ records: [mdmaRecord], settings: { reviewerName: 'Li Wei' } }), language: 'en' | 'zh-CN' = 'en') {
  const i18n = createI18n(language);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ReviewApiProvider api={api}>
        <RecordAnalyzerProvider analyzer={createInlineAnalyzer()}>
          <ReviewView record={mdmaRecord} />
        </RecordAnalyzerProvider>
      </ReviewApiProvider>
    </I18nextProvider>,
  );
  return { api, view, i18n };
}

const rows = () => screen.getAllByRole('group', { name: /^Row \d+/ });
const key = (k: string, init: KeyboardEventInit = {}) => fireEvent.keyDown(document.activeElement ?? document.body, { key: k, ...init });

describe('ReviewView', () => {
  it('shows aligned rows by section, with the lost Objective label flagged and metadata on top', async () => {
    renderReview();
    await screen.findByRole('heading', { name: mdmaRecord.en.title });
    await waitFor(() => expect(rows().length).toBe(3));
    const objective = screen.getByRole('region', { name: 'Objective' });
    expect(within(objective).getByText('Label missing in the translation')).toBeTruthy();
    const background = screen.getByRole('region', { name: 'Background' });
    expect(within(background).getByText('背景')).toBeTruthy();
    expect(screen.getByText('NeuroRehabilitation')).toBeTruthy();
    // The Objective sentence has no Chinese: its row says so and carries the section-missing flag.
    const flagged = rows().find((row) => row.getAttribute('aria-label')?.includes('Missing section label'));
    expect(flagged).toBeTruthy();
    expect(within(objective).getByText(/^A review of MDMA-assisted therapy/)).toBeTruthy();
  });

  it('shows the corpus-wide findings about the record with its own, once each', async () => {
    const message = '"MDMA" is rendered 摇头丸 here but MDMA in 3 other record(s).';
    const corpus = { kind: 'term-inconsistency' as const, severity: 'minor' as const, en: [0], zh: [0], message: { en: message, 'zh-CN': '“MDMA”在此译为“摇头丸”。' }, evidence: [] };
    // The same finding twice: the view shows it once.
    const api = createFakeReviewApi({ records: [mdmaRecord], corpusFindings: () => [corpus, { ...corpus }] });
    renderReview(api);
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.getAllByText(message)).toHaveLength(1);
    expect(screen.getByText('Label missing in the translation')).toBeTruthy();
    expect(api.calls.some(([channel, request]) => channel === 'library:corpusFindings' && (request as { id: string }).id === mdmaRecord.id)).toBe(true);
  });

  it('annotates a sentence with a corrected translation, shows the diff and the MQM score, and undoes it', async () => {
    const { api } = renderReview();
    await waitFor(() => expect(rows().length).toBe(3));
    const chinese = screen.getByText(/^这是一篇专家综述/);
    const sentence = chinese.closest('[role="button"]') as HTMLElement;
    fireEvent.mouseUp(sentence);
    expect(sentence.getAttribute('aria-pressed')).toBe('true');
    sentence.focus();
    key('a');
    const form = await screen.findByRole('dialog', { name: 'Annotate' });
    fireEvent.keyDown(within(form).getByLabelText('MQM category'), { key: '3' });
    expect((within(form).getByLabelText(/Critical/) as HTMLInputElement).checked).toBe(true);
    fireEvent.change(within(form).getByLabelText('MQM category'), { target: { value: 'Terminology/Inappropriate for context' } });
    fireEvent.change(within(form).getByLabelText('Comment'), { target: { value: '文献综述 is not "synthesis"' } });
    fireEvent.click(within(form).getByLabelText('Give a corrected translation'));
    fireEvent.change(within(form).getByLabelText('Corrected translation'), { target: { value: '这是一篇专家综述和文献综合。' } });
    expect(within(form).getByText(/^Edit rate/).textContent).toMatch(/Edit rate \d+\.\d% \(\d+ character edits\)/);
    fireEvent.click(within(form).getByRole('button', { name: 'Save annotation' }));

    await waitFor(() => expect(api.tables.annotations).toHaveLength(1));
    expect(api.tables.annotations[0]).toMatchObject({ recordId: mdmaRecord.id, severity: 'critical', category: 'Terminology/Inappropriate for context', correction: '这是一篇专家综述和文献综合。', span: null });
    expect(await screen.findByText('MQM penalty 25')).toBeTruthy();
    expect(screen.getByText(/25×1 critical = 25/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete annotation: Terminology / Inappropriate for context' })).toBeTruthy();

    key('z', { ctrlKey: true });
    await act(() => reviewSessionStoreFor(api).idle());
    expect(api.tables.annotations[0]!.deleted).toBe(true);
    expect(screen.getByText('MQM penalty 0')).toBeTruthy();
    key('y', { ctrlKey: true });
    await act(() => reviewSessionStoreFor(api).idle());
    expect(api.tables.annotations[0]!.deleted).toBe(false);
  });

  it('steps through flags with J and K, and dismisses the current one with D', async () => {
    const { api } = renderReview();
    await waitFor(() => expect(rows().length).toBe(3));
    key('j');
    const status = await screen.findByText(/^Flag 1 of \d+/);
    const total = Number(/of (\d+)/.exec(status.textContent ?? '')![1]);
    expect(total).toBeGreaterThan(0);
    const current = document.querySelector('.flag--current') as HTMLElement;
    expect(document.activeElement).toBe(current.closest('[role="group"]'));
    key('d');
    await act(() => reviewSessionStoreFor(api).idle());
    expect(api.tables.decisions).toMatchObject([{ recordId: mdmaRecord.id, decision: 'dismissed', reviewer: 'Li Wei', flagKey: current.dataset.flagKey }]);
    expect(within(current).getByRole('button', { name: 'Dismiss' }).getAttribute('aria-pressed')).toBe('true');
    key('k');
    expect(screen.getByText(new RegExp(`^Flag ${total} of ${total}`))).toBeTruthy();
  });

  it('acts on a shortcut pressed the moment the rows are drawn', async () => {
    // The key goes in before React's passive effects of that drawing have run (see atFirstDrawing).
    const stop = atFirstDrawing(() => screen.queryAllByRole('group', { name: /^Row \d+/ }).length > 0, () => key('j'));
    renderReview();
    expect(await screen.findByText(/^Flag 1 of \d+/)).toBeTruthy();
    stop();
  });

  it('merges two rows by hand, saves the correction, and undo puts the rows back', async () => {
    const { api } = renderReview();
    await waitFor(() => expect(rows().length).toBe(3));
    // The row's tools are drawn once its Alignment section is opened.
    fireEvent.click(within(rows()[0]!).getByText('Alignment', { exact: true }));
    fireEvent.click(await within(rows()[0]!).findByRole('button', { name: 'Merge with next row' }));
    await waitFor(() => expect(rows().length).toBe(2));
    await act(() => reviewSessionStoreFor(api).idle());
    expect(api.tables.corrections.map((c) => c.action)).toEqual(['unlink', 'unlink', 'link']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rows().length).toBe(3));
  });

  it('records the status and lists the shortcuts on F1, in Chinese too', async () => {
    const { api } = renderReview(undefined, 'zh-CN');
    await waitFor(() => expect(screen.getAllByRole('group', { name: /^第 \d+ 行/ }).length).toBe(3));
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'reviewed' } });
    await act(() => reviewSessionStoreFor(api).idle());
    expect(api.tables.states).toMatchObject([{ recordId: mdmaRecord.id, status: 'reviewed' }]);
    key('F1');
    const help = await screen.findByRole('dialog', { name: '键盘快捷键' });
    expect(within(help).getByText('下一个标记')).toBeTruthy();
    fireEvent.keyDown(within(help).getByRole('button', { name: '关闭' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('exports MQM TSV as a download and imports it back', async () => {
    const { api } = renderReview();
    await waitFor(() => expect(rows().length).toBe(3));
    const sentence = screen.getByText(/^这是一篇专家综述/).closest('[role="button"]') as HTMLElement;
    fireEvent.mouseUp(sentence);
    key('1');
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Annotate' })).getByRole('button', { name: 'Save annotation' }));
    await waitFor(() => expect(api.tables.annotations).toHaveLength(1));

    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:review';
    });
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export the review' });
    fireEvent.change(within(dialog).getByLabelText('Format'), { target: { value: 'mqm-tsv' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(await within(dialog).findByText(/^Exported 1 records as review\.tsv/)).toBeTruthy();
    const tsv = await blobs[0]!.text();
    expect(tsv.split('\n')[0]).toBe('system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity');
    expect(tsv).toContain('\tAccuracy/Mistranslation\tMinor');

    api.tables.annotations.length = 0;
    const file = new File([tsv], 'review.tsv', { type: 'text/tab-separated-values' });
    fireEvent.change(within(dialog).getByLabelText('Import MQM TSV…'), { target: { files: [file] } });
    await waitFor(() => expect(api.calls.map(([c]) => c)).toContain('annotations:importMqm'));
    expect(await within(dialog).findByText(/^Imported 1 annotations/)).toBeTruthy();
    expect(api.tables.annotations).toMatchObject([{ category: 'Accuracy/Mistranslation', severity: 'minor' }]);
  });

  it('annotates a span selected inside a sentence, stored as offsets into the abstract', async () => {
    const { api } = renderReview();
    await waitFor(() => expect(rows().length).toBe(3));
    const sentence = screen.getByText(/^这是一篇专家综述/).closest('[role="button"]') as HTMLElement;
    const text = sentence.firstChild!;
    const at = text.textContent!.indexOf('文献综述');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 4);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    fireEvent.mouseUp(sentence);
    key('2');
    const form = await screen.findByRole('dialog', { name: 'Annotate' });
    expect(within(form).getByText('文献综述')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Save annotation' }));
    await waitFor(() => expect(api.tables.annotations).toHaveLength(1));
    const span = api.tables.annotations[0]!.span!;
    expect(mdmaRecord.zh!.abstract.slice(span.start, span.end)).toBe('文献综述');
    expect(api.tables.annotations[0]).toMatchObject({ severity: 'major', span: { side: 'zh' } });
  });

  it('edits an annotation in the form, and undo brings the earlier version back', async () => {
    const { api } = renderReview();
    await waitFor(() => expect(rows().length).toBe(3));
    fireEvent.mouseUp(screen.getByText(/^这是一篇专家综述/).closest('[role="button"]') as HTMLElement);
    key('1');
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Annotate' })).getByRole('button', { name: 'Save annotation' }));
    await waitFor(() => expect(api.tables.annotations).toHaveLength(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit annotation: Accuracy / Mistranslation' }));
    const form = await screen.findByRole('dialog', { name: 'Edit annotation' });
    expect((within(form).getByLabelText(/Minor/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(form).getByLabelText(/Critical/));
    fireEvent.change(within(form).getByLabelText('Comment'), { target: { value: 'wrong term' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save annotation' }));
    await act(() => reviewSessionStoreFor(api).idle());
    expect(api.tables.annotations).toMatchObject([{ severity: 'critical', comment: 'wrong term', deleted: false }]);
    expect(screen.getByText('MQM penalty 25')).toBeTruthy();
    key('z', { ctrlKey: true });
    await act(() => reviewSessionStoreFor(api).idle());
    expect(api.tables.annotations).toMatchObject([{ severity: 'minor', comment: '' }]);
  });
});
