import { isAbsolute, resolve } from 'node:path';
import { maxFileMbSchema } from '../shared/contract/channels.ts';

export interface ArgvContext {
  /** Electron's `process.defaultApp`: true when started as `electron main.cjs …` (argv[1] is the app). */
  defaultApp: boolean;
  /** Folder relative paths are resolved against (the invoking shell's, for a second instance). */
  cwd: string;
}

/**
 * The record paths on an Electron command line: everything after the executable (and the app
 * path in development) that is not a switch. Chromium and Electron switches (`--no-sandbox`,
 * `--inspect=…`) and the app's own (`--user-data=…`) start with `-`; a lone `--` ends switches,
 * so `npm start -- --odd-name.jsonl` still opens a file with a dash.
 */
export function recordPathsFromArgv(argv: readonly string[], context: ArgvContext): string[] {
  const args = argv.slice(context.defaultApp ? 2 : 1);
  const paths: string[] = [];
  let switchesEnded = false;
  for (const arg of args) {
    if (!switchesEnded && arg === '--') {
      switchesEnded = true;
      continue;
    }
    if (!switchesEnded && arg.startsWith('-')) continue;
    // Chromium appends this to a second instance's argv, after any `--` the user typed.
    if (arg.startsWith('--original-process-start-time=')) continue;
    if (arg.trim() === '') continue;
    paths.push(isAbsolute(arg) ? arg : resolve(context.cwd, arg));
  }
  return paths;
}

/**
 * `--max-file-mb=N` on an Electron command line (what `npm start -- --max-file-mb N` passes on),
 * or undefined when absent or not a whole number of MiB from 1 to 65536.
 */
export function maxFileMbFromArgv(argv: readonly string[]): number | undefined {
  const end = argv.indexOf('--');
  const value = (end < 0 ? argv : argv.slice(0, end)).find((arg) => arg.startsWith('--max-file-mb='))?.slice('--max-file-mb='.length);
  const parsed = maxFileMbSchema.safeParse(value === undefined || value === '' ? undefined : Number(value));
  return parsed.success ? parsed.data : undefined;
}
