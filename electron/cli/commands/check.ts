/**
 * `check PATH... [--json | --csv] [--html FILE] [--glossary FILE] [--fail-on LEVEL] [--jobs N]`:
 * loads records from files, folders and globs (every format `parseRecords` reads), aligns and
 * checks them (`runCheck`, streamed, in a worker pool for large inputs) and prints a JSON
 * document, CSV rows or a readable summary. A file or record that cannot be read, parsed or
 * checked becomes an `errors` entry; the others are still checked.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { CliCommand, CliIo } from '../types.ts';
import { parseOptions } from '../run.ts';
import type { LoadError } from '../../../shared/records/model.ts';
import { parseGlossaryTsv, type GlossaryEntry } from '../../../shared/terms/glossary.ts';
import type { Severity } from '../../../shared/checks/types.ts';
import { hasFlagsAtOrAbove, type ReportSummary } from '../../../shared/report/summarize.ts';
import { toHtmlReport } from '../../../shared/report/html.ts';
import { createProgress, type ProgressStream } from '../../batch/progress.ts';
import { choosePoolSize } from '../../batch/poolChoice.ts';
import { expandInputs } from '../../batch/recordTasks.ts';
import { csvOutput, jsonOutput, textOutput } from './checkOutput.ts';
import { runCheck } from './checkRun.ts';

const usage = `Usage: npm run --silent cli -- check PATH... [--json | --csv] [--html FILE] [--glossary FILE.tsv]
                                        [--fail-on LEVEL] [--jobs N]

PATH is a file, a folder (searched recursively) or a glob pattern ("corpus/**/*.jsonl", quoted:
we expand it, also where the shell does not).

Loads records from files or folders (page dumps, JSON, JSONL, TSV, CSV, TMX, XLIFF, WMT),
aligns each English abstract with its Chinese translation and reports divergences.
  --json             print one JSON document: {"records": [...], "errors": [...]}, written
                     record by record as they are checked
  --csv              print one CSV row per flag (RFC 4180) instead
  --html FILE        also write a self-contained HTML report (charts, worst records with evidence)
  --glossary FILE    a TSV glossary (english, preferred, forbidden, note) to enforce
  --fail-on LEVEL    exit with code 1 when any flag is LEVEL or worse (critical, major, minor)
  --jobs N           check in N worker threads (0: in this thread); default cores − 1 when the
                     input is over 1 MB, else in this thread (workers take a second to start)
Exit code: 0 when checked; 1 when --fail-on found a flag at LEVEL or worse; 2 on a usage error,
or when no PATH named a file to check (the report lists each as a load error).
A progress bar is drawn on stderr when it is a terminal. Memory stays bounded on any input size:
results wait in a gzipped temporary file (in TMPDIR, about 0.3 KB a record) until the corpus-wide
term check has seen every record, and are then printed record by record.
`;

const SEVERITY_LEVELS: readonly Severity[] = ['critical', 'major', 'minor'];

/** What `runCheckCommand` adds for callers other than the CLI (the benchmark). */
export interface CheckCommandOptions {
  /** Where the progress bar goes (default stderr; drawn only on a terminal). */
  progressStream?: ProgressStream;
}

/**
 * The whole `check` command: arguments in, exit code and summary out (null on a usage error).
 * `checkCommand.run` is this with the summary dropped.
 */
export async function runCheckCommand(args: string[], io: CliIo, options: CheckCommandOptions = {}): Promise<{ code: number; summary: ReportSummary | null }> {
  const { options: flags, positional } = parseOptions(args);
  // `--json` and `--csv` take no value: parseOptions may have taken the next path as theirs.
  const json = flags.get('json');
  if (typeof json === 'string') positional.push(json);
  const csv = flags.get('csv');
  if (typeof csv === 'string') positional.push(csv);
  const html = flags.get('html');
  const failOn = flags.get('fail-on');
  if (positional.length === 0 || html === true || (failOn !== undefined && !SEVERITY_LEVELS.includes(failOn as Severity))) {
    io.stderr(usage);
    return { code: 2, summary: null };
  }
  const errors: LoadError[] = [];
  let glossary: GlossaryEntry[] = [];
  const glossaryPath = flags.get('glossary');
  if (typeof glossaryPath === 'string') {
    const parsed = parseGlossaryTsv(await readFile(glossaryPath, 'utf8'));
    glossary = parsed.entries;
    for (const e of parsed.errors) errors.push({ source: { file: glossaryPath, line: e.line }, message: e.message });
  }
  const inputs = await expandInputs(positional);
  errors.push(...inputs.errors);
  const workers = await choosePoolSize(flags.get('jobs'), inputs.files);
  if (workers === null) {
    io.stderr(usage);
    return { code: 2, summary: null };
  }
  const stream = options.progressStream ?? process.stderr;
  const checking = createProgress({ label: 'checking', stream });
  let reporting: ReturnType<typeof createProgress> | undefined;
  const output = json !== undefined ? jsonOutput() : csv !== undefined ? csvOutput() : textOutput();
  const { summary } = await runCheck({
    files: inputs.files,
    errors,
    glossary,
    workers,
    output,
    write: async (text) => {
      io.stdout(text);
      await io.drain?.();
    },
    onChecked: (n) => checking.tick(n),
    onReported: (done, total) => {
      if (reporting === undefined) {
        checking.finish();
        reporting = createProgress({ label: 'reporting', total, stream });
      }
      reporting.tick();
      if (done === total) reporting.finish();
    },
  });
  checking.finish();
  if (typeof html === 'string') await writeFile(html, toHtmlReport(summary, { inputs: positional, generatedAt: new Date().toISOString() }));
  // Nothing to check (every PATH missing, or a glob matching nothing) is a failure, not a clean
  // report: a pipeline with a mistyped path must not pass. The report above still says why.
  if (inputs.files.length === 0) return { code: 2, summary };
  const code = failOn !== undefined && hasFlagsAtOrAbove(summary, failOn as Severity) ? 1 : 0;
  return { code, summary };
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'align records and report divergences (numbers, omissions, labels, terms, …)',
  usage,
  async run(args, io) {
    return (await runCheckCommand(args, io)).code;
  },
};
