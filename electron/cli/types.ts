/** Where a command writes: injected so commands can be tested as plain functions. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Resolves once stdout has taken what was written (the process's `drain`), so a command that
   * writes a lot waits for a slow reader instead of buffering its output in memory.
   */
  drain?(): Promise<void>;
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
