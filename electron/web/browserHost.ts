import { fileURLToPath } from 'node:url';
import { createAppServices, createHandlers } from '../appServices.ts';
import { defaultUserDataDir, findAppRoot, rendererDirOf, samplePathsOf } from '../appPaths.ts';
import { startWebServer, type WebServer } from './httpServer.ts';

export interface BrowserHostOptions {
  /** Files and folders to open; the bundled sample when empty or absent. */
  paths?: string[];
  /** 0 (default) picks a free port. */
  port?: number;
  /** Where the review database lives; see `defaultUserDataDir`. */
  userDataDir?: string;
  /** Defaults to `dist/renderer` of the checkout. */
  rendererDir?: string;
  /** Fixed token (tests); otherwise random per launch. */
  token?: string;
  /**
   * Resolve only after the initial paths are loaded (default). The command line passes false,
   * so the URL prints at once and a long load shows progress in the page.
   */
  waitForLoad?: boolean;
  /** `--max-file-mb`: the largest file opened, in MiB, over the `maxFileMb` setting. */
  maxFileMb?: number;
}

export interface BrowserHost {
  url: string;
  token: string;
  port: number;
  /** The initial load; already settled when `waitForLoad` is true. */
  loaded: Promise<void>;
  close(): Promise<void>;
}

/** The services, the HTTP server and the initial load together: what `npm run web` and the e2e tests start. */
export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const appRoot = findAppRoot(fileURLToPath(new URL('.', import.meta.url)));
  const services = createAppServices({
    userDataDir: options.userDataDir ?? defaultUserDataDir(),
    samplePaths: samplePathsOf(appRoot),
    ...(options.maxFileMb !== undefined ? { maxFileMb: options.maxFileMb } : {}),
  });
  let server: WebServer | undefined;
  try {
    server = await startWebServer({
      handlers: createHandlers(services),
      activity: services.activity,
      // The page asked for the list before its stream opened: a load that ended in between (or
      // a reconnect) would leave it with part of the list and no event saying there is more.
      onEventStreamOpen: () => server?.push('menu:command', { type: 'library-changed' }),
      rendererDir: options.rendererDir ?? rendererDirOf(appRoot),
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.token !== undefined ? { token: options.token } : {}),
    });
  } catch (error) {
    services.close();
    throw error;
  }
  const web = server;
  const stopProgress = services.library.onProgress((progress) => web.push('library:progress', progress));
  const given = options.paths && options.paths.length > 0;
  const loaded = services.library.openPaths(given ? (options.paths ?? []) : services.samplePaths, undefined, { remember: given }).then(() => web.push('menu:command', { type: 'library-changed' }));
  if (options.waitForLoad !== false) await loaded;
  return {
    url: web.url,
    token: web.token,
    port: web.port,
    loaded,
    async close() {
      stopProgress();
      await loaded.catch(() => {});
      await web.close();
      services.close();
    },
  };
}
