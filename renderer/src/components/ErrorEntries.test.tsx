// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { UiLanguage } from '../../../shared/contract/channels.ts';
import { decodeBytes } from '../../../shared/records/decode.ts';
import { loadError } from '../../../shared/records/loadErrorCodes.ts';
import type { LoadError } from '../../../shared/records/model.ts';
import { parseRecords } from '../../../shared/records/parse.ts';
import { createI18n } from '../i18n/i18n.ts';
import { ErrorEntries } from './ErrorEntries.tsx';

afterEach(cleanup);

/** A row too short for the table's columns, as the real TSV parser reports it (line 3). */
const shortRow = parseRecords('en\tzh\nThe dose was 5 mg.\t剂量为 5 mg。\nno tab here\n', { file: '/data/pairs.tsv' }).errors;
/** A file over the user's size limit, as the record library reports it (no line). */
const tooLarge = loadError('file.tooLarge', { file: '/data/huge.json' }, { size: '300 MiB', limit: '256 MiB' }, 'none');

function show(errors: LoadError[], language: UiLanguage) {
  const i18n = createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <ErrorEntries errors={errors} />
    </I18nextProvider>,
  );
  return { i18n, items: () => screen.getAllByRole('listitem').map((item) => item.textContent) };
}

describe('ErrorEntries', () => {
  it('says a parser error and a size-limit error in Chinese, with the file and the line', () => {
    expect(shortRow).toHaveLength(1);
    const { items } = show([...shortRow, tooLarge], 'zh-CN');
    expect(screen.getByRole('heading', { name: '加载错误（2）' })).toBeTruthy();
    expect(items()).toEqual(['pairs.tsv, 第 3 行应至少有 2 列，实际只有 1 列', 'huge.json文件大小 300 MiB，超过 256 MiB 的上限']);
    // The English wording is not shown at all in the Chinese UI.
    expect(screen.queryByText(/expected at least|over the/)).toBeNull();
  });

  it('says them in English without repeating the file the entry already names', () => {
    const { items } = show([...shortRow, tooLarge], 'en');
    expect(items()).toEqual(['pairs.tsv, line 3expected at least 2 columns, found 1', 'huge.jsonFile is 300 MiB, over the 256 MiB limit']);
  });

  it('follows a change of UI language', () => {
    const { i18n } = show(shortRow, 'en');
    expect(screen.getByText('expected at least 2 columns, found 1')).toBeTruthy();
    act(() => void i18n.changeLanguage('zh-CN'));
    expect(screen.getByText('应至少有 2 列，实际只有 1 列')).toBeTruthy();
  });

  it('fills values into a decoder refusal', () => {
    const refused = decodeBytes(new Uint8Array(200), 'zeros.txt', { maxBytes: 100 });
    if (!('error' in refused)) throw new Error('expected a refusal');
    show([refused.error], 'zh-CN');
    expect(screen.getByText('200 字节，超过 100 字节的上限；请拆分文件，或改用逐行流式读取的 JSONL')).toBeTruthy();
  });

  it('falls back to the English message for an unknown code or none', () => {
    const unknown: LoadError = { source: { file: '/data/a.xml', line: 2 }, message: 'a.xml:2: something new', code: 'xml.fromTheFuture', params: {} };
    const uncoded: LoadError = { source: { file: '/data/b.txt' }, message: 'Checking failed: boom' };
    show([unknown, uncoded], 'zh-CN');
    const list = screen.getByRole('list');
    expect(within(list).getByText('a.xml:2: something new')).toBeTruthy();
    expect(within(list).getByText('Checking failed: boom')).toBeTruthy();
  });

  it('keeps a param named like an i18next option as a value', () => {
    show([loadError('decode.replacedBytes', { file: 'in.txt' }, { count: 3 }, 'file')], 'zh-CN');
    expect(screen.getByText('有 3 处无效的 UTF-8 字节序列已替换为 �')).toBeTruthy();
  });
});
