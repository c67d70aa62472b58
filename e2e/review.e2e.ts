import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Locator, Page } from 'playwright-core';
import type { AppPage } from './appPage.ts';
import { openAppSession, type AppSession } from './session.ts';

/** Rows of the aligned view ("Row 3, confidence 87%…" / "第 3 行…"). */
const rows = (page: Page): Locator => page.getByRole('group', { name: /^(Row \d+,|第 \d+ 行)/ });
const saved = (page: Page) => page.getByRole('status').filter({ hasText: /^(All changes saved|所有更改已保存)$/ }).waitFor();

describe('the review workflow in the browser host', () => {
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

  it('aligns the example record in the worker: Objective and Results flagged missing, MDMA three ways', async () => {
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(12);
    for (const label of ['Objective', 'Results']) {
      const section = app.main().getByRole('region', { name: label, exact: true });
      expect(await section.getByRole('note').textContent()).toBe('Label missing in the translation');
    }
    expect(await app.main().getByRole('region', { name: 'Background', exact: true }).getByText('Label kept:').isVisible()).toBe(true);
    const term = app.main().getByRole('listitem').filter({ hasText: /"MDMA" is rendered 3 ways/ });
    expect(await term.count()).toBe(1);
    expect(await term.textContent()).toMatch(/Inconsistent term.*MDMA.*亚甲二氧基甲基苯丙胺.*摇头丸/);
    // The renderings are marked inside the Chinese text, as text (no HTML from the record).
    expect(await app.main().locator('mark', { hasText: '摇头丸' }).count()).toBeGreaterThanOrEqual(2);
    expect(await app.main().locator('mark', { hasText: '亚甲二氧基甲基苯丙胺' }).count()).toBeGreaterThanOrEqual(2);
    await app.screenshot('review-main-en');
  });

  it('jumps between flags with J and K', async () => {
    await page.locator('body').press('j');
    await app.main().getByText(/^Flag 1 of \d+/).waitFor();
    await page.keyboard.press('j');
    await app.main().getByText(/^Flag 2 of \d+/).waitFor();
    await page.keyboard.press('k');
    await app.main().getByText(/^Flag 1 of \d+/).waitFor();
    const focused = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } } }).document.activeElement.getAttribute('aria-label'));
    expect(focused).toMatch(/^Row \d+, confidence \d+%, flagged:/);
  });

  it('annotates a sentence with a corrected translation, which survives a reload', async () => {
    const sentence = app.main().getByRole('button', { name: /^在神经康复过程中/ });
    await sentence.click();
    await page.keyboard.press('a');
    const form = page.getByRole('dialog', { name: 'Annotate' });
    await form.getByLabel('MQM category').selectOption('Terminology/Inconsistent use of terminology');
    await form.getByLabel('MQM category').press('2');
    await form.getByLabel('Comment').fill('摇头丸 is street slang; MDMA elsewhere');
    await form.getByLabel('Give a corrected translation').check();
    const original = (await form.getByLabel('Corrected translation', { exact: true }).inputValue()).trim();
    await form.getByLabel('Corrected translation', { exact: true }).fill(original.replace('摇头丸', 'MDMA'));
    expect(await form.getByText(/^Edit rate \d/).textContent()).toMatch(/\(\d+ character edits\)/);
    await form.getByRole('button', { name: 'Save annotation' }).click();
    await saved(page);
    await page.reload();
    await rows(page).first().waitFor();
    const annotation = app.main().getByRole('list', { name: 'Annotations' }).getByRole('listitem');
    await annotation.first().waitFor();
    expect(await annotation.textContent()).toMatch(/Major.*Terminology \/ Inconsistent use of terminology.*street slang/);
    expect(await annotation.getByRole('insertion').first().textContent()).toBe('MDMA');
  });

  it('dismisses a flag and the verdict is kept', async () => {
    const flag = app.main().getByRole('listitem').filter({ hasText: 'Section label "Objective" is missing' });
    await flag.getByRole('button', { name: 'Dismiss' }).click();
    await saved(page);
    await page.reload();
    await rows(page).first().waitFor();
    const again = app.main().getByRole('listitem').filter({ hasText: 'Section label "Objective" is missing' });
    expect(await again.getByRole('button', { name: 'Dismiss' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('merges two rows by hand and undoes it with Ctrl+Z', async () => {
    const first = rows(page).first();
    await first.getByText('Alignment', { exact: true }).click();
    await first.getByRole('button', { name: 'Merge with next row' }).click();
    await expect.poll(() => rows(page).count()).toBe(11);
    await saved(page);
    await page.locator('body').press('Control+z');
    await expect.poll(() => rows(page).count()).toBe(12);
    await saved(page);
    await page.reload();
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(12);
  });

  async function exportAs(format: string): Promise<string> {
    await app.main().getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export the review' });
    await dialog.getByLabel('Format').selectOption(format);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
    const content = await readFile((await download.path())!, 'utf8');
    await dialog.getByRole('button', { name: 'Close' }).click();
    return content;
  }

  it('exports CSV and MQM TSV with the annotation in them', async () => {
    const csv = await exportAs('csv');
    expect(csv).toContain('street slang');
    expect(csv).toMatch(/Terminology\/Inconsistent use of terminology/);
    expect(csv).toContain('dismissed');
    const tsv = await exportAs('mqm-tsv');
    const lines = tsv.trim().split('\n');
    expect(lines[0]).toBe('system\tdoc\tdoc_id\tseg_id\trater\tsource\ttarget\tcategory\tseverity');
    const row = lines.find((line) => line.includes('Terminology/Inconsistent use of terminology'));
    expect(row?.split('\t').slice(-2)).toEqual(['Terminology/Inconsistent use of terminology', 'Major']);
    expect(row).toContain('摇头丸');
  });

  it('switches the review UI to 中文', async () => {
    await app.setUiLanguage('中文');
    await app.main().getByRole('tab', { name: '对齐审校' }).waitFor();
    const objective = app.main().getByRole('region', { name: 'Objective', exact: true });
    expect(await objective.getByRole('note').textContent()).toBe('译文中缺少此标签');
    expect(await app.main().getByRole('button', { name: '下一个标记' }).isVisible()).toBe(true);
    expect(await rows(page).first().getAttribute('aria-label')).toMatch(/^第 1 行/);
    await app.screenshot('review-main-zh-CN');
    await app.setUiLanguage('English');
  });

  it('ran without page errors or console errors', () => {
    expect(session.problems).toEqual([]);
  });
});

describe('a crash of the main side while annotations are saved', () => {
  let userDataDir: string;
  const token = 'crash-test-token-0123456789abcdef';
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'review-e2e-crash-'));
  });
  afterAll(async () => {
    for (const child of children) child.kill('SIGKILL');
    await rm(userDataDir, { recursive: true, force: true });
  });

  /** Starts the browser host in a child process and resolves with its base URL. */
  function startHost(): Promise<{ child: ChildProcess; base: string }> {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'reviewCrashHost.ts'), userDataDir, token], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const ready = /READY (http:\/\/[^/\s]+)/.exec(out);
        if (ready) resolve({ child, base: ready[1]! });
      });
      child.once('exit', (code) => reject(new Error(`host exited early (${code})`)));
    });
  }

  const call = async (base: string, channel: string, body: unknown) => {
    const response = await fetch(`${base}/api/${channel}`, { method: 'POST', headers: { 'X-Review-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return (await response.json()) as { ok: boolean; value?: { id: string; annotations?: { id: string }[]; records?: { id: string }[] }; error?: string };
  };

  it('keeps every acknowledged annotation and an intact database after kill -9', async () => {
    const first = await startHost();
    const library = await call(first.base, 'library:list', {});
    const recordId = library.value!.records![0]!.id;
    const acknowledged: string[] = [];
    let stop = false;
    // Four writers save annotations as fast as the host answers; the host is killed mid-stream.
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const annotation = { recordId, enSentences: [i % 12], zhSentences: [i % 12], span: null, category: 'Fluency/Grammar', severity: 'minor', comment: `writer ${w} #${i}`, correction: null };
        try {
          const result = await call(first.base, 'annotations:save', { annotation });
          if (result.ok) acknowledged.push(result.value!.id);
        } catch {
          return; // the connection died with the host
        }
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await expect.poll(() => acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(40);
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    if (first.child.exitCode === null && first.child.signalCode === null) await new Promise((resolve) => first.child.once('exit', resolve));

    const db = new DatabaseSync(join(userDataDir, 'review.sqlite'));
    expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    db.close();

    const second = await startHost();
    const listed = await call(second.base, 'annotations:list', { recordId });
    const stored = new Set(listed.value!.annotations!.map((a) => a.id));
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    second.child.kill('SIGKILL');
  });
});
