import { describe, expect, it } from 'vitest';
import { sentenceEvidence } from './sentenceEvidence.ts';
import { dropCosts } from './dropRealignment.ts';
import { defaultLexicon } from '../lexicon/defaultLexicon.ts';

const lexicon = defaultLexicon();

describe('sentenceEvidence', () => {
  const en = [
    'Patients with chronic heart failure were enrolled in this randomized trial.',
    'The primary outcome was all-cause mortality at one year of follow-up.',
  ];
  it.each([
    ['both rendered', '在这项随机试验中纳入了慢性心力衰竭患者，主要结局为随访一年时的全因死亡率。', [true, true]],
    ['second dropped', '在这项随机试验中纳入了慢性心力衰竭患者。', [true, false]],
    ['first dropped', '主要结局为随访一年时的全因死亡率。', [false, true]],
  ] as const)('%s: only a rendered sentence explains Chinese of its own', (_, zh, rendered) => {
    const evidence = sentenceEvidence(en, zh, lexicon);
    expect(evidence.map((e) => e.exclusive > 0)).toEqual(rendered);
  });

  it('names anchors only one sentence has and the Chinese lacks', () => {
    const evidence = sentenceEvidence(
      ['HIV RNA was detected by TMA in 42 samples.', 'TMA and RT-PCR agreed closely.'],
      '42份样本经TMA检测到HIV RNA。',
      lexicon,
    );
    expect(evidence[0]?.missingAnchors).toEqual([]);
    expect(evidence[1]?.missingAnchors).toEqual(['rt', 'pcr']);
  });

  it('gives shared vocabulary to neither sentence', () => {
    const evidence = sentenceEvidence(['Depression is common.', 'Depression is treatable.'], '抑郁症很常见。', lexicon);
    // 抑郁 is both sentences' "depression": it counts for neither; 常见 is the first one's own.
    expect(evidence.map((e) => e.exclusive)).toEqual([2, 0]);
    expect(evidence.map((e) => e.covered)).toEqual([2, 1]);
  });
});

describe('dropCosts', () => {
  const en = [
    'Patients with chronic heart failure were enrolled in this randomized trial.',
    'The primary outcome was all-cause mortality at one year of follow-up.',
    'Secondary outcomes included hospital admission, quality of life and adverse events.',
  ];
  const zh = ['在这项随机对照试验中，研究者纳入了患有慢性心力衰竭的患者。', '主要结局为随访一年时的全因死亡率。', '次要结局包括住院治疗、生活质量以及不良事件的发生情况。'];
  it.each([0, 1, 2])('is lowest for the sentence whose translation (zh %i) is gone', (dropped) => {
    const costs = dropCosts(en, zh.filter((_, j) => j !== dropped), [0, 1, 2], 0.3, lexicon);
    expect(costs.indexOf(Math.min(...costs))).toBe(dropped);
  });
});
