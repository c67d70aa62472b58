// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import type { ReviewRecord } from '../../../../shared/records/model.ts';
import { ReviewApiProvider } from '../../api/ReviewApiContext.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { createFakeReviewApi, type FakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { createInlineAnalyzer } from '../../workers/inlineAnalyzer.ts';
import { ReviewView } from '../review/ReviewView.tsx';
import { RecordAnalyzerProvider } from '../review/useRecordAnalysis.ts';
import { GlossaryProvider } from './GlossaryContext.tsx';
import { GlossaryLauncher } from './GlossaryLauncher.tsx';

afterEach(cleanup);

/** One pair whose translation uses the street name 摇头丸 for MDMA. */
const record: ReviewRecord = {
  id: 'glossary-fixture',
  source: { file: 'fixture.jsonl', line: 1 },
  format: 'jsonl',
  metadata: {},
  en: { title: 'MDMA in veterans.', abstract: 'MDMA-assisted therapy reduced PTSD symptoms in veterans.', sections: [] },
  zh: { title: '退伍军人中的MDMA。', abstract: '摇头丸辅助治疗减轻了退伍军人的创伤后应激障碍症状。', sections: [] },
  translation: 'machine',
};

function renderApp(api: FakeReviewApi = createFakeReviewApi({ records: [record] }), language: 'en' | 'zh-CN' = 'en') {
  render(
    <I18nextProvider i18n={createI18n(language)}>
      <ReviewApiProvider api={api}>
        <GlossaryProvider>
          <RecordAnalyzerProvider analyzer={createInlineAnalyzer()}>
            <GlossaryLauncher />
            <ReviewView record={record} />
          </RecordAnalyzerProvider>
        </GlossaryProvider>
      </ReviewApiProvider>
    </I18nextProvider>,
  );
  return api;
}

const flagKinds = () => screen.queryAllByRole('list', { name: 'Automatic flags' }).flatMap((list) => within(list).getAllByRole('listitem').map((item) => item.querySelector('.flag__kind')?.textContent));

async function openDialog() {
  fireEvent.click(screen.getByRole('button', { name: 'Glossary…' }));
  return screen.findByRole('dialog', { name: 'Glossary' });
}

function fillEntry(dialog: HTMLElement, term: string, preferred: string, forbidden: string) {
  fireEvent.change(within(dialog).getByLabelText('English term'), { target: { value: term } });
  fireEvent.change(within(dialog).getByLabelText('Preferred rendering'), { target: { value: preferred } });
  fireEvent.change(within(dialog).getByLabelText('Forbidden renderings'), { target: { value: forbidden } });
  fireEvent.click(within(dialog).getByRole('button', { name: 'Save entry' }));
}

describe('the glossary dialog', () => {
  it('an added entry makes a glossary flag appear in the review; deleting it takes the flag away', async () => {
    const api = renderApp();
    await screen.findByText(record.en.abstract);
    expect(flagKinds()).not.toContain('Glossary');

    const dialog = await openDialog();
    expect(within(dialog).getByText(/The glossary is empty/)).toBeTruthy();
    expect(document.activeElement).toBe(within(dialog).getByLabelText('English term'));
    fillEntry(dialog, 'MDMA', 'MDMA', '摇头丸 | 迷魂药');
    await within(dialog).findByText('Saved “MDMA”.');
    expect(api.glossary).toMatchObject([{ term: 'MDMA', preferred: 'MDMA', forbidden: ['摇头丸', '迷魂药'], note: '' }]);
    const row = within(within(dialog).getByRole('table', { name: 'Glossary entries' })).getByRole('rowheader', { name: 'MDMA' }).closest('tr')!;
    expect(row.textContent).toContain('摇头丸 | 迷魂药');
    await waitFor(() => expect(flagKinds()).toContain('Glossary'));
    expect(screen.getByRole('list', { name: 'Automatic flags' }).textContent).toMatch(/"MDMA" is rendered 摇头丸, which the glossary forbids/);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete MDMA' }));
    await within(dialog).findByText('Deleted “MDMA”.');
    await waitFor(() => expect(flagKinds()).not.toContain('Glossary'));
    expect(api.glossary).toEqual([]);

    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Glossary…' }));
  });

  it('edits an entry in place (renaming its term), and refuses a form without renderings before asking the main side', async () => {
    const api = renderApp();
    const dialog = await openDialog();
    fillEntry(dialog, 'ecstasy', '', '');
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Give a preferred or a forbidden rendering.');
    expect(api.calls.filter(([channel]) => channel === 'glossary:save')).toEqual([]);

    fillEntry(dialog, 'ecstasy', '', '摇头丸');
    await within(dialog).findByText('Saved “ecstasy”.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Edit ecstasy' }));
    expect(within(dialog).getByRole('heading', { name: 'Edit “ecstasy”' })).toBeTruthy();
    expect((within(dialog).getByLabelText('Forbidden renderings') as HTMLInputElement).value).toBe('摇头丸');
    fillEntry(dialog, 'MDMA', 'MDMA', '摇头丸');
    await within(dialog).findByText('Saved “MDMA”.');
    expect(api.calls.filter(([channel]) => channel === 'glossary:save').at(-1)?.[1]).toEqual({
      entry: { term: 'MDMA', preferred: 'MDMA', forbidden: ['摇头丸'], note: '' },
      previousTerm: 'ecstasy',
    });
    expect(api.glossary.map((entry) => entry.term)).toEqual(['MDMA']);
    expect(within(dialog).getByRole('heading', { name: 'Add an entry' })).toBeTruthy();
  });

  it('imports a TSV file, naming the lines it left out, and exports the glossary as a TSV download', async () => {
    const api = renderApp();
    const dialog = await openDialog();
    const tsv = 'english\tpreferred\tforbidden\tnote\nMDMA\tMDMA\t摇头丸\t\n\t空\t\t\nplacebo\t安慰剂\t\t\n';
    fireEvent.change(within(dialog).getByLabelText('Import TSV…'), { target: { files: [new File([tsv], 'terms.tsv', { type: 'text/tab-separated-values' })] } });
    await within(dialog).findByText('Imported: 2 added, 0 updated, 1 lines not imported.');
    const errors = within(dialog).getByRole('region', { name: 'Lines not imported' });
    expect(within(errors).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Line 3: The English term (first column) is empty.']);
    expect(within(dialog).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual(['MDMA', 'placebo']);
    await waitFor(() => expect(flagKinds()).toContain('Glossary'));

    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:glossary';
    });
    URL.revokeObjectURL = vi.fn();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export TSV' }));
    await within(dialog).findByText('Exported 2 entries as glossary.tsv.');
    expect(await blobs[0]!.text()).toBe('english\tpreferred\tforbidden\tnote\nMDMA\tMDMA\t摇头丸\t\nplacebo\t安慰剂\t\t\n');
    expect(api.calls.map(([channel]) => channel)).toContain('glossary:exportTsv');
  });

  it('speaks Chinese when the UI does', async () => {
    renderApp(createFakeReviewApi({ records: [record] }), 'zh-CN');
    fireEvent.click(screen.getByRole('button', { name: '术语表…' }));
    const dialog = await screen.findByRole('dialog', { name: '术语表' });
    expect(within(dialog).getByLabelText('英文术语')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: '导出 TSV' })).toBeTruthy();
  });
});
