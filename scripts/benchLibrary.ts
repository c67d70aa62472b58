// `npm run bench:library [-- MB ...]`: how fast the record library streams a large JSONL file and
// how much memory it takes as the file grows. For each size (default 100 and 1000 MB) it writes a
// deterministic JSONL into bench/.cache (the benchmark corpus of 100,000 site records, repeated
// with new DOIs until the size is reached), then loads it in a fresh process per mode:
//   - pipeline only: reading, decoding, line splitting and JSON parsing; the records are dropped;
//   - records in memory: the same, every parsed record kept in an array (as the library did
//     before it had a store);
//   - library (store): the RecordLibrary as the app uses it, records kept in its SQLite store.
// and prints, side by side, time, records/s and peak RSS (the process's maxRSS). Figures, not
// assertions: see the unit tests for those.
import { execFileSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createJsonlParser, type JsonlParser } from '../shared/records/json.ts';
import type { ReviewRecord } from '../shared/records/model.ts';
import { CACHE_DIR, ensureCorpus } from '../bench/corpus/buildCorpus.ts';
import { RecordLibrary } from '../electron/services/recordLibrary.ts';

const MODES = ['pipeline only', 'records in memory', 'library (store)'] as const;
type Mode = (typeof MODES)[number];

interface Measured {
  seconds: number;
  records: number;
  errors: number;
  peakMb: number;
  storeMb: number | null;
}

/** The JSONL of about `megabytes` MB: the corpus repeated, each copy with DOIs of its own (so ids stay unique). */
async function ensureFile(megabytes: number): Promise<string> {
  const path = `${CACHE_DIR}library-v1-${megabytes}mb.jsonl`;
  if (existsSync(path)) return path;
  mkdirSync(CACHE_DIR, { recursive: true });
  const corpus = ensureCorpus({ records: 100_000 }).path;
  const target = megabytes * 1024 * 1024;
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let written = 0;
  try {
    for (let copy = 0; written < target; copy += 1) {
      const lines = createInterface({ input: createReadStream(corpus, { encoding: 'utf8' }), crlfDelay: Infinity });
      let buffer: string[] = [];
      for await (const line of lines) {
        if (written >= target) break;
        const text = copy === 0 ? line : line.replace('"doi":"10.5555/bench.', `"doi":"10.5555/bench.c${copy}.`);
        buffer.push(text);
        written += Buffer.byteLength(text) + 1;
        if (buffer.length === 1000) {
          writeSync(fd, `${buffer.join('\n')}\n`);
          buffer = [];
        }
      }
      lines.close();
      if (buffer.length > 0) writeSync(fd, `${buffer.join('\n')}\n`);
    }
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  return path;
}

/** One load, in this (child) process; prints its figures as one JSON line. */
async function measure(mode: Mode, file: string): Promise<void> {
  const kept: ReviewRecord[] = [];
  let parsed = 0;
  const keeping = (options: { file: string }): JsonlParser => {
    const parser = createJsonlParser(options);
    const keep = (result: ReturnType<JsonlParser['push']>) => {
      parsed += result.records.length;
      if (mode === 'records in memory') kept.push(...result.records);
      return { records: [], errors: result.errors };
    };
    return { push: (text) => keep(parser.push(text)), end: () => keep(parser.end()) };
  };
  const library = mode === 'library (store)' ? new RecordLibrary() : new RecordLibrary({ createJsonlParser: keeping });
  const start = performance.now();
  const state = await library.openPaths([file], undefined, { remember: false });
  const seconds = (performance.now() - start) / 1000;
  const records = mode === 'library (store)' ? library.count() : parsed;
  const storeMb = mode === 'library (store)' ? statSync(library.store.file).size / 1024 / 1024 : null;
  const measured: Measured = { seconds, records, errors: state.errors.length, peakMb: process.resourceUsage().maxRSS / 1024, storeMb };
  library.close();
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}

if (process.argv[2] === '--child') {
  await measure(process.argv[3] as Mode, process.argv[4]!);
} else {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const files: [number, string][] = [];
  for (const megabytes of sizes.length > 0 ? sizes : [100, 1000]) files.push([megabytes, await ensureFile(megabytes)]);
  console.log('peak RSS is the whole process (Node, the parser, the store); each mode runs in a fresh process');
  for (const [, file] of files) {
    const size = statSync(file).size / 1024 / 1024;
    console.log(`\n${file.slice(CACHE_DIR.length)}: ${size.toFixed(0)} MB`);
    for (const mode of MODES) {
      const output = execFileSync(process.execPath, [process.argv[1]!, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const m = JSON.parse(output.trim().split('\n').at(-1)!) as Measured;
      console.log(
        `  ${mode.padEnd(18)} ${m.seconds.toFixed(1).padStart(6)} s  ${(size / m.seconds).toFixed(1).padStart(5)} MB/s  ` +
          `${(m.records / m.seconds).toFixed(0).padStart(6)} records/s  ${m.records} records, ${m.errors} errors  ` +
          `peak RSS ${m.peakMb.toFixed(0).padStart(5)} MB${m.storeMb === null ? '' : `  (store file ${m.storeMb.toFixed(0)} MB)`}`,
      );
    }
  }
}
