/**
 * The CLI's subcommands. To add one, write `commands/<name>.ts` exporting a `CliCommand` and add
 * it to this list: that single line is the whole registration.
 */
import type { CliCommand } from './types.ts';
import { alignCommand } from './commands/align.ts';
import { checkCommand } from './commands/check.ts';

export const commands: readonly CliCommand[] = [
  checkCommand,
  alignCommand,
];
