import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserHost, type BrowserHost } from '../electron/web/browserHost.ts';

export const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface TestHost {
  host: BrowserHost;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * The real browser host, in this process, on a fresh user-data folder (its own review database
 * and settings), serving the built renderer and the bundled sample record.
 */
export async function startTestHost(): Promise<TestHost> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'review-e2e-userdata-'));
  const host = await startBrowserHost({ port: 0, userDataDir });
  return {
    host,
    userDataDir,
    async close() {
      await host.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
