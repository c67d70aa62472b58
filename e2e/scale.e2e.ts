import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { corpusLines } from '../bench/corpus/buildCorpus.ts';
import { startBrowserHost, type BrowserHost } from '../electron/web/browserHost.ts';
import { createJsonlParser } from '../shared/records/json.ts';
import { AppPage } from './appPage.ts';
import { launchChromium, type Browser } from './chromium.ts';

/**
 * A large file opened in the browser host stays usable while it loads (issue 7). The file is a
 * named pipe the test writes into, so "while it loads" is a state the test holds open for as long
 * as it likes, not a race against a fast machine: the host reads a third of the records, then
 * waits for more. Functional only; the timings are `npm run bench:app-scale`'s business.
 */
const total = 3000;
const lines = [...corpusLines({ records: total })];

/** The titles and DOI the app will show for line `index`, read with the app's own parser. */
function recordAt(index: number): { title: string; doi: string; zhTitle: string } {
  const record = createJsonlParser({ file: 'x.jsonl', format: 'jsonl' }).push(`${lines[index]}\n`).records[0];
  if (!record) throw new Error(`corpus line ${index} does not parse`);
  return { title: record.en.title, doi: record.metadata.doi ?? record.id, zhTitle: record.zh?.title ?? '' };
}

/** A record a few rows above the 2,000th whose title no other of the first 2,000 shares. */
const firstTitles = createJsonlParser({ file: 'x.jsonl', format: 'jsonl' }).push(`${lines.slice(0, 2000).join('\n')}\n`).records.map((record) => record.en.title);
const chosen = [1996, 1995, 1994, 1993, 1992, 1991, 1990].find((index) => firstTitles.filter((title) => title === firstTitles[index]).length === 1) ?? 1996;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('a large file in the browser host', () => {
  let folder: string;
  let pipe: WriteStream;
  let host: BrowserHost;
  let browser: Browser;
  let page: Page;
  let app: AppPage;

  const write = (from: number, to: number): Promise<void> =>
    new Promise((resolve, reject) => pipe.write(`${lines.slice(from, to).join('\n')}\n`, (error) => (error ? reject(error) : resolve())));

  /** The count in the record list's accessible name, "Records (1234)". */
  const listedCount = async (): Promise<number> => Number((await app.recordList().getAttribute('aria-label'))?.replace(/\D/g, '') ?? NaN);
  const progressBar = () => page.getByRole('progressbar', { name: /^Loading records\.jsonl/ });

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'review-e2e-scale-'));
    const file = join(folder, 'records.jsonl');
    execFileSync('mkfifo', [file]);
    host = await startBrowserHost({ paths: [file], port: 0, userDataDir: join(folder, 'user-data'), waitForLoad: false });
    // Opening a pipe for writing waits for its reader: the host, which started loading above.
    pipe = createWriteStream(file);
    browser = await launchChromium();
    page = await browser.context.newPage();
    app = new AppPage(page);
  });

  afterAll(async () => {
    pipe?.destroy();
    await browser?.close();
    await host?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('lists records as they arrive, with a progress bar and a growing count', async () => {
    await write(0, 1000);
    await app.open(host.url);
    await expect.poll(listedCount).toBe(1000);

    // The page subscribed to progress after the first thousand arrived: the bar shows with the next.
    await write(1000, 2000);
    await expect.poll(listedCount).toBe(2000);
    expect(await progressBar().isVisible()).toBe(true);
    await app.screenshot('scale-while-loading');
  });

  it('shows a record chosen from the list before the load ends', async () => {
    const wanted = recordAt(chosen);
    const row = app.record(new RegExp(`^${escapeRegExp(wanted.title)}`));
    // The list is virtualised: End jumps to the last record loaded so far, which brings the rows
    // just above it into the DOM; then a click, as a reviewer would.
    await app.recordList().focus();
    await page.keyboard.press('End');
    await expect.poll(() => app.recordList().getAttribute('aria-activedescendant')).toMatch(/-option-1999$/);
    await expect.poll(() => row.count()).toBe(1);
    await row.click();
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    await app.main().getByText(wanted.doi, { exact: true }).waitFor();
    await app.showFullText();
    await app.englishColumn().getByRole('heading', { name: wanted.title }).waitFor();
    expect(await app.chineseColumn().getByRole('heading', { name: wanted.zhTitle }).isVisible()).toBe(true);
    // Still loading: the pipe has not ended.
    expect(await progressBar().isVisible()).toBe(true);
    expect(await listedCount()).toBe(2000);
  });

  it('finishes the load: every record listed, the progress bar gone, the chosen record still shown', async () => {
    await write(2000, total);
    await new Promise<void>((resolve) => pipe.end(resolve));
    await host.loaded;
    await expect.poll(listedCount).toBe(total);
    await expect.poll(() => progressBar().count()).toBe(0);
    expect(await app.englishColumn().getByRole('heading', { name: recordAt(chosen).title }).isVisible()).toBe(true);
  });
});
