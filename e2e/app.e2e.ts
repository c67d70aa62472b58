import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AppPage } from './appPage.ts';
import { openAppSession, type AppSession } from './session.ts';
import { fixturesDir } from './host.ts';

/** Page script (runs before the app's): remembers the text of the first <h1> ever inserted. */
const firstHeadingRecorder = `
  new MutationObserver((_, observer) => {
    const heading = document.querySelector('h1');
    if (heading) { window.firstHeading = heading.textContent; observer.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
`;

const sampleTitle = 'MDMA for treatment of PTSD and neurorehabilitation in military populations.';

describe('the review app in the browser host', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;

  beforeAll(async () => {
    session = await openAppSession();
    ({ page, app } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens on the bundled sample, English and Chinese side by side', async () => {
    await expect.poll(() => app.record(new RegExp(sampleTitle.replace(/[.]/g, '\\.'))).count()).toBe(1);
    await app.showFullText();
    const english = app.englishColumn();
    const chinese = app.chineseColumn();
    await english.getByRole('heading', { name: 'Background' }).waitFor();
    expect(await english.getByRole('heading', { name: sampleTitle }).isVisible()).toBe(true);
    expect(await english.getByText(/^This is an expert review and synthesis of the literature\.$/).isVisible()).toBe(true);
    expect(await chinese.getByRole('heading', { name: '将摇头丸用于治疗创伤后应激障碍和军事人群的神经康复。' }).isVisible()).toBe(true);
    expect(await chinese.getByText(/背景[:：]由于创伤后应激障碍发生率较高/).isVisible()).toBe(true);

    // Side by side: the Chinese column starts level with the English one, to its right.
    const left = await english.boundingBox();
    const right = await chinese.boundingBox();
    expect(left && right && right.x > left.x + left.width - 1 && Math.abs(right.y - left.y) < 2).toBe(true);

    // The Chinese is marked zh-CN and drawn in a CJK font (fonts-noto-cjk on these machines).
    const zhText = chinese.getByText(/背景[:：]由于/);
    expect(await zhText.evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('zh-CN');
    expect(await zhText.evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).fontFamily)).toMatch(/^"Noto Sans CJK SC"/);
    expect(await app.main().getByText('NeuroRehabilitation', { exact: true }).isVisible()).toBe(true);
    expect(await app.main().getByText('10.3233/NRE-230270', { exact: true }).isVisible()).toBe(true);
    await app.screenshot('sample-en-ui');
  });

  it('switches the interface to 中文 and back, and remembers the choice on reload', async () => {
    await app.setUiLanguage('中文');
    await page.getByRole('heading', { name: '记录', exact: true }).waitFor();
    expect(await page.getByLabel('打开文件…').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await app.chineseColumn().getByRole('heading', { name: '中文译文' }).waitFor();
    await app.screenshot('sample-zh-ui');

    // Saved through settings:set: a reload (the token is kept for the tab) opens in Chinese.
    // The saved language is read before the first render: the app name, as first drawn, is Chinese.
    await page.addInitScript(firstHeadingRecorder);
    await page.reload();
    await page.getByRole('heading', { name: '记录', exact: true }).waitFor();
    expect(await page.evaluate('window.firstHeading')).toBe('摘要机器翻译审校');
    expect(await app.languageSelect().inputValue()).toBe('zh-CN');

    await app.setUiLanguage('English');
    await page.getByRole('heading', { name: 'Records', exact: true }).waitFor();
    expect(await page.getByLabel('Open files…').count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('keeps the token out of the address bar', async () => {
    expect(page.url()).not.toContain('token=');
  });

  it('opens a second file with the file picker and shows it', async () => {
    await app.openFiles([join(fixturesDir, 'trachoma-grading.page.txt')]);
    const added = app.record(/The simplified trachoma grading system, amended\./);
    await added.waitFor();
    expect(await app.recordList().getByRole('option').count()).toBe(2);
    // The new record is selected and shown.
    await expect.poll(() => added.getAttribute('aria-selected')).toBe('true');
    await app.showFullText();
    await app.englishColumn().getByText(/^A simplified grading system for trachoma was published/).waitFor();
    expect(await app.chineseColumn().getByRole('heading', { name: '经修订的简化沙眼分级系统' }).isVisible()).toBe(true);

    // Keyboard: up goes back to the sample.
    await app.recordList().focus();
    await page.keyboard.press('ArrowUp');
    await app.record(new RegExp(sampleTitle.replace(/[.]/g, '\\.'))).and(page.getByRole('option', { selected: true })).waitFor();
    await app.showFullText();
    await app.englishColumn().getByRole('heading', { name: 'Background' }).waitFor();
    await app.screenshot('second-file');
  });

  it('reports a malformed file as an error entry while the other file still loads', async () => {
    await app.openFiles([join(fixturesDir, 'malformed.page.txt'), join(fixturesDir, 'trachoma-grading.page.txt')]);
    const entry = app.errorPanel().getByRole('listitem').filter({ hasText: 'malformed.page.txt' });
    await entry.waitFor();
    expect(await entry.textContent()).toMatch(/malformed\.page\.txt, line 1.*no English title or abstract/);
    await expect.poll(() => app.record(/trachoma/).count()).toBeGreaterThanOrEqual(1);
    expect(await app.record(new RegExp(sampleTitle.replace(/[.]/g, '\\.'))).count()).toBe(1);
    await app.screenshot('error-entry');
  });

  it('opens a file dropped onto the window', async () => {
    const text = (await readFile(join(fixturesDir, 'trachoma-grading.page.txt'), 'utf8')).replace(
      'The simplified trachoma grading system, amended.',
      'Dropped copy of the trachoma grading record.',
    );
    await app.dropFile('dropped.page.txt', text);
    const dropped = app.record(/Dropped copy of the trachoma grading record\./);
    await dropped.waitFor();
    await expect.poll(() => dropped.getAttribute('aria-selected')).toBe('true');
    expect(await page.getByText('Drop files here to open them').count()).toBe(0);
  });

  it('scrolls a list of thousands of records with the keyboard, drawing only the rows in view', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'review-e2e-many-'));
    try {
      const page1 = await readFile(join(fixturesDir, 'trachoma-grading.page.txt'), 'utf8');
      const pages = Array.from({ length: 2000 }, (_, index) =>
        page1.replace('The simplified trachoma grading system, amended.', `Generated record ${index + 1} of the long list.`),
      );
      const file = join(folder, 'many.page.txt');
      await writeFile(file, pages.join('\n'));
      await app.openFiles([file]);
      await app.record(/^Generated record 1 of the long list\./).waitFor({ timeout: 30_000 });
      const total = Number((await app.recordList().getAttribute('aria-label'))?.match(/\d+/)?.[0]);
      expect(total).toBeGreaterThanOrEqual(2000);
      expect(await app.recordList().getByRole('option').count()).toBeLessThan(60);

      await app.recordList().focus();
      await page.keyboard.press('End');
      const last = app.recordList().getByRole('option', { selected: true });
      await expect.poll(() => last.getAttribute('aria-posinset')).toBe(String(total));
      // Scrolled into view: the selected row lies inside the list box's visible box.
      const [row, box] = [await last.boundingBox(), await app.recordList().boundingBox()];
      expect(row && box && row.y >= box.y - 1 && row.y + row.height <= box.y + box.height + 1).toBe(true);
      await app.main().getByRole('heading', { name: 'Generated record 2000 of the long list.' }).first().waitFor();
      await page.keyboard.press('PageUp');
      await expect.poll(() => last.getAttribute('aria-posinset')).toBe(String(total - 10));
      await app.screenshot('long-list');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('follows a load started outside the page (menu, command line) through the push stream', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'review-e2e-push-'));
    try {
      const file = join(folder, 'pushed.page.txt');
      const text = await readFile(join(fixturesDir, 'trachoma-grading.page.txt'), 'utf8');
      await writeFile(file, text.replace('The simplified trachoma grading system, amended.', 'Record loaded by the main side.'));
      // The page does not make this request: only the SSE progress events can tell it.
      const response = await fetch(new URL('/api/library:openPaths', session.host.host.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Review-Token': session.host.host.token },
        body: JSON.stringify({ paths: [file] }),
      });
      expect(response.status).toBe(200);
      await app.record(/Record loaded by the main side\./).waitFor();
      await page.getByRole('status').filter({ hasText: 'Loaded pushed.page.txt: records 1, errors 0' }).waitFor();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('ran without script errors or CSP violations', () => {
    expect(session.problems).toEqual([]);
  });
});
