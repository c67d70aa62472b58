import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode.ts';
import { parseRecords } from './parse.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
function utf16(s: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (endian === 'le') out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}
const TEXT = 'Title\nAbstract\nBackground: Text.\n标题\n背景：正文。\n';
const ZH_ONLY = '背景：创伤后应激障碍的神经康复治疗。结论：有益。';

describe('decodeBytes', () => {
  it.each([
    ['UTF-8', utf8(TEXT), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(TEXT)]), 'utf-8'],
    ['UTF-16 LE with BOM', utf16(TEXT, 'le', true), 'utf-16le'],
    ['UTF-16 BE with BOM', utf16(TEXT, 'be', true), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16(TEXT, 'le', false), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16(TEXT, 'be', false), 'utf-16be'],
    ['UTF-16 LE without BOM, Chinese only', utf16(ZH_ONLY, 'le', false), 'utf-16le', ZH_ONLY],
  ] as const)('%s', (_name, bytes, encoding, expected: string = TEXT) => {
    const result = decodeBytes(bytes, 'f.txt');
    expect('error' in result).toBe(false);
    if ('error' in result) return;
    expect(result.encoding).toBe(encoding);
    expect(result.text).toBe(expected);
  });

  it('reads GB18030 (GBK) Chinese', () => {
    // "背景：" in GBK.
    const result = decodeBytes(new Uint8Array([0xb1, 0xb3, 0xbe, 0xb0, 0xa3, 0xba, 0xd5, 0xfd, 0xce, 0xc4]), 'gbk.txt');
    expect(result).toMatchObject({ text: '背景：正文', encoding: 'gb18030' });
  });

  it('keeps a UTF-8 file with a stray bad byte, with a warning', () => {
    const bytes = new Uint8Array([...utf8('A long enough English sentence about sleep and memory. '.repeat(10)), 0xff, ...utf8(' end')]);
    const result = decodeBytes(bytes, 'f.txt');
    expect(result).toMatchObject({ encoding: 'utf-8' });
    expect('warning' in result && result.warning).toMatch(/1 invalid UTF-8/);
  });

  it.each([
    ['a PNG image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /PNG image/],
    ['a PDF', utf8('%PDF-1.7\n%âãÏÓ\n'), /PDF document/],
    ['bytes with NULs', new Uint8Array([1, 0, 0, 0, 7, 0, 200, 0, 0, 3, 0, 0, 0, 0, 5, 9]), /binary/],
    ['control characters', new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 2 : 65))), /control characters/],
  ])('rejects %s with a clear message naming the file', (_name, bytes, message) => {
    const result = decodeBytes(bytes, 'bin.dat');
    expect('error' in result).toBe(true);
    if (!('error' in result)) return;
    expect(result.error.source.file).toBe('bin.dat');
    expect(result.error.message).toMatch(message);
    expect(result.error.message.startsWith('bin.dat:')).toBe(true);
  });

  it('keeps UTF-8 Chinese cut inside a character (a sample of a larger file) as UTF-8, not GB18030', () => {
    const bytes = utf8('背景：创伤后应激障碍的神经康复治疗。结论：有益。'.repeat(5));
    const result = decodeBytes(bytes.subarray(0, bytes.length - 1), 'cut.txt');
    expect(result).toMatchObject({ encoding: 'utf-8' });
    expect('text' in result && result.text.startsWith('背景：创伤后')).toBe(true);
  });

  it('refuses files over the size limit', () => {
    const result = decodeBytes(new Uint8Array(101), 'big.jsonl', { maxBytes: 100 });
    expect('error' in result && result.error.message).toMatch(/over the 100-byte limit/);
  });
});

describe('bad input end to end: every failure names the file and a line', () => {
  it.each([
    ['truncated JSON', 't.json', '[{"title":"A","abstract":"B"},\n{"title":"C",', 2],
    ['JSONL with a broken line', 'b.jsonl', '{"title":"A"}\n{"title":\n{"title":"C"}\n', 2],
    ['TSV with too few columns', 'w.tsv', 'en\tzh\nA.\t甲。\nB only\n', 3],
    ['CSV with an unclosed quote', 'q.csv', 'en,zh\nA.,甲。\n"B.,乙。\n', 3],
    ['malformed TMX', 'm.tmx', '<tmx version="1.4"><body>\n<tu><tuv xml:lang="en"><seg>A</seg></tuv>\n<tuv xml:lang="zh"><seg>甲</sg></tuv></tu>\n</body></tmx>', 3],
    ['XLIFF with an undefined entity', 'e.xlf', '<xliff version="1.2">\n<file original="a" source-language="en" target-language="zh"><body>\n<trans-unit id="1"><source>A&nbsp;B</source></trans-unit></body></file></xliff>', 3],
    ['WMT line without fields', 'w.txt', 'doc1\t1\tA.\ndoc1\t2\tB.\ndoc1 3 C.\ndoc1\t4\tD.\n', 3],
    ['page dump with a cut JSON line', 'p.txt', 'Title\n{"title":"Title","abstract":"<p>Cut\nAbstract\nText.\n', 2],
  ] as const)('%s', (_name, file, text, line) => {
    const { errors } = parseRecords(text, { file });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.source.file).toBe(file);
    expect(errors[0]!.source.line).toBe(line);
    expect(errors[0]!.message.startsWith(`${file}:${line}:`)).toBe(true);
  });

  it('reads a UTF-16 file once decoded, like any other', () => {
    const decoded = decodeBytes(utf16('{"title":"A","abstract":"B."}\n{"title":"C","abstract":"D."}\n', 'le', true), 'u.jsonl');
    expect('error' in decoded).toBe(false);
    if ('error' in decoded) return;
    expect(parseRecords(decoded.text, { file: 'u.jsonl' }).records.map((r) => r.en.title)).toEqual(['A', 'C']);
  });
});
