import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecordLibrary } from './recordLibrary.ts';

// WMT sibling pairing and the user's size limit: the parts of opening files that span more than one file or setting.

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'record-library-files-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

const wmtEn = 'doc1\t1\tAspirin lowered the risk by 20%.\ndoc1\t2\tNo deaths occurred.\ndoc2\t1\tSleep improved.\n';
const wmtZh = 'doc1\t1\t阿司匹林使风险降低了20%。\ndoc1\t2\t无人死亡。\ndoc2\t1\t睡眠改善。\n';

describe('RecordLibrary and WMT siblings', () => {
  it('pairs x_en.txt with x_zh.txt in a folder into bilingual records, one per document', async () => {
    write('medline_en.txt', wmtEn);
    write('medline_zh.txt', wmtZh);
    const library = new RecordLibrary();
    const state = await library.openPaths([folder]);
    expect(state.errors).toEqual([]);
    expect(state.records.map((r) => [r.id.split('#').pop(), r.format])).toEqual([['doc1', 'wmt'], ['doc2', 'wmt']]);
    const first = library.get(state.records[0]!.id)!;
    expect(first.en.abstract).toContain('Aspirin');
    expect(first.zh?.abstract).toBe('阿司匹林使风险降低了20%。无人死亡。');
  });

  it('pairs the two files when they are opened explicitly, and a Chinese file opened alone before is replaced', async () => {
    const zh = write('set_zh.txt', wmtZh);
    const en = write('set_en.txt', wmtEn);
    const library = new RecordLibrary();
    const alone = await library.openPaths([zh]);
    expect(alone.errors.map((e) => e.message)).toEqual([expect.stringMatching(/open it together with its English sibling/)]);
    const state = await library.openPaths([en, zh]);
    expect(state.errors).toEqual([]);
    expect(state.records).toHaveLength(2);
    expect(state.records.every((r) => r.titleZh !== null || library.get(r.id)?.zh !== null)).toBe(true);
  });

  it('pairs x_en.txt with x_zh.txt sent together as text (the browser host), a Chinese file imported alone before replaced', () => {
    const library = new RecordLibrary();
    expect(library.importText('set_zh.txt', wmtZh).errors.map((e) => e.message)).toEqual([expect.stringMatching(/open it together with its English sibling/)]);
    const state = library.importTexts([
      { name: 'set_zh.txt', text: wmtZh },
      { name: 'set_en.txt', text: `\ufeff${wmtEn}` },
      { name: 'other.tsv', text: 'en\tzh\nIt worked.\t有效。\n' },
    ]);
    expect(state.errors).toEqual([]);
    expect(state.records.map((r) => [r.file, r.format])).toEqual([['set_en.txt', 'wmt'], ['set_en.txt', 'wmt'], ['other.tsv', 'tsv']]);
    expect(library.get(state.records[0]!.id)?.zh?.abstract).toBe('阿司匹林使风险降低了20%。无人死亡。');
  });

  it('imports siblings one by one when they are not WMT, or another format was chosen', () => {
    const library = new RecordLibrary();
    const pages = library.importTexts([
      { name: 'notes_en.txt', text: 'en\tzh\nOne.\t一。\n' },
      { name: 'notes_zh.txt', text: 'en\tzh\nTwo.\t二。\n' },
    ], 'tsv');
    expect(pages.records.map((r) => [r.file, r.format])).toEqual([['notes_en.txt', 'tsv'], ['notes_zh.txt', 'tsv']]);
    // A refused side (not text at all) leaves the other to load alone.
    const refused = library.importTexts([
      { name: 'bin_en.txt', text: wmtEn },
      { name: 'bin_zh.txt', text: '\u0000\u0001\u0002\u0000\u0000\u0003' },
    ]);
    expect(refused.records.filter((r) => r.file === 'bin_en.txt')).toHaveLength(2);
    expect(refused.errors.some((e) => e.source.file === 'bin_zh.txt')).toBe(true);
  });

  it('reports a document that only one side has', async () => {
    write('a_en.txt', wmtEn);
    write('a_zh.txt', 'doc1\t1\t阿司匹林。\n');
    const state = await new RecordLibrary().openPaths([folder]);
    expect(state.records).toHaveLength(2);
    expect(state.errors.map((e) => e.message)).toEqual([expect.stringMatching(/a_en\.txt:3: document doc2 has no Chinese/)]);
  });

  it('opens _en/_zh siblings that are not WMT as two ordinary files', async () => {
    const page = (title: string) => `${title}\n\nAbstract\n\nBackground: something was studied.\n`;
    write('notes_en.txt', page('An English page'));
    write('notes_zh.txt', page('Another English page'));
    const state = await new RecordLibrary().openPaths([folder]);
    expect(state.records.map((r) => r.file.split('/').pop()).sort()).toEqual(['notes_en.txt', 'notes_zh.txt']);
  });

  it('does not pair when the user chose another format', async () => {
    write('t_en.txt', wmtEn);
    write('t_zh.txt', wmtZh);
    const state = await new RecordLibrary().openPaths([folder], 'tsv');
    expect(state.records.every((r) => r.format === 'tsv')).toBe(true);
  });
});

describe('RecordLibrary.setMaxFileBytes', () => {
  it('refuses a file over the user’s limit, names it, and goes back to the built-in limits on null', async () => {
    const jsonl = write('big.jsonl', `${JSON.stringify({ doi: '10.1/a', title: 'A title', abstract: 'Text.' })}\n`.repeat(50));
    const library = new RecordLibrary();
    library.setMaxFileBytes(1024);
    const refused = await library.openPaths([jsonl]);
    expect(refused.records).toEqual([]);
    expect(refused.errors).toEqual([{ source: { file: jsonl }, message: expect.stringMatching(/^File is \d\.\d KiB, over the 1 KiB limit$/), code: 'file.tooLarge', params: { size: expect.stringMatching(/KiB$/), limit: '1 KiB' } }]);
    const tsv = write('big.tsv', `en\tzh\n${'Words.\t词。\n'.repeat(200)}`);
    // Under the user's limit JSONL is not larger, so the message does not say it may be.
    expect((await library.openPaths([tsv])).errors.find((e) => e.source.file === tsv)?.message).toMatch(/^File is \d\.\d KiB, over the 1 KiB limit$/);
    library.setMaxFileBytes(null);
    const opened = await library.openPaths([jsonl]);
    expect(opened.errors.filter((e) => e.source.file === jsonl)).toEqual([]);
    expect(opened.records.length).toBeGreaterThan(0);
  });
});

describe('RecordLibrary.importText refusals (files the browser host reads in the page)', () => {
  it('makes a binary file one error entry naming it, and keeps the other records', () => {
    const library = new RecordLibrary();
    library.importText('ok.tsv', 'en\tzh\nIt worked.\t有效。\n');
    const state = library.importText('scan.pdf', '%PDF-1.7\n\u0000\u0001\u0002 stream\u0000\u0000\u0003');
    expect(state.records).toHaveLength(1);
    expect(state.errors).toEqual([{ source: { file: 'scan.pdf' }, message: expect.stringMatching(/^scan\.pdf: .*(PDF|binary)/i), code: expect.stringMatching(/^decode\.(pdf|nulBytes|controlCharacters)$/), params: expect.any(Object) }]);
  });

  it('refuses text over the size limit with the sizes', () => {
    const library = new RecordLibrary();
    library.setMaxFileBytes(1024);
    const state = library.importText('big.tsv', `en\tzh\n${'Words.\t词。\n'.repeat(200)}`);
    expect(state.records).toEqual([]);
    expect(state.errors).toEqual([{ source: { file: 'big.tsv' }, message: expect.stringMatching(/^File is \d\.\d KiB, over the 1 KiB limit$/), code: 'file.tooLarge', params: { size: expect.stringMatching(/KiB$/), limit: '1 KiB' } }]);
  });
});
