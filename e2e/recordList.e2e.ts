import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { AppPage } from './appPage.ts';
import { openAppSession, type AppSession } from './session.ts';
import { fixturesDir } from './host.ts';

const sampleTitle = /^MDMA for treatment of PTSD/;
const trachomaTitle = /^The simplified trachoma grading system, amended\./;

describe('the record list: flag counts, status, filters and search (browser host, Chromium)', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;

  const filters = (): Locator => page.getByRole('group', { name: 'Filter records' });
  const titles = async (): Promise<string[]> => (await app.recordList().getByRole('option').locator('[lang="en"]').allTextContents());

  beforeAll(async () => {
    session = await openAppSession();
    ({ page, app } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows each record’s flag count and status once the background check has run', async () => {
    await app.openFiles([join(fixturesDir, 'trachoma-grading.page.txt')]);
    await expect.poll(async () => (await titles()).length, { timeout: 10_000 }).toBe(2);
    const sample = app.record(sampleTitle);
    await expect.poll(() => sample.textContent(), { timeout: 15_000 }).toMatch(/\d+ flags: \d+ critical, [1-9]\d* major, \d+ minor/);
    expect(await sample.textContent()).toMatch(/Unreviewed$/);
    expect(await filters().getByText('2 of 2 records').isVisible()).toBe(true);
  });

  it('filters by section-missing: only the sample remains', async () => {
    const kind = filters().getByLabel('Flag kind');
    await expect.poll(() => kind.locator('option[value="section-missing"]').textContent(), { timeout: 15_000 }).toBe('Missing section label (1)');
    await kind.selectOption('section-missing');
    await expect.poll(titles).toEqual([expect.stringMatching(sampleTitle)]);
    expect(await filters().getByText('1 of 2 records').isVisible()).toBe(true);
    await filters().getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(async () => (await titles()).length).toBe(2);
  });

  it('finds the trachoma record by a Chinese word, and nothing by a word in neither record', async () => {
    const search = filters().getByRole('searchbox', { name: 'Search titles and abstracts' });
    await search.fill('沙眼');
    await expect.poll(titles).toEqual([expect.stringMatching(trachomaTitle)]);
    await search.fill('摇头丸');
    await expect.poll(titles).toEqual([expect.stringMatching(sampleTitle)]);
    await search.fill('xylophone');
    await page.getByText('No records match the filters.').waitFor();
    await search.fill('');
    await expect.poll(async () => (await titles()).length).toBe(2);
  });

  it('shows a status set to Done in the review, and the status filter finds it', async () => {
    await app.record(trachomaTitle).click();
    await app.main().getByText(/The simplified trachoma grading system/).first().waitFor();
    await app.main().getByLabel('Status').selectOption({ label: 'Done' });
    await expect.poll(() => app.record(trachomaTitle).textContent(), { timeout: 5000 }).toMatch(/Done$/);
    expect(await app.record(sampleTitle).textContent()).toMatch(/Unreviewed$/);
    await filters().getByLabel('Status').selectOption('reviewed');
    await expect.poll(titles).toEqual([expect.stringMatching(trachomaTitle)]);
    await app.screenshot('record-list-filtered-en');
    expect(session.problems).toEqual([]);
  });
});
