import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CodePairSet } from './codePairSet.ts';

describe('CodePairSet', () => {
  it('holds exactly the adjacent code-unit pairs of its text', () => {
    const unit = fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 0x4e00, 0x4e01, 0xd800, 0xdc00, 0xffff));
    const text = fc.array(unit, { maxLength: 60 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(text, unit, unit, (text, first, second) => {
      const set = new CodePairSet(text);
      expect(set.has(first, second)).toBe(text.includes(String.fromCharCode(first, second)));
      for (let k = 0; k + 1 < text.length; k++) expect(set.has(text.charCodeAt(k), text.charCodeAt(k + 1))).toBe(true);
    }), { numRuns: 3000 });
  });
  it('answers for Han text, U+FFFF and NUL pairs', () => {
    const set = new CodePairSet('亚甲二氧基\uffff\uffff\0\0');
    expect([set.has(0x4e9a, 0x7532), set.has(0x7532, 0x4e9a), set.has(0xffff, 0xffff), set.has(0, 0), set.has(0, 1)]).toEqual([true, false, true, true, false]);
    expect(new CodePairSet('').has(0, 0)).toBe(false);
  });
});
