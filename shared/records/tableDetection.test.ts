import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseRecords } from './parse.ts';
import { chooseColumns } from './tableColumns.ts';

/*
 * Tables found by content whatever the file is called, and prose that must stay prose: both
 * directions, since a page dump read as CSV loses its record as surely as a CSV read as a page.
 */

const here = (path: string) => new URL(path, import.meta.url);
const pageDumps = [
  ...['./fixtures/', '../../samples/', '../../samples/formats/', '../../e2e/fixtures/'].flatMap((dir) =>
    readdirSync(here(dir)).filter((name) => name.endsWith('.page.txt')).map((name) => `${dir}${name}`),
  ),
].map((path) => [path, readFileSync(here(path), 'utf8')] as const);

describe('page dumps with commas stay page dumps', () => {
  it('has the real page dumps to test', () => {
    expect(pageDumps.length).toBeGreaterThanOrEqual(6);
    expect(pageDumps.filter(([, text]) => text.includes(',')).length).toBeGreaterThanOrEqual(6);
  });

  it.each(pageDumps)('%s', (_path, text) => {
    expect(detectFormat('record.txt', text)).toBe('page');
  });

  it.each([
    ['title, authors and a paragraph', 'Aspirin, clopidogrel, or both after stroke\n\nIF 4.1 1区 医学\nLi W, Smith J, Garcia M\n\nAbstract\n\nWe compared aspirin, clopidogrel and both, in 300 patients.\n'],
    ['two lines with one comma each', 'Sleep, memory and ageing\nDunn W, Krantz D\n'],
    ['five lines with one comma each', 'Alpha, beta\nGamma, delta\nEpsilon, zeta\nEta, theta\nIota, kappa\n'],
    ['Chinese prose with an ASCII comma per line', '睡眠与记忆, 一项研究\n我们研究了老年人, 共120名\n结果显示, 睡眠改善\n'],
    ['one line', 'Title, with a comma\n'],
  ])('%s', (_name, text) => {
    expect(detectFormat('notes.txt', text)).toBe('page');
  });

  it('stays a page dump whatever few characters are changed in it', () => {
    const [, text] = pageDumps[0]!;
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 30 }), insert: fc.constantFrom(',', ', ', '"', '\n', ',\n', '"a,b"') });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        let out = text;
        for (const e of edits) {
          const at = e.at % (out.length + 1);
          out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
        }
        expect(detectFormat('record.txt', out)).not.toBe('csv');
      }),
      { numRuns: 200 },
    );
  });
});

describe('comma-separated tables in a .txt', () => {
  it.each([
    ['known names', 'src,tgt\n"Hello, world.",你好，世界。\nPlain text,纯文本\n'],
    ['one name known, one not', 'abstract_text,译文\n"The dose was 5 mg, twice daily.",剂量为5 mg，每日两次。\nNo change was seen.,未见变化。\n'],
    ['no name known', 'col1,col2\nThe patient improved.,病人好转。\nNo change was seen.,未见变化。\n'],
    ['Chinese first, no name known', 'zh_col,en_col\n病人好转。,The patient improved.\n未见变化。,No change was seen.\n'],
    ['no header', 'The patient improved.,病人好转。\nNo change was seen.,未见变化。\n'],
    ['CRLF, BOM and a quoted line break', '\uFEFFa,b\r\n"He said ""yes""\r\non two lines.",他说“是”。\r\nNo change was seen.,未见变化。\r\n'],
  ])('%s', (_name, text) => {
    expect(detectFormat('export.txt', text)).toBe('csv');
    const { records, errors } = parseRecords(text, { file: 'export.txt' });
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    const pairs = records[0]!.presegmented!;
    expect(pairs.en).toHaveLength(2);
    expect(pairs.en.every((s) => /[A-Za-z]/.test(s) && !/\p{Script=Han}/u.test(s))).toBe(true);
    expect(pairs.zh.every((s) => /\p{Script=Han}/u.test(s))).toBe(true);
  });

  it('keeps an id column found by content and drops the header row', () => {
    const text = 'key,abstract_text,译文\nr1,The patient improved.,病人好转。\nr1,No change was seen.,未见变化。\nr2,A second record.,第二条记录。\n';
    const { records } = parseRecords(text, { file: 'export.txt' });
    expect(records.map((r) => [r.id, r.presegmented?.en.length])).toEqual([['export.txt#r1', 2], ['export.txt#r2', 1]]);
  });

  it('reads any table of English and Chinese sentences under any header, written as RFC 4180 does', () => {
    const english = fc.constantFrom('The dose was 5 mg, twice daily.', 'He said "yes".', 'Results were\nmixed.', 'No change was seen.', 'Mortality fell by 12%.', 'P < 0.05');
    const chinese = fc.constantFrom('剂量为5 mg，每日两次。', '他说"是"。', '结果\n不一。', '未见变化。', '死亡率下降了12%。', 'MDMA 辅助治疗 PTSD。');
    const header = fc.constantFrom(['a', 'b'], ['text', 'translation_zh'], ['col1', 'col2'], ['abstract_text', '摘要译文'], ['Sentence', 'Rendering']);
    const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    fc.assert(
      fc.property(header, fc.array(fc.tuple(english, chinese), { minLength: 2, maxLength: 8 }), fc.boolean(), (names, pairs, zhFirst) => {
        const row = (en: string, zh: string) => (zhFirst ? [zh, en] : [en, zh]).map(quote).join(',');
        const text = `${[(zhFirst ? [...names].reverse() : names).join(','), ...pairs.map(([en, zh]) => row(en, zh))].join('\n')}\n`;
        expect(detectFormat('pairs.txt', text)).toBe('csv');
        const { records, errors } = parseRecords(text, { file: 'pairs.txt' });
        expect(errors).toEqual([]);
        expect(records[0]?.presegmented).toEqual({ en: pairs.map(([en]) => en), zh: pairs.map(([, zh]) => zh), aligned: true });
      }),
      { numRuns: 200 },
    );
  });
});

describe('tables whose columns cannot be told apart', () => {
  it('two Chinese columns: an error naming the file, the header line and the columns, not a page record', () => {
    const text = '\n\nsentence,system_a,system_b\nThe patient improved.,病人好转。,患者病情好转。\nNo change was seen.,未见变化。,没有变化。\n';
    expect(detectFormat('two-mt.txt', text)).toBe('csv');
    const { records, errors } = parseRecords(text, { file: 'two-mt.txt' });
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: { file: 'two-mt.txt', line: 3 }, code: 'table.ambiguousColumns', params: { columns: 'system_a, system_b' } });
    expect(errors[0]!.message).toMatch(/^two-mt\.txt:3: cannot tell which columns are the English and the Chinese/);
  });

  it('names the columns by number when there is no header', () => {
    const text = 'The patient improved.,病人好转。,患者病情好转。\nNo change was seen.,未见变化。,没有变化。\nIt worked.,有效。,起作用了。\n';
    const { errors } = parseRecords(text, { file: 'x.txt' });
    expect(errors[0]).toMatchObject({ source: { line: 1 }, code: 'table.ambiguousColumns', params: { columns: '2, 3' } });
  });

  it('a table with no Chinese column: an error at the header line, not a page record', () => {
    const text = 'name,dose\naspirin,100 mg\nclopidogrel,75 mg\n';
    expect(detectFormat('doses.txt', text)).toBe('csv');
    const { records, errors } = parseRecords(text, { file: 'doses.txt' });
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.code, e.source.line])).toEqual([['table.noLanguageColumns', 1]]);
  });

  it('takes header names over content, and a header for a pair over two alike columns', () => {
    const rows = [['id', 'en', 'mt', 'ref'], ['1', 'It worked.', '有效。', '起作用了。']].map((cells) => ({ cells }));
    expect(chooseColumns(rows)).toEqual({ ok: true, columns: { en: 1, zh: 2, id: 0, header: true, origin: 'machine' } });
  });
});
