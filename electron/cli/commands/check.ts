/**
 * `check PATH... [--json]`: loads records from files or folders (every format `parseRecords`
 * reads), aligns and checks them, and prints one JSON document (`--json`) or a readable summary.
 * A file that cannot be read or parsed becomes an `errors` entry; the others are still checked.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliCommand } from '../types.ts';
import { parseOptions } from '../run.ts';
import { decodeBytes } from '../../../shared/records/decode.ts';
import { parseRecords } from '../../../shared/records/parse.ts';
import type { LoadError, ReviewRecord, SourceLocation } from '../../../shared/records/model.ts';
import { analyzeRecord, type RecordAnalysis } from '../../../shared/review/analyzeRecord.ts';
import { findCorpusTermInconsistencies } from '../../../shared/terms/termInconsistency.ts';
import { parseGlossaryTsv, type GlossaryEntry } from '../../../shared/terms/glossary.ts';
import { defaultLexicon } from '../../../shared/lexicon/defaultLexicon.ts';
import type { Finding, Severity } from '../../../shared/checks/types.ts';
import { hasFlagsAtOrAbove, summarize } from '../../../shared/report/summarize.ts';
import { toCsv } from '../../../shared/report/csv.ts';
import { toHtmlReport } from '../../../shared/report/html.ts';
import { renderSummaryTable } from '../../../shared/report/table.ts';
import { createProgress } from '../../batch/progress.ts';
import { checkInPool } from '../../batch/checkInPool.ts';
import { choosePoolSize } from '../../batch/poolChoice.ts';
import { expandGlobs } from '../../batch/recordTasks.ts';

const usage = `Usage: npm run --silent cli -- check PATH... [--json] [--glossary FILE.tsv]

PATH is a file, a folder (searched recursively) or a glob pattern ("corpus/**/*.jsonl").

Loads records from files or folders (page dumps, JSON, JSONL, TSV, CSV, TMX, XLIFF, WMT),
aligns each English abstract with its Chinese translation and reports divergences.
  --json             print one JSON document: {"records": [...], "errors": [...]}
  --glossary FILE    a TSV glossary (english, preferred, forbidden, note) to enforce
  --csv              print one CSV row per flag (RFC 4180) instead
  --html FILE        also write a self-contained HTML report (charts, worst records with evidence)
  --fail-on LEVEL    exit with code 1 when any flag is LEVEL or worse (critical, major, minor)
  --jobs N           check in N worker threads (0: in this thread); default cores − 1 when the
                     input is over 1 MB, else in this thread (workers take a second to start)
A progress bar is drawn on stderr when it is a terminal.
`;

const SEVERITY_LEVELS: readonly Severity[] = ['critical', 'major', 'minor'];

/** File names a folder walk picks up; a file named explicitly is always tried. */
const RECORD_FILE = /\.(?:txt|json|jsonl|ndjson|tsv|csv|tmx|xlf|xliff|xml)$/i;

async function collectFiles(paths: string[], errors: LoadError[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (path: string, explicit: boolean): Promise<void> => {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      errors.push({ source: { file: path }, message: `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return;
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
      for (const name of names) await walk(join(path, name), false);
    } else if (explicit || RECORD_FILE.test(path)) {
      files.push(path);
    }
  };
  for (const p of paths) await walk(p, true);
  return files;
}

async function loadFile(file: string): Promise<{ records: ReviewRecord[]; errors: LoadError[] }> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { records: [], errors: [{ source: { file }, message: `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }] };
  }
  const decoded = decodeBytes(bytes, file);
  if ('error' in decoded) return { records: [], errors: [decoded.error] };
  return parseRecords(decoded.text, { file });
}

const sourceText = (s: SourceLocation) => (s.line ? `${s.file}:${s.line}` : s.file);

/** The JSON shape of one record in the `check --json` document. */
export function recordJson(record: ReviewRecord, analysis: RecordAnalysis, findings: Finding[]) {
  return {
    id: record.id,
    source: sourceText(record.source),
    sentences: {
      en: analysis.en.map((s) => ({ text: s.text, section: s.section })),
      zh: analysis.zh.map((s) => ({ text: s.text, section: s.section })),
    },
    alignment: analysis.links.map((l) => ({ en: l.en, zh: l.zh, confidence: Math.round(l.confidence * 1000) / 1000 })),
    flags: findings.map((f) => ({ kind: f.kind, severity: f.severity, en: f.en, zh: f.zh, message: f.message.en, evidence: f.evidence })),
  };
}

/** One record of the `check --json` document (what the pool's workers send back, too). */
export type CheckRecordJson = ReturnType<typeof recordJson>;

function summary(records: ReturnType<typeof recordJson>[], errors: LoadError[]): string {
  const lines: string[] = [];
  for (const r of records) {
    const counts = new Map<string, number>();
    for (const f of r.flags) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
    const tally = [...counts.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'no flags';
    lines.push(`${r.id}  (${r.source})  ${r.sentences.en.length} en / ${r.sentences.zh.length} zh sentences — ${tally}`);
    for (const f of r.flags) {
      const where = `en ${f.en.map((i) => i + 1).join(',') || '—'} ↔ zh ${f.zh.map((i) => i + 1).join(',') || '—'}`;
      lines.push(`  [${f.severity}] ${f.kind}  ${where}: ${f.message}`);
    }
  }
  for (const e of errors) lines.push(`error: ${sourceText(e.source)}: ${e.message}`);
  const total = records.reduce((n, r) => n + r.flags.length, 0);
  lines.push(`${records.length} record(s), ${total} flag(s), ${errors.length} error(s)`);
  return lines.join('\n') + '\n';
}

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'align records and report divergences (numbers, omissions, labels, terms, …)',
  usage,
  async run(args, io) {
    const { options, positional } = parseOptions(args);
    // `--json` takes no value: parseOptions may have taken the next path as its value.
    const json = options.get('json');
    if (typeof json === 'string') positional.push(json);
    const csv = options.get('csv');
    if (typeof csv === 'string') positional.push(csv);
    const html = options.get('html');
    const failOn = options.get('fail-on');
    if (positional.length === 0 || html === true || (failOn !== undefined && !SEVERITY_LEVELS.includes(failOn as Severity))) {
      io.stderr(usage);
      return 2;
    }
    const errors: LoadError[] = [];
    let glossary: GlossaryEntry[] = [];
    const glossaryPath = options.get('glossary');
    if (typeof glossaryPath === 'string') {
      const parsed = parseGlossaryTsv(await readFile(glossaryPath, 'utf8'));
      glossary = parsed.entries;
      for (const e of parsed.errors) errors.push({ source: { file: glossaryPath, line: e.line }, message: e.message });
    }
    const globbed = await expandGlobs(positional);
    errors.push(...globbed.errors);
    const files = await collectFiles(globbed.paths, errors);
    const workers = await choosePoolSize(options.get('jobs'), files);
    if (workers === null) {
      io.stderr(usage);
      return 2;
    }
    const poolProgress = createProgress({ label: 'checking' });
    const pooled = workers > 0 ? await checkInPool(files, { glossary, workers, onRecords: (n) => poolProgress.tick(n) }) : null;
    poolProgress.finish();
    if (pooled) errors.push(...pooled.errors);
    const loaded: ReviewRecord[] = [];
    for (const file of pooled ? [] : files) {
      const result = await loadFile(file);
      loaded.push(...result.records);
      errors.push(...result.errors);
    }
    const lexicon = defaultLexicon();
    const progress = createProgress({ total: loaded.length, label: 'checking' });
    const analysed = loaded.map((record) => {
      try {
        progress.tick();
        return { record, analysis: analyzeRecord(record, { lexicon, glossary }) };
      } catch (error) {
        errors.push({ source: record.source, message: `Checking ${record.id} failed: ${error instanceof Error ? error.message : String(error)}` });
        return null;
      }
    }).filter((x) => x !== null);
    const corpus = findCorpusTermInconsistencies(
      analysed.filter((a) => a.record.zh).map((a) => ({
        id: a.record.id,
        aligned: { en: a.analysis.en, zh: a.analysis.zh, links: a.analysis.links, enAbstract: a.record.en.abstract, zhAbstract: a.record.zh?.abstract ?? '' },
      })),
      lexicon,
    );
    const records = pooled ? pooled.records : analysed.map(({ record, analysis }) =>
      recordJson(record, analysis, [...analysis.findings, ...corpus.filter((c) => c.recordId === record.id).map((c) => c.finding)]));
    progress.finish();
    const errorsJson = errors.map((e) => ({ source: sourceText(e.source), message: e.message }));
    const report = summarize({ records, errors: errorsJson });
    if (typeof html === 'string') await writeFile(html, toHtmlReport(report, { inputs: positional, generatedAt: new Date().toISOString() }));
    if (json !== undefined) io.stdout(JSON.stringify({ records, errors: errorsJson }, null, 2) + '\n');
    else if (csv !== undefined) io.stdout(toCsv({ records }));
    else io.stdout(`${summary(records, errors)}\n${renderSummaryTable(report)}`);
    return failOn !== undefined && hasFlagsAtOrAbove(report, failOn as Severity) ? 1 : 0;
  },
};
