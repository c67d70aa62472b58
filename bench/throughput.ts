/**
 * `npm run bench:throughput [-- --records N] [-- --workers K]`
 *
 * Builds (or reuses) the deterministic corpus, then prints records per second and peak memory for
 * (a) one worker and (b) the worker pool, beside (c) a reference run in this same process that
 * only reads and JSON-parses the same corpus. The reference runs before and after, and the ratios
 * ours/reference are what to compare across machines: a noisy or slower machine slows both.
 *
 * Goal (issue 7): ≥ 1,000 records/s per core, memory < 1 GB at 100,000 records. Figures are
 * printed, never asserted: timings make flaky tests.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resourceUsage } from 'node:process';
import { readLineBatches } from '../electron/batch/jsonlLines.ts';
import { recordTasks, type RecordTask } from '../electron/batch/recordTasks.ts';
import { defaultPoolSize, WorkerPool } from '../electron/batch/workerPool.ts';
import { DEFAULT_RECORDS, ensureCorpus } from './corpus/buildCorpus.ts';

interface Options {
  records: number;
  workers: number[];
  linesPerTask: number;
  parseOnly: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const records = Number(value('--records') ?? DEFAULT_RECORDS);
  if (!Number.isInteger(records) || records < 1) throw new Error('--records must be a positive integer');
  // The pool's default size is cores − 1; on a 2-core machine that is 1, the same as run (a), so
  // all cores are measured too (the main thread mostly waits while workers run).
  const workers = value('--workers') !== undefined ? [Number(value('--workers'))] : [...new Set([defaultPoolSize(), availableParallelism()])];
  return { records, workers, linesPerTask: Number(value('--lines-per-task') ?? 200), parseOnly: argv.includes('--parse-only') };
}

/** Peak RSS and main-thread heap while `run` runs, sampled every 10 ms plus at the end. */
class MemorySampler {
  peakRss = 0;
  peakHeap = 0;
  readonly startRss = process.memoryUsage.rss();
  readonly #timer = setInterval(() => this.sample(), 10);

  sample(): void {
    const usage = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, usage.rss);
    this.peakHeap = Math.max(this.peakHeap, usage.heapUsed);
  }

  stop(): void {
    this.sample();
    clearInterval(this.#timer);
  }
}

interface Figures {
  name: string;
  threads: number;
  records: number;
  errors: number;
  seconds: number;
  startRss: number;
  peakRss: number;
  peakHeap: number;
  /** Largest heap any worker reported (per isolate). */
  workerHeap?: number;
  /** Worker busy time ÷ (wall time × workers). */
  utilisation?: number;
  /** Flags found (analysis job only). */
  flags?: number;
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
  return { name, threads: 1, records, errors, seconds, startRss: sampler.startRss, peakRss: sampler.peakRss, peakHeap: sampler.peakHeap };
}

/** What either job returns: the parse job counts, the analysis job returns the records themselves. */
interface JobFigures {
  records: number | { flags: unknown[] }[];
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
      records += typeof value.records === 'number' ? value.records : value.records.length;
      if (typeof value.records !== 'number') for (const record of value.records) flags += record.flags.length;
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
    name, threads: size, records, errors, seconds,
    startRss: sampler.startRss, peakRss: sampler.peakRss, peakHeap: sampler.peakHeap,
    workerHeap, utilisation: busyMs / 1000 / (seconds * size), flags,
    ...(firstError !== undefined ? { firstError } : {}),
  };
}

const MB = 1024 * 1024;
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function table(rows: readonly Figures[], referenceRate: number): string {
  const header = ['run', 'threads', 'records', 'errors', 'seconds', 'rec/s', 'rec/s/thread', 'ratio', 'RSS start→peak MB', 'main heap MB', 'worker heap MB', 'busy'];
  const body = rows.map((r) => {
    const rate = r.records / r.seconds;
    return [
      r.name, String(r.threads), fmt(r.records), fmt(r.errors), fmt(r.seconds, 2), fmt(rate), fmt(rate / r.threads),
      fmt(rate / referenceRate, 3), `${fmt(r.startRss / MB)}→${fmt(r.peakRss / MB)}`, fmt(r.peakHeap / MB),
      r.workerHeap !== undefined ? fmt(r.workerHeap / MB) : '–', r.utilisation !== undefined ? `${fmt(r.utilisation * 100)}%` : '–',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
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
      ? 'job: full analysis per record (parseRecords → analyzeRecord: segment, align, check), results sent back to the main thread; the corpus-wide term pass of `check` is not included'
      : `job: PARSE ONLY (read + parseRecords), ${options.parseOnly ? 'as asked (--parse-only)' : 'because electron/batch/jobs/analyzeJob.ts (analyzeRecord) is not there yet'}`,
  );
  out(`machine: ${availableParallelism()} cores, Node ${process.version}; pool default size ${defaultPoolSize()}; ${options.linesPerTask} lines per task\n`);

  const rows: Figures[] = [];
  rows.push(await referenceRun(corpus.path, '(c) reference: read + JSON.parse'));
  rows.push(await poolRun(corpus.path, '(a) one worker', 1, jobModule, options.linesPerTask));
  for (const size of options.workers) rows.push(await poolRun(corpus.path, `(b) pool of ${size}`, size, jobModule, options.linesPerTask));
  rows.push(await referenceRun(corpus.path, '(c) reference again'));

  const references = rows.filter((r) => r.name.startsWith('(c)'));
  const referenceRate = references.reduce((sum, r) => sum + r.records / r.seconds, 0) / references.length;
  out(table(rows, referenceRate));
  out(`\nratio = rec/s ÷ mean reference rate (${fmt(referenceRate)} rec/s). Process peak RSS (getrusage maxRSS): ${fmt((resourceUsage().maxRSS * 1024) / MB)} MB.`);
  const single = rows.find((r) => r.name.startsWith('(a)'))!;
  const best = rows.filter((r) => r.name.startsWith('(b)')).reduce((a, b) => (b.records / b.seconds > a.records / a.seconds ? b : a), single);
  const peak = Math.max(...rows.filter((r) => !r.name.startsWith('(c)')).map((r) => r.peakRss));
  out(`goal ≥ 1,000 rec/s per core: one worker ${fmt(single.records / single.seconds)} rec/s; best pool ${fmt(best.records / best.seconds / best.threads)} rec/s per thread.`);
  out(`goal < 1 GB at 100,000 records: peak RSS of the worker runs ${fmt(peak / MB)} MB over ${fmt(options.records)} records.`);
  // The same corpus must give the same flags in every run; a difference means nondeterminism (or
  // that the checks' source changed while the benchmark ran).
  const flagCounts = rows.filter((r) => r.flags !== undefined && r.records > 0).map((r) => fmt(r.flags!));
  if (flagCounts.length > 0) out(`flags found per run (a, b…): ${flagCounts.join(', ')} over ${fmt(options.records)} records.`);
  const firstError = rows.find((r) => r.firstError !== undefined)?.firstError;
  if (firstError !== undefined) out(`first error seen: ${firstError}`);
}

await main();
