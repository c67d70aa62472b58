/**
 * `npm run bench:app-scale [-- --records N] [-- --baseline M] [-- --switches K] [-- --renderer DIR] [-- --profile FILE]`
 *
 * The app end to end at corpus scale: the real browser host (in a child process, so its memory is
 * its own) opens the deterministic corpus of N records (default 100,000) and real Chromium opens
 * the page at once, while the host is still loading. Printed, for N and for a baseline of M
 * records (default 1,000) measured the same way in the same run, so the ratio N/M holds on a
 * noisy machine:
 *
 * - first record shown: page navigation → the first record's DOI, English and Chinese text in
 *   the main region (the host may still be loading the rest);
 * - all listed: navigation → the list counts every record; host loaded: the host's own time;
 * - record switch, median and p95 over K steps (default 50) with everything loaded: key press in
 *   the list → the next record's text shown with its flags (nothing in the main region still
 *   `aria-busy`), timed in the page with `performance.now()`; then where that time went: the
 *   app's own `record-switch:*` stage measures and each request to the host while switching, and
 *   the page's main-thread CPU time per switch (script, layout, style), which a busy machine
 *   stretches far less than the durations;
 * - memory: the host's RSS now and at peak (VmRSS, VmHWM), the page's JS heap (CDP
 *   `Performance.getMetrics`).
 *
 * Goal (issue 7): first record within 2 s, a switch under 50 ms, memory under 1 GB at 100,000
 * records. Figures only; nothing here passes or fails. Needs the built renderer (`npm run build`),
 * or `--renderer DIR`, a build of its own (`npx vite build --outDir DIR`), which a build running
 * beside the benchmark cannot replace half-way. `--profile FILE` writes a CPU profile of the page
 * during the N-record run's switches (read it with `node bench/profileSummary.ts FILE`; a build
 * with `--minify false` keeps the app's names; sampling slows the page, so that run reads high).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../e2e/chromium.ts';
import { ensureCorpus } from './corpus/buildCorpus.ts';
import { readCorpusFacts } from './appScale/corpusFacts.ts';
import { columns } from './benchText.ts';
import { probeScript, switchRecordsInPage, type ProbeTimes, type SwitchTimes } from './appScale/pageProbe.ts';

interface Options {
  records: number;
  baseline: number;
  switches: number;
  /** The renderer build the host serves; null for the checkout's `dist/renderer`. */
  rendererDir: string | null;
  /** Where to write a CPU profile of the page during the target run's switches; null for none. */
  profile: string | null;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const at = argv.indexOf(name);
    const parsed = at >= 0 ? Number(argv[at + 1]) : fallback;
    if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer`);
    return parsed;
  };
  const text = (name: string): string | null => {
    const at = argv.indexOf(name);
    if (at < 0) return null;
    const given = argv[at + 1];
    if (!given) throw new Error(`${name} needs a path`);
    return given;
  };
  return { records: value('--records', 100_000), baseline: value('--baseline', 1000), switches: value('--switches', 50), rendererDir: text('--renderer'), profile: text('--profile') };
}

interface Figures {
  records: number;
  firstListedMs: number;
  firstShownMs: number;
  allListedMs: number;
  hostLoadedMs: number;
  switchMedianMs: number;
  switchP95Ms: number;
  hostRssMb: number;
  hostPeakRssMb: number;
  pageHeapMb: number;
  /**
   * The page's main thread per switch while switching, as CPU time (CDP `Performance.getMetrics`
   * in thread ticks): all of it, script, layout and style, and layouts done. Steadier than the
   * switch durations when other work shares the machine.
   */
  switchMainThreadMs: number;
  switchScriptMs: number;
  switchLayoutMs: number;
  switchStyleMs: number;
  switchLayouts: number;
  /** Where the switches' time went (stages and requests), as the page measured it. */
  switches: SwitchTimes;
}

const appRoot = fileURLToPath(new URL('..', import.meta.url));
const nodeBinary = process.execPath;

/** VmRSS and VmHWM (peak) of a process, in MB. */
function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** Starts the host process; resolves with its URL and a promise of its own load time. */
async function startHost(userDataDir: string, file: string, rendererDir: string | null): Promise<{ child: ChildProcessWithoutNullStreams; url: string; loaded: Promise<number> }> {
  const args = [join(appRoot, 'bench/appScale/hostProcess.ts'), userDataDir, file, ...(rendererDir ? [rendererDir] : [])];
  const child = spawn(nodeBinary, args, { cwd: appRoot });
  child.stderr.pipe(process.stderr);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error('the host process ended early');
    return JSON.parse(line.value) as Record<string, unknown>;
  };
  const { url } = await next();
  if (typeof url !== 'string') throw new Error('the host process printed no URL');
  const loaded = next().then((message) => Number(message.loadedMs));
  loaded.catch(() => {});
  return { child, url, loaded };
}

async function measure(records: number, switches: number, rendererDir: string | null, profile: string | null = null): Promise<Figures> {
  const { path } = ensureCorpus({ records });
  const facts = await readCorpusFacts(path, switches + 1);
  const userDataDir = await mkdtemp(join(tmpdir(), 'bench-app-scale-'));
  const browser = await launchChromium();
  let child: ChildProcessWithoutNullStreams | null = null;
  try {
    const host = await startHost(userDataDir, path, rendererDir);
    child = host.child;
    const page = await browser.context.newPage();
    await page.addInitScript(probeScript(facts.first, facts.count));
    const cdp = await browser.context.newCDPSession(page);
    // Thread ticks: the page's task durations are then CPU time, which other processes on a busy
    // machine do not stretch the way they stretch wall-clock time.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const pageMetrics = async (): Promise<Map<string, number>> => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return new Map(metrics.map((metric) => [metric.name, metric.value]));
    };
    await page.goto(host.url);
    const probe = (): Promise<ProbeTimes> => page.evaluate(() => (globalThis as unknown as { __appScale: ProbeTimes }).__appScale);
    const hour = 3_600_000;
    const say = (message: string): boolean => process.stderr.write(`  ${records} records: ${message}\n`);
    await page.waitForFunction(() => ((globalThis as unknown as { __appScale: ProbeTimes }).__appScale.firstShown ?? -1) > 0, null, { timeout: hour, polling: 50 });
    say(`first record shown at ${(await probe()).firstShown?.toFixed(0)} ms; waiting for the whole list`);
    await page.waitForFunction(() => (globalThis as unknown as { __appScale: ProbeTimes }).__appScale.allListed !== null, null, { timeout: hour, polling: 200 });
    const hostLoadedMs = await host.loaded;
    say(`all listed; ${switches} record switches`);
    const times = await probe();
    const before = await pageMetrics();
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // The records at the end of the list, last first: End, then ArrowUp step by step.
    const switched = await page.evaluate(switchRecordsInPage, { targets: [...facts.last].reverse(), timeoutMs: 30_000 });
    if (profile) {
      const { profile: cpuProfile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
      await writeFile(profile, JSON.stringify(cpuProfile));
      say(`page CPU profile of the switches in ${profile}`);
    }
    const after = await pageMetrics();
    const perSwitch = (name: string, scale = 1): number => (((after.get(name) ?? NaN) - (before.get(name) ?? NaN)) * scale) / (switched.durations.length + 1);
    const quantile = (q: number): number => quantileOf(switched.durations, q);
    say('switched; reading memory');
    const heap = after.get('JSHeapUsedSize') ?? NaN;
    const memory = processMemory(child.pid ?? 0);
    return {
      records: facts.count,
      firstListedMs: times.firstListed ?? NaN,
      firstShownMs: times.firstShown ?? NaN,
      allListedMs: times.allListed ?? NaN,
      hostLoadedMs,
      switchMedianMs: quantile(0.5),
      switchP95Ms: quantile(0.95),
      hostRssMb: memory.rss,
      hostPeakRssMb: memory.peak,
      pageHeapMb: heap / 1024 / 1024,
      switchMainThreadMs: perSwitch('ThreadTime', 1000),
      switchScriptMs: perSwitch('ScriptDuration', 1000),
      switchLayoutMs: perSwitch('LayoutDuration', 1000),
      switchStyleMs: perSwitch('RecalcStyleDuration', 1000),
      switchLayouts: perSwitch('LayoutCount'),
      switches: switched,
    };
  } finally {
    child?.kill('SIGTERM');
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

function quantileOf(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}


/**
 * Where a switch's time goes, both runs side by side: each stage the app marks (from the choice to
 * the record fetched, analysed, its stored review read, shown) and each host channel requested
 * while switching, as median and p95 ms, with requests per switch.
 */
function breakdown(baseline: Figures, target: Figures): string {
  const cell = (values: readonly number[] | undefined, perSwitch: number | null): string => {
    if (!values || values.length === 0) return '—';
    const counted = perSwitch === null ? '' : ` ×${(values.length / perSwitch).toFixed(1)}`;
    return `${quantileOf(values, 0.5).toFixed(0)} / ${quantileOf(values, 0.95).toFixed(0)} ms${counted}`;
  };
  const rows: string[][] = [];
  const stages = new Set([...Object.keys(baseline.switches.stages), ...Object.keys(target.switches.stages)]);
  for (const stage of stages) rows.push([`stage: ${stage}`, cell(baseline.switches.stages[stage], null), cell(target.switches.stages[stage], null)]);
  const channels = new Set([...Object.keys(baseline.switches.requests), ...Object.keys(target.switches.requests)]);
  for (const channel of [...channels].sort()) {
    rows.push([`request: ${channel}`, cell(baseline.switches.requests[channel], baseline.switches.durations.length), cell(target.switches.requests[channel], target.switches.durations.length)]);
  }
  const head = ['median / p95 (× per switch)', `${baseline.records.toLocaleString('en')} records`, `${target.records.toLocaleString('en')} records`];
  return columns(head, rows);
}

function table(baseline: Figures, target: Figures): string {
  // label, figure, unit, decimals
  const rows: [string, Exclude<keyof Figures, 'switches'>, string, number][] = [
    ['first row in the list', 'firstListedMs', ' ms', 0],
    ['first record shown', 'firstShownMs', ' ms', 0],
    ['all records listed', 'allListedMs', ' ms', 0],
    ['host finished loading', 'hostLoadedMs', ' ms', 0],
    ['record switch, median', 'switchMedianMs', ' ms', 0],
    ['record switch, p95', 'switchP95Ms', ' ms', 0],
    ['switch: page main-thread CPU', 'switchMainThreadMs', ' ms', 1],
    ['switch: script', 'switchScriptMs', ' ms', 1],
    ['switch: layout', 'switchLayoutMs', ' ms', 1],
    ['switch: style', 'switchStyleMs', ' ms', 1],
    ['switch: layouts', 'switchLayouts', '', 1],
    ['host RSS, loaded', 'hostRssMb', ' MB', 0],
    ['host RSS, peak', 'hostPeakRssMb', ' MB', 0],
    ['page JS heap', 'pageHeapMb', ' MB', 0],
  ];
  const head = ['measure', `${baseline.records.toLocaleString('en')} records`, `${target.records.toLocaleString('en')} records`, 'ratio'];
  const body = rows.map(([label, key, unit, decimals]) => {
    const a = baseline[key];
    const b = target[key];
    return [label, `${a.toFixed(decimals)}${unit}`, `${b.toFixed(decimals)}${unit}`, `${(b / a).toFixed(2)}`];
  });
  return columns(head, body);
}

if (import.meta.main) {
  const options = parseArgs(process.argv.slice(2));
  const rendererDir = options.rendererDir ?? join(appRoot, 'dist/renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`no renderer build in ${rendererDir}: run \`npm run build\` first`);
  console.log(`machine: ${availableParallelism()} cores, Node ${process.version}; ${options.switches} switches per run`);
  const baseline = await measure(options.baseline, options.switches, options.rendererDir);
  const target = await measure(options.records, options.switches, options.rendererDir, options.profile);
  console.log(table(baseline, target));
  console.log('');
  console.log(breakdown(baseline, target));
  console.log('');
  const goal = (ok: boolean): string => (ok ? 'meets' : 'MISSES');
  console.log(`goal first record ≤ 2,000 ms: ${target.firstShownMs.toFixed(0)} ms — ${goal(target.firstShownMs <= 2000)}`);
  console.log(`goal switch < 50 ms (median): ${target.switchMedianMs.toFixed(1)} ms — ${goal(target.switchMedianMs < 50)}; p95 ${target.switchP95Ms.toFixed(1)} ms`);
  const memory = target.hostPeakRssMb + target.pageHeapMb;
  console.log(`goal memory < 1 GB: host peak RSS ${target.hostPeakRssMb.toFixed(0)} MB + page JS heap ${target.pageHeapMb.toFixed(0)} MB = ${memory.toFixed(0)} MB — ${goal(memory < 1024)}`);
}
