import { describe, expect, it } from 'vitest';
import { Utf8Lines } from './utf8Lines.ts';

describe('Utf8Lines', () => {
  it('gathers lines as UTF-8, growing past its first size, surrogate pairs and CJK included', () => {
    const lines = new Utf8Lines(16);
    const texts = ['{"a":1}', '试验结果：二十四名患者', 'emoji 😀 pair', '', 'x'.repeat(100)];
    for (const text of texts) lines.push(text);
    const expected = Buffer.from(texts.map((t) => `${t}\n`).join(''), 'utf8');
    expect(Buffer.from(lines.bytes()).equals(expected)).toBe(true);
    expect(lines.length).toBe(expected.length);
  });

  it('gives an empty view when nothing was pushed', () => {
    expect(new Utf8Lines().bytes().length).toBe(0);
  });
});
