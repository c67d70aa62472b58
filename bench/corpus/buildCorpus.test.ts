import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecords } from '../../shared/records/parse.ts';
import { corpusLines, createRandom, englishAbstractHtml, ensureCorpus, writeCorpus } from './buildCorpus.ts';
import { detokenise } from './sources.ts';

const dir = mkdtempSync(join(tmpdir(), 'corpus-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

// Whether the JSONL parser has landed: the placeholder reports every format but page dumps as unsupported.
const jsonlParsed = parseRecords('{"title":"T","abstract":"<p>A.</p>"}\n', { file: 'probe.jsonl', format: 'jsonl' }).records.length === 1;

describe('buildCorpus', () => {
  it('writes the same bytes on every run, and other bytes for another seed', () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    const c = join(dir, 'c.jsonl');
    writeCorpus(a, { records: 400 });
    writeCorpus(b, { records: 400 });
    writeCorpus(c, { records: 400, seed: 7 });
    expect(sha256(a)).toBe(sha256(b));
    expect(sha256(c)).not.toBe(sha256(a));
  });

  it('writes one site-metadata object per line, with unique DOIs and Chinese on every record', () => {
    const lines = [...corpusLines({ records: 300 })];
    expect(lines).toHaveLength(300);
    const objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const o of objects) {
      expect(typeof o.title).toBe('string');
      expect(o.abstract).toMatch(/^<p>/);
      expect(typeof o.AbstractTextCN).toBe('string');
      expect((o.AbstractTextCN as string).length).toBeGreaterThan(0);
    }
    expect(new Set(objects.map((o) => o.doi)).size).toBe(300);
    // Real labelled abstracts come through as the sites print them.
    expect(objects.some((o) => /<p><strong>(Objective|Methods|Results|Conclusions?): <\/strong>/.test(o.abstract as string))).toBe(true);
  });

  it('reuses a cached corpus instead of rebuilding it', () => {
    const first = ensureCorpus({ records: 50 }, dir);
    const second = ensureCorpus({ records: 50 }, dir);
    expect(first.built).toBe(true);
    expect(second).toEqual({ path: first.path, built: false });
  });

  it.runIf(jsonlParsed)('loads through the real parser without errors', () => {
    const text = `${[...corpusLines({ records: 200 })].join('\n')}\n`;
    const result = parseRecords(text, { file: 'corpus.jsonl', format: 'jsonl' });
    expect(result.errors).toEqual([]);
    expect(result.records).toHaveLength(200);
    expect(result.records.every((r) => r.zh !== null && r.en.abstract.length > 0)).toBe(true);
  });
});

describe('englishAbstractHtml', () => {
  it('puts each labelled segment in its own paragraph and escapes text', () => {
    expect(englishAbstractHtml(['Objective: To test P < 0.05.', 'More text.', 'Results: Fine & dandy.'])).toBe(
      '<p><strong>Objective: </strong>To test P &lt; 0.05. More text.</p><p><strong>Results: </strong>Fine &amp; dandy.</p>',
    );
    expect(englishAbstractHtml(['No label here.', 'Second.'])).toBe('<p>No label here. Second.</p>');
  });
});

describe('detokenise', () => {
  it.each([
    ['en', 'sugar @-@ sweetened beverages ( ssbs ) reduce children &apos;s intake .', "Sugar-sweetened beverages (ssbs) reduce children's intake."],
    ['zh', '研究者 应用 美国 （ 2011   -   2016 年 ） 分析 了 8 , 400 名 儿童 的 ssb 热量', '研究者应用美国（2011-2016年）分析了8,400名儿童的ssb热量'],
  ] as const)('%s', (lang, input, expected) => {
    expect(detokenise(input, lang)).toBe(expected);
  });
});

describe('createRandom', () => {
  it('is a fixed sequence in [0, 1) for a seed', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(990);
  });
});
