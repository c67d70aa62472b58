import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CodePairSet } from './codePairSet.ts';

describe('CodePairSet', () => {
  it('holds exactly the adjacent code-unit pairs of its text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary', minLength: 2, maxLength: 2 }), (text, probe) => {
      const set = new CodePairSet(text);
      expect(set.has(probe.charCodeAt(0), probe.charCodeAt(1))).toBe(text.includes(probe));
      for (let k = 0; k + 1 < text.length; k++) expect(set.has(text.charCodeAt(k), text.charCodeAt(k + 1))).toBe(true);
    }));
  });
  it('answers for Han text, U+FFFF and NUL pairs', () => {
    const set = new CodePairSet('亚甲二氧基\uffff\uffff\0\0');
    expect([set.has(0x4e9a, 0x7532), set.has(0x7532, 0x4e9a), set.has(0xffff, 0xffff), set.has(0, 0), set.has(0, 1)]).toEqual([true, false, true, true, false]);
    expect(new CodePairSet('').has(0, 0)).toBe(false);
  });
});
