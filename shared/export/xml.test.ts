import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { xmlAttr, xmlText } from './xml.ts';
import { parseXml } from './xmlTree.testing.ts';

describe('XML escaping', () => {
  it('escapes markup and keeps Chinese', () => {
    expect(xmlText('a < b && c > d 摇头丸')).toBe('a &lt; b &amp;&amp; c &gt; d 摇头丸');
    expect(xmlAttr('say "hi"\tthen\nstop')).toBe('say &quot;hi&quot;&#9;then&#10;stop');
  });

  it('replaces characters XML cannot hold', () => {
    expect(xmlText('a\u0000b\u000Bc\uFFFF')).toBe('a\uFFFDb\uFFFDc\uFFFD');
    expect(xmlText('x\uD800y')).toBe('x\uFFFDy');
  });

  it('any string survives a round trip through a strict parser (forbidden characters aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const doc = parseXml(`<r a="${xmlAttr(text)}">${xmlText(text)}</r>`);
        const expected = text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
        expect(doc.text).toBe(expected);
        expect(doc.attributes.a).toBe(expected);
      }),
    );
  });
});
