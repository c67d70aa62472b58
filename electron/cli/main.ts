/**
 * Headless command line: `npm run --silent cli -- <command> [options]`.
 *
 * Each subcommand lives in `commands/<name>.ts` and exports a `CliCommand`; adding one is a single
 * line in `registry.ts`. This file only dispatches, so it stays free of any command's concerns.
 * (No top-level await: the build also bundles this file as CommonJS, `dist/electron/cli.cjs`.)
 */
import { once } from 'node:events';
import { commands } from './registry.ts';
import { runCli } from './run.ts';

const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  drain: async () => {
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  },
};

void runCli(process.argv.slice(2), commands, io).then((code) => {
  process.exitCode = code;
});
