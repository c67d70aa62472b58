import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AlignmentLink } from '../align/types.ts';
import { applyAlignmentEdit, checkAlignment, mergeLinks, relinkBoundary, splitLink, type AlignmentEdit } from './alignmentEdits.ts';

const link = (en: number[], zh: number[], confidence = 0.8): AlignmentLink => ({ en, zh, confidence });
// Background 1-1, a 2-1 (one Chinese sentence covering two English), an omission 1-0, a 1-1.
const links = [link([0], [0]), link([1, 2], [1]), link([3], []), link([4], [2])];

const value = <T>(result: { ok: true; value: T } | { ok: false; error: string }): T => {
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('alignment edits', () => {
  it('starts from a valid alignment', () => {
    expect(checkAlignment(links, 5, 3)).toEqual([]);
  });

  it('merges two neighbouring links', () => {
    expect(value(mergeLinks(links, 1))).toEqual([link([0], [0]), link([1, 2, 3], [1], 1), link([4], [2])]);
    expect(mergeLinks(links, 3).ok).toBe(false);
  });

  it('splits a 2-1 into a 1-1 and a 1-0', () => {
    expect(value(splitLink(links, 1, 1, 1))).toEqual([link([0], [0]), link([1], [1], 1), link([2], [], 1), link([3], []), link([4], [2])]);
  });

  it('refuses splits that leave a part empty or fall outside the link', () => {
    expect(splitLink(links, 1, 0, 0).ok).toBe(false);
    expect(splitLink(links, 1, 2, 1).ok).toBe(false);
    expect(splitLink(links, 1, 3, 0).ok).toBe(false);
    expect(splitLink(links, 9, 0, 0).ok).toBe(false);
  });

  it('moves a boundary both ways', () => {
    // The Chinese sentence 1 belongs with English 0: move it up.
    expect(value(relinkBoundary(links, 0, 'zh', 1))).toEqual([link([0], [0, 1], 1), link([1, 2], [], 1), link([3], []), link([4], [2])]);
    // English 2 belongs with the omission link below.
    expect(value(relinkBoundary(links, 1, 'en', -1))).toEqual([link([0], [0]), link([1], [1], 1), link([2, 3], [], 1), link([4], [2])]);
  });

  it('refuses a move that would empty a link', () => {
    const result = relinkBoundary(links, 2, 'en', -1);
    expect(result.ok).toBe(false);
    expect(relinkBoundary(links, 0, 'en', -2).ok).toBe(false);
    expect(relinkBoundary(links, 0, 'en', 0).ok).toBe(false);
  });

  it('reports broken invariants', () => {
    expect(checkAlignment([link([1], [0]), link([0], [1])], 2, 2)).not.toEqual([]);
    expect(checkAlignment([link([0], [0]), link([], [])], 1, 1)).toContain('link 1 has no sentences');
    expect(checkAlignment([link([0], [0])], 2, 1)).toEqual(['English sentences end at 1, expected 2']);
  });
});

/** A random valid alignment: cut both sides into the same number of contiguous runs. */
const alignmentArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 12 })
  .map((sizes) => {
    const next = { en: 0, zh: 0 };
    const result: AlignmentLink[] = [];
    for (const [en, zh] of sizes) {
      if (en + zh === 0) continue;
      result.push({ en: range(next.en, en), zh: range(next.zh, zh), confidence: 0.5 });
      next.en += en;
      next.zh += zh;
    }
    return { links: result, en: next.en, zh: next.zh };
  });

const editArb: fc.Arbitrary<AlignmentEdit> = fc.oneof(
  fc.record({ kind: fc.constant('merge' as const), link: fc.nat(13) }),
  fc.record({ kind: fc.constant('split' as const), link: fc.nat(13), en: fc.integer({ min: -1, max: 4 }), zh: fc.integer({ min: -1, max: 4 }) }),
  fc.record({ kind: fc.constant('relink' as const), link: fc.nat(13), side: fc.constantFrom('en' as const, 'zh' as const), delta: fc.integer({ min: -3, max: 3 }) }),
);

describe('alignment edit properties', () => {
  it('any sequence of edits keeps every sentence in exactly one link, in order', () => {
    fc.assert(
      fc.property(alignmentArb, fc.array(editArb, { maxLength: 20 }), (start, edits) => {
        let current = start.links;
        for (const edit of edits) {
          const result = applyAlignmentEdit(current, edit);
          if (result.ok) current = result.value;
          expect(checkAlignment(current, start.en, start.zh)).toEqual([]);
        }
      }),
    );
  });

  it('splitting then merging at the same place gives the original sentences back', () => {
    fc.assert(
      fc.property(alignmentArb, fc.nat(), fc.nat(), fc.nat(), (start, i, en, zh) => {
        fc.pre(start.links.length > 0);
        const index = i % start.links.length;
        const target = start.links[index]!;
        const split = splitLink(start.links, index, en % (target.en.length + 1), zh % (target.zh.length + 1));
        fc.pre(split.ok);
        const merged = value(mergeLinks(value(split), index));
        expect(merged.map((l) => [l.en, l.zh])).toEqual(start.links.map((l) => [l.en, l.zh]));
      }),
    );
  });

  it('moving a boundary and moving it back is the identity on sentences', () => {
    fc.assert(
      fc.property(alignmentArb, fc.nat(), fc.constantFrom('en' as const, 'zh' as const), fc.integer({ min: -3, max: 3 }), (start, i, side, delta) => {
        fc.pre(start.links.length > 0);
        const moved = relinkBoundary(start.links, i % start.links.length, side, delta);
        fc.pre(moved.ok);
        const back = value(relinkBoundary(value(moved), i % start.links.length, side, -delta));
        expect(back.map((l) => [l.en, l.zh])).toEqual(start.links.map((l) => [l.en, l.zh]));
      }),
    );
  });
});

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}
