import { describe, expect, it } from 'vitest';
import { takeBrowserToken } from './browserToken.ts';

function sources(search: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    sources: {
      location: { search, pathname: '/', hash: '#r1' },
      history: { state: null, replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => void replaced.push(String(url)) },
      storage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
    },
  };
}

describe('takeBrowserToken', () => {
  it('takes the token from the address, stores it and removes it from the address bar', () => {
    const s = sources('?token=abc123&view=list');
    expect(takeBrowserToken(s.sources)).toBe('abc123');
    expect(s.replaced).toEqual(['/?view=list#r1']);
    expect([...s.storage.values()]).toEqual(['abc123']);
  });

  it('leaves a clean address when the token was the only parameter', () => {
    const s = sources('?token=abc123');
    takeBrowserToken(s.sources);
    expect(s.replaced).toEqual(['/#r1']);
  });

  it('falls back to the stored token after a reload, without touching the address', () => {
    const first = sources('?token=abc123');
    takeBrowserToken(first.sources);
    const reload = sources('', Object.fromEntries(first.storage));
    expect(takeBrowserToken(reload.sources)).toBe('abc123');
    expect(reload.replaced).toEqual([]);
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeBrowserToken(sources('').sources)).toBeNull();
  });
});
