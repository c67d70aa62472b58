import { describe, expect, it } from 'vitest';
import descriptions from '../../i18n/locales/glossary.descriptions.json';
import en from '../../i18n/locales/glossary.en.json';
import zhCN from '../../i18n/locales/glossary.zh-CN.json';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('the glossary namespace', () => {
  it('en, zh-CN and the translator descriptions have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(descriptions).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: non-empty, same placeholders, described, Chinese in zh-CN', (key) => {
    const english = en[key as keyof typeof en];
    const chinese = zhCN[key as keyof typeof zhCN];
    expect(english.trim()).not.toBe('');
    expect(placeholders(chinese)).toEqual(placeholders(english));
    expect(descriptions[key as keyof typeof descriptions].length).toBeGreaterThan(20);
    expect(chinese).toMatch(/\p{Script=Han}/u);
  });
});
