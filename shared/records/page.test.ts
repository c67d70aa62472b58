import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePageDump } from './page.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

// A deliberately simple English splitter for counting: sentence end, space, capital letter.
const countSentences = (text: string) => text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.trim() !== '').length;

describe('parsePageDump: the example record (golden)', () => {
  const text = fixture('mdma-ptsd-military.page.txt');
  const { records, errors } = parsePageDump(text, 'mdma.page.txt');
  const record = records[0]!;

  it('reads one record and no errors', () => {
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(record.format).toBe('page');
    expect(record.source).toEqual({ file: 'mdma.page.txt', line: 1, offset: 0 });
    expect(record.id).toBe('10.3233/nre-230270');
  });

  it('has the title and five labelled English sections adding up to twelve sentences', () => {
    expect(record.en.title).toBe('MDMA for treatment of PTSD and neurorehabilitation in military populations.');
    expect(record.en.sections.map((s) => [s.kind, s.label])).toEqual([
      ['background', 'Background'],
      ['objective', 'Objective'],
      ['methods', 'Methods'],
      ['results', 'Results'],
      ['conclusions', 'Conclusion'],
    ]);
    expect(record.en.sections.map((s) => countSentences(s.text))).toEqual([4, 2, 1, 2, 3]);
    for (const s of record.en.sections) {
      expect(record.en.abstract.slice(s.start, s.start + s.text.length)).toBe(s.text);
      expect(s.text).not.toMatch(/^(Background|Objective|Methods|Results|Conclusion):/);
    }
    expect(record.en.sections[2]!.text).toBe('This is an expert review and synthesis of the literature.');
  });

  it('has the Chinese title and the one paragraph, disclaimer and boilerplate excluded', () => {
    const zh = record.zh!;
    expect(zh.title).toBe('将摇头丸用于治疗创伤后应激障碍和军事人群的神经康复。');
    expect(zh.abstract.startsWith('背景:由于创伤后应激障碍发生率较高')).toBe(true);
    expect(zh.abstract.endsWith('非创伤后应激障碍军人受益。')).toBe(true);
    expect(zh.abstract).not.toContain('\n');
    // The paragraph exactly as the page has it (line 21), half-width punctuation and all.
    expect(zh.abstract).toBe(text.split('\n')[20]);
    expect(zh.abstract).not.toMatch(/本文章由计算机程序翻译|求助全文|来源期刊|NeuroRehabilitation|Copyright/);
    expect(record.en.abstract).not.toMatch(/求助全文|期刊介绍|引用次数/);
    // The labels the translation kept (two were lost: Objective 目的 and Results 结果).
    expect(zh.sections.map((s) => s.label)).toEqual(['背景', '方法', '结论']);
    expect(record.translation).toBe('machine');
  });

  it('reads the metadata from the header lines and the JSON line', () => {
    expect(record.metadata).toMatchObject({
      doi: '10.3233/NRE-230270',
      journal: 'NeuroRehabilitation',
      authors: ['Walter Dunn', 'Anya Bershad', 'David E Krantz', 'Eric Vermetten'],
      date: '2024-09-25',
      metrics: { IF: 1.7, casZone: 4, casCategory: '医学', jcrQuartile: 'Q3', jcrCategory: 'CLINICAL NEUROLOGY', citations: 0 },
    });
    // The JSON abstract and the page text agree here.
    expect(record.disagreements).toBeUndefined();
  });
});

describe('parsePageDump: variants in one file', () => {
  const { records, errors } = parsePageDump(fixture('page-variants.page.txt'), 'variants.page.txt');

  it('splits three pages and reports no errors', () => {
    expect(errors).toEqual([]);
    expect(records.map((r) => r.en.title)).toEqual([
      'Effects of exercise on sleep quality in older adults: a randomized trial',
      'Vitamin D supplementation and fracture risk',
      'Metformin and cognitive decline in type 2 diabetes',
    ]);
    expect(records.map((r) => r.source.line)).toEqual([1, 17, 20]);
  });

  it('reads an unstructured abstract without a JSON line, full-width disclaimer', () => {
    const r = records[0]!;
    expect(r.en.sections).toHaveLength(1);
    expect(r.en.sections[0]).toMatchObject({ kind: 'other', label: null });
    expect(r.zh?.title).toBe('运动对老年人睡眠质量的影响：一项随机试验');
    expect(r.zh?.abstract).toMatch(/^睡眠问题在老年人中很常见。.*安全方法。$/);
    expect(r.translation).toBe('machine');
    expect(r.metadata.metrics).toMatchObject({ IF: 3.2, casZone: 2, jcrQuartile: 'Q2', citations: 12 });
    expect(r.metadata.authors).toEqual(['Li Wei', 'Maria Garcia', 'John Smith']);
    expect(r.id).toBe('variants.page.txt#L1');
  });

  it('takes everything from a lone JSON line, translation from TitleCN/AbstractTextCN', () => {
    const r = records[1]!;
    expect(r.en.sections.map((s) => [s.kind, s.label])).toEqual([['objective', 'Purpose'], ['results', 'Findings'], ['conclusions', 'Interpretation']]);
    expect(r.en.sections[0]!.text).toBe('To assess whether vitamin D lowers fracture risk & falls.');
    expect(r.zh?.title).toBe('补充维生素D与骨折风险');
    expect(r.zh?.sections.map((s) => [s.kind, s.label])).toEqual([['objective', '目的'], ['results', '发现'], ['conclusions', '解释']]);
    expect(r.translation).toBe('unknown');
    expect(r.metadata.metrics).toMatchObject({ IF: 4.1, jcrQuartile: 'Q2', casZone: 3 });
  });

  it('reads Traditional Chinese with 【】 labels, keeps the original script, reports JSON/page disagreement', () => {
    const r = records[2]!;
    expect(r.en.sections.map((s) => s.kind)).toEqual(['background', 'methods', 'results', 'conclusions']);
    expect(r.zh?.title).toBe('二甲雙胍與2型糖尿病患者的認知衰退');
    expect(r.zh?.sections.map((s) => [s.kind, s.label])).toEqual([
      ['background', '【背景】'], ['methods', '【方法】'], ['results', '【結果】'], ['conclusions', '【結論】'],
    ]);
    expect(r.translation).toBe('machine');
    const d = r.disagreements?.find((x) => x.field === 'abstract');
    expect(d).toBeDefined();
    expect(d!.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['6']);
    expect(d!.parts.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['5']);
    expect(d!.a).toContain('5 years');
    expect(d!.b).toContain('6 years');
  });
});

describe('parsePageDump: more shapes', () => {
  it('reads a page with no header lines at all', () => {
    const text = 'A short title\n\nWe studied X. It worked.\n\n短标题\n我们研究了X。它有效。\n';
    const { records, errors } = parsePageDump(text, 'bare.txt');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(records[0]!.en.title).toBe('A short title');
    expect(records[0]!.en.abstract).toBe('We studied X. It worked.');
    expect(records[0]!.zh).toMatchObject({ title: '短标题', abstract: '我们研究了X。它有效。' });
    expect(records[0]!.translation).toBe('unknown');
  });

  it('takes a disclaimer on the abstract line itself, half-width', () => {
    const text = 'Title here\nAbstract\nBody text.\n标题\n摘要正文。本文章由计算机程序翻译,如有差异,请以英文原文为准。\n';
    const r = parsePageDump(text, 'x.txt').records[0]!;
    expect(r.zh?.abstract).toBe('摘要正文。');
    expect(r.translation).toBe('machine');
  });

  it('reports a truncated JSON line with its line number and still loads the page', () => {
    const text = 'Some title\n{"title":"Some title","abstract":"<p>cut\nAbstract\n\nBody sentence.\n';
    const { records, errors } = parsePageDump(text, 'cut.txt');
    expect(records).toHaveLength(1);
    expect(records[0]!.en.abstract).toBe('Body sentence.');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.source).toMatchObject({ file: 'cut.txt', line: 2 });
    expect(errors[0]!.message).toMatch(/cut\.txt:2/);
  });

  it('reports a file with nothing readable', () => {
    const { records, errors } = parsePageDump('\n\n求助全文\n', 'empty.txt');
    expect(records).toEqual([]);
    expect(errors[0]?.source.file).toBe('empty.txt');
  });

  it('reads CNKI-style Chinese labels without colons and caps English labels without colons', () => {
    const text = 'Title\n\nAbstract\n\nBACKGROUND The aim. METHODS We did it. RESULTS It worked. CONCLUSIONS Good.\n\n标题\n目的 探讨。方法 选取。结果 有效。结论 可行。\n';
    const r = parsePageDump(text, 'x.txt').records[0]!;
    expect(r.en.sections.map((s) => s.kind)).toEqual(['background', 'methods', 'results', 'conclusions']);
    expect(r.zh?.sections.map((s) => s.kind)).toEqual(['objective', 'methods', 'results', 'conclusions']);
  });

  it('reads labels printed on lines of their own, in both languages', () => {
    const text = [
      'Title', '', 'Abstract', '', 'Background', 'Sleep matters.', '', 'METHODS:', 'We slept.', '',
      '标题', '【目的】', '睡眠很重要。', '方法', '我们睡了。', '（机器翻译）', '',
    ].join('\n');
    const r = parsePageDump(text, 'x.txt').records[0]!;
    expect(r.en.sections.map((s) => [s.kind, s.label, s.text])).toEqual([['background', 'Background', 'Sleep matters.'], ['methods', 'METHODS', 'We slept.']]);
    expect(r.zh?.title).toBe('标题');
    expect(r.zh?.sections.map((s) => [s.kind, s.text])).toEqual([['objective', '睡眠很重要。'], ['methods', '我们睡了。']]);
    expect(r.translation).toBe('machine');
  });

  it('keeps a 摘要 heading, bibliographic lines and a Chinese title in the header inside one page', () => {
    const text = [
      'Exercise and sleep', '运动与睡眠', 'Li Wei, John Smith', 'Journal: Sleep Medicine', 'DOI: 10.1016/j.sleep.2024.01.002',
      '中科院 2区 医学 Q2', '', 'Abstract', 'We studied sleep. It improved.', '', '摘要', '我们研究了睡眠。它改善了。', '',
    ].join('\n');
    const { records, errors } = parsePageDump(text, 'x.txt');
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    const r = records[0]!;
    expect(r.en.title).toBe('Exercise and sleep');
    expect(r.en.abstract).toBe('We studied sleep. It improved.');
    expect(r.zh).toMatchObject({ title: '运动与睡眠', abstract: '我们研究了睡眠。它改善了。' });
    expect(r.metadata.doi).toBe('10.1016/j.sleep.2024.01.002');
    expect(r.metadata.authors).toEqual(['Li Wei', 'John Smith']);
    expect(r.metadata.metrics).toMatchObject({ casZone: 2, jcrQuartile: 'Q2' });
  });

  it('splits pages without header lines at their disclaimers', () => {
    const disclaimer = '本文章由计算机程序翻译，如有差异，请以英文原文为准。';
    const text = ['First title', 'First body.', '第一标题', '第一正文。', disclaimer, 'Second title', 'Second body.', '第二标题', '第二正文。', disclaimer].join('\n');
    const { records } = parsePageDump(text, 'x.txt');
    expect(records.map((r) => [r.en.title, r.zh?.title, r.source.line])).toEqual([['First title', '第一标题', 1], ['Second title', '第二标题', 6]]);
  });

  it('splits consecutive pages with no boilerplate between them', () => {
    const page = (n: number) => [`Paper ${n} title`, '', `IF ${n}.0 2区 医学 Q2 X`, 'Ann Lee, Bo Chen', '', 'Abstract', '', `Body ${n}.`, '', `论文${n}`, `正文${n}。`].join('\n');
    const { records, errors } = parsePageDump([page(1), page(2), page(3)].join('\n'), 'x.txt');
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.en.title, r.en.abstract, r.zh?.title, r.zh?.abstract, r.metadata.metrics?.['IF']])).toEqual([
      ['Paper 1 title', 'Body 1.', '论文1', '正文1。', 1],
      ['Paper 2 title', 'Body 2.', '论文2', '正文2。', 2],
      ['Paper 3 title', 'Body 3.', '论文3', '正文3。', 3],
    ]);
  });

  it('takes the title from the JSON line when the page was copied from below its title', () => {
    const json = JSON.stringify({ title: 'Real title', abstract: '<p>Body.</p>' });
    const r = parsePageDump(['IF 2.0 3区 医学 Q3 X', 'Ann Lee, Bo Chen', json, 'Abstract', 'Body.'].join('\n'), 'x.txt').records[0]!;
    expect(r.en.title).toBe('Real title');
    expect(r.metadata.authors).toEqual(['Ann Lee', 'Bo Chen']);
  });
});
