// Builds what the app runs: the renderer with Vite (config in vite.config.ts, output
// dist/renderer/) and the Electron main and preload bundles with esbuild (dist/electron/*.cjs),
// plus the headless CLI (dist/electron/cli.cjs) and the worker pool's thread entry and jobs,
// which a worker loads by file and so cannot live inside main.cjs (see electron/batch/batchModules.ts).
// Each part is skipped when its outputs are newer than every input, so `npm start` and
// `npm run web` stay quick after the first build. `--force` rebuilds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time under the given files and folders (0 when none exist). */
function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        visit(join(path, entry));
      }
    } else newest = Math.max(newest, info.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

function oldestOutput(paths: string[]): number {
  let oldest = Infinity;
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) return 0;
    oldest = Math.min(oldest, statSync(full).mtimeMs);
  }
  return oldest;
}

const rendererInputs = ['renderer', 'shared', 'vite.config.ts', 'package.json'];
const rendererOutputs = ['dist/renderer/index.html'];
const electronInputs = ['electron', 'shared', 'package.json'];
/** Bundles run by Node (main, the CLI, the pool's worker and jobs), by source file → output under dist/electron/. */
const nodeBundles: readonly [string, string][] = [
  ['electron/main.ts', 'main.cjs'],
  ['electron/cli/main.ts', 'cli.cjs'],
  // Same layout as under electron/batch/, so one relative name finds them from source or bundle.
  ['electron/batch/poolWorker.ts', 'poolWorker.cjs'],
  ['electron/batch/jobs/analyzeJob.ts', 'jobs/analyzeJob.cjs'],
  ['electron/batch/jobs/parseJob.ts', 'jobs/parseJob.cjs'],
  ['electron/batch/jobs/flagSummaryJob.ts', 'jobs/flagSummaryJob.cjs'],
];
const electronOutputs = [...nodeBundles.map(([, out]) => `dist/electron/${out}`), 'dist/electron/preload.cjs'];

export interface BuildOptions {
  force?: boolean;
  log?: (line: string) => void;
}

/** Builds the renderer with Vite in a child process (Node 24 from node_modules runs it). */
function buildRenderer(log: (line: string) => void): void {
  log('Building the renderer (vite build) …');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

/** esbuild options every Electron bundle shares: CommonJS, Node 24, electron left external. */
const common = {
  bundle: true,
  platform: 'node' as const,
  format: 'cjs' as const,
  // Electron 45 runs Node 24 in main and Chromium 140 in the (sandboxed) preload.
  target: 'node24',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning' as const,
};
// CommonJS has no import.meta: define import.meta.url as the bundle's own file URL, which is
// what the pool resolves its worker and jobs against. (Not in the preload: a sandboxed preload
// cannot require node:url, and needs no file URL.)
export const nodeBundleOptions = {
  ...common,
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** Bundles main and preload for Electron: CommonJS, Node platform, electron left external. */
async function buildElectron(log: (line: string) => void): Promise<void> {
  log('Bundling Electron main, preload, CLI and pool worker (esbuild) …');
  for (const [entry, out] of nodeBundles) {
    await esbuild({ ...nodeBundleOptions, entryPoints: [join(root, entry)], outfile: join(root, 'dist', 'electron', out) });
  }
  // A sandboxed preload may require only a few Electron modules, so it must be one self-contained file.
  await esbuild({ ...common, entryPoints: [join(root, 'electron', 'preload.ts')], outfile: join(root, 'dist', 'electron', 'preload.cjs') });
}

/** Builds whatever is out of date; returns which parts were rebuilt. */
export async function buildApp(options: BuildOptions = {}): Promise<{ renderer: boolean; electron: boolean }> {
  const log = options.log ?? ((line: string) => console.log(line));
  const renderer = options.force === true || newestMtime(rendererInputs) > oldestOutput(rendererOutputs);
  const electron = options.force === true || newestMtime(electronInputs) > oldestOutput(electronOutputs);
  if (renderer) buildRenderer(log);
  if (electron) await buildElectron(log);
  return { renderer, electron };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const force = process.argv.includes('--force');
  buildApp({ force })
    .then((built) => {
      if (!built.renderer && !built.electron) console.log('Build is up to date (use --force to rebuild).');
    })
    .catch((error: unknown) => {
      console.error((error as Error).message);
      process.exitCode = 1;
    });
}
