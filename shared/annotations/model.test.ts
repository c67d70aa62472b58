import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/types.ts';
import type { Sentence } from '../segment/types.ts';
import { MQM_CATEGORIES, findingKey, isMqmCategory, isSourceSideCategory, spanFromSentence, spanInSentence } from './model.ts';

const finding: Finding = {
  kind: 'term-inconsistency',
  severity: 'major',
  en: [2, 5],
  zh: [4, 2],
  message: { en: 'MDMA rendered three ways', 'zh-CN': 'MDMA 有三种译法' },
  evidence: [
    { side: 'zh', sentence: 2, start: 3, end: 7, text: 'MDMA' },
    { side: 'zh', sentence: 4, start: 0, end: 3, text: '摇头丸' },
  ],
};

describe('findingKey', () => {
  it('ignores message, severity, evidence order and offsets', () => {
    const rerun: Finding = {
      ...finding,
      severity: 'minor',
      zh: [2, 4],
      message: { en: 'Inconsistent term', 'zh-CN': '术语不一致' },
      evidence: [
        { side: 'zh', sentence: 4, start: 10, end: 13, text: '摇头丸' },
        { side: 'zh', sentence: 2, start: 3, end: 7, text: 'MDMA' },
      ],
    };
    expect(findingKey(rerun)).toBe(findingKey(finding));
  });

  it.each([
    ['kind', { kind: 'glossary' as const }],
    ['sentences', { en: [2] }],
    ['evidence text', { evidence: [{ side: 'zh' as const, sentence: 2, start: 3, end: 7, text: '亚甲二氧基甲基苯丙胺' }] }],
    ['evidence side', { evidence: [{ side: 'en' as const, sentence: 2, start: 3, end: 7, text: 'MDMA' }, finding.evidence[1]!] }],
  ])('changes when the %s changes', (_what, patch) => {
    expect(findingKey({ ...finding, ...patch })).not.toBe(findingKey(finding));
  });

  it('does not confuse evidence texts that contain separators', () => {
    const a = { ...finding, evidence: [{ side: 'zh' as const, sentence: 1, start: 0, end: 3, text: 'a","b' }] };
    const b = {
      ...finding,
      evidence: [
        { side: 'zh' as const, sentence: 1, start: 0, end: 1, text: 'a' },
        { side: 'zh' as const, sentence: 1, start: 0, end: 1, text: 'b' },
      ],
    };
    expect(findingKey(a)).not.toBe(findingKey(b));
  });
});

describe('MQM categories', () => {
  it('are spelled as the WMT TED MQM file spells them, where it has them', () => {
    const tsv = readFileSync(new URL('../../../shared/corpora/wmt-mqm-ted-zhen/mqm_ted_zhen.tsv', import.meta.url), 'utf8');
    const corpus = new Set(tsv.split('\n').slice(1).map((line) => line.split('\t')[7]).filter(Boolean));
    const ours = MQM_CATEGORIES.filter((c) => corpus.has(c));
    // Every one of ours except the three the corpus lacks appears verbatim.
    expect(MQM_CATEGORIES.filter((c) => !corpus.has(c))).toEqual(['Locale convention', 'Non-translation', 'Other']);
    expect(ours.length).toBe(10);
  });

  it('classifies categories', () => {
    expect(isMqmCategory('Style/Awkward')).toBe(true);
    expect(isMqmCategory('Source error')).toBe(false);
    expect(isSourceSideCategory('Accuracy/Omission')).toBe(true);
    expect(isSourceSideCategory('Accuracy/Addition')).toBe(false);
  });
});

describe('spans', () => {
  const abstract = '目的：评估疗效。方法：随机试验。';
  const sentences: Sentence[] = [
    { text: '评估疗效。', start: 3, end: 8, section: 'objective', sectionIndex: 0 },
    { text: '随机试验。', start: 11, end: 16, section: 'methods', sectionIndex: 1 },
  ];

  it('maps abstract offsets into a sentence and back', () => {
    const span = { side: 'zh' as const, start: 13, end: 15 };
    expect(abstract.slice(13, 15)).toBe('试验');
    const inSentence = spanInSentence(span, sentences);
    expect(inSentence).toEqual({ side: 'zh', sentence: 1, start: 2, end: 4, text: '试验' });
    expect(spanFromSentence('zh', 1, 2, 4, sentences)).toEqual(span);
  });

  it('clips to the sentence and rejects spans outside every sentence', () => {
    expect(spanInSentence({ side: 'zh', start: 6, end: 14 }, sentences)?.text).toBe('效。');
    expect(spanInSentence({ side: 'zh', start: 0, end: 2 }, sentences)).toBeNull();
    expect(spanFromSentence('zh', 2, 0, 1, sentences)).toBeNull();
    expect(spanFromSentence('zh', 0, 0, 9, sentences)).toBeNull();
  });
});
