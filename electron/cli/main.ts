/**
 * Headless command line: `npm run --silent cli -- <command> [options]`.
 *
 * Each subcommand lives in `commands/<name>.ts` and exports a `CliCommand`; adding one is a single
 * line in `registry.ts`. This file only dispatches, so it stays free of any command's concerns.
 */
import { commands } from './registry.ts';
import { runCli } from './run.ts';

const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
};

process.exitCode = await runCli(process.argv.slice(2), commands, io);
