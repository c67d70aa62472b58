import { describe, expect, it } from 'vitest';
import { alignedRecordOf } from './testRecord.ts';
import { findMissingSections } from './sectionMissing.ts';
import { findOmissionsAndAdditions } from './omission.ts';
import { defaultLexicon } from '../lexicon/defaultLexicon.ts';

const lexicon = defaultLexicon();

describe('findMissingSections', () => {
  const en = [
    'Background: Neurorehabilitation in military populations is complicated.',
    'Objective: A review of MDMA-assisted therapy for PTSD is provided.',
    'Methods: This is an expert review and synthesis of the literature.',
    'Results: Results from late-stage clinical trials suggest benefit.',
    'Conclusion: The unique qualities of MDMA suggest relevant application.',
  ];
  it('reports the labels the translation lost, even inside merged text', () => {
    const zh = ['背景:军事人群的神经康复变得更加复杂。', '对 MDMA 辅助治疗创伤后应激障碍进行了综述:', '方法:这是一篇专家综述和文献综述:', '晚期临床试验结果表明有益。', '结论:MDMA 的独特品质表明适用。'];
    const findings = findMissingSections(alignedRecordOf(en, zh));
    expect(findings.map((f) => [f.en, f.zh, f.severity])).toEqual([[[1], [1], 'major'], [[3], [3], 'major']]);
    expect(findings.map((f) => f.evidence[0]?.text)).toEqual(['Objective', 'Results']);
    expect(findings[0]?.message['zh-CN']).toContain('目的');
  });
  it('stays quiet when every label survives, in any spelling', () => {
    const zh = ['【背景】军事人群的神经康复变得更加复杂。', '目的：对 MDMA 辅助治疗进行了综述。', '方法：这是一篇专家综述。', '结果：晚期临床试验结果表明有益。', '结论：MDMA 的独特品质表明适用。'];
    expect(findMissingSections(alignedRecordOf(en, zh))).toEqual([]);
  });
  it('ignores labels only the Chinese has', () => {
    expect(findMissingSections(alignedRecordOf(['To investigate the effect of X.'], ['目的：探讨X的作用。']))).toEqual([]);
  });
});

describe('findOmissionsAndAdditions', () => {
  const en = [
    'Patients with chronic heart failure were enrolled in this randomized trial.',
    'The primary outcome was all-cause mortality at one year of follow-up.',
    'Secondary outcomes included hospital admission, quality of life and adverse events.',
  ];
  const zh = ['在这项随机对照试验中，研究者纳入了患有慢性心力衰竭的患者。', '主要结局为随访一年时的全因死亡率。', '次要结局包括住院治疗、生活质量以及不良事件的发生情况。'];

  it('reports an unaligned English sentence as an omission', () => {
    const record = alignedRecordOf(en, [zh[0]!, zh[2]!], [
      { en: [0], zh: [0], confidence: 1 }, { en: [1], zh: [], confidence: 0.5 }, { en: [2], zh: [1], confidence: 1 },
    ]);
    const [finding] = findOmissionsAndAdditions(record, lexicon);
    expect(finding?.kind).toBe('omission');
    expect(finding?.en).toEqual([1]);
    expect(finding?.evidence[0]?.text).toBe(en[1]);
  });

  it('reports an unaligned Chinese sentence as an addition', () => {
    const record = alignedRecordOf(en, [...zh, '本研究得到了国家自然科学基金的资助，作者声明无利益冲突。'], [
      ...en.map((_, i) => ({ en: [i], zh: [i], confidence: 1 })), { en: [], zh: [3], confidence: 0.5 },
    ]);
    const findings = findOmissionsAndAdditions(record, lexicon);
    expect(findings.map((f) => [f.kind, f.zh])).toEqual([['addition', [3]]]);
  });

  it('names the dropped sentence of a 2-1 link', () => {
    const record = alignedRecordOf(en, [zh[0]!, zh[2]!], [
      { en: [0], zh: [0], confidence: 1 }, { en: [1, 2], zh: [1], confidence: 0.5 },
    ]);
    const findings = findOmissionsAndAdditions(record, lexicon).filter((f) => f.kind === 'omission');
    expect(findings.map((f) => f.en)).toEqual([[1]]);
  });

  it.each([
    ['the first', [zh[1]!], [0]],
    ['the second', [zh[0]!], [1]],
  ])('names %s sentence of a 2-1 link as untranslated, and a merged translation of both not at all', (_, merged, lost) => {
    const dropped = alignedRecordOf(en.slice(0, 2), merged, [{ en: [0, 1], zh: [0], confidence: 0.5 }]);
    expect(findOmissionsAndAdditions(dropped, lexicon).map((f) => [f.kind, f.en])).toEqual([['omission', lost]]);
    const both = alignedRecordOf(en.slice(0, 2), [`${zh[0]!.slice(0, -1)}，${zh[1]!}`], [{ en: [0, 1], zh: [0], confidence: 0.5 }]);
    expect(findOmissionsAndAdditions(both, lexicon)).toEqual([]);
  });

  it('finds the dropped sentence when the aligner paired it with its neighbour\'s translation', () => {
    const shifted = alignedRecordOf(en, [zh[1]!, zh[2]!], [{ en: [0], zh: [0], confidence: 0.5 }, { en: [1, 2], zh: [1], confidence: 0.5 }]);
    expect(findOmissionsAndAdditions(shifted, lexicon).map((f) => [f.kind, f.en])).toEqual([['omission', [0]]]);
  });

  it.each([
    ['a clause of several words, none rendered', 'while blood pressure was recorded monthly', '主要结局为随访一年时的全因死亡率。', 'major'],
    ['a clause of two words, neither rendered', 'while sodium was recorded', '主要结局为随访一年时的全因死亡率。', 'minor'],
    ['nothing when the clause is rendered', 'while sodium was recorded', '主要结局为随访一年时的全因死亡率，同时记录了血钠。', null],
  ])('in a somewhat short pair, flags %s', (_, clause, chinese, severity) => {
    const english = [en[0]!, `The primary outcome was all-cause mortality at one year of follow-up, ${clause}.`, en[2]!];
    const findings = findOmissionsAndAdditions(alignedRecordOf(english, [zh[0]!, chinese, zh[2]!]), lexicon);
    expect(findings.map((f) => [f.en, f.severity, f.evidence[0]?.text])).toEqual(severity ? [[[1], severity, `${clause}.`]] : []);
  });

  it('names a short dropped sentence the dictionary cannot single out when the aligner\'s costs, told one is missing, do', () => {
    // wmt19 medline: the translation has nothing for "Retinal metastasis is very rare…"; the
    // aligner merged it with the next sentence, whose words its Chinese shares.
    const english = [
      "Symptoms of patient resulted from the primary tumor, metastatic spread, or paraneoplastic syndrome commonly cause the medical attention.",
      "For the syndrome related to the distant metastatic spread as the first manifestation, diagnosis would be a challenge.",
      "Retinal metastasis is very rare as the first symptom of squamous cell carcinoma of the lung.",
      "This paper reviewed a case, in which a patient developed the retinal metastasis as the inital presentation. After systemic evaluation, our patient was managed in multidisciplinary treatments, including surgery and chemotherapy. Now, the patient has a good short-term prognosis and is still in fellow-up condition.",
      "At the same time, reviewing the relevant literature on tumor metastasis provides a window for our understanding of the rare manifestations of lung cancer."
    ];
    const chinese = [
      "通常，患者多因原发病灶、扩散转移或副肿瘤综合征等引起临床症状而就诊。",
      "对由于远处转移相关症状作为首发表现就诊的患者，诊断是一个非常大的挑战。",
      "本文回顾性分析了我院收治的一例肺鳞癌患者的诊治经过，以眼部症状为首发表现，基于临床表现、影像学检查和手术病理诊断，给予患者手术、化疗等多学科综合治疗，目前短期预后良好，随访观察中。",
      "同时复习肿瘤眼内转移的相关文献，为我们对于肺癌罕见表现的深入了解提供了一个窗口。"
    ];
    const record = alignedRecordOf(english, chinese, [
      { en: [0], zh: [0], confidence: 1 }, { en: [1], zh: [1], confidence: 1 }, { en: [2, 3], zh: [2], confidence: 0.5 }, { en: [4], zh: [3], confidence: 1 },
    ]);
    const findings = findOmissionsAndAdditions(record, lexicon).filter((f) => f.kind === 'omission');
    expect(findings.map((f) => [f.en, f.severity])).toEqual([[[2], 'minor']]);
  });

  it('flags a pair whose Chinese lost half its content', () => {
    const findings = findOmissionsAndAdditions(alignedRecordOf(en, [zh[0]!, zh[1]!, '次要结局包括住院。']), lexicon);
    expect(findings.map((f) => [f.kind, f.en])).toEqual([['omission', [2]]]);
  });

  it('stays quiet on a complete translation', () => {
    expect(findOmissionsAndAdditions(alignedRecordOf(en, zh), lexicon)).toEqual([]);
  });
});
