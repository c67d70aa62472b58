/** Where a command writes: injected so commands can be tested as plain functions. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** One subcommand of the CLI. `run` returns the process exit code. */
export interface CliCommand {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Usage text shown on `<command> --help` and on bad arguments. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number> | number;
}
