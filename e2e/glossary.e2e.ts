import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import type { AppPage } from './appPage.ts';
import { openAppSession, type AppSession } from './session.ts';

/** The automatic flags of the aligned view whose kind is the user glossary. */
const glossaryFlags = (app: AppPage): Locator =>
  app.main().getByRole('list', { name: 'Automatic flags' }).getByRole('listitem').filter({ hasText: /^Glossary/ });
const rows = (page: Page): Locator => page.getByRole('group', { name: /^(Row \d+,|第 \d+ 行)/ });

/**
 * The user glossary end to end (issue 5): stored by the real main-side services behind the browser
 * host, edited in the real renderer in Chromium, applied by the analysis worker to the sample record.
 */
describe('the user glossary in the browser host', () => {
  let session: AppSession;
  let page: Page;
  let app: AppPage;

  beforeAll(async () => {
    session = await openAppSession();
    ({ page, app } = session);
    await rows(page).first().waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  const dialog = () => page.getByRole('dialog', { name: 'Glossary' });
  const status = () => dialog().getByRole('status');

  it('an entry MDMA → preferred MDMA, forbidden 摇头丸 makes glossary flags appear on the sample record', async () => {
    expect(await glossaryFlags(app).count()).toBe(0);
    await page.getByRole('button', { name: 'Glossary…' }).click();
    await dialog().getByText('The glossary is empty. Add an entry below or import a TSV file.').waitFor();
    // The form takes the keyboard at once: type, Tab between labelled fields, Enter saves.
    await page.keyboard.type('MDMA');
    await dialog().getByLabel('Preferred rendering').fill('MDMA');
    await dialog().getByLabel('Forbidden renderings').fill('摇头丸');
    await dialog().getByLabel('Note').fill('street name');
    await dialog().getByLabel('Note').press('Enter');
    await status().getByText('Saved “MDMA”.').waitFor();
    const table = dialog().getByRole('table', { name: 'Glossary entries' });
    expect(await table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'MDMA' }) }).textContent()).toContain('摇头丸');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });

    // Flags are counted, not waited on as visible: rows outside the scrolled view are not painted.
    await expect.poll(() => glossaryFlags(app).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const flag = glossaryFlags(app).filter({ hasText: '摇头丸' }).first();
    expect(await flag.textContent()).toMatch(/^GlossaryMajor"MDMA" is rendered 摇头丸, which the glossary forbids; use MDMA\./);
    // The forbidden rendering is marked in the Chinese text of the flagged row.
    const row = rows(page).filter({ has: page.getByRole('listitem').filter({ hasText: /^Glossary.*摇头丸/ }) });
    expect(await row.first().locator('mark', { hasText: '摇头丸' }).count()).toBeGreaterThan(0);
  });

  it('exports the glossary as TSV with the entry in it', async () => {
    await page.getByRole('button', { name: 'Glossary…' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog().getByRole('button', { name: 'Export TSV' }).click()]);
    expect(download.suggestedFilename()).toBe('glossary.tsv');
    expect(await readFile((await download.path())!, 'utf8')).toBe('english\tpreferred\tforbidden\tnote\nMDMA\tMDMA\t摇头丸\tstreet name\n');
    await status().getByText('Exported 1 entries as glossary.tsv.').waitFor();
  });

  it('imports a TSV: the bad line is named, the good lines are added', async () => {
    const tsv = ['english\tpreferred\tforbidden\tnote', 'PTSD\t创伤后应激障碍\tPTSD\t', 'placebo\t\t\tno rendering at all', 'veterans\t退伍军人\t\t'].join('\n');
    await dialog().getByLabel('Import TSV…').setInputFiles({ name: 'terms.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from(tsv, 'utf8') });
    await status().getByText('Imported: 2 added, 0 updated, 1 lines not imported.').waitFor();
    const errors = dialog().getByRole('region', { name: 'Lines not imported' }).getByRole('listitem');
    expect(await errors.allTextContents()).toEqual(['Line 3: "placebo" has neither a preferred nor a forbidden rendering.']);
    expect(await dialog().getByRole('rowheader').allTextContents()).toEqual(['MDMA', 'PTSD', 'veterans']);
  });

  it('keeps the entries across a reload, and the flags with them', async () => {
    await page.reload();
    await rows(page).first().waitFor();
    await expect.poll(() => glossaryFlags(app).filter({ hasText: '摇头丸' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Glossary…' }).click();
    await dialog().getByRole('table', { name: 'Glossary entries' }).waitFor();
    expect(await dialog().getByRole('rowheader').allTextContents()).toEqual(['MDMA', 'PTSD', 'veterans']);
    await app.screenshot('glossary-dialog-en');

    // Deleting the MDMA entry takes its flags away again.
    await dialog().getByRole('button', { name: 'Delete MDMA' }).click();
    await status().getByText('Deleted “MDMA”.').waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => glossaryFlags(app).filter({ hasText: '摇头丸' }).count(), { timeout: 10_000 }).toBe(0);
    expect(session.problems).toEqual([]);
  });

  it('speaks Chinese when the UI does', async () => {
    await app.setUiLanguage('中文');
    await page.getByRole('button', { name: '术语表…' }).click();
    const zhDialog = page.getByRole('dialog', { name: '术语表' });
    expect(await zhDialog.getByRole('columnheader').allTextContents()).toEqual(['英文术语', '首选译法', '禁用译法', '备注', '操作']);
    expect(await zhDialog.getByRole('button', { name: '删除 PTSD' }).isVisible()).toBe(true);
    await app.screenshot('glossary-dialog-zh-CN');
    await zhDialog.getByRole('button', { name: '关闭' }).click();
    await app.setUiLanguage('English');
    expect(session.problems).toEqual([]);
  });
});
