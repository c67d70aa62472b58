import { isAbsolute, resolve } from 'node:path';

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
