// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRoot } from '../../AppRoot.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { mdmaRecord } from '../../testing/sampleRecords.ts';

afterEach(cleanup);

const en = 'doc1\t1\tAspirin lowered the risk.\n';
const zh = 'doc1\t1\t阿司匹林降低了风险。\n';

describe('files picked in the browser host', () => {
  it('sends WMT _en/_zh siblings in one request, so they can pair, and the other files one by one', async () => {
    const api = createFakeReviewApi({ records: [mdmaRecord] });
    render(<AppRoot api={api} i18n={createI18n('en')} />);
    await screen.findByRole('combobox', { name: 'Read as' });
    const files = [new File([zh], 'medline_zh.txt'), new File(['x'], 'notes.txt'), new File([en], 'medline_en.txt')];
    fireEvent.change(screen.getByLabelText('Open files…'), { target: { files } });
    await waitFor(() => expect(api.calls).toContainEqual(['library:importText', { name: 'notes.txt', text: 'x' }]));
    const imports = api.calls.filter(([channel]) => channel.startsWith('library:import'));
    expect(imports).toEqual([
      ['library:importTexts', { files: [{ name: 'medline_en.txt', text: en }, { name: 'medline_zh.txt', text: zh }] }],
      ['library:importText', { name: 'notes.txt', text: 'x' }],
    ]);
  });

  it('sends siblings one by one when another format than WMT is chosen', async () => {
    const api = createFakeReviewApi({ records: [mdmaRecord] });
    render(<AppRoot api={api} i18n={createI18n('en')} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Read as' }), { target: { value: 'tsv' } });
    fireEvent.change(screen.getByLabelText('Open files…'), { target: { files: [new File([en], 'a_en.txt'), new File([zh], 'a_zh.txt')] } });
    await waitFor(() => expect(api.calls.filter(([channel]) => channel === 'library:importText')).toHaveLength(2));
    expect(api.calls.some(([channel]) => channel === 'library:importTexts')).toBe(false);
  });
});
