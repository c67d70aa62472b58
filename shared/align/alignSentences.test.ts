import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignSentences, lengthCost } from './alignSentences.ts';
import type { AlignmentLink } from './types.ts';

/** Checks the invariants every alignment must keep, whatever the input. */
function expectWellFormed(links: AlignmentLink[], n: number, m: number): void {
  const en = links.flatMap((l) => l.en);
  const zh = links.flatMap((l) => l.zh);
  // Every sentence in exactly one link, in order: monotone and contiguous.
  expect(en).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(zh).toEqual(Array.from({ length: m }, (_, j) => j));
  for (const link of links) {
    expect(link.en.length + link.zh.length).toBeGreaterThan(0);
    expect(link.confidence).toBeGreaterThanOrEqual(0);
    expect(link.confidence).toBeLessThanOrEqual(1);
    expect(link.en.length).toBeLessThanOrEqual(3);
    expect(link.zh.length).toBeLessThanOrEqual(3);
  }
}

const EN = [
  'Neurorehabilitation in military populations is complicated by higher rates of PTSD.',
  'MDMA is a non-classical psychedelic with pro-social and fear regulating properties.',
  'We enrolled 8,400 children aged 2 to 19 years.',
  'The primary end point was recurrence-free survival.',
  'Water intake was associated with lower sugar consumption.',
];
const ZH = [
  '由于创伤后应激障碍发生率较高,军事人群的神经康复治疗变得更加复杂。',
  'MDMA 是一种非典型迷幻剂,具有促进社交和调节恐惧的特性。',
  '我们纳入了8,400名2～19岁的儿童。',
  '主要终点是无复发生存期。',
  '饮水与较低的糖摄入量相关。',
];

describe('alignSentences', () => {
  it('aligns parallel sentences one to one', () => {
    const links = alignSentences(EN, ZH);
    expect(links.map((l) => [l.en, l.zh])).toEqual(EN.map((_, i) => [[i], [i]]));
    expect(Math.min(...links.map((l) => l.confidence))).toBeGreaterThan(0.5);
  });

  it('finds a Chinese sentence that merges two English ones', () => {
    const zh = [ZH[0]!, ZH[1]!.replace('。', ',') + ZH[2]!, ZH[3]!, ZH[4]!];
    const links = alignSentences(EN, zh);
    expect(links.map((l) => [l.en, l.zh])).toEqual([[[0], [0]], [[1, 2], [1]], [[3], [2]], [[4], [3]]]);
  });

  it('reports a long English sentence with no translation as 1-0', () => {
    const extra = 'Secondary outcomes included hospital admissions, emergency department visits, quality of life measured by the EQ-5D questionnaire at 6, 12 and 24 months, and costs.';
    const en = [...EN.slice(0, 3), extra, ...EN.slice(3)];
    const links = alignSentences(en, ZH);
    expect(links.map((l) => [l.en, l.zh])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]], [[3], []], [[4], [3]], [[5], [4]]]);
    expectWellFormed(links, en.length, ZH.length);
  });

  it('handles empty sides', () => {
    expect(alignSentences([], ['一。'])).toEqual([{ en: [], zh: [0], confidence: 1 }]);
    expect(alignSentences(['One.'], [])).toEqual([{ en: [0], zh: [], confidence: 1 }]);
    expect(alignSentences([], [])).toEqual([]);
  });

  it('is deterministic', () => {
    expect(alignSentences(EN, ZH)).toEqual(alignSentences(EN, ZH));
  });

  it('keeps its invariants on arbitrary inputs', () => {
    const enSentence = fc.constantFrom(...EN, 'Short.', '', 'Results: 45% (95% CI, 30 to 60).');
    const zhSentence = fc.constantFrom(...ZH, '短。', '', '结果:45%(95% CI,30～60)。');
    fc.assert(
      fc.property(fc.array(enSentence, { maxLength: 12 }), fc.array(zhSentence, { maxLength: 12 }), (en, zh) => {
        expectWellFormed(alignSentences(en, zh), en.length, zh.length);
      }),
      { numRuns: 150 },
    );
  });

  it('charges nothing for lengths in the expected ratio and more the further they drift', () => {
    expect(lengthCost(100, 30, 0.3)).toBeCloseTo(0);
    expect(lengthCost(100, 45, 0.3)).toBeGreaterThan(lengthCost(100, 36, 0.3));
  });
});
