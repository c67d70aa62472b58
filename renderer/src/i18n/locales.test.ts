import { describe, expect, it } from 'vitest';
import descriptions from './locales/descriptions.json';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { itKeepsLocalesInStep } from '../testing/localeParity.ts';

describe('locales', () => {
  // Language names and acronyms stay as they are: the Chinese is checked by the test below.
  itKeepsLocalesInStep(en, zhCN, descriptions, { requireHan: false });

  it('the Chinese UI strings are Chinese (apart from language names and acronyms)', () => {
    const keptAsIs = new Set(['language.en', 'meta.doi']);
    const untranslated = Object.entries(zhCN).filter(([key, text]) => !keptAsIs.has(key) && !/\p{Script=Han}/u.test(text));
    expect(untranslated).toEqual([]);
  });
});
