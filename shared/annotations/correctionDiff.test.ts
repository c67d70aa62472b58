import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { correctionDiff } from './correctionDiff.ts';

describe('correctionDiff', () => {
  it.each([
    // [machine, corrected, edits, referenceLength]
    ['相同的句子。', '相同的句子。', 0, 6],
    // one substitution: 的 → 地
    ['他认真的工作。', '他认真地工作。', 1, 7],
    // pure insertion of 3,4-亚甲二氧基 prefix
    ['甲基苯丙胺', '3,4-亚甲二氧基甲基苯丙胺', 9, 14],
    // pure deletion
    ['这是一个很好的结果。', '这是好结果。', 4, 6],
    // substitution block longer on one side: 摇头丸 (3) → MDMA (4): max(3,4)
    ['使用摇头丸辅助治疗', '使用MDMA辅助治疗', 4, 10],
  ])('%s → %s: %d edits over %d', (machine, corrected, edits, referenceLength) => {
    const result = correctionDiff(machine, corrected);
    expect(result.edits).toBe(edits);
    expect(result.referenceLength).toBe(referenceLength);
    expect(result.editRate).toBeCloseTo(edits / referenceLength, 10);
  });

  it('returns parts that rebuild both texts', () => {
    const { parts } = correctionDiff('患者接受了三次治疗。', '患者接受了3次MDMA辅助治疗。');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.value).join('')).toBe('患者接受了三次治疗。');
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.value).join('')).toBe('患者接受了3次MDMA辅助治疗。');
    expect(parts.some((p) => p.kind === 'added')).toBe(true);
    expect(parts.some((p) => p.kind === 'removed')).toBe(true);
  });

  it('counts a character outside the BMP once', () => {
    const result = correctionDiff('a', '𠀀');
    expect(result.edits).toBe(1);
    expect(result.referenceLength).toBe(1);
  });

  it('does not divide by zero when everything was deleted', () => {
    const result = correctionDiff('全部删除', '');
    expect(result.edits).toBe(4);
    expect(result.editRate).toBe(4);
    expect(correctionDiff('', '').editRate).toBe(0);
  });

  it('edits lie between the length difference and the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const { edits, parts } = correctionDiff(a, b);
        const la = [...a].length;
        const lb = [...b].length;
        expect(edits).toBeGreaterThanOrEqual(Math.abs(la - lb));
        expect(edits).toBeLessThanOrEqual(la + lb);
        expect(edits === 0).toBe(a === b);
        expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.value).join('')).toBe(b);
      }),
    );
  });
});
