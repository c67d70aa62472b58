import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignRecord } from './alignRecord.ts';
import { parseRecords } from '../records/parse.ts';
import type { ReviewRecord } from '../records/model.ts';

// The example record as the page-dump parser reads it.
function exampleRecord(): ReviewRecord {
  const text = readFileSync(new URL('../../../shared/records/mdma-ptsd-military.page.txt', import.meta.url), 'utf8');
  const parsed = parseRecords(text, { file: 'mdma-ptsd-military.page.txt' });
  expect(parsed.errors).toEqual([]);
  return parsed.records[0]!;
}

describe('alignRecord on the example record (mdma-ptsd-military.gold.md)', () => {
  const record = exampleRecord();
  const result = alignRecord(record);

  it('finds the twelve English sentences of five sections', () => {
    expect(result.en).toHaveLength(12);
    expect(result.en.map((s) => s.section)).toEqual([
      'background', 'background', 'background', 'background', 'objective', 'objective', 'methods', 'results', 'results',
      'conclusions', 'conclusions', 'conclusions',
    ]);
  });

  it('splits the Chinese into twelve pieces, each beside its own English sentence', () => {
    expect(result.zh).toHaveLength(12);
    expect(result.links.map((l) => [l.en, l.zh])).toEqual(result.en.map((_, i) => [[i], [i]]));
    for (const link of result.links) expect(link.confidence).toBeGreaterThan(0.5);
  });

  it('cuts at the bare colons where 目的 and 结果 were lost', () => {
    expect(result.zh[3]!.text.endsWith('增强治疗联盟:')).toBe(true);
    expect(result.zh[4]!.text.startsWith('在军事人群神经康复的背景下')).toBe(true);
    expect(result.zh[6]!.text).toBe('这是一篇专家综述和文献综述:');
    expect(result.zh[7]!.text.startsWith('晚期临床试验结果表明')).toBe(true);
    expect(result.zh[9]!.text.startsWith('摇头丸和摇头丸辅助疗法')).toBe(true);
  });

  it('keeps offsets into the abstracts', () => {
    for (const s of result.en) expect(record.en.abstract.slice(s.start, s.end)).toBe(s.text);
    for (const s of result.zh) expect(record.zh!.abstract.slice(s.start, s.end)).toBe(s.text);
  });

  it('reports Objective and Results as missing labels, recovered at colons', () => {
    expect(result.sections.map((s) => [s.kind, s.zhLabel, s.labelMissing, s.boundary])).toEqual([
      ['background', '背景', false, 'label'],
      ['objective', null, true, 'colon'],
      ['methods', '方法', false, 'label'],
      ['results', null, true, 'colon'],
      ['conclusions', '结论', false, 'label'],
    ]);
    expect(result.sections.map((s) => s.enSentences)).toEqual([[0, 4], [4, 6], [6, 7], [7, 9], [9, 12]]);
    expect(result.sections.map((s) => s.zhSentences)).toEqual([[0, 4], [4, 6], [6, 7], [7, 9], [9, 12]]);
  });

  it('gives the 。-level links of the gold when seams are not split', () => {
    const coarse = alignRecord(record, { splitSeams: false });
    // At this level the recovered section seams still cut sentences 4, 5 and 6 of the gold, so
    // every English sentence keeps a piece of its own; what must hold is that no piece is shared.
    expect(coarse.links.every((l) => l.en.length >= 1 && l.zh.length >= 1)).toBe(true);
  });

  it('keeps the pairing of sentence-aligned rows, empty sides as omissions', () => {
    const rows: ReviewRecord = {
      ...record,
      en: { title: '', abstract: 'One. Two. Three.', sections: [] },
      zh: { title: '', abstract: '一。三。', sections: [] },
      presegmented: { en: ['One.', 'Two.', 'Three.'], zh: ['一。', '', '三。'], aligned: true },
    };
    const out = alignRecord(rows);
    expect(out.links.map((l) => [l.en, l.zh])).toEqual([[[0], [0]], [[1], []], [[2], [1]]]);
    expect(out.zh.map((s) => [s.text, s.start])).toEqual([['一。', 0], ['三。', 2]]);
  });

  it('aligns a record without a translation as omissions', () => {
    const none = alignRecord({ ...record, zh: null });
    expect(none.zh).toEqual([]);
    expect(none.links.every((l) => l.zh.length === 0 && l.en.length === 1)).toBe(true);
  });
});

describe('alignRecord on constructed records', () => {
  const side = (abstract: string, sections: ReviewRecord['en']['sections']) => ({ title: '', abstract, sections });
  const record = (en: ReviewRecord['en'], zh: ReviewRecord['en']): ReviewRecord => ({
    id: 't', source: { file: 't' }, format: 'json', metadata: {}, translation: 'machine', en, zh,
  });

  it('splits a Chinese sentence that merges two English ones at the comma seam', () => {
    const en = 'Water intake was associated with lower sugar consumption. We enrolled 8,400 children aged 2 to 19 years. The primary end point was weight gain.';
    const zh = '饮水与较低的糖摄入量相关。我们纳入了8,400名2～19岁的儿童,主要终点是体重增加。';
    const out = alignRecord(record(side(en, [{ kind: 'other', label: null, text: en, start: 0 }]), side(zh, [{ kind: 'other', label: null, text: zh, start: 0 }])));
    expect(out.zh.map((s) => s.text)).toEqual(['饮水与较低的糖摄入量相关。', '我们纳入了8,400名2～19岁的儿童,', '主要终点是体重增加。']);
    expect(out.links.map((l) => [l.en, l.zh])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]]]);
    for (const s of out.zh) expect(zh.slice(s.start, s.end)).toBe(s.text);
  });

  it('keeps a merged sentence whole when it has no seam to cut', () => {
    const en = 'Patients improved. Controls did not improve at all.';
    const zh = '患者好转而对照组完全没有好转。';
    const out = alignRecord(record(side(en, [{ kind: 'other', label: null, text: en, start: 0 }]), side(zh, [{ kind: 'other', label: null, text: zh, start: 0 }])));
    expect(out.links.map((l) => [l.en, l.zh])).toEqual([[[0, 1], [0]]]);
  });

  it('pairs bracketed Chinese labels with English sections and finds none missing', () => {
    const en = 'Objective: To assess the safety of the drug. Methods: We enrolled 40 patients. Results: The drug was safe.';
    const zh = '【目的】评估该药物的安全性。【方法】我们纳入了40名患者。【结果】该药物是安全的。';
    const sections = [
      { kind: 'objective' as const, label: 'Objective', text: 'To assess the safety of the drug.', start: 11 },
      { kind: 'methods' as const, label: 'Methods', text: 'We enrolled 40 patients.', start: en.indexOf('We') },
      { kind: 'results' as const, label: 'Results', text: 'The drug was safe.', start: en.indexOf('The drug') },
    ];
    const out = alignRecord(record(side(en, sections), side(zh, [])));
    expect(out.sections.map((s) => [s.kind, s.zhLabel, s.labelMissing, s.boundary])).toEqual([
      ['objective', '【目的】', false, 'label'],
      ['methods', '【方法】', false, 'label'],
      ['results', '【结果】', false, 'label'],
    ]);
    expect(out.zh.map((s) => s.text)).toEqual(['评估该药物的安全性。', '我们纳入了40名患者。', '该药物是安全的。']);
    expect(out.links.map((l) => [l.en, l.zh])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]]]);
  });

  it('reports every label missing when the translation has none, and still aligns the sentences', () => {
    const en = 'Background: Obesity is common. It is rising. Methods: We enrolled 40 patients in 2019.';
    const zh = '肥胖很常见。它正在增加。我们在2019年纳入了40名患者。';
    const sections = [
      { kind: 'background' as const, label: 'Background', text: 'Obesity is common. It is rising.', start: 12 },
      { kind: 'methods' as const, label: 'Methods', text: 'We enrolled 40 patients in 2019.', start: en.indexOf('We') },
    ];
    const out = alignRecord(record(side(en, sections), side(zh, [])));
    expect(out.sections.map((s) => [s.kind, s.labelMissing])).toEqual([['background', true], ['methods', true]]);
    expect(out.sections[1]!.boundary).toBe('sentence');
    expect(out.links.map((l) => [l.en, l.zh])).toEqual([[[0], [0]], [[1], [1]], [[2], [2]]]);
  });
});
