import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { AlignmentLink } from '../align/types.ts';
import type { AlignmentCorrection } from '../contract/annotations.ts';
import { applyAlignmentEdit, checkAlignment, type AlignmentEdit } from './alignmentEdits.ts';
import { linkChanges, replayCorrections, type LinkChanges } from './correctedLinks.ts';

// The example record's Results section: two English sentences the MT ran into one Chinese one,
// which the aligner split into two pieces, then a 1-1.
const automatic: AlignmentLink[] = [
  { en: [0], zh: [0], confidence: 0.92 },
  { en: [1], zh: [1], confidence: 0.55 },
  { en: [2], zh: [2], confidence: 0.55 },
  { en: [3], zh: [3], confidence: 0.81 },
];

const asLog = (changes: LinkChanges[]): Pick<AlignmentCorrection, 'action' | 'enSentences' | 'zhSentences'>[] =>
  changes.flatMap((c) => [
    ...c.unlink.map((l) => ({ action: 'unlink' as const, enSentences: l.en, zhSentences: l.zh })),
    ...c.link.map((l) => ({ action: 'link' as const, enSentences: l.en, zhSentences: l.zh })),
  ]);

const edited = (links: readonly AlignmentLink[], edit: AlignmentEdit): AlignmentLink[] => {
  const result = applyAlignmentEdit(links, edit);
  if (!result.ok) throw new Error(result.error);
  return result.value;
};

describe('linkChanges', () => {
  it('a merge unlinks the two links and links their union', () => {
    const after = edited(automatic, { kind: 'merge', link: 1 });
    expect(linkChanges(automatic, after)).toEqual({
      unlink: [{ en: [1], zh: [1] }, { en: [2], zh: [2] }],
      link: [{ en: [1, 2], zh: [1, 2] }],
    });
  });

  it('ignores a confidence change on the same sentences', () => {
    expect(linkChanges(automatic, automatic.map((l) => ({ ...l, confidence: 1 })))).toEqual({ unlink: [], link: [] });
  });
});

describe('replayCorrections', () => {
  it('gives the automatic links back, uncorrected, for an empty log', () => {
    expect(replayCorrections(automatic, [], 4, 4)).toEqual({ ok: true, links: automatic, corrected: false });
  });

  it('replays a merge as a manual link in reading order', () => {
    const after = edited(automatic, { kind: 'merge', link: 1 });
    const replayed = replayCorrections(automatic, asLog([linkChanges(automatic, after)]), 4, 4);
    expect(replayed).toEqual({ ok: true, links: after, corrected: true });
  });

  it('an edit and its undo give the automatic alignment with its own confidences', () => {
    const after = edited(automatic, { kind: 'relink', link: 0, side: 'zh', delta: 1 });
    const replayed = replayCorrections(automatic, asLog([linkChanges(automatic, after), linkChanges(after, automatic)]), 4, 4);
    expect(replayed).toEqual({ ok: true, links: automatic, corrected: false });
  });

  it('refuses a log that no longer fits and keeps the automatic links', () => {
    const log = [{ action: 'link' as const, enSentences: [7], zhSentences: [7] }];
    const replayed = replayCorrections(automatic, log, 4, 4);
    expect(replayed.ok).toBe(false);
    expect(replayed.links).toEqual(automatic);
  });

  it('any sequence of valid edits and undos replays to the same alignment', () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('merge' as const), link: fc.nat(5) }),
      fc.record({ kind: fc.constant('split' as const), link: fc.nat(5), en: fc.nat(2), zh: fc.nat(2) }),
      fc.record({ kind: fc.constant('relink' as const), link: fc.nat(5), side: fc.constantFrom('en' as const, 'zh' as const), delta: fc.constantFrom(-1, 1) }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        let links: AlignmentLink[] = automatic;
        const changes: LinkChanges[] = [];
        for (const e of edits) {
          const next = applyAlignmentEdit(links, e);
          if (!next.ok) continue;
          changes.push(linkChanges(links, next.value));
          links = next.value;
        }
        const replayed = replayCorrections(automatic, asLog(changes), 4, 4);
        expect(replayed.ok).toBe(true);
        // The same links (adjacent English-only and Chinese-only links may come in either order).
        const keys = (ls: readonly AlignmentLink[]) => ls.map((l) => `${l.en.join(',')}|${l.zh.join(',')}`).sort();
        expect(keys(replayed.links)).toEqual(keys(links));
        expect(checkAlignment(replayed.links, 4, 4)).toEqual([]);
      }),
    );
  });
});
