// `npm start [-- paths…]`: builds what is stale, then opens the Electron window on the given
// records (the bundled sample when none). Where the Electron binary is missing and cannot be
// fetched (offline machines), it says so in one line and serves the app in the browser instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './build.ts';
import { parseHostArgs } from '../electron/hostArgs.ts';
import { serveInBrowser } from './web.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronPackage = join(root, 'node_modules', 'electron');

/** The Electron executable, when installed (electron's own install script writes path.txt). */
function installedElectron(): string | null {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

/** Tries electron's installer once, quietly, for at most 30 s (it fails fast offline). */
function tryInstallElectron(): boolean {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  const result = spawnSync(process.execPath, [join(electronPackage, 'install.js')], { cwd: electronPackage, stdio: 'ignore', timeout: 30_000 });
  return result.status === 0;
}

const args = parseHostArgs(process.argv.slice(2));
await buildApp({ force: args.force });
const electron = installedElectron() ?? (tryInstallElectron() ? installedElectron() : null);
if (electron) {
  const electronArgs = [join(root, 'dist', 'electron', 'main.cjs'), ...(args.userDataDir ? [`--user-data=${args.userDataDir}`] : []), ...(args.maxFileMb !== undefined ? [`--max-file-mb=${args.maxFileMb}`] : []), '--', ...args.paths];
  const child = spawn(electron, electronArgs, { stdio: 'inherit', cwd: root });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const version = (JSON.parse(readFileSync(join(electronPackage, 'package.json'), 'utf8')) as { version: string }).version;
  console.log(`Electron binary not available (offline: could not download electron ${version}); serving the app in your browser instead:`);
  await serveInBrowser(args);
}
