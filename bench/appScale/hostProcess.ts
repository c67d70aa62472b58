/**
 * The browser host in a process of its own, so the benchmark reads the host's memory alone
 * (`/proc/<pid>/status`), not Playwright's. Started by `bench/appScale.ts`:
 *
 *   node bench/appScale/hostProcess.ts USER_DATA_DIR FILE [RENDERER_DIR]
 *
 * Prints one JSON line `{"url": …}` as soon as it listens (the load goes on behind it, as with
 * `npm run web`), then `{"loadedMs": …}` when every record is in, timed from its own start.
 * RENDERER_DIR serves another renderer build than `dist/renderer` (a private one, so a build
 * running beside the benchmark cannot swap files under the page).
 */
import { startBrowserHost } from '../../electron/web/browserHost.ts';

const [userDataDir, file, rendererDir] = process.argv.slice(2);
if (!userDataDir || !file) throw new Error('usage: hostProcess.ts USER_DATA_DIR FILE [RENDERER_DIR]');
const started = performance.now();
const host = await startBrowserHost({ paths: [file], port: 0, userDataDir, waitForLoad: false, ...(rendererDir ? { rendererDir } : {}) });
process.stdout.write(`${JSON.stringify({ url: host.url })}\n`);
await host.loaded;
process.stdout.write(`${JSON.stringify({ loadedMs: performance.now() - started })}\n`);
process.once('SIGTERM', () => void host.close().then(() => process.exit(0)));
