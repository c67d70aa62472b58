// Command-line arguments of the host scripts, shared by `npm start` and `npm run web`:
//   [--port N] [--user-data DIR] [--max-file-mb N] [--] [paths…]
// npm runs scripts from the package folder, so relative paths are resolved against the folder
// the user typed the command in (INIT_CWD), not the checkout.
import { resolve } from 'node:path';
import { maxFileMbSchema } from '../shared/contract/channels.ts';

export interface HostArgs {
  paths: string[];
  port: number;
  userDataDir: string | undefined;
  force: boolean;
  /** The largest file opened, in MiB, for this launch (over the `maxFileMb` setting). */
  maxFileMb: number | undefined;
}

/** Parses the arguments after the script name. Throws with a usage message on a bad option. */
export function parseHostArgs(argv: readonly string[], cwd = process.env.INIT_CWD ?? process.cwd()): HostArgs {
  const result: HostArgs = { paths: [], port: 0, userDataDir: undefined, force: false, maxFileMb: undefined };
  let switchesEnded = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (switchesEnded || !arg.startsWith('--')) {
      result.paths.push(resolve(cwd, arg));
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[(i += 1)];
      if (next === undefined || next === '') throw new Error(`${name} needs a value`);
      return next;
    };
    if (name === '--') switchesEnded = true;
    else if (name === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port takes a number from 0 to 65535 (0 picks a free port)');
      result.port = port;
    } else if (name === '--user-data') result.userDataDir = resolve(cwd, value());
    else if (name === '--force-build') result.force = true;
    else if (name === '--max-file-mb') {
      const mb = maxFileMbSchema.safeParse(Number(value()));
      if (!mb.success) throw new Error('--max-file-mb takes a whole number of MiB from 1 to 65536');
      result.maxFileMb = mb.data;
    }
    else throw new Error(`Unknown option ${name}. Usage: [--port N] [--user-data DIR] [--max-file-mb N] [--force-build] [--] [files or folders…]`);
  }
  return result;
}
