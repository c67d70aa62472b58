import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../electron/web/browserHost.ts';
import { AppPage } from './appPage.ts';
import { launchChromium, type Browser } from './chromium.ts';

// Every record format through the real app: picked in the page (importText), opened by path on the
// host (openPaths, with WMT sibling pairing), the format override, and the refusals a user must
// see named: a binary file, a file over the size limit (--max-file-mb 1 here), a malformed line.

const samples = fileURLToPath(new URL('../samples/formats/', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/formats/', import.meta.url));
const pickedSamples = [
  'several-records.page.txt',
  'traditional-chinese.page.txt',
  'records.json',
  'records.jsonl',
  'pairs.tsv',
  'pairs-utf8-bom.csv',
  'pairs-utf16.tsv',
  'memory.tmx',
  'abstract-1.2.xlf',
  'abstract-2.0.xlf',
];

describe('record formats in the browser host', () => {
  let host: BrowserHost;
  let browser: Browser;
  let page: Page;
  let app: AppPage;
  let work: string;
  const problems: string[] = [];

  const optionCount = () => app.recordList().getByRole('option').count();
  /**
   * What the host has loaded, straight from its API: the list is virtualised, so rows scrolled out
   * of view are not in the page to count.
   */
  const listed = async (): Promise<{ records: { file: string }[]; errors: { source: { file: string } }[] }> => {
    const response = await fetch(new URL('/api/library:list', host.url), { method: 'POST', headers: { 'x-review-token': host.token, 'content-type': 'application/json' }, body: '{}' });
    const body = (await response.json()) as { ok: boolean; value: { records: { file: string }[]; errors: { source: { file: string } }[] } };
    return body.value;
  };
  const recordsFrom = async (pattern: RegExp) => (await listed()).records.filter((record) => pattern.test(record.file)).length;
  const readAs = () => page.getByRole('combobox', { name: /^(Read as|读取格式)$/ });
  const openPath = async (path: string) => {
    await page.getByRole('combobox', { name: /^(Open a path|按路径打开)$/ }).fill(path);
    await page.getByRole('button', { name: /^(Open path|打开路径)$/ }).click();
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'review-e2e-formats-'));
    host = await startBrowserHost({ port: 0, userDataDir: join(work, 'user-data'), maxFileMb: 1 });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    app = new AppPage(page);
    await app.open(host.url);
    await app.record(/MDMA for treatment of PTSD/).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('loads one sample of every format picked in the page, with no error entries', async () => {
    await app.openFiles(pickedSamples.map((name) => join(samples, name)));
    // 1 bundled + 3 page + 2 JSON + 2 JSONL + 2 TSV + 1 CSV + 1 UTF-16 TSV + 1 TMX + 2 XLIFF.
    await expect.poll(optionCount, { timeout: 20_000 }).toBe(15);
    expect(await app.errorPanel().getByRole('listitem').count()).toBe(0);

    // The UTF-16 file shows real Chinese, not NULs and mojibake.
    await app.record(/pairs-utf16\.tsv/).click();
    await app.showFullText();
    await app.chineseColumn().getByText(/洗手使感染减少了30%/).waitFor();
    // Traditional Chinese with 【】 labels, and a page whose translation is only in the JSON line.
    await app.record(/Salt reduction and stroke/).click();
    await app.showFullText();
    await app.chineseColumn().getByText(/代鹽降低了中風發生率/).waitFor();
    await app.record(/Screen time and myopia/).click();
    await app.showFullText();
    await app.chineseColumn().getByText(/屏幕时间与儿童近视有关/).waitFor();
    await app.englishColumn().getByRole('heading', { name: 'Methods' }).waitFor();
    await app.screenshot('formats-all-en');
  });

  it('opens a folder by path and pairs the WMT _en/_zh siblings into bilingual records', async () => {
    const folder = join(work, 'wmt');
    await mkdir(folder);
    for (const name of ['medline-doc4-5_en.txt', 'medline-doc4-5_zh.txt']) await copyFile(join(samples, name), join(folder, name));
    await openPath(folder);
    await expect.poll(() => recordsFrom(/medline-doc4-5_en\.txt$/)).toBe(2);
    expect(await recordsFrom(/medline-doc4-5_zh\.txt$/)).toBe(0);
    expect(await app.errorPanel().getByRole('listitem').count()).toBe(0);
    // The first record the folder added is selected and shown (its file in the Full text details).
    await expect
      .poll(async () => {
        await app.showFullText();
        return app.main().getByText(/medline-doc4-5_en\.txt/).count();
      })
      .toBeGreaterThan(0);
    await app.chineseColumn().getByText(/甚高分辨率/).waitFor();
    // The folder is now a recent path, offered in the path field.
    await expect.poll(() => page.locator('datalist option').evaluateAll((options) => options.map((option) => option.getAttribute('value')))).toContain(folder);
  });

  it('pairs the WMT _en/_zh siblings picked together in the page (no paths: one request with both texts)', async () => {
    await app.openFiles(['medline-doc4-5_zh.txt', 'medline-doc4-5_en.txt'].map((name) => join(samples, name)));
    await expect.poll(() => recordsFrom(/^medline-doc4-5_en\.txt$/)).toBe(2);
    expect(await recordsFrom(/^medline-doc4-5_zh\.txt$/)).toBe(0);
    expect(await app.errorPanel().getByRole('listitem').count()).toBe(0);
  });

  it('names a binary file, an oversize file and a malformed line in the error panel while the rest load', async () => {
    const folder = join(work, 'bad');
    await mkdir(folder);
    await writeFile(join(folder, 'scan.pdf.txt'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0), Buffer.from([1, 2, 3, 255])]));
    await writeFile(join(folder, 'huge.tsv'), `en\tzh\n${'A sentence.\t一句话。\n'.repeat(80_000)}`);
    await copyFile(join(fixtures, 'one-bad-line.jsonl'), join(folder, 'one-bad-line.jsonl'));
    await openPath(folder);
    const entries = app.errorPanel().getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.filter({ hasText: 'scan.pdf.txt' }).textContent()).toMatch(/PDF|binary/i);
    expect(await entries.filter({ hasText: 'huge.tsv' }).textContent()).toMatch(/over the 1 MiB limit$/);
    expect(await entries.filter({ hasText: 'one-bad-line.jsonl' }).textContent()).toMatch(/line 2/);
    await expect.poll(() => recordsFrom(/one-bad-line\.jsonl$/)).toBe(2);
    await app.screenshot('formats-errors-en');
  });

  it('finds a CSV saved as .txt by its content, and reads it as the format the user picks instead', async () => {
    const file = join(fixtures, 'exported-pairs.txt');
    expect(await readAs().inputValue()).toBe('auto');
    await app.openFiles([file]);
    // The same cell count on every line makes it a table; the columns are told apart by content.
    await expect.poll(() => recordsFrom(/^exported-pairs\.txt$/)).toBe(1);
    await app.main().getByText(/ace-2020|Blood pressure fell/).first().waitFor();
    await app.showFullText();
    await app.chineseColumn().getByText(/血压平均下降了8 mmHg。/).waitFor();
    await app.englishColumn().getByText(/Cough was the most common side effect\./).waitFor();
    expect(await app.errorPanel().getByRole('listitem').filter({ hasText: 'exported-pairs.txt' }).count()).toBe(0);
    // Read as a page dump, it gives one record whose title is the header line and no Chinese.
    await readAs().selectOption({ label: 'Page dump (text from a search site)' });
    await app.openFiles([file]);
    await app.main().getByText(/id,source_text,target_text/).first().waitFor();
    await app.showFullText();
    expect(await app.chineseColumn().getByText(/血压平均下降了8 mmHg/).count()).toBe(0);
    await readAs().selectOption({ value: 'auto' });
  });

  it('shows the open controls in 中文, and no script errors happened', async () => {
    await app.setUiLanguage('中文');
    await readAs().waitFor();
    expect(await page.getByRole('option', { name: '自动识别' }).count()).toBe(1);
    await page.getByRole('button', { name: '打开路径' }).waitFor();
    // The reasons of the error entries a parser wrote are in Chinese too.
    const entries = app.errorPanel().getByRole('listitem');
    expect(await entries.filter({ hasText: 'one-bad-line.jsonl' }).textContent()).toMatch(/第 2 行JSON 无效/);
    expect(await entries.filter({ hasText: 'scan.pdf.txt' }).textContent()).toMatch(/PDF 文档|二进制文件/);
    await app.screenshot('formats-zh-CN');
    await app.setUiLanguage('English');
    expect(problems).toEqual([]);
  });
});
