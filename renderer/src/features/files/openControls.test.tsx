// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { AppRoot } from '../../AppRoot.tsx';
import { OpenPathForm } from '../../components/OpenPathForm.tsx';
import { createI18n } from '../../i18n/i18n.ts';
import { createFakeReviewApi } from '../../testing/fakeReviewApi.ts';
import { mdmaRecord } from '../../testing/sampleRecords.ts';

afterEach(cleanup);

describe('the open controls in the header', () => {
  it('reads picked files as detected by default, and as the chosen format once one is chosen', async () => {
    const api = createFakeReviewApi({ records: [mdmaRecord] });
    render(<AppRoot api={api} i18n={createI18n('en')} />);
    const select = await screen.findByRole('combobox', { name: 'Read as' });
    expect((select as HTMLSelectElement).value).toBe('auto');
    expect(screen.getByRole('option', { name: 'Detect automatically' })).toBeTruthy();
    expect(screen.getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual(expect.arrayContaining(['page', 'json', 'jsonl', 'tsv', 'csv', 'tmx', 'xliff', 'wmt']));

    fireEvent.change(screen.getByLabelText('Open files…'), { target: { files: [new File(['a'], 'first.txt')] } });
    await waitFor(() => expect(api.calls).toContainEqual(['library:importText', { name: 'first.txt', text: 'a' }]));

    fireEvent.change(select, { target: { value: 'tsv' } });
    fireEvent.change(screen.getByLabelText('Open files…'), { target: { files: [new File(['en\tzh'], 'table.txt')] } });
    await waitFor(() => expect(api.calls).toContainEqual(['library:importText', { name: 'table.txt', text: 'en\tzh', format: 'tsv' }]));
  });

  it('opens a typed path with the chosen format and asks for the recent list again', async () => {
    const api = createFakeReviewApi({ records: [mdmaRecord] });
    render(<AppRoot api={api} i18n={createI18n('en')} />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Read as' }), { target: { value: 'wmt' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Open a path' }), { target: { value: '  /data/medline  ' } });
    const recentBefore = api.calls.filter(([channel]) => channel === 'library:recent').length;
    fireEvent.click(screen.getByRole('button', { name: 'Open path' }));
    await waitFor(() => expect(api.calls).toContainEqual(['library:openPaths', { paths: ['/data/medline'], format: 'wmt' }]));
    await waitFor(() => expect(api.calls.filter(([channel]) => channel === 'library:recent').length).toBe(recentBefore + 1));
    // The fake has no file system: the failure is shown, not swallowed.
    expect(await screen.findByText(/the fake has no file system/)).toBeTruthy();
  });

  it('offers the recent paths as suggestions and ignores an empty path', () => {
    const opened: string[] = [];
    const { container } = render(
      <I18nextProvider i18n={createI18n('zh-CN')}>
        <OpenPathForm recentPaths={['/home/me/a.jsonl', '/home/me/records']} onOpenPath={(path) => opened.push(path)} />
      </I18nextProvider>,
    );
    expect([...container.querySelectorAll('datalist option')].map((option) => option.getAttribute('value'))).toEqual(['/home/me/a.jsonl', '/home/me/records']);
    fireEvent.click(screen.getByRole('button', { name: '打开路径' }));
    expect(opened).toEqual([]);
    fireEvent.change(screen.getByRole('combobox', { name: '按路径打开' }), { target: { value: '/home/me/records' } });
    fireEvent.click(screen.getByRole('button', { name: '打开路径' }));
    expect(opened).toEqual(['/home/me/records']);
  });
});
