/**
 * `npm run bench:search [-- --records N] [-- --rounds R]`
 *
 * The record list's text search at corpus scale, as the user types. The deterministic corpus of
 * N records (default 100,000) is loaded into the record library as the app loads it (SQLite
 * store), then words are "typed" one character at a time, each prefix asked for as the list asks
 * (`library:query` with its text). Printed for each prefix, side by side: the time with the app's
 * index, which narrows a search to the last one's rows when the new text extends it and those rows
 * are few, and the time of a fresh index, which searches every row (the baseline); their ratio,
 * and the rows found (the two must agree, else the run stops). Median of R rounds (default 3).
 *
 * Figures only; nothing here passes or fails (see recordIndex.test.ts for the behaviour).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices } from '../electron/appServices.ts';
import { RecordIndex } from '../electron/services/recordIndex.ts';
import { columns, integerOption } from './benchText.ts';
import { ensureCorpus } from './corpus/buildCorpus.ts';

const records = integerOption('--records', 100_000);
const rounds = integerOption('--rounds', 3);
/** What a reviewer might type: English words and phrases, and a Chinese term. */
const TYPED = ['trachoma', 'randomized controlled', 'patients with', '沙眼', '睡眠质量'];

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

const { path } = ensureCorpus({ records });
const folder = mkdtempSync(join(tmpdir(), 'bench-search-'));
const services = createAppServices({ userDataDir: folder, samplePaths: [] });
try {
  const started = performance.now();
  await services.library.openPaths([path]);
  console.log(`machine: Node ${process.version}; ${services.library.count().toLocaleString('en')} records loaded in ${((performance.now() - started) / 1000).toFixed(1)} s; median of ${rounds} rounds`);
  // One index as the app keeps it; the background check is not needed for text search.
  const typing = new RecordIndex(services.library, services.store);
  const rows: string[][] = [];
  let typedTotal = 0;
  let freshTotal = 0;
  for (const words of TYPED) {
    const prefixes = Array.from({ length: [...words].length }, (_, n) => [...words].slice(0, n + 1).join('')).filter((prefix) => prefix.trim() === prefix);
    const typedMs = new Map<string, number[]>();
    const freshMs = new Map<string, number[]>();
    const found = new Map<string, number>();
    for (let round = 0; round < rounds; round += 1) {
      for (const text of prefixes) {
        let at = performance.now();
        const answer = typing.query({ offset: 0, limit: 50, text });
        typedMs.set(text, [...(typedMs.get(text) ?? []), performance.now() - at]);
        const fresh = new RecordIndex(services.library, services.store);
        at = performance.now();
        const baseline = fresh.query({ offset: 0, limit: 50, text });
        freshMs.set(text, [...(freshMs.get(text) ?? []), performance.now() - at]);
        fresh.dispose();
        if (answer.total !== baseline.total) throw new Error(`"${text}": the typed search found ${answer.total} rows, a fresh one ${baseline.total}`);
        found.set(text, answer.total);
      }
      // The next round starts from an empty search, as a user clearing the field does.
      typing.query({ offset: 0, limit: 50 });
    }
    for (const text of prefixes) {
      const typed = median(typedMs.get(text)!);
      const fresh = median(freshMs.get(text)!);
      typedTotal += typed;
      freshTotal += fresh;
      rows.push([JSON.stringify(text), found.get(text)!.toLocaleString('en'), `${typed.toFixed(0)} ms`, `${fresh.toFixed(0)} ms`, (typed / fresh).toFixed(2)]);
    }
  }
  typing.dispose();
  const header = ['typed text', 'rows found', 'as typed', 'fresh (full scan)', 'ratio'];
  console.log(columns(header, rows));
  console.log(`\nall prefixes: ${typedTotal.toFixed(0)} ms as typed, ${freshTotal.toFixed(0)} ms fresh (ratio ${(typedTotal / freshTotal).toFixed(2)})`);
} finally {
  services.close();
  rmSync(folder, { recursive: true, force: true });
}
