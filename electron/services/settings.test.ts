import { describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/contract/channels.ts';
import { SettingsService } from './settings.ts';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { values, getSetting: (key: string) => values.get(key) ?? null, setSetting: (key: string, value: string) => void values.set(key, value) };
}

describe('SettingsService', () => {
  it('defaults to English and no reviewer name', () => {
    expect(new SettingsService(memoryStorage()).get()).toEqual({ uiLanguage: 'en', reviewerName: '', maxFileMb: null });
  });

  it('saves the language and a trimmed reviewer name, and tells listeners', () => {
    const storage = memoryStorage();
    const settings = new SettingsService(storage);
    const seen: Settings[] = [];
    const stop = settings.onChange((s) => seen.push(s));
    expect(settings.set({ uiLanguage: 'zh-CN', reviewerName: '  王芳 ' })).toEqual({ uiLanguage: 'zh-CN', reviewerName: '王芳', maxFileMb: null });
    stop();
    settings.set({ reviewerName: 'Li' });
    expect(seen).toEqual([{ uiLanguage: 'zh-CN', reviewerName: '王芳', maxFileMb: null }]);
    expect(new SettingsService(storage).get()).toEqual({ uiLanguage: 'zh-CN', reviewerName: 'Li', maxFileMb: null });
  });

  it('falls back to the default for a stored value it does not understand', () => {
    expect(new SettingsService(memoryStorage({ uiLanguage: 'fr', recentPaths: '{not json' })).get().uiLanguage).toBe('en');
    expect(new SettingsService(memoryStorage({ recentPaths: '{not json' })).recent()).toEqual([]);
    expect(new SettingsService(memoryStorage({ recentPaths: '[1, "/a", null]' })).recent()).toEqual(['/a']);
  });

  it('refuses to store a language outside the contract', () => {
    expect(() => new SettingsService(memoryStorage()).set({ uiLanguage: 'fr' as never })).toThrow();
  });

  it('keeps at most ten recent paths, newest first', () => {
    const settings = new SettingsService(memoryStorage());
    for (let i = 0; i < 12; i += 1) settings.addRecent([`/p${i}`]);
    settings.addRecent(['/p5']);
    const recent = settings.recent();
    expect(recent).toHaveLength(10);
    expect(recent.slice(0, 3)).toEqual(['/p5', '/p11', '/p10']);
  });

  it('remembers a file size limit, clears it with null, and ignores a stored value out of range', () => {
    const storage = memoryStorage();
    const settings = new SettingsService(storage);
    expect(settings.set({ maxFileMb: 40 }).maxFileMb).toBe(40);
    expect(new SettingsService(storage).get().maxFileMb).toBe(40);
    expect(settings.set({ maxFileMb: null }).maxFileMb).toBeNull();
    expect(() => settings.set({ maxFileMb: 0 })).toThrow();
    expect(new SettingsService(memoryStorage({ maxFileMb: '-3' })).get().maxFileMb).toBeNull();
    expect(new SettingsService(memoryStorage({ maxFileMb: 'abc' })).get().maxFileMb).toBeNull();
  });
});
