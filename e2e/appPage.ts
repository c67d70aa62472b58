import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const screenshotDir = join(process.cwd(), 'test-results', 'screenshots');

/** Names the UI gives things, in both UI languages, so a spec can find them whichever is on. */
const names = {
  recordList: /^(Records \(\d+\)|记录（\d+）)$/,
  english: /^(English source|英文原文)$/,
  chinese: /^(Chinese translation|中文译文)$/,
  language: /^(Interface language|界面语言)$/,
  openFiles: /^(Open files…|打开文件…)$/,
  loadErrors: /^(Load errors|加载错误)/,
  main: /^(Selected record|所选记录)$/,
};

/**
 * The app as a reviewer sees it: every locator goes by role and accessible name, as a person (or a
 * screen reader) would find things, never by CSS class.
 */
export class AppPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens the app at the host's URL (token included) and waits for the record list. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.recordList().waitFor();
  }

  recordList(): Locator {
    return this.page.getByRole('listbox', { name: names.recordList });
  }

  record(name: string | RegExp): Locator {
    return this.recordList().getByRole('option', { name });
  }

  main(): Locator {
    return this.page.getByRole('main', { name: names.main });
  }

  /**
   * The record panel opens on the aligned review (issue 6); the file's text as English and Chinese
   * columns is its "Full text" tab, which resets to the review whenever another record is chosen.
   */
  async showFullText(): Promise<void> {
    await this.main().getByRole('tab', { name: /^(Full text|全文)$/ }).click();
  }

  englishColumn(): Locator {
    return this.main().getByRole('region', { name: names.english });
  }

  chineseColumn(): Locator {
    return this.main().getByRole('region', { name: names.chinese });
  }

  errorPanel(): Locator {
    return this.page.getByRole('region', { name: names.loadErrors });
  }

  languageSelect(): Locator {
    return this.page.getByLabel(names.language);
  }

  /** Chooses the UI language by its visible name ("English", "中文"). */
  async setUiLanguage(label: string): Promise<void> {
    await this.languageSelect().selectOption({ label });
  }

  /** Picks files with the header's file input, as the file dialog would. */
  async openFiles(paths: string[]): Promise<void> {
    await this.page.getByLabel(names.openFiles).setInputFiles(paths);
  }

  /**
   * Drops a file onto the window, as dragging it from the desktop would: the page gets the same
   * dragenter/dragover/drop events with a DataTransfer holding a File.
   */
  async dropFile(name: string, text: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, text }) => {
        // Runs in the page; the e2e code is type-checked without the DOM library.
        const page = globalThis as unknown as { DataTransfer: new () => { items: { add(file: File): void } } };
        const transfer = new page.DataTransfer();
        transfer.items.add(new File([text], name, { type: 'text/plain' }));
        return transfer;
      },
      { name, text },
    );
    const target = this.main();
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await this.page.getByText(/^(Drop files here to open them|将文件拖放到此处即可打开)$/).waitFor();
    await target.dispatchEvent('drop', { dataTransfer });
  }

  async screenshot(name: string): Promise<string> {
    await mkdir(screenshotDir, { recursive: true });
    const path = join(screenshotDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
