import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../shared/records/decode.ts';
import { detectFormat, parseRecords } from '../../shared/records/parse.ts';
import { parseWmtPair } from '../../shared/records/wmt.ts';
import { RecordLibrary } from './recordLibrary.ts';

// Every file shipped under samples/ must load cleanly: a new user's first try of a format is one of these.

const samples = fileURLToPath(new URL('../../samples/', import.meta.url));
const formats = join(samples, 'formats');
const recordFiles = (folder: string) => readdirSync(folder).filter((name) => !name.endsWith('.md') && !name.startsWith('.'));

function read(path: string): string {
  const decoded = decodeBytes(readFileSync(path), path, { maxBytes: 16 * 1024 * 1024 });
  if ('error' in decoded) throw new Error(decoded.error.message);
  expect(decoded.warning, path).toBeUndefined();
  return decoded.text;
}

/** What each sample is detected as, and how many records it holds on its own (the WMT halves are paired below). */
const expected: Record<string, [string, number]> = {
  'several-records.page.txt': ['page', 2],
  'traditional-chinese.page.txt': ['page', 1],
  'records.json': ['json', 2],
  'records.jsonl': ['jsonl', 2],
  'pairs.tsv': ['tsv', 2],
  'pairs-utf8-bom.csv': ['csv', 1],
  'pairs-utf16.tsv': ['tsv', 1],
  'memory.tmx': ['tmx', 1],
  'abstract-1.2.xlf': ['xliff', 1],
  'abstract-2.0.xlf': ['xliff', 1],
};

describe('samples/', () => {
  it('the bundled sample record parses without errors', () => {
    for (const name of recordFiles(samples).filter((n) => n !== 'formats')) {
      const result = parseRecords(read(join(samples, name)), { file: name });
      expect(result.errors, name).toEqual([]);
      expect(result.records.length, name).toBeGreaterThan(0);
    }
  });

  it.each(Object.entries(expected))('formats/%s parses through parseRecords with zero errors', (name, [format, count]) => {
    const text = read(join(formats, name));
    expect(detectFormat(name, text)).toBe(format);
    const result = parseRecords(text, { file: name });
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(count);
    for (const record of result.records) {
      expect(record.en.abstract.length, record.id).toBeGreaterThan(10);
      expect(record.zh?.abstract.length ?? 0, record.id).toBeGreaterThan(5);
    }
  });

  it('lists every file of samples/formats above (a new sample needs an expectation)', () => {
    const wmt = recordFiles(formats).filter((name) => name.startsWith('medline-'));
    expect(recordFiles(formats).sort()).toEqual([...Object.keys(expected), ...wmt].sort());
    expect(wmt.sort()).toEqual(['medline-doc4-5_en.txt', 'medline-doc4-5_zh.txt']);
  });

  it('the WMT halves pair into two bilingual documents', () => {
    const result = parseWmtPair(read(join(formats, 'medline-doc4-5_en.txt')), read(join(formats, 'medline-doc4-5_zh.txt')), { enFile: 'medline-doc4-5_en.txt', zhFile: 'medline-doc4-5_zh.txt' });
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => r.id)).toEqual(['medline-doc4-5_en.txt#doc4', 'medline-doc4-5_en.txt#doc5']);
    expect(result.records.every((r) => (r.zh?.abstract.length ?? 0) > 50)).toBe(true);
  });

  it('the whole folder opens in the record library with zero error entries', async () => {
    const state = await new RecordLibrary().openPaths([formats]);
    expect(state.errors).toEqual([]);
    expect(state.records).toHaveLength(Object.values(expected).reduce((sum, [, count]) => sum + count, 0) + 2);
    expect(new Set(state.records.map((r) => r.format))).toEqual(new Set(['page', 'json', 'jsonl', 'tsv', 'csv', 'tmx', 'xliff', 'wmt']));
  });
});
