/**
 * Equivalence guard for the review pipeline: `analyzeRecord` over a fixed set of records (the
 * samples, the parser fixtures, the first records of the benchmark corpus, real MT abstracts and
 * deterministic corruptions of corpus records that trip every check) must give exactly the
 * sentences, links and findings recorded in the committed snapshot. The snapshot was taken before
 * the pipeline was optimised (issue 7); a speed-up that changes any finding fails here.
 *
 * Per record the snapshot keeps a hash of the input (the parsed abstracts and sections), so a
 * failure caused by a parser change is told apart from one caused by the pipeline, and a hash of
 * the output; a few records are kept in full so a diff shows what moved.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../records/parse.ts';
import { parseWmtPair } from '../records/wmt.ts';
import { decodeBytes } from '../records/decode.ts';
import type { ReviewRecord } from '../records/model.ts';
import type { GlossaryEntry } from '../terms/glossary.ts';
import { analyzeRecord, type AnalyzeOptions, type RecordAnalysis } from './analyzeRecord.ts';
import { corpusLines } from '../../bench/corpus/buildCorpus.ts';
import { loadMtAbstracts } from '../../bench/corpora.ts';

const CORPUS_RECORDS = 400;
const GLOSSARY: GlossaryEntry[] = [
  { en: 'patients', preferred: ['患者'], forbidden: ['病人'] },
  { en: 'MDMA', preferred: ['MDMA'], forbidden: ['摇头丸'] },
  { en: 'randomized', preferred: ['随机'], forbidden: [] },
  { en: 'confidence interval', preferred: ['置信区间'], forbidden: ['可信区间'] },
];

interface Case {
  name: string;
  record: ReviewRecord;
  options?: AnalyzeOptions;
}

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

function fileRecords(url: URL): ReviewRecord[] {
  const names = readdirSync(url).filter((n) => !n.endsWith('.md') && statSync(new URL(n, url)).isFile()).sort();
  const out: ReviewRecord[] = [];
  const wmt = names.filter((n) => /_(en|zh)\.txt$/.test(n));
  for (const name of names) {
    if (wmt.includes(name)) continue;
    const decoded = decodeBytes(readFileSync(new URL(name, url)), name);
    if ('error' in decoded) continue;
    out.push(...parseRecords(decoded.text, { file: name }).records);
  }
  for (const enFile of wmt.filter((n) => n.endsWith('_en.txt'))) {
    const zhFile = enFile.replace(/_en\.txt$/, '_zh.txt');
    if (!wmt.includes(zhFile)) continue;
    const read = (n: string) => readFileSync(new URL(n, url), 'utf8');
    out.push(...parseWmtPair(read(enFile), read(zhFile), { enFile, zhFile }).records);
  }
  return out;
}

/** Deterministic damage to a site object's Chinese, one kind per record, so every check fires somewhere. */
function corrupt(line: string, k: number): string | null {
  const object = JSON.parse(line) as Record<string, unknown>;
  const zh = object.AbstractTextCN;
  if (typeof zh !== 'string' || zh === '') return null;
  const sentences = zh.split(/(?<=[。！？])/);
  switch (k % 5) {
    case 0: // drop a sentence
      if (sentences.length < 3) return null;
      sentences.splice(Math.floor(sentences.length / 2), 1);
      break;
    case 1: { // change the first number
      const joined = sentences.join('');
      if (!/\d/.test(joined)) return null;
      object.AbstractTextCN = joined.replace(/\d/, (d) => String((Number(d) + 3) % 10));
      return JSON.stringify(object);
    }
    case 2: // leave an English sentence untranslated
      sentences.splice(1, 0, 'The primary outcome was assessed by blinded investigators at twelve weeks.');
      break;
    case 3: // drop the second half of the longest sentence's clauses
    {
      let longest = 0;
      sentences.forEach((s, i) => { if (s.length > sentences[longest]!.length) longest = i; });
      const clauses = sentences[longest]!.split('，');
      if (clauses.length < 3) return null;
      sentences[longest] = `${clauses.slice(0, Math.ceil(clauses.length / 2)).join('，')}。`;
      break;
    }
    case 4: // swap a rendering of a repeated term and half-width punctuation
      object.AbstractTextCN = sentences.join('').replace('患者', '病人').replace('，', ',');
      return JSON.stringify(object);
  }
  object.AbstractTextCN = sentences.join('');
  return JSON.stringify(object);
}

function cases(): Case[] {
  const out: Case[] = [];
  const add = (prefix: string, records: ReviewRecord[], options?: AnalyzeOptions) =>
    records.forEach((record, i) => out.push({ name: `${prefix}#${i}:${record.id}`, record, options }));
  add('samples', fileRecords(new URL('../../samples/', import.meta.url)));
  add('samples/formats', fileRecords(new URL('../../samples/formats/', import.meta.url)));
  add('fixtures', fileRecords(new URL('../records/fixtures/', import.meta.url)));
  const lines = [...corpusLines({ records: CORPUS_RECORDS })];
  const corpus = parseRecords(lines.join('\n'), { file: 'corpus.jsonl' }).records;
  add('corpus', corpus);
  const damaged = lines.map(corrupt).filter((l): l is string => l !== null);
  add('corrupted', parseRecords(damaged.join('\n'), { file: 'corrupted.jsonl' }).records);
  add('mt', loadMtAbstracts());
  add('glossary', corpus.slice(0, 60), { glossary: GLOSSARY });
  add('no-lexicon', corpus.slice(0, 40), { lexicon: null });
  return out;
}

const FULL = new Set(['samples#0', 'corpus#0', 'corpus#1', 'corrupted#0', 'corrupted#1', 'corrupted#2', 'corrupted#3', 'corrupted#4', 'mt#0', 'glossary#0']);

describe('analyzeRecord equivalence', () => {
  it('gives the snapshot sentences, links and findings for every record', async () => {
    const all = cases();
    expect(all.length).toBeGreaterThan(800);
    const hashes: Record<string, { input: string; output: string }> = {};
    const full: Record<string, RecordAnalysis> = {};
    const counts: Record<string, number> = {};
    for (const { name, record, options } of all) {
      const analysis = analyzeRecord(record, options);
      hashes[name] = { input: sha([record.en, record.zh]), output: sha(analysis) };
      if (FULL.has(name.slice(0, name.indexOf(':')))) full[name] = analysis;
      for (const f of analysis.findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    }
    // Every check must be exercised, or the guard would not guard it.
    for (const kind of ['number-mismatch', 'omission', 'addition', 'section-missing', 'term-inconsistency', 'glossary', 'untranslated', 'punctuation']) {
      expect(counts[kind] ?? 0, kind).toBeGreaterThan(0);
    }
    await expect(`${JSON.stringify({ counts, hashes }, null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/analyzeRecord.equivalence.hashes.json');
    await expect(`${JSON.stringify(full, null, 1)}\n`).toMatchFileSnapshot('./__snapshots__/analyzeRecord.equivalence.full.json');
  }, 180_000); // about a thousand records: a few seconds alone, longer beside the other test files on a busy machine
});
