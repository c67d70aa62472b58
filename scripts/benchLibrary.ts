// `npm run bench:library [-- MB]`: how fast the record library streams a large JSONL file and
// how much memory it takes. Writes a synthetic export of the given size (default 200 MB) to a
// temp folder, loads it twice — with the real shared parser (records kept, as in the app) and
// with a parser that keeps nothing (the reading, decoding and line-splitting pipeline alone) —
// and prints time, throughput and peak RSS. Figures, not assertions: see the unit tests for those.
import { mkdtempSync, rmSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordLibrary } from '../electron/services/recordLibrary.ts';

const megabytes = Number(process.argv[2] ?? 200);
const folder = mkdtempSync(join(tmpdir(), 'bench-library-'));
const file = join(folder, 'export.jsonl');

const abstract = 'Neurorehabilitation in military populations is complicated by higher rates of PTSD. '.repeat(8);
const abstractZh = '军队人群的神经康复因创伤后应激障碍发生率较高而更加复杂。'.repeat(8);
let lines = 0;
let batch: string[] = [];
writeFileSync(file, '');
while (statSync(file).size < megabytes * 1024 * 1024) {
  for (let i = 0; i < 2000; i += 1) {
    lines += 1;
    batch.push(JSON.stringify({ doi: `10.9999/bench.${lines}`, title: `Record ${lines}`, abstract, TitleCN: `记录 ${lines}`, AbstractTextCN: abstractZh }));
  }
  appendFileSync(file, batch.join('\n') + '\n');
  batch = [];
}
const size = statSync(file).size;
console.log(`file: ${(size / 1024 / 1024).toFixed(0)} MB, ${lines} lines`);

let peak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

async function run(label: string, library: RecordLibrary): Promise<void> {
  globalThis.gc?.();
  peak = process.memoryUsage().rss;
  const before = peak;
  const start = performance.now();
  const state = await library.openPaths([file], undefined, { remember: false });
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${label}: ${seconds.toFixed(1)} s, ${(size / 1024 / 1024 / seconds).toFixed(1)} MB/s, ` +
      `${(state.records.length / seconds).toFixed(0)} records/s, ${state.records.length} records, ${state.errors.length} errors, ` +
      `RSS ${(before / 1024 / 1024).toFixed(0)} → peak ${(peak / 1024 / 1024).toFixed(0)} MB`,
  );
  library.clear();
}

try {
  const nothing = { records: [], errors: [] };
  await run('pipeline only (parser keeps nothing)', new RecordLibrary({ createJsonlParser: () => ({ push: () => nothing, end: () => nothing }) }));
  await run('real parser, records kept', new RecordLibrary());
} finally {
  clearInterval(sampler);
  rmSync(folder, { recursive: true, force: true });
}
