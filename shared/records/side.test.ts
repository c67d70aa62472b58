import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assembleSide, collapseSpace, htmlToText, parseAbstractHtml } from './side.ts';

describe('parseAbstractHtml', () => {
  it.each([
    ['<p><strong>Background: </strong>A &amp; B.</p><p><strong>Methods: </strong>C.</p>', [['Background:', 'A & B.'], ['Methods:', 'C.']]],
    ['<p><b>BACKGROUND</b> A.</p>', [['BACKGROUND', 'A.']]],
    ['<p><strong>Objective</strong>: A.</p>', [['Objective', 'A.']]],
    ['<sec><title>Results</title><p>R<sub>2</sub> rose&nbsp;by 5%.</p></sec>', [['Results', ''], [null, 'R2 rose by 5%.']]],
    ['<AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Good.</AbstractText>', [['CONCLUSIONS', 'Good.']]],
    ['<p>We saw <strong>no</strong> effect.</p>', [[null, 'We saw no effect.']]],
    ['Plain text, no markup.', [[null, 'Plain text, no markup.']]],
    ['<p>Unclosed <i>tag', [[null, 'Unclosed tag']]],
    ['<script>alert(1)</script><style>p{}</style><p>Safe.</p>', [[null, 'Safe.']]],
  ])('%s', (html, expected) => {
    expect(parseAbstractHtml(html).map((p) => [p.label, p.body])).toEqual(expected);
  });

  // Plain text and bare <p>/<strong> markup are read without htmlparser2; an empty comment in
  // front, which htmlparser2 reads as nothing, sends the same HTML through htmlparser2 to compare.
  it('reads simple markup exactly as htmlparser2 does', () => {
    const piece = fc.oneof(
      fc.constantFrom('<p>', '</p>', '<strong>', '</strong>', '<b>', '</b>', '<i>', '</i>', '<sub>', '</sub>', '<span>', '</span>', '<br>', '<P>', '<p >', '<div>'),
      fc.constantFrom('Background: ', 'BACKGROUND', '目的：', '【结论】', ' ', '  ', '\t', '\n', '\u00a0', '\u3000', 'x < y', 'a > b', ':', '结果 显示'),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const html = pieces.join('');
        expect(parseAbstractHtml(html)).toEqual(parseAbstractHtml(`<!---->${html}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('collapses whitespace runs to one space and trims', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2028', '\ufeff', ' \u3000 '), fc.string({ maxLength: 5 }))), (parts) => {
        const text = parts.join('');
        expect(collapseSpace(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
    );
  });

  it('gives plain text, never markup', () => {
    expect(htmlToText('<p><strong>Aims: </strong>&lt;b&gt;x&lt;/b&gt;</p>')).toBe('Aims: <b>x</b>');
  });
});

describe('assembleSide', () => {
  it('joins a label block with the paragraph after it and drops an empty Abstract heading', () => {
    const side = assembleSide(' T ', parseAbstractHtml('<h3>Abstract</h3><h4>Background</h4><p>A.</p><h4>Conclusions</h4><p>B.</p>'), 'en');
    expect(side.title).toBe('T');
    expect(side.abstract).toBe('Background: A.\nConclusions: B.');
    expect(side.sections.map((s) => [s.kind, s.label, s.text])).toEqual([['background', 'Background', 'A.'], ['conclusions', 'Conclusions', 'B.']]);
  });

  it('continues a section over unlabelled paragraphs', () => {
    const side = assembleSide('', [{ label: null, body: 'Background: A.' }, { label: null, body: 'More A.' }, { label: null, body: 'Results: B.' }], 'en');
    expect(side.sections.map((s) => s.text)).toEqual(['A.\nMore A.', 'B.']);
    for (const s of side.sections) expect(side.abstract.slice(s.start, s.start + s.text.length)).toBe(s.text);
  });

  it('writes a Chinese label with a full-width colon and keeps bracket labels as they are', () => {
    const side = assembleSide('', [{ label: '目的', body: '甲。' }, { label: '【结论】', body: '乙。' }], 'zh');
    expect(side.abstract).toBe('目的：甲。\n【结论】乙。');
    expect(side.sections.map((s) => [s.kind, s.text])).toEqual([['objective', '甲。'], ['conclusions', '乙。']]);
  });
});
