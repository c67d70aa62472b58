import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecords } from '../records/parse.ts';
import { analyzeRecord } from './analyzeRecord.ts';

// The example record and its reviewed reading (../shared/records/mdma-ptsd-military.gold.md).
const file = new URL('../../../shared/records/mdma-ptsd-military.page.txt', import.meta.url);
const parsed = parseRecords(readFileSync(file, 'utf8'), { file: 'mdma-ptsd-military.page.txt' });

describe('analyzeRecord on the example record', () => {
  const record = parsed.records[0]!;
  const { en, zh, links, findings } = analyzeRecord(record);
  const kinds = (k: string) => findings.filter((f) => f.kind === k);

  it('aligns twelve English sentences', () => {
    expect(en).toHaveLength(12);
    expect(links.flatMap((l) => l.en)).toEqual([...Array(12).keys()]);
    expect(zh.length).toBeGreaterThanOrEqual(8);
  });
  it('flags the lost Objective and Results labels and no others', () => {
    expect(kinds('section-missing').map((f) => /"([^"]+)"/.exec(f.message.en)?.[1])).toEqual(['Objective', 'Results']);
    expect(kinds('section-missing').map((f) => f.en)).toEqual([[4], [7]]);
  });
  it('flags MDMA rendered three ways', () => {
    const terms = kinds('term-inconsistency');
    expect(terms).toHaveLength(1);
    const texts = new Set(terms[0]!.evidence.filter((e) => e.side === 'zh').map((e) => e.text));
    expect(texts).toEqual(new Set(['MDMA', '摇头丸', '亚甲二氧基甲基苯丙胺']));
  });
  it('flags half-width punctuation as minor', () => {
    expect(kinds('punctuation').length).toBeGreaterThan(0);
    expect(kinds('punctuation').every((f) => f.severity === 'minor')).toBe(true);
  });
  it('finds no number, omission, addition or untranslated divergences', () => {
    expect([...kinds('number-mismatch'), ...kinds('omission'), ...kinds('addition'), ...kinds('untranslated')]).toEqual([]);
  });
  it('gives evidence spans that point into the sentences', () => {
    for (const f of findings) {
      for (const e of f.evidence) {
        const sentence = (e.side === 'en' ? en : zh)[e.sentence]!;
        expect(sentence.text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });
});
