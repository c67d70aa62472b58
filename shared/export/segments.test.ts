import { describe, expect, it } from 'vitest';
import { annotationsByLink, decidedFindings, linkOfFinding, linkSegments, spanInSegment } from './segments.ts';
import { fixtureEntry } from './testFixture.ts';

describe('segments', () => {
  const entry = fixtureEntry();
  const segments = linkSegments(entry);

  it('joins English with spaces and Chinese without', () => {
    expect(segments.map((s) => s.target)).toEqual(['摇头丸是一种具有亲社会作用的非经典迷幻药。', '本文对摇头丸辅助治疗创伤后应激障碍进行了综述。', '']);
    const merged = linkSegments({ ...entry, links: [{ en: [0, 1], zh: [0, 1], confidence: 1 }, { en: [2], zh: [], confidence: 1 }] });
    expect(merged[0]!.source).toBe(`${entry.sentences.en[0]!.text} ${entry.sentences.en[1]!.text}`);
    expect(merged[0]!.target).toBe(entry.sentences.zh[0]!.text + entry.sentences.zh[1]!.text);
    expect(merged[0]!.targetStarts.get(1)).toBe(entry.sentences.zh[0]!.text.length);
  });

  it('places annotations on links, leaving deleted ones out', () => {
    const byLink = annotationsByLink(entry);
    expect([...byLink.entries()].map(([link, list]) => [link, list.map((a) => a.id)])).toEqual([
      [0, ['a1']],
      [1, ['a2']],
      [2, ['a3']],
    ]);
  });

  it('locates spans inside segment text', () => {
    const [a1, , a3] = entry.annotations;
    const span = spanInSegment(entry, segments[0]!, a1!)!;
    expect(segments[0]!.target.slice(span.start, span.end)).toBe('摇头丸');
    const source = spanInSegment(entry, segments[2]!, a3!)!;
    expect(source.field).toBe('source');
    expect(segments[2]!.source.slice(source.start, source.end)).toBe('synthesis');
  });

  it('pairs findings with decisions and links', () => {
    expect(decidedFindings(entry).map((d) => d.decision?.decision ?? null)).toEqual(['confirmed', 'dismissed', null]);
    expect(entry.findings.map((f) => linkOfFinding(entry.links, f))).toEqual([0, 1, 2]);
  });
});
