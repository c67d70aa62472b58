import { describe, expect, it } from 'vitest';
import { compareCopies } from './disagreement.ts';

describe('compareCopies', () => {
  it('ignores whitespace, quote style and a title full stop', () => {
    expect(compareCopies('abstract', 'A  “b”:c', 'A "b": c', 'en')).toBeNull();
    expect(compareCopies('title', 'A title.', 'A title', 'en')).toBeNull();
    expect(compareCopies('zh.title', '标题。', '标题', 'zh')).toBeNull();
  });

  it('reports English word differences with parts from diffWords', () => {
    const d = compareCopies('abstract', 'We followed 800 patients for 5 years.', 'We followed 800 patients for 6 years.', 'en')!;
    expect(d.summary).toBe('abstract: the JSON has 1 word the page text lacks; the page text has 1 word the JSON lacks');
    expect(d.parts.filter((p) => p.removed).map((p) => p.value)).toEqual(['5']);
    expect(d.parts.filter((p) => p.added).map((p) => p.value)).toEqual(['6']);
    expect(d.parts.map((p) => (p.added ? '' : p.value)).join('')).toBe(d.a);
  });

  it('compares Chinese character by character, Latin words whole', () => {
    const d = compareCopies('zh.abstract', '使用MDMA治疗。', '使用摇头丸治疗。', 'zh')!;
    expect(d.parts.filter((p) => p.removed).map((p) => p.value)).toEqual(['MDMA']);
    expect(d.parts.filter((p) => p.added).map((p) => p.value)).toEqual(['摇头丸']);
    expect(d.summary).toMatch(/3 characters the page text lacks; the page text has 1 character/);
  });
});
