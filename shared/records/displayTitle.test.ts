import { describe, expect, it } from 'vitest';
import { displayTitle } from './displayTitle.ts';
import type { Side } from './model.ts';

const side = (title: string, abstract: string): Side => ({ title, abstract, sections: [] });

describe('displayTitle', () => {
  it('uses the English title when there is one', () => {
    expect(displayTitle({ id: 'x', en: side('MDMA for PTSD.', 'Background: …'), zh: null })).toBe('MDMA for PTSD.');
  });

  it('falls back to the opening words of the English text, cut at a word', () => {
    const abstract = 'The Heart-Healthy Lenoir Project is a multi-study project designed to reduce the risk burden of heart disease in Lenoir County.';
    const title = displayTitle({ id: 'x', en: side('', abstract), zh: null });
    expect(title.endsWith('…')).toBe(true);
    expect(abstract.startsWith(title.slice(0, -1))).toBe(true);
    expect(title.length).toBeLessThanOrEqual(91);
    expect(title.slice(0, -1).endsWith(' ')).toBe(false);
  });

  it('uses presegmented sentences, then Chinese, then the id', () => {
    expect(displayTitle({ id: 'x', en: side('', ''), zh: null, presegmented: { en: ['', 'Second line.'], zh: [] } })).toBe('Second line.');
    expect(displayTitle({ id: 'x', en: side('', ' '), zh: side('', '背景：研究。') })).toBe('背景：研究。');
    expect(displayTitle({ id: 'pairs.tsv#L2', en: side('', ''), zh: null })).toBe('pairs.tsv#L2');
  });
});
