/**
 * `node bench/analyzeSpeed.ts [--records N] [--rounds R]`
 *
 * Records per second of the per-record pipeline in this one process, no workers: parse
 * (`parseRecords`), then `analyzeRecord` (segment, align, check) and, separately, `alignRecord`
 * alone, beside a reference that only JSON-parses the same lines. The machine this runs on is
 * shared and its load changes from minute to minute, so each stage is timed in every round next
 * to its own reference, and what to compare across runs is the ratio reference ÷ stage ("how many
 * JSON.parse calls one record costs") and the rate per CPU second, not the wall-clock rate.
 *
 * Goal (issue 7): ≥ 1,000 records/s per core for the whole check. Printed, never asserted.
 */
import { readFileSync } from 'node:fs';
import { cpuUsage } from 'node:process';
import { parseRecords } from '../shared/records/parse.ts';
import type { ReviewRecord } from '../shared/records/model.ts';
import { analyzeRecord } from '../shared/review/analyzeRecord.ts';
import { alignRecord } from '../shared/align/alignRecord.ts';
import { defaultLexicon } from '../shared/lexicon/defaultLexicon.ts';
import { columns, integerOption } from './benchText.ts';
import { ensureCorpus } from './corpus/buildCorpus.ts';

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Wall and process CPU time of `run` (CPU includes the GC threads, which is part of the cost). */
function timed(run: () => void): Timing {
  const cpu = cpuUsage();
  const started = performance.now();
  run();
  const wallMs = performance.now() - started;
  const used = cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const records = integerOption('--records', 500);
const rounds = integerOption('--rounds', 3);
const corpus = ensureCorpus({ records });
const text = readFileSync(corpus.path, 'utf8');
const lines = text.split('\n').filter((line) => line !== '');
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

out(`corpus: ${corpus.path}, ${fmt(lines.length)} lines`);
// Warm the lexicon (built on first use, once per process) so no stage pays for it.
defaultLexicon().translations('patient');

let parsed: ReviewRecord[] = [];
let findings = 0;
/**
 * JSON.parse of the whole corpus takes about a millisecond, too short to time on a loaded machine,
 * so the reference repeats it until it has run for a while and counts every repetition.
 */
const referenceRepeats = 50;
const stages: { name: string; passes: number; run: () => void }[] = [
  {
    name: 'reference: JSON.parse', passes: referenceRepeats,
    run: () => {
      for (let r = 0; r < referenceRepeats; r++) for (const line of lines) JSON.parse(line);
    },
  },
  { name: 'parseRecords', passes: 1, run: () => void (parsed = parseRecords(text, { file: corpus.path }).records) },
  { name: 'alignRecord', passes: 1, run: () => parsed.forEach((record) => alignRecord(record)) },
  {
    name: 'analyzeRecord (segment, align, check)', passes: 1,
    run: () => {
      findings = 0;
      for (const record of parsed) findings += analyzeRecord(record).findings.length;
    },
  },
];

// Best of the rounds for each stage: load on a shared machine only ever slows a round down. Each
// stage's ratio is taken against the reference timed just before it, so both saw the same load.
const best = stages.map(() => ({ wallMs: Infinity, cpuMs: Infinity, ratio: Infinity }));
for (let round = 0; round < rounds; round++) {
  stages.forEach((stage, s) => {
    const reference = timed(stages[0]!.run);
    const t = timed(stage.run);
    // CPU time rather than wall time for the ratio: a stage that waited for a core did no work.
    const perPass = t.cpuMs / stage.passes;
    best[s]!.wallMs = Math.min(best[s]!.wallMs, t.wallMs / stage.passes);
    best[s]!.cpuMs = Math.min(best[s]!.cpuMs, perPass);
    best[s]!.ratio = Math.min(best[s]!.ratio, perPass / (reference.cpuMs / referenceRepeats));
  });
}

const count = parsed.length;
out(`${fmt(count)} records, best of ${rounds} rounds; ${fmt(findings)} findings\n`);
const header = ['stage', 'ms', 'rec/s', 'rec per CPU s', 'JSON.parse per record'];
const rows = stages.map((stage, s) => {
  const t = best[s]!;
  return [stage.name, fmt(t.wallMs, 1), fmt((count / t.wallMs) * 1000), fmt((count / t.cpuMs) * 1000), s === 0 ? '1' : fmt(t.ratio, 1)];
});
out(columns(header, rows));
out('\nms: one pass over the corpus (wall clock). "JSON.parse per record": a pass\'s CPU time ÷ the CPU time of one JSON.parse');
out('pass over the same lines, timed just before it; lower is faster. Compare it and rec per CPU s across runs, not rec/s.');
