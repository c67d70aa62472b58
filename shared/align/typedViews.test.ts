import { describe, expect, it } from 'vitest';
import { typedViews } from './typedViews.ts';

describe('typedViews', () => {
  it('gives zero-filled arrays of the asked lengths that do not overlap', () => {
    const [a, b, c] = typedViews(Int32Array, [3, 0, 2]);
    expect([a!.length, b!.length, c!.length]).toEqual([3, 0, 2]);
    a!.fill(-1);
    expect([...c!]).toEqual([0, 0]);
    c![1] = 7;
    expect([...a!]).toEqual([-1, -1, -1]);
    expect(a!.buffer).toBe(c!.buffer);
    const [x, y] = typedViews(Float64Array, [1, 1]);
    x![0] = 0.5;
    expect(y![0]).toBe(0);
  });
});
