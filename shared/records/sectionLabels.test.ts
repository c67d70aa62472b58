import { describe, expect, it } from 'vitest';
import { findSectionLabels, isAbstractHeading, sectionKindOfLabel, splitSections } from './sectionLabels.ts';

describe('sectionKindOfLabel', () => {
  it.each([
    ['Background', 'en', 'background'],
    ['BACKGROUND', 'en', 'background'],
    ['Introduction', 'en', 'background'],
    ['Aims', 'en', 'objective'],
    ['Purpose', 'en', 'objective'],
    ['Design', 'en', 'methods'],
    ['Setting', 'en', 'methods'],
    ['Participants', 'en', 'methods'],
    ['Interventions', 'en', 'methods'],
    ['Main outcome measures', 'en', 'methods'],
    ['Methods and Results', 'en', 'methods'],
    ['Design, Setting, and Participants', 'en', 'methods'],
    ['Findings', 'en', 'results'],
    ['Interpretation', 'en', 'conclusions'],
    ['Conclusions and relevance', 'en', 'conclusions'],
    ['CONCLUSIONS & RELEVANCE', 'en', 'conclusions'],
    ['Aims and hypotheses', 'en', 'objective'],
    ['Trial registration', 'en', 'other'],
    ['背景', 'zh', 'background'],
    ['研究背景', 'zh', 'background'],
    ['目的', 'zh', 'objective'],
    ['目标', 'zh', 'objective'],
    ['方法', 'zh', 'methods'],
    ['材料与方法', 'zh', 'methods'],
    ['材料與方法', 'zh', 'methods'],
    ['结果', 'zh', 'results'],
    ['結果', 'zh', 'results'],
    ['结论', 'zh', 'conclusions'],
    ['結論：', 'zh', 'conclusions'],
    ['意义', 'zh', 'conclusions'],
    ['【目的】', 'zh', 'objective'],
    ['目的及意义', 'zh', 'objective'],
  ] as const)('%s (%s) → %s', (label, lang, kind) => {
    expect(sectionKindOfLabel(label, lang)).toBe(kind);
  });

  it.each([['Patients were', 'en'], ['These factors', 'en'], ['治疗方法', 'zh'], ['', 'zh'], ['', 'en']] as const)(
    'rejects %j', (label, lang) => {
      expect(sectionKindOfLabel(label, lang)).toBeNull();
    },
  );

  it('knows abstract headings', () => {
    expect(isAbstractHeading('Abstract')).toBe(true);
    expect(isAbstractHeading('【摘要】')).toBe(true);
    expect(isAbstractHeading('Methods')).toBe(false);
  });
});

describe('findSectionLabels (Chinese)', () => {
  const labelsOf = (text: string) => findSectionLabels(text).map((m) => [m.label, m.kind]);

  it('finds labels kept in a machine translation and ignores the lost ones', () => {
    const zh = '背景:由于发生率较高。这些因素会增强治疗联盟:在军事人群中。提出了新应用:方法:这是一篇综述:晚期试验表明有益:结论:摇头丸有益。';
    expect(labelsOf(zh)).toEqual([['背景', 'background'], ['方法', 'methods'], ['结论', 'conclusions']]);
  });

  it.each([
    ['【目的】探讨疗效。【方法】选取患者。【结果】有效。【结论】可行。', ['【目的】', '【方法】', '【结果】', '【结论】']],
    ['目的：探讨疗效。方法：选取患者。结果：有效。结论：可行。', ['目的', '方法', '结果', '结论']],
    ['目的 探讨疗效。方法 选取患者。结果 有效。结论 可行。', ['目的', '方法', '结果', '结论']],
    ['研究背景: 略。材料与方法: 略。', ['研究背景', '材料与方法']],
    ['目的：探討療效。方法：選取患者。結果：有效。結論：可行。', ['目的', '方法', '結果', '結論']],
    ['[目的] 探讨。[结论] 可行。', ['[目的]', '[结论]']],
    ['采用治疗方法:手术。结果如下', []],
  ])('%s', (text, labels) => {
    expect(findSectionLabels(text).map((m) => m.label)).toEqual(labels);
  });

  it('gives offsets that slice the label and the body start', () => {
    const text = '前文。【结果】有效率为90%。';
    const [match] = findSectionLabels(text);
    expect(match).toBeDefined();
    expect(text.slice(match!.start, match!.start + match!.label.length)).toBe('【结果】');
    expect(text.slice(match!.end)).toBe('有效率为90%。');
  });
});

describe('findSectionLabels (English)', () => {
  it.each([
    ['Background: A. Methods: B. Results: C. Conclusions: D.', ['Background', 'Methods', 'Results', 'Conclusions']],
    ['BACKGROUND: A. METHODS: B.', ['BACKGROUND', 'METHODS']],
    ['BACKGROUND The aim. METHODS We did.', ['BACKGROUND', 'METHODS']],
    ['Importance: X. Design, Setting, and Participants: Y. Main Outcomes and Measures: Z. Conclusions and Relevance: W.',
      ['Importance', 'Design, Setting, and Participants', 'Main Outcomes and Measures', 'Conclusions and Relevance']],
    ['Methods and Results: X happened. Interpretation: Y.', ['Methods and Results', 'Interpretation']],
    ['We found two things: first, X. These factors were: Y.', []],
    ['Aims\nnot a label without colon', []],
  ])('%s', (text, labels) => {
    expect(findSectionLabels(text, 'en').map((m) => m.label)).toEqual(labels);
  });
});

describe('splitSections', () => {
  it('keeps an unlabelled lead and maps body offsets back into the text', () => {
    const text = 'Intro text. Methods: We did X. Results: Y.';
    const sections = splitSections(text, 'en');
    expect(sections.map((s) => [s.kind, s.label, s.text])).toEqual([
      ['other', null, 'Intro text.'],
      ['methods', 'Methods', 'We did X.'],
      ['results', 'Results', 'Y.'],
    ]);
    for (const s of sections) expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('drops an abstract heading before the first label', () => {
    expect(splitSections('摘要：目的：探讨。结论：可行。', 'zh').map((s) => s.label)).toEqual(['目的', '结论']);
    expect(splitSections('【摘要】【目的】探讨。', 'zh').map((s) => s.label)).toEqual(['【目的】']);
    expect(splitSections('Abstract: Background: A. Results: B.', 'en').map((s) => s.label)).toEqual(['Background', 'Results']);
  });

  it('makes one unlabelled section of an unstructured abstract', () => {
    expect(splitSections('  只有一段。  ', 'zh')).toEqual([{ kind: 'other', label: null, text: '只有一段。', start: 2 }]);
  });
});
