import { describe, expect, it } from 'vitest';
import { LOAD_ERROR_CODES, LOAD_ERROR_MESSAGES } from '../../../shared/records/loadErrorCodes.ts';
import descriptions from './locales/loadErrors.descriptions.json';
import zhCN from './locales/loadErrors.zh-CN.json';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

// The English side of the namespace is the catalog in shared/records (the parsers' own wording).
describe('the loadErrors namespace', () => {
  it('every load error code has a Chinese text and a translator description, and nothing else does', () => {
    expect(Object.keys(zhCN).sort()).toEqual([...LOAD_ERROR_CODES].sort());
    expect(Object.keys(descriptions).sort()).toEqual([...LOAD_ERROR_CODES].sort());
  });

  it.each(LOAD_ERROR_CODES)('%s: same placeholders in both languages, described, Chinese in zh-CN', (code) => {
    const english = LOAD_ERROR_MESSAGES[code];
    const chinese = zhCN[code as keyof typeof zhCN];
    expect(english.trim()).not.toBe('');
    expect(placeholders(chinese)).toEqual(placeholders(english));
    expect(descriptions[code as keyof typeof descriptions].length).toBeGreaterThan(20);
    expect(chinese).toMatch(/\p{Script=Han}/u);
  });
});
