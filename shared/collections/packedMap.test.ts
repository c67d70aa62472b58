import { describe, expect, it } from 'vitest';
import { packedMap } from './packedMap.ts';

describe('packedMap', () => {
  it('maps each item with its index, in order, like Array.prototype.map', () => {
    expect(packedMap(['a', 'b', 'c'], (s, i) => `${s}${i}`)).toEqual(['a0', 'b1', 'c2']);
    expect(packedMap([], (x: number) => x + 1)).toEqual([]);
  });
});
