import { expect, it } from 'vitest';

type Strings = Readonly<Record<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

/**
 * The checks every i18n namespace passes, as tests in the calling `describe`: English, Chinese and
 * the translators' descriptions have the same keys; each string is non-empty in both languages,
 * with the same `{{placeholders}}`, and is described; and, unless `requireHan` is false (a
 * namespace with strings kept as they are, checked by its own test), each Chinese string holds Han.
 */
export function itKeepsLocalesInStep(en: Strings, zhCN: Strings, descriptions: Strings, options: { requireHan?: boolean } = {}): void {
  const requireHan = options.requireHan ?? true;
  it('en, zh-CN and the translator descriptions have exactly the same keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(descriptions).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))(`%s: non-empty, same placeholders, described${requireHan ? ', Chinese in zh-CN' : ''}`, (key) => {
    const english = en[key]!;
    const chinese = zhCN[key] ?? '';
    expect(english.trim()).not.toBe('');
    expect(chinese.trim()).not.toBe('');
    expect(placeholders(chinese)).toEqual(placeholders(english));
    expect(descriptions[key]?.length ?? 0).toBeGreaterThan(20);
    if (requireHan) expect(chinese).toMatch(/\p{Script=Han}/u);
  });
}
