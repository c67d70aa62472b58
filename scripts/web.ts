// `npm run web [-- --port N] [--user-data DIR] [--max-file-mb N] [paths…]`: builds what is stale, then serves the
// app to a browser on 127.0.0.1 and prints the address with this launch's token.
import { pathToFileURL } from 'node:url';
import { startBrowserHost, type BrowserHost } from '../electron/web/browserHost.ts';
import { buildApp } from './build.ts';
import { parseHostArgs, type HostArgs } from '../electron/hostArgs.ts';

/** Builds if needed, starts the browser host, prints the one line with the URL; stops on Ctrl+C. */
export async function serveInBrowser(args: HostArgs): Promise<BrowserHost> {
  await buildApp({ force: args.force });
  const host = await startBrowserHost({
    paths: args.paths,
    port: args.port,
    ...(args.userDataDir ? { userDataDir: args.userDataDir } : {}),
    ...(args.maxFileMb !== undefined ? { maxFileMb: args.maxFileMb } : {}),
    waitForLoad: false,
  });
  console.log(`Open ${host.url}`);
  host.loaded.catch((error: unknown) => console.error(`Loading failed: ${(error as Error).message}`));
  const stop = (): void => {
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return host;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await serveInBrowser(parseHostArgs(process.argv.slice(2)));
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
}
