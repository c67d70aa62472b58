/**
 * For tests: a temporary folder holding the first records of the benchmark corpus as one JSONL
 * file, with broken lines spliced in where asked, removed when the test file ends.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { corpusLines } from './buildCorpus.ts';

/** The folder, the file and its lines (records and broken lines, in file order). */
export interface CorpusFixture {
  dir: string;
  file: string;
  lines: string[];
}

/**
 * Writes corpus records to `<tmp>/<prefix>…/<name>`: the first `records`, or those at the given
 * corpus positions. `broken` maps a 0-based line index of the file to the text to insert there.
 */
export function corpusFixture(prefix: string, name: string, records: number | readonly number[], broken: Readonly<Record<number, string>> = {}): CorpusFixture {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const all = [...corpusLines({ records: typeof records === 'number' ? records : Math.max(...records) + 1 })];
  const lines = typeof records === 'number' ? all : records.map((at) => all[at]!);
  for (const [at, text] of Object.entries(broken).sort((a, b) => Number(a[0]) - Number(b[0]))) lines.splice(Number(at), 0, text);
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { dir, file, lines };
}
