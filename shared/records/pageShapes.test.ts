import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePageDump } from './page.ts';

/*
 * Pages assembled from the parts real dumps have, each optional as on real sites, several to a
 * file: whatever is left out, every page must come back whole, with its own title and texts.
 */
interface PageParts {
  n: number;
  metrics: boolean;
  authors: boolean;
  json: 'none' | 'plain' | 'withCn';
  citation: boolean;
  heading: boolean;
  structured: boolean;
  zhTitle: boolean;
  disclaimer: 'none' | 'full' | 'half' | 'inline';
  boilerplate: boolean;
  traditional: boolean;
}

const parts: fc.Arbitrary<Omit<PageParts, 'n'>> = fc.record({
  metrics: fc.boolean(),
  authors: fc.boolean(),
  json: fc.constantFrom('none' as const, 'plain' as const, 'withCn' as const),
  citation: fc.boolean(),
  heading: fc.boolean(),
  structured: fc.boolean(),
  zhTitle: fc.boolean(),
  disclaimer: fc.constantFrom('none' as const, 'full' as const, 'half' as const, 'inline' as const),
  boilerplate: fc.boolean(),
  traditional: fc.boolean(),
});

function englishBody(p: PageParts): string[] {
  return p.structured
    ? [`Background: Study ${p.n} looked at sleep in adults. It was large.`, '', `Methods: We enrolled ${p.n * 10} people.`, '', `Conclusions: Sleep ${p.n} matters.`]
    : [`Study ${p.n} looked at sleep in adults. We enrolled ${p.n * 10} people. Sleep ${p.n} matters.`];
}

function chineseBody(p: PageParts): string {
  const [bg, m, c] = p.traditional ? ['背景', '方法', '結論'] : ['背景', '方法', '结论'];
  return p.structured
    ? `${bg}：研究${p.n}观察了成人睡眠。规模很大。${m}：我们纳入了${p.n * 10}人。${c}：睡眠${p.n}很重要。`
    : `研究${p.n}观察了成人睡眠。我们纳入了${p.n * 10}人。睡眠${p.n}很重要。`;
}

function renderPage(p: PageParts): string[] {
  const title = `Sleep study number ${p.n} in adults`;
  const lines = [title, ''];
  if (p.metrics) lines.push(`IF ${p.n}.5 2区 医学 Q2 CLINICAL NEUROLOGY`);
  if (p.authors) lines.push('Ann Lee, Bo Chen, Carl Diaz');
  if (p.json !== 'none') {
    const abstract = p.structured
      ? `<p><strong>Background: </strong>Study ${p.n} looked at sleep in adults. It was large.</p><p><strong>Methods: </strong>We enrolled ${p.n * 10} people.</p><p><strong>Conclusions: </strong>Sleep ${p.n} matters.</p>`
      : `<p>Study ${p.n} looked at sleep in adults. We enrolled ${p.n * 10} people. Sleep ${p.n} matters.</p>`;
    lines.push(JSON.stringify({ title, doi: `10.1000/s${p.n}`, abstract, TitleCN: p.json === 'withCn' ? `睡眠研究${p.n}` : null, AbstractTextCN: p.json === 'withCn' ? chineseBody(p) : null }));
  }
  if (p.citation) lines.push(`引用次数: ${p.n}`);
  lines.push('');
  if (p.heading) lines.push('Abstract', '');
  lines.push(...englishBody(p), '');
  if (p.zhTitle) lines.push(`睡眠研究${p.n}`);
  const disclaimer = p.disclaimer === 'half' ? '本文章由计算机程序翻译,如有差异,请以英文原文为准。' : '本文章由计算机程序翻译，如有差异，请以英文原文为准。';
  lines.push(chineseBody(p) + (p.disclaimer === 'inline' ? disclaimer : ''));
  if (p.disclaimer === 'full' || p.disclaimer === 'half') lines.push(disclaimer);
  if (p.boilerplate) lines.push('求助全文', '来源期刊', 'Sleep Journal', 'CiteScore', '3.20', '×', '引用', 'GB/T 7714-2015');
  return lines;
}

describe('page dumps assembled from optional parts', () => {
  it('gives back every page, whatever each one leaves out', () => {
    fc.assert(
      fc.property(fc.array(parts, { minLength: 1, maxLength: 4 }), (pages) => {
        // A page without header lines is told apart from the one before it by that page's
        // disclaimer or boilerplate; with neither, nothing in the text marks the seam.
        const full = pages.map((p, i) => ({ ...p, n: i + 1 }));
        const headerless = (p: PageParts) => !p.metrics && p.json === 'none' && !p.citation && !p.heading;
        fc.pre(full.every((p, i) => i === full.length - 1 || !headerless(full[i + 1]!) || p.disclaimer !== 'none' || p.boilerplate));
        const text = full.flatMap(renderPage).join('\n');
        const { records, errors } = parsePageDump(text, 'gen.txt');
        expect(errors).toEqual([]);
        expect(records.map((r) => r.en.title)).toEqual(full.map((p) => `Sleep study number ${p.n} in adults`));
        records.forEach((r, i) => {
          const p = full[i]!;
          expect(r.en.abstract).toContain(`We enrolled ${p.n * 10} people.`);
          expect(r.en.abstract).not.toMatch(/IF \d|引用次数|Ann Lee|求助全文/);
          expect(r.en.sections.map((s) => s.kind)).toEqual(p.structured ? ['background', 'methods', 'conclusions'] : ['other']);
          expect(r.zh?.abstract).toBe(chineseBody(p));
          expect(r.zh?.title).toBe(p.zhTitle || p.json === 'withCn' ? `睡眠研究${p.n}` : '');
          expect(r.zh?.sections.map((s) => s.kind)).toEqual(p.structured ? ['background', 'methods', 'conclusions'] : ['other']);
          expect(r.translation).toBe(p.disclaimer === 'none' ? 'unknown' : 'machine');
          if (p.metrics) expect(r.metadata.metrics?.['IF']).toBe(p.n + 0.5);
          if (p.authors) expect(r.metadata.authors).toEqual(['Ann Lee', 'Bo Chen', 'Carl Diaz']);
          if (p.json !== 'none') expect(r.metadata.doi).toBe(`10.1000/s${p.n}`);
          expect(r.disagreements).toBeUndefined();
        });
      }),
      { numRuns: 400 },
    );
  });
});
