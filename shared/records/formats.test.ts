import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createJsonlParser, parseJsonRecords, parseJsonlRecords } from './json.ts';
import { detectFormat, parseRecords } from './parse.ts';
import { parseTableRecords } from './table.ts';
import { pairWmtFiles, parseWmtFile, parseWmtPair } from './wmt.ts';
import { parseXmlRecords } from './xml.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('JSON', () => {
  const { records, errors } = parseJsonRecords(fixture('sample.json'), 'sample.json');

  it('reads a {records: […]} wrapper, one record per object, and names the line of a bad entry', () => {
    expect(records.map((r) => r.en.title)).toEqual(['Aspirin for primary prevention', 'Statins in the elderly']);
    expect(records.map((r) => r.source.line)).toEqual([3, 12]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.source).toMatchObject({ file: 'sample.json', line: 11 });
  });

  it('reads labels from HTML and plain text, decodes entities, takes the translation', () => {
    const r = records[0]!;
    expect(r.id).toBe('10.1000/asp.1');
    expect(r.metadata.authors).toEqual(['Ann Lee', 'Bo Chen']);
    expect(r.en.sections.map((s) => [s.kind, s.text])).toEqual([['objective', 'To test aspirin.'], ['conclusions', 'No benefit <5%.']]);
    expect(r.zh?.sections.map((s) => [s.kind, s.text])).toEqual([['objective', '检验阿司匹林。'], ['conclusions', '获益<5%。']]);
    expect(records[1]!.zh).toBeNull();
  });

  it('reads a bare array and a single object', () => {
    expect(parseJsonRecords('[{"title":"A"},{"title":"B"}]', 'a.json').records.map((r) => r.en.title)).toEqual(['A', 'B']);
    expect(parseJsonRecords('{"title":"Only"}', 'o.json').records).toHaveLength(1);
  });

  it('reports truncated JSON with file and line', () => {
    const { records: none, errors: errs } = parseJsonRecords('[\n{"title": "A"},\n{"title": "B"', 't.json');
    expect(none).toEqual([]);
    expect(errs).toHaveLength(1);
    expect(errs[0]!.source.file).toBe('t.json');
    expect(errs[0]!.source.line).toBe(3);
    expect(errs[0]!.message).toMatch(/^t\.json:3: invalid JSON/);
  });
});

describe('JSONL', () => {
  it('loads good lines and reports bad ones with their line numbers', () => {
    const { records, errors } = parseJsonlRecords(fixture('sample.jsonl'), 'sample.jsonl');
    expect(records.map((r) => [r.en.title, r.source.line])).toEqual([['First paper', 1], ['Third paper', 4]]);
    expect(errors.map((e) => e.source.line)).toEqual([2, 5]);
    expect(records[0]!.zh?.sections.map((s) => s.kind)).toEqual(['background', 'results']);
  });

  it('streams: chunks split anywhere give the same records, lines and offsets', () => {
    const text = fixture('sample.jsonl').replace(/\n/g, '\r\n');
    const whole = parseJsonlRecords(text, 's.jsonl');
    for (const size of [1, 2, 7, 64]) {
      const parser = createJsonlParser({ file: 's.jsonl' });
      const parts = [];
      for (let i = 0; i < text.length; i += size) parts.push(parser.push(text.slice(i, i + size)));
      parts.push(parser.end());
      expect(parts.flatMap((p) => p.records)).toEqual(whole.records);
      expect(parts.flatMap((p) => p.errors)).toEqual(whole.errors);
    }
    for (const r of whole.records) expect(text.slice(r.source.offset!).startsWith('{"title"')).toBe(true);
  });

  it('reads each object by its own keys when shapes repeat, alternate and differ only in case', () => {
    const lines = [
      { Title: 'A', TitleCN: '甲', DOI: '10.1/a' },
      { title: 'B', titlecn: '乙', doi: '10.1/b' },
      { Title: 'C', TitleCN: '丙', DOI: '10.1/c' },
      { Title: 'D', TitleCN: '', title_zh: '丁', DOI: '10.1/d' },
      { title: 'E', Title: 'e', doi: '10.1/e' },
    ];
    const { records } = parseJsonlRecords(lines.map((l) => JSON.stringify(l)).join('\n'), 'shapes.jsonl');
    expect(records.map((r) => [r.id, r.en.title, r.zh?.title ?? null])).toEqual([
      ['10.1/a', 'A', '甲'], ['10.1/b', 'B', '乙'], ['10.1/c', 'C', '丙'], ['10.1/d', 'D', '丁'], ['10.1/e', 'e', null],
    ]);
  });
});

describe('TSV and CSV', () => {
  it('reads a TSV with a header, groups rows by id, reports a short row', () => {
    const { records, errors } = parseTableRecords(fixture('pairs.tsv'), 'pairs.tsv', 'tsv');
    expect(records.map((r) => r.id)).toEqual(['pairs.tsv#d1', 'pairs.tsv#d2']);
    expect(records[0]!.presegmented).toEqual({ en: ['Background: A was studied.', 'It worked.'], zh: ['背景：研究了A。', '有效。'], aligned: true });
    expect(records[0]!.zh?.abstract).toBe('背景：研究了A。有效。');
    expect(records[0]!.en.sections[0]).toMatchObject({ kind: 'background', label: 'Background' });
    expect(errors).toHaveLength(1);
    expect(errors[0]!.source).toMatchObject({ file: 'pairs.tsv', line: 5 });
  });

  it('reads RFC 4180 CSV with quotes, doubled quotes and a line break inside a field', () => {
    const { records, errors } = parseTableRecords(fixture('pairs.csv'), 'pairs.csv', 'csv');
    expect(errors).toEqual([]);
    expect(records[0]!.presegmented?.en).toEqual(['Hello, world.', 'He said "yes"\non two lines.']);
    expect(records[0]!.presegmented?.zh).toEqual(['你好，世界。', '他说"是"。']);
    expect(records[0]!.translation).toBe('machine');
    expect(records.map((r) => r.source.line)).toEqual([2, 5]);
  });

  it.each([
    ['english,chinese\nA.,甲。\n', 'csv'],
    ['Source\tTarget\nA.\t甲。\n', 'tsv'],
    ['src\ttgt\nA.\t甲。\n', 'tsv'],
    ['英文\t译文\nA.\t甲。\n', 'tsv'],
    ['EN-US\tZH-CN\nA.\t甲。\n', 'tsv'],
  ] as const)('detects header %j', (text, format) => {
    const { records } = parseTableRecords(text, 'h', format);
    expect(records[0]?.presegmented).toEqual({ en: ['A.'], zh: ['甲。'], aligned: true });
  });

  it('finds the columns by content when there is no header', () => {
    const { records } = parseTableRecords('1\t一个句子。\tOne sentence here.\n2\t两个。\tTwo of them.\n', 'x.tsv', 'tsv');
    expect(records).toHaveLength(2);
    expect(records[0]!.presegmented).toEqual({ en: ['One sentence here.'], zh: ['一个句子。'], aligned: true });
  });

  it('reports an unclosed quote and a file without a Chinese column', () => {
    const bad = parseTableRecords('en,zh\nA,"甲\nB,乙\n', 'bad.csv', 'csv');
    expect(bad.errors[0]!.source).toMatchObject({ file: 'bad.csv', line: 2 });
    const noZh = parseTableRecords('a,b\nx,y\n', 'nozh.csv', 'csv');
    expect(noZh.records).toEqual([]);
    expect(noZh.errors[0]!.message).toMatch(/nozh\.csv:1: no English and Chinese columns/);
  });
});

describe('TMX and XLIFF', () => {
  it('reads TMX: one record per document property, inline text kept, codes dropped, CDATA', () => {
    const { records, errors } = parseXmlRecords(fixture('sample.tmx'), 'sample.tmx');
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.id, r.format, r.source.line])).toEqual([['sample.tmx#pmid-1', 'tmx', 5], ['sample.tmx#pmid-2', 'tmx', 15]]);
    expect(records[0]!.presegmented?.en).toEqual(['Aspirin & clopidogrel were compared.', 'Bleeding was rare.']);
    expect(records[0]!.presegmented?.zh).toEqual(['比较了阿司匹林和<氯吡格雷>。', '出血罕见。']);
    expect(records[1]!.zh?.abstract).toBe('另一個文件。');
  });

  it('reads XLIFF 1.2: one record per <file>, title unit, alt-trans and seg-source ignored', () => {
    const { records, errors } = parseXmlRecords(fixture('sample-1.2.xlf'), 'a.xlf');
    expect(errors).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['a.xlf#abstract-1.txt', 'a.xlf#abstract-2.txt']);
    const r = records[0]!;
    expect(r.format).toBe('xliff');
    expect(r.en.title).toBe('Sleep and memory');
    expect(r.zh?.title).toBe('睡眠与记忆');
    expect(r.presegmented).toEqual({ en: ['Sleep helps memory.', 'Methods: 40 adults slept.'], zh: ['睡眠有助于记忆。', '方法：40名成人睡眠。'], aligned: true });
    expect(r.zh?.sections.map((s) => s.kind)).toEqual(['other', 'methods']);
    expect(records[1]!.zh).toBeNull();
  });

  it('reads XLIFF 2.0: segments become pairs, originalData and ignorable skipped', () => {
    const { records, errors } = parseXmlRecords(fixture('sample-2.0.xlf'), 'b.xlf');
    expect(errors).toEqual([]);
    expect(records[0]!.presegmented).toEqual({ en: ['Results: Mortality fell.', 'Cost rose.'], zh: ['结果：死亡率下降。', '成本上升。'], aligned: true });
  });

  it('swaps a zh→en XLIFF so English is always en', () => {
    const xlf = '<xliff version="1.2"><file original="x" source-language="zh-CN" target-language="en"><body><trans-unit id="1"><source>你好。</source><target>Hello.</target></trans-unit></body></file></xliff>';
    expect(parseXmlRecords(xlf, 'z.xlf').records[0]!.presegmented).toEqual({ en: ['Hello.'], zh: ['你好。'], aligned: true });
  });

  it('reports an .xml file that is neither TMX, XLIFF nor WMT by its root, instead of loading it as a page', () => {
    expect(detectFormat('notes.xml', '<p>not a record</p>\n')).not.toBe('page');
    const { records, errors } = parseRecords('<p>not a record</p>\n', { file: 'notes.xml' });
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toContain('<p>');
    expect(errors[0]?.source).toMatchObject({ file: 'notes.xml', line: 1 });
  });

  it('reports malformed XML with its line and keeps what was read', () => {
    const text = fixture('sample-1.2.xlf').replace('</file>\n  <file', '</file>\n  <file <broken').slice(0, -20);
    const { records, errors } = parseXmlRecords(text, 'm.xlf');
    expect(records.length).toBeGreaterThanOrEqual(1);
    expect(errors[0]!.source.file).toBe('m.xlf');
    const line = text.slice(0, text.indexOf('<broken')).split('\n').length;
    expect(errors[0]!.source.line).toBe(line);
    expect(errors[0]!.message).toMatch(new RegExp(`^m\\.xlf:${line}: malformed XML`));
  });
});

describe('WMT', () => {
  const en = fixture('wmt-doc1-3_en.txt');
  const zh = fixture('wmt-doc1-3_zh.txt');

  it('pairs the two files by document id', () => {
    const { records, errors } = parseWmtPair(en, zh, { enFile: 'x_en.txt', zhFile: 'x_zh.txt' });
    expect(errors).toEqual([]);
    expect(records.map((r) => r.id)).toEqual(['x_en.txt#doc1', 'x_en.txt#doc2', 'x_en.txt#doc3']);
    const enLines = en.split('\n').filter((l) => l.startsWith('doc1\t')).length;
    const zhLines = zh.split('\n').filter((l) => l.startsWith('doc1\t')).length;
    expect(records[0]!.presegmented?.en).toHaveLength(enLines);
    expect(records[0]!.presegmented?.zh).toHaveLength(zhLines);
    expect(records[0]!.presegmented?.aligned).toBe(false);
    expect(records[0]!.zh?.abstract.startsWith('比较靛玉红标准品')).toBe(true);
    expect(records[1]!.source.line).toBe(enLines + 1);
  });

  it('reports a document missing on one side', () => {
    const { records, errors } = parseWmtPair(en, zh.split('\n').filter((l) => !l.startsWith('doc2\t')).join('\n'), { enFile: 'e', zhFile: 'z' });
    expect(records).toHaveLength(3);
    expect(records[1]!.zh).toBeNull();
    expect(errors[0]!.message).toMatch(/document doc2 has no Chinese/);
  });

  it('reads a single file as English-only records and reports a bad line', () => {
    const { records, errors } = parseWmtFile('doc1\t1\tA.\ndoc1\t2\tB.\nbroken line\ndoc2\t1\tC.\n', 'w.txt');
    expect(records.map((r) => [r.id, r.zh])).toEqual([['w.txt#doc1', null], ['w.txt#doc2', null]]);
    expect(errors[0]!.source).toMatchObject({ file: 'w.txt', line: 3 });
  });

  it('proposes en/zh sibling pairs', () => {
    expect(pairWmtFiles(['data/medline_en2zh_en.txt', 'data/medline_en2zh_zh.txt', 'a.en', 'a.zh', 'b-en.tsv', 'b-zh-CN.tsv', 'lonely_en.txt', 'notes.md'])).toEqual({
      pairs: [
        { en: 'data/medline_en2zh_en.txt', zh: 'data/medline_en2zh_zh.txt' },
        { en: 'a.en', zh: 'a.zh' },
        { en: 'b-en.tsv', zh: 'b-zh-CN.tsv' },
      ],
      unpaired: ['lonely_en.txt', 'notes.md'],
    });
  });
});

describe('detectFormat and parseRecords', () => {
  it.each([
    ['x.txt', 'page', fixture('mdma-ptsd-military.page.txt')],
    ['x.txt', 'tmx', fixture('sample.tmx')],
    ['x.xml', 'xliff', fixture('sample-2.0.xlf')],
    ['x.txt', 'json', fixture('sample.json')],
    ['x.txt', 'jsonl', fixture('sample.jsonl')],
    ['x.jsonl', 'jsonl', '{"title":"A"}'],
    ['x.json', 'json', '{"title":"A"}'],
    ['x.txt', 'wmt', fixture('wmt-doc1-3_en.txt')],
    ['x.tsv', 'wmt', fixture('wmt-doc1-3_en.txt')],
    ['x.txt', 'tsv', fixture('pairs.tsv')],
    ['x.csv', 'csv', fixture('pairs.csv')],
    ['export', 'csv', fixture('pairs.csv')],
    ['x.tmx', 'tmx', ''],
  ] as const)('%s is read as %s', (name, format, text) => {
    expect(detectFormat(name, text)).toBe(format);
  });

  it('dispatches on the detected format and honours an override', () => {
    expect(parseRecords(fixture('sample.tmx'), { file: 'a.txt' }).records[0]!.format).toBe('tmx');
    const forced = parseRecords(fixture('pairs.tsv'), { file: 'a.txt', format: 'page' });
    expect(forced.records.every((r) => r.format === 'page')).toBe(true);
  });
});

describe('ids and single Chinese WMT files', () => {
  it('keeps two records with the same DOI apart', () => {
    const line = '{"title":"A","doi":"10.1/X","abstract":"B."}';
    expect(parseRecords(`${line}\n${line}\n${line}\n`, { file: 'd.jsonl' }).records.map((r) => r.id)).toEqual(['10.1/x', '10.1/x#2', '10.1/x#3']);
    const parser = createJsonlParser({ file: 'd.jsonl' });
    const ids = [...parser.push(`${line}\n`).records, ...parser.push(`${line}\n`).records, ...parser.end().records].map((r) => r.id);
    expect(ids).toEqual(['10.1/x', '10.1/x#2']);
  });

  it('puts a Chinese WMT file on the Chinese side and says to pair it', () => {
    const { records, errors } = parseWmtFile(fixture('wmt-doc1-3_zh.txt'), 'm_zh.txt');
    expect(records).toHaveLength(3);
    expect(records[0]!.en.abstract).toBe('');
    expect(records[0]!.zh?.abstract.startsWith('比较靛玉红')).toBe(true);
    expect(errors[0]!.message).toMatch(/English sibling/);
  });
});

describe('line-aligned parallel files and reversed tables', () => {
  it('reads two plain sentence-per-line files as aligned pairs, keeping empty lines', () => {
    const { records, errors } = parseWmtPair('One.\nTwo.\nThree.\n', '一。\n\n三。\n', { enFile: 'a.en', zhFile: 'a.zh' });
    expect(errors).toEqual([]);
    expect(records[0]!.presegmented).toEqual({ en: ['One.', 'Two.', 'Three.'], zh: ['一。', '', '三。'], aligned: true });
    expect(records[0]!.zh?.abstract).toBe('一。三。');
  });

  it('reports a line-count mismatch and keeps the pairs in step', () => {
    const { records, errors } = parseWmtPair('One.\nTwo.\nThree.\n', '一。\n二。\n', { enFile: 'a.en', zhFile: 'a.zh' });
    expect(records[0]!.presegmented?.zh).toEqual(['一。', '二。', '']);
    expect(errors[0]!.source).toMatchObject({ file: 'a.zh', line: 2 });
    expect(errors[0]!.message).toMatch(/2 Chinese lines for 3 English lines/);
  });

  it('swaps "source" and "target" when the source column is the Chinese one', () => {
    const { records } = parseTableRecords('doc\tsource\ttarget\nt1\t我们研究了它。\tWe studied it.\n', 'mqm.tsv', 'tsv');
    expect(records[0]!.presegmented).toEqual({ en: ['We studied it.'], zh: ['我们研究了它。'], aligned: true });
  });
});

describe('machine-translation marks in TMX and XLIFF', () => {
  it('XLIFF 1.2 targets qualified as MT make a machine record', () => {
    const xlf = (q: string) => `<xliff version="1.2"><file original="x" source-language="en" target-language="zh"><body><trans-unit id="1"><source>A.</source><target state-qualifier="${q}">甲。</target></trans-unit></body></file></xliff>`;
    expect(parseXmlRecords(xlf('mt-suggestion'), 'a.xlf').records[0]!.translation).toBe('machine');
    expect(parseXmlRecords(xlf('exact-match'), 'a.xlf').records[0]!.translation).toBe('unknown');
  });

  it('TMX variants created by an MT engine make a machine record', () => {
    const tmx = (id: string) => `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>A.</seg></tuv><tuv xml:lang="zh" creationid="${id}"><seg>甲。</seg></tuv></tu></body></tmx>`;
    expect(parseXmlRecords(tmx('MT!'), 'a.tmx').records[0]!.translation).toBe('machine');
    expect(parseXmlRecords(tmx('translator7'), 'a.tmx').records[0]!.translation).toBe('unknown');
  });
});
