import type { CliCommand, CliIo } from './types.ts';

/** Text listing every command, for `--help` and for an unknown command. */
export function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: npm run --silent cli -- <command> [options]\n\nCommands:\n${lines.join('\n')}\n`;
}

/**
 * Dispatches argv (without node and script) to the named command and returns the exit code.
 * Errors thrown by a command become a message on stderr and exit code 1, never a stack dump.
 */
export async function runCli(argv: string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command: ${name}\n\n${helpText(commands)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/**
 * Parses `--name value` pairs and bare `--flag`s. Unknown names are kept so each command decides
 * whether to reject them; positional arguments are returned in order.
 */
export function parseOptions(args: string[]): { options: Map<string, string | true>; positional: string[] } {
  const options = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 0) {
        options.set(arg.slice(2, eq), arg.slice(eq + 1));
      } else {
        const next = args[i + 1];
        if (next !== undefined && !next.startsWith('--')) {
          options.set(arg.slice(2), next);
          i++;
        } else {
          options.set(arg.slice(2), true);
        }
      }
    } else {
      positional.push(arg);
    }
  }
  return { options, positional };
}
