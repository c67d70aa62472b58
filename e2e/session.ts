import type { Page } from 'playwright-core';
import { AppPage } from './appPage.ts';
import { launchChromium, recordPageProblems, type Browser } from './chromium.ts';
import { startTestHost, type TestHost } from './host.ts';

/** The app open in Chromium against a fresh browser host: where the page specs start. */
export interface AppSession {
  host: TestHost;
  browser: Browser;
  page: Page;
  app: AppPage;
  /** Script and console errors (CSP violations among them) so far; a spec asserts it empty at its end. */
  problems: string[];
  close(): Promise<void>;
}

/** Starts the host and Chromium, opens the app at the host's URL and waits for the record list. */
export async function openAppSession(): Promise<AppSession> {
  const host = await startTestHost();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const problems: string[] = [];
    recordPageProblems(page, problems);
    const app = new AppPage(page);
    await app.open(host.host.url);
    const opened = browser;
    return {
      host,
      browser: opened,
      page,
      app,
      problems,
      async close() {
        await opened.close();
        await host.close();
      },
    };
  } catch (error) {
    // A failed start leaves nothing running behind the failed spec.
    await browser?.close();
    await host.close();
    throw error;
  }
}
