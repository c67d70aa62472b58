import { describe, expect, it } from 'vitest';
import { RecentMap } from './recentMap.ts';

describe('RecentMap', () => {
  it('drops the least recently used entry past its capacity, a read counting as a use', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe(1);
    expect(map.get('c')).toBe(3);
  });

  it('replaces a value without growing, and forgets everything on clear', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('a', 2);
    map.set('b', 3);
    expect(map.get('a')).toBe(2);
    map.clear();
    expect(map.get('a')).toBeUndefined();
  });

  it('peeks and tests without counting a use, and deletes', () => {
    const map = new RecentMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.peek('a')).toBe(1);
    expect(map.has('a')).toBe(true);
    map.set('c', 3);
    expect(map.has('a')).toBe(false);
    expect(map.peek('b')).toBe(2);
    map.delete('b');
    expect(map.has('b')).toBe(false);
    expect(map.peek('c')).toBe(3);
  });
});
