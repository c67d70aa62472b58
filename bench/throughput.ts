/**
 * `npm run bench:throughput [-- --records N] [-- --workers K] [-- --runs d,a,b]`
 *
 * Builds (or reuses) the deterministic corpus, then prints records per second and peak memory for
 * (a) one worker and (b) the worker pool, (d) the whole `check` command as the CLI runs it
 * (`--json` to /dev/null, `--html` to a temp folder, corpus-wide term pass included), beside
 * (c) a reference run in this same process that only reads and JSON-parses the same corpus. The
 * reference runs before and after, and the ratios ours/reference are what to compare across
 * machines: a noisy or slower machine slows both.
 *
 * Memory is the process's RSS, which includes the worker threads (they share the process).
 * Records per CPU-second divides by the CPU time of the whole process over the run (every thread,
 * GC included): the honest "per core" figure, and steadier than rec/s on a shared machine.
 *
 * Goal (issue 7): ≥ 1,000 records/s per core, memory < 1 GB at 100,000 records. Figures are
 * printed, never asserted: timings make flaky tests.
 */
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { resourceUsage } from 'node:process';
import { readLineBatches } from '../electron/batch/jsonlLines.ts';
import { recordTasks, type RecordTask } from '../electron/batch/recordTasks.ts';
import { defaultPoolSize, WorkerPool } from '../electron/batch/workerPool.ts';
import { runCheckCommand } from '../electron/cli/commands/check.ts';
import { columns } from './benchText.ts';
import { DEFAULT_RECORDS, ensureCorpus } from './corpus/buildCorpus.ts';

interface Options {
  records: number;
  workers: number[];
  linesPerTask: number;
  parseOnly: boolean;
  /** Which of (a), (b), (d) to run, in this order (`--runs d,a,b`); the references always run. */
  runs: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const records = Number(value('--records') ?? DEFAULT_RECORDS);
  if (!Number.isInteger(records) || records < 1) throw new Error('--records must be a positive integer');
  // The pool's default size is cores − 1; all cores are measured too (the main thread mostly
  // waits while workers run). A pool of 1 is run (a) again, so it is left out.
  const workers = value('--workers') !== undefined ? [Number(value('--workers'))] : [...new Set([defaultPoolSize(), availableParallelism()])].filter((n) => n > 1);
  return { records, workers, linesPerTask: Number(value('--lines-per-task') ?? 200), parseOnly: argv.includes('--parse-only'), runs: (value('--runs') ?? 'a,b,d').split(',') };
}

/**
 * Peak RSS and main-thread heap while `run` runs, sampled every 10 ms plus at the end, and the
 * process's CPU time over the run: `process.cpuUsage` counts every thread of the process (main,
 * workers, V8's GC and compiler threads), so records per CPU-second is the honest "per core"
 * figure, and it moves much less than the wall-clock rate when other work shares the cores.
 */
class MemorySampler {
  peakRss = 0;
  peakHeap = 0;
  cpuSeconds = 0;
  readonly startRss = process.memoryUsage.rss();
  readonly #startCpu = process.cpuUsage();
  readonly #timer = setInterval(() => this.sample(), 10);

  sample(): void {
    const usage = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, usage.rss);
    this.peakHeap = Math.max(this.peakHeap, usage.heapUsed);
  }

  stop(): void {
    this.sample();
    clearInterval(this.#timer);
    const used = process.cpuUsage(this.#startCpu);
    this.cpuSeconds = (used.user + used.system) / 1e6;
  }
}

interface Figures {
  name: string;
  threads: number;
  records: number;
  errors: number;
  seconds: number;
  /** CPU time of the whole process over the run (all threads, GC included). */
  cpuSeconds: number;
  startRss: number;
  peakRss: number;
  peakHeap: number;
  /** Largest heap any worker reported (per isolate). */
  workerHeap?: number;
  /** Worker busy time ÷ (wall time × workers). */
  utilisation?: number;
  /** Flags found (analysis job only). */
  flags?: number;
  /** Bytes of report text written (the `check` run). */
  outputBytes?: number;
  firstError?: string;
}

/** (c) Read the corpus line by line (the same reader the CLI uses) and JSON.parse each line. */
async function referenceRun(path: string, name: string): Promise<Figures> {
  globalThis.gc?.();
  const sampler = new MemorySampler();
  const started = performance.now();
  let records = 0;
  let errors = 0;
  for await (const batch of readLineBatches(path, 64 * 1024 * 1024)) {
    errors += batch.overlong.length;
    for (const line of batch.lines) {
      if (line.text === '') continue;
      const value: unknown = JSON.parse(line.text);
      if (value !== null && typeof value === 'object') records++;
      else errors++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  sampler.stop();
  return { name, threads: 1, records, errors, seconds, cpuSeconds: sampler.cpuSeconds, startRss: sampler.startRss, peakRss: sampler.peakRss, peakHeap: sampler.peakHeap };
}

/** What either job returns: both count records; the analysis job also counts their flags. */
interface JobFigures {
  records: number;
  flags?: number;
  errors: number | { message: string }[];
  heapUsed: number;
  busyMs: number;
  firstError?: string;
}

/** (a)/(b) The corpus through the pool: tasks streamed from the file, the job run in workers. */
async function poolRun(path: string, name: string, size: number, jobModule: URL, linesPerTask: number): Promise<Figures> {
  globalThis.gc?.();
  const sampler = new MemorySampler();
  const started = performance.now();
  const pool = new WorkerPool<RecordTask, JobFigures>({ jobModule, size });
  let records = 0;
  let errors = 0;
  let workerHeap = 0;
  let busyMs = 0;
  let flags = 0;
  let firstError: string | undefined;
  try {
    for await (const result of pool.map(recordTasks([path], { linesPerTask }))) {
      if (!result.ok) {
        errors++;
        firstError ??= result.error;
        continue;
      }
      const value = result.value;
      records += value.records;
      flags += value.flags ?? 0;
      errors += typeof value.errors === 'number' ? value.errors : value.errors.length;
      firstError ??= typeof value.errors === 'number' ? value.firstError : value.errors[0]?.message;
      workerHeap = Math.max(workerHeap, value.heapUsed);
      busyMs += value.busyMs;
    }
  } finally {
    await pool.close();
  }
  const seconds = (performance.now() - started) / 1000;
  sampler.stop();
  return {
    name, threads: size, records, errors, seconds, cpuSeconds: sampler.cpuSeconds,
    startRss: sampler.startRss, peakRss: sampler.peakRss, peakHeap: sampler.peakHeap,
    workerHeap, utilisation: busyMs / 1000 / (seconds * size), flags,
    ...(firstError !== undefined ? { firstError } : {}),
  };
}

/**
 * (d) The `check` command itself, through the function the CLI calls, with its `--json` document
 * written to /dev/null and its HTML report to a temp folder: the streamed run, the corpus-wide
 * term pass, the temp results file and the report builders, all in the figures.
 */
async function checkCommandRun(path: string, name: string, size: number): Promise<Figures> {
  globalThis.gc?.();
  const dir = mkdtempSync(join(tmpdir(), 'bench-check-'));
  const devNull = openSync('/dev/null', 'w');
  let outputBytes = 0;
  const sampler = new MemorySampler();
  const started = performance.now();
  try {
    const io = {
      stdout: (text: string) => void (outputBytes += writeSync(devNull, text)),
      stderr: (text: string) => void process.stderr.write(text),
    };
    const args = [path, '--json', '--html', join(dir, 'report.html'), '--jobs', String(size)];
    const { summary } = await runCheckCommand(args, io, { progressStream: { isTTY: false, write: () => true } });
    const seconds = (performance.now() - started) / 1000;
    sampler.stop();
    return {
      name, threads: size, records: summary?.records ?? 0, errors: summary?.errors ?? 0, seconds, cpuSeconds: sampler.cpuSeconds,
      startRss: sampler.startRss, peakRss: sampler.peakRss, peakHeap: sampler.peakHeap, flags: summary?.flags ?? 0, outputBytes,
    };
  } finally {
    sampler.stop();
    closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = 1024 * 1024;
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const perCpuSecond = (r: Figures): number => r.records / r.cpuSeconds;

function table(rows: readonly Figures[], referenceRate: number): string {
  const header = ['run', 'threads', 'records', 'errors', 'seconds', 'rec/s', 'rec/s/thread', 'ratio', 'CPU s', 'rec/CPU-s', 'RSS start→peak MB', 'main heap MB', 'worker heap MB', 'busy'];
  const body = rows.map((r) => {
    const rate = r.records / r.seconds;
    return [
      r.name, String(r.threads), fmt(r.records), fmt(r.errors), fmt(r.seconds, 2), fmt(rate), fmt(rate / r.threads),
      fmt(rate / referenceRate, 3), fmt(r.cpuSeconds, 2), fmt(perCpuSecond(r)), `${fmt(r.startRss / MB)}→${fmt(r.peakRss / MB)}`, fmt(r.peakHeap / MB),
      r.workerHeap !== undefined ? fmt(r.workerHeap / MB) : '–', r.utilisation !== undefined ? `${fmt(r.utilisation * 100)}%` : '–',
    ];
  });
  return columns(header, body);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const out = (text: string): void => void process.stdout.write(`${text}\n`);
  const building = performance.now();
  const corpus = ensureCorpus({ records: options.records });
  out(`corpus: ${corpus.path} (${corpus.built ? `built in ${fmt((performance.now() - building) / 1000, 1)} s` : 'cached'})`);

  const analyzeJob = new URL('../electron/batch/jobs/analyzeJob.ts', import.meta.url);
  const analyze = !options.parseOnly && existsSync(analyzeJob);
  const jobModule = analyze ? analyzeJob : new URL('../electron/batch/jobs/parseJob.ts', import.meta.url);
  out(
    analyze
      ? 'job: full analysis per record (parseRecords → analyzeRecord: segment, align, check), results sent back to the main thread; the corpus-wide term pass is only in (d), the whole `check` command'
      : `job: PARSE ONLY (read + parseRecords), ${options.parseOnly ? 'as asked (--parse-only)' : 'because electron/batch/jobs/analyzeJob.ts (analyzeRecord) is not there yet'}`,
  );
  out(`machine: ${availableParallelism()} cores, Node ${process.version}; pool default size ${defaultPoolSize()}; ${options.linesPerTask} lines per task\n`);

  const rows: Figures[] = [];
  // Each row is printed as it finishes too: at 100,000 records a run takes minutes.
  const add = (row: Figures): void => {
    rows.push(row);
    out(`done: ${row.name}: ${fmt(row.records)} records in ${fmt(row.seconds, 1)} s, peak RSS ${fmt(row.peakRss / MB)} MB`);
  };
  add(await referenceRun(corpus.path, '(c) reference: read + JSON.parse'));
  const checkSize = Math.max(1, ...options.workers);
  for (const run of options.runs) {
    if (run === 'a') add(await poolRun(corpus.path, '(a) one worker', 1, jobModule, options.linesPerTask));
    if (run === 'b') for (const size of options.workers) add(await poolRun(corpus.path, `(b) pool of ${size}`, size, jobModule, options.linesPerTask));
    if (run === 'd' && analyze) add(await checkCommandRun(corpus.path, `(d) check --json --html, ${checkSize} worker(s)`, checkSize));
  }
  add(await referenceRun(corpus.path, '(c) reference again'));
  out('');

  const references = rows.filter((r) => r.name.startsWith('(c)'));
  const referenceRate = references.reduce((sum, r) => sum + r.records / r.seconds, 0) / references.length;
  out(table(rows, referenceRate));
  const referencePerCpu = references.reduce((sum, r) => sum + perCpuSecond(r), 0) / references.length;
  out(`\nratio = rec/s ÷ mean reference rate (${fmt(referenceRate)} rec/s; ${fmt(referencePerCpu)} rec per CPU-second). Process peak RSS (getrusage maxRSS): ${fmt((resourceUsage().maxRSS * 1024) / MB)} MB.`);
  const single = rows.find((r) => r.name.startsWith('(a)'));
  const pools = rows.filter((r) => r.name.startsWith('(b)') || r.name.startsWith('(a)'));
  const best = pools.reduce<Figures | undefined>((a, b) => (a === undefined || b.records / b.seconds > a.records / a.seconds ? b : a), undefined);
  const peak = Math.max(...rows.filter((r) => !r.name.startsWith('(c)')).map((r) => r.peakRss));
  // The first reference runs in a fresh process; later ones start from what the runs left behind.
  const referencePeak = references[0]!.peakRss;
  if (single !== undefined && best !== undefined) {
    out(`goal ≥ 1,000 rec/s per core: one worker ${fmt(single.records / single.seconds)} rec/s; best pool ${fmt(best.records / best.seconds / best.threads)} rec/s per thread.`);
  }
  // Per CPU-second of the whole process: main thread, workers and GC threads all count.
  const perCpu = rows.filter((r) => !r.name.startsWith('(c)')).map((r) => `${r.name.slice(0, 3)} ${fmt(perCpuSecond(r))}`);
  if (perCpu.length > 0) out(`records per CPU-second (all threads): ${perCpu.join(', ')}; reference ${fmt(referencePerCpu)}.`);
  out(`goal < 1 GB at 100,000 records: peak RSS of the runs ${fmt(peak / MB)} MB over ${fmt(options.records)} records (first reference run ${fmt(referencePeak / MB)} MB).`);
  const check = rows.find((r) => r.name.startsWith('(d)'));
  if (check !== undefined) {
    out(
      `check command: peak RSS ${fmt(check.peakRss / MB)} MB (${check.peakRss < 1024 * MB ? 'under' : 'OVER'} 1 GB) over ${fmt(check.records)} records, ` +
        `${fmt(check.flags ?? 0)} flags with the corpus-wide term pass, ${fmt((check.outputBytes ?? 0) / MB)} MB of --json written.`,
    );
  }
  // The same corpus must give the same flags in every run; a difference means nondeterminism (or
  // that the checks' source changed while the benchmark ran).
  const flagCounts = rows.filter((r) => r.flags !== undefined && r.records > 0 && !r.name.startsWith('(d)')).map((r) => fmt(r.flags!));
  if (flagCounts.length > 0) out(`flags found per run (a, b…): ${flagCounts.join(', ')} over ${fmt(options.records)} records.`);
  const firstError = rows.find((r) => r.firstError !== undefined)?.firstError;
  if (firstError !== undefined) out(`first error seen: ${firstError}`);
}

await main();
