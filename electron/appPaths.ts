import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const APP_NAME = 'abstract-mt-review';

/**
 * The checkout (or unpacked app) root: the nearest folder above `start` whose package.json is
 * ours. Works from the sources (`electron/…`), from the bundle (`dist/electron/`) and from tests.
 */
export function findAppRoot(start: string): string {
  let folder = resolve(start);
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === APP_NAME) return folder;
      } catch {
        // An unreadable package.json is not ours; keep climbing.
      }
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`Cannot find the ${APP_NAME} folder above ${start}`);
    folder = parent;
  }
}

/**
 * The bundled sample record, opened when the app starts without paths. Only the one record: the
 * per-format samples in `samples/formats/` are there to be opened on purpose, not to crowd the
 * first screen.
 */
export function samplePathsOf(appRoot: string): string[] {
  return [join(appRoot, 'samples', 'mdma-ptsd-military.page.txt')];
}

/** The built renderer that both hosts serve. */
export function rendererDirOf(appRoot: string): string {
  return join(appRoot, 'dist', 'renderer');
}

/**
 * The browser host's user-data folder: `--user-data DIR`, else `$REVIEW_USER_DATA`, else
 * `$XDG_CONFIG_HOME/abstract-mt-review` (~/.config/…), the same folder Electron uses on Linux,
 * so both hosts share one review database.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REVIEW_USER_DATA) return resolve(env.REVIEW_USER_DATA);
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, APP_NAME);
}
