// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewRecord } from '../../shared/records/model.ts';
import { AppRoot } from './AppRoot.tsx';
import { createI18n } from './i18n/i18n.ts';
import { createFakeReviewApi, type FakeReviewApiOptions } from './testing/fakeReviewApi.ts';
import { mdmaRecord, secondRecord } from './testing/sampleRecords.ts';

// jsdom lays nothing out, so every element is 0 px high and the virtualised list would render no
// rows. Give scroll containers a viewport-like height.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });
});
afterEach(cleanup);

function renderApp(options: FakeReviewApiOptions = { records: [mdmaRecord, secondRecord] }) {
  const api = createFakeReviewApi(options);
  render(<AppRoot api={api} i18n={createI18n('en')} />);
  return api;
}

const recordList = () => screen.findByRole('listbox', { name: /^Records/ });
/** The record opens on the aligned review; the whole texts side by side are the other tab. */
const showFullText = async (name = 'Full text') => fireEvent.click(await screen.findByRole('tab', { name }));

describe('App', () => {
  it('lists every loaded record with its title and file', async () => {
    renderApp();
    const list = await recordList();
    expect(list).toHaveProperty('ariaLabel', 'Records (2)');
    const options = within(list).getAllByRole('option');
    // Each row: title, file, then its flag count and review status.
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringMatching(new RegExp(`^${mdmaRecord.en.title}mdma-ptsd-military\\.page\\.txt.*Unreviewed$`)),
      expect.stringMatching(new RegExp(`^${secondRecord.en.title}second\\.jsonl.*Unreviewed$`)),
    ]);
  });

  it('shows the first record at start: metadata, then English sections beside the Chinese text', async () => {
    renderApp();
    const main = await screen.findByRole('main', { name: 'Selected record' });
    await showFullText();
    await within(main).findByText('NeuroRehabilitation');
    expect(within(main).getByText('10.3233/NRE-230270')).toBeTruthy();
    expect(within(main).getByText('Walter Dunn, Anya Bershad, David E Krantz, Eric Vermetten')).toBeTruthy();

    const english = within(main).getByRole('region', { name: 'English source' });
    expect(within(english).getByRole('heading', { name: 'Background' })).toBeTruthy();
    expect(within(english).getByText(/^This is an expert review and synthesis/)).toBeTruthy();

    const chinese = within(main).getByRole('region', { name: 'Chinese translation' });
    const chineseTitle = within(chinese).getByRole('heading', { name: mdmaRecord.zh?.title });
    expect(chineseTitle.closest('[lang]')?.getAttribute('lang')).toBe('zh-CN');
    expect(within(chinese).getByText(/^背景:由于创伤后应激障碍/).closest('.cjk')).not.toBeNull();
  });

  it('shows the record chosen with the mouse, and says when it has no translation', async () => {
    const api = renderApp();
    const list = await recordList();
    fireEvent.click(within(list).getByRole('option', { name: /Sleep duration/ }));
    const main = screen.getByRole('main');
    await showFullText();
    expect(await within(main).findByText('Shorter sleep was associated with higher systolic pressure.')).toBeTruthy();
    expect(within(main).getByText('This file has no Chinese translation for this record.')).toBeTruthy();
    expect(api.calls).toContainEqual(['library:recordForReview', { id: 'fixture-2' }]);
  });

  it('shows markup inside record text as text, never as HTML', async () => {
    const title = 'Effects of <i>Helicobacter</i> & <img src=x onerror="alert(1)"> on "Q&A"';
    const hostile: ReviewRecord = { ...secondRecord, id: 'hostile', en: { ...secondRecord.en, title }, zh: { title: '<b>标题</b>', abstract: '<script>x()</script>背景', sections: [] } };
    renderApp({ records: [hostile] });
    const main = await screen.findByRole('main');
    expect((await within(main).findAllByText(title)).length).toBeGreaterThan(0);
    expect(within(screen.getByRole('listbox')).getByText(title)).toBeTruthy();
    expect(within(main).getAllByText('<b>标题</b>').length).toBeGreaterThan(0);
    expect(document.querySelector('img, i, b, #root script')).toBeNull();
  });

  it('never shows a slow answer for a record the user has already left', async () => {
    const api = createFakeReviewApi({ records: [mdmaRecord, secondRecord] });
    const answerFirst: (() => void)[] = [];
    const getRecordForReview = api.getRecordForReview.bind(api);
    // The first record's answer is held back until after the second one has been shown.
    api.getRecordForReview = async (request) => {
      if (request.id === mdmaRecord.id) await new Promise<void>((resolve) => answerFirst.push(resolve));
      return getRecordForReview(request);
    };
    render(<AppRoot api={api} i18n={createI18n('en')} />);
    const list = await recordList();
    expect(screen.getByText('Loading the record…')).toBeTruthy();
    fireEvent.click(within(list).getByRole('option', { name: /Sleep duration/ }));
    const main = screen.getByRole('main');
    await within(main).findByText('Shorter sleep was associated with higher systolic pressure.');
    await act(async () => answerFirst.forEach((resolve) => resolve()));
    expect(within(main).queryByText('NeuroRehabilitation')).toBeNull();
    expect(within(main).getByText('Shorter sleep was associated with higher systolic pressure.')).toBeTruthy();
  });

  it('moves the selection with the arrow keys, focus staying on the list box', async () => {
    renderApp();
    const list = await recordList();
    const [first, second] = within(list).getAllByRole('option');
    expect(first?.getAttribute('aria-selected')).toBe('true');
    list.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(second?.getAttribute('aria-selected')).toBe('true');
    expect(list.getAttribute('aria-activedescendant')).toBe(second?.id);
    expect(await screen.findByText('Shorter sleep was associated with higher systolic pressure.')).toBeTruthy();
    fireEvent.keyDown(list, { key: 'ArrowDown' }); // already last: stays
    expect(second?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(list, { key: 'Home' });
    expect(first?.getAttribute('aria-selected')).toBe('true');
  });

  it('renders only the rows in view of a long list', async () => {
    const many: ReviewRecord[] = Array.from({ length: 5000 }, (_, index) => ({
      ...secondRecord,
      id: `r${index}`,
      en: { ...secondRecord.en, title: `Record number ${index}` },
    }));
    renderApp({ records: many });
    const list = await recordList();
    const rendered = within(list).getAllByRole('option');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(50);
    expect(rendered[0]?.getAttribute('aria-setsize')).toBe('5000');
    // jsdom cannot scroll, so the far row is not drawn here (the e2e run checks that in Chromium);
    // the selection and the list box's pointer to it must still move.
    fireEvent.keyDown(list, { key: 'End' });
    expect(list.getAttribute('aria-activedescendant')).toMatch(/-option-4999$/);
    const main = screen.getByRole('main');
    expect(await within(main).findByRole('heading', { name: 'Record number 4999' })).toBeTruthy();
  });

  it('lists load errors with file, line and reason', async () => {
    renderApp({
      records: [mdmaRecord],
      errors: [{ source: { file: '/data/broken.jsonl', line: 7 }, message: 'Unexpected end of JSON input' }],
    });
    const panel = await screen.findByRole('region', { name: 'Load errors (1)' });
    const entry = within(panel).getByRole('listitem');
    expect(entry.textContent).toBe('broken.jsonl, line 7Unexpected end of JSON input');
  });

  it('switches the interface language from the header, saves it and sets <html lang>', async () => {
    const api = renderApp();
    await recordList();
    await showFullText();
    fireEvent.change(screen.getByLabelText('Interface language'), { target: { value: 'zh-CN' } });
    expect(await screen.findByRole('heading', { name: '记录' })).toBeTruthy();
    expect(screen.getByRole('listbox', { name: '记录（2）' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '中文译文' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(api.calls).toContainEqual(['settings:set', { uiLanguage: 'zh-CN' }]);

    fireEvent.change(screen.getByLabelText('界面语言'), { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { name: 'Records' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(api.settings.uiLanguage).toBe('en');
  });

  it('starts in the language saved at the last launch', async () => {
    renderApp({ records: [mdmaRecord], settings: { uiLanguage: 'zh-CN' } });
    expect(await screen.findByRole('heading', { name: '记录' })).toBeTruthy();
    expect((screen.getByLabelText('界面语言') as HTMLSelectElement).value).toBe('zh-CN');
  });

  it('follows the language chosen from the application menu', async () => {
    const api = renderApp();
    await recordList();
    act(() => api.emitMenuCommand({ type: 'set-language', language: 'zh-CN' }));
    expect(await screen.findByLabelText('打开文件…')).toBeTruthy();
    expect(api.settings.uiLanguage).toBe('zh-CN');
  });
});

describe('App: opening files', () => {
  const parseFixture = (name: string, text: string) =>
    text.startsWith('{')
      ? { records: [{ ...secondRecord, source: { file: name }, ...(JSON.parse(text) as { id: string }) }], errors: [] }
      : { records: [], errors: [{ source: { file: name, line: 1 }, message: 'not a record file' }] };

  it('reads the picked files as text, sends them, lists the new record and shows it', async () => {
    const api = renderApp({ records: [mdmaRecord], parse: parseFixture });
    await recordList();
    const input = screen.getByLabelText('Open files…');
    const good = new File(['{"id":"picked-1"}'], 'picked.jsonl');
    const bad = new File(['garbage'], 'bad.txt');
    fireEvent.change(input, { target: { files: [good, bad] } });

    const list = await screen.findByRole('listbox', { name: 'Records (2)' });
    expect(within(list).getByRole('option', { name: /picked\.jsonl/ }).getAttribute('aria-selected')).toBe('true');
    expect(api.calls).toContainEqual(['library:importText', { name: 'picked.jsonl', text: '{"id":"picked-1"}' }]);
    expect(api.calls).toContainEqual(['library:importText', { name: 'bad.txt', text: 'garbage' }]);
    const errors = await screen.findByRole('region', { name: 'Load errors (1)' });
    expect(within(errors).getByText(/bad\.txt/)).toBeTruthy();
  });

  it('opens files dropped on the window the same way', async () => {
    const api = renderApp({ records: [], parse: parseFixture });
    expect(await screen.findByText(/No records loaded yet/)).toBeTruthy();
    const file = new File(['{"id":"dropped-1"}'], 'dropped.jsonl');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    const app = screen.getByRole('banner').parentElement as HTMLElement;
    fireEvent.dragEnter(app, { dataTransfer });
    expect(screen.getByText('Drop files here to open them')).toBeTruthy();
    fireEvent.drop(app, { dataTransfer });
    expect(await screen.findByRole('option', { name: /dropped\.jsonl/ })).toBeTruthy();
    expect(screen.queryByText('Drop files here to open them')).toBeNull();
    expect(api.calls.filter(([channel]) => channel === 'library:importText')).toHaveLength(1);
  });

  it('offers the bundled sample when nothing is loaded', async () => {
    const api = renderApp({ records: [] });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the sample record' }));
    await waitFor(() => expect(api.calls).toContainEqual(['library:openSample', {}]));
  });

  it('in Electron, opens files that have a path through openPaths instead of reading them', async () => {
    const api = renderApp({ records: [mdmaRecord], pathForFile: () => '/home/reviewer/records.jsonl' });
    await recordList();
    fireEvent.change(screen.getByLabelText('Open files…'), { target: { files: [new File(['x'], 'records.jsonl')] } });
    await waitFor(() => expect(api.calls).toContainEqual(['library:openPaths', { paths: ['/home/reviewer/records.jsonl'] }]));
    expect(api.calls.some(([channel]) => channel === 'library:importText')).toBe(false);
  });

  it('shows load progress while a file streams in, then refreshes the list', async () => {
    const api = renderApp({ records: [mdmaRecord] });
    await recordList();
    act(() => api.emitProgress({ file: '/data/big.jsonl', bytesRead: 250, totalBytes: 1000, records: 12, errors: 1, done: false }));
    const bar = screen.getByRole('progressbar', { name: 'Loading big.jsonl' });
    expect(bar.getAttribute('value')).toBe('250');
    expect(screen.getByText(/so far: records 12, errors 1/)).toBeTruthy();
    const listCalls = api.calls.filter(([channel]) => channel === 'library:list').length;
    act(() => api.emitProgress({ file: '/data/big.jsonl', bytesRead: 1000, totalBytes: 1000, records: 40, errors: 1, done: true }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Loaded big.jsonl: records 40, errors 1');
    await waitFor(() => expect(api.calls.filter(([channel]) => channel === 'library:list').length).toBe(listCalls + 1));
  });
});
