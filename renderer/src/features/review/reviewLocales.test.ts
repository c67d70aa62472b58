import { describe, expect, it } from 'vitest';
import descriptions from '../../i18n/locales/review.descriptions.json';
import en from '../../i18n/locales/review.en.json';
import zhCN from '../../i18n/locales/review.zh-CN.json';
import { REVIEW_SHORTCUTS } from './shortcuts.ts';
import { MQM_CATEGORIES } from '../../../../shared/annotations/model.ts';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

describe('the review namespace', () => {
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

  it('names every shortcut and every MQM category', () => {
    for (const shortcut of REVIEW_SHORTCUTS) expect(en).toHaveProperty([`help.action.${shortcut.action}`]);
    for (const category of MQM_CATEGORIES) expect(en).toHaveProperty([`category.${category}`]);
  });
});
