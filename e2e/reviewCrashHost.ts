// The browser host as its own process, for the crash test in review.e2e.ts: started with a
// user-data folder and a token, it prints one line with its URL and then serves until killed.
import { startBrowserHost } from '../electron/web/browserHost.ts';

const [userDataDir, token] = process.argv.slice(2);
if (!userDataDir || !token) throw new Error('usage: reviewCrashHost.ts USER_DATA_DIR TOKEN');
const host = await startBrowserHost({ userDataDir, token, port: 0 });
console.log(`READY ${host.url}`);
