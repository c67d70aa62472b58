import { describe, expect, it } from 'vitest';
import descriptions from './locales/descriptions.json';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('locales', () => {
  it('en, zh-CN and the translator descriptions have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(descriptions).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: non-empty, same placeholders in both languages, described', (key) => {
    const english = en[key as keyof typeof en];
    const chinese = zhCN[key as keyof typeof zhCN];
    expect(english.trim()).not.toBe('');
    expect(chinese.trim()).not.toBe('');
    expect(placeholders(chinese)).toEqual(placeholders(english));
    expect(descriptions[key as keyof typeof descriptions].length).toBeGreaterThan(20);
  });

  it('the Chinese UI strings are Chinese (apart from language names and acronyms)', () => {
    const keptAsIs = new Set(['language.en', 'meta.doi']);
    const untranslated = Object.entries(zhCN).filter(([key, text]) => !keptAsIs.has(key) && !/\p{Script=Han}/u.test(text));
    expect(untranslated).toEqual([]);
  });
});
