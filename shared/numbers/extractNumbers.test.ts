import { describe, expect, it } from 'vitest';
import { extractNumbers } from './extractNumbers.ts';
import { parseChineseInteger } from '../numbers/chineseNumerals.ts';
import { parseEnglishNumberWords } from './englishNumberWords.ts';

describe('parseChineseInteger', () => {
  it.each([
    ['二十四', 24], ['两', 2], ['十五', 15], ['一百零五', 105], ['三千五百', 3500], ['一万二千', 12000],
    ['二〇一九', 2019], ['三亿', 3e8], ['零', 0],
  ])('%s → %d', (text, value) => expect(parseChineseInteger(text)).toBe(value));
  it('rejects non-numerals', () => expect(parseChineseInteger('二甲')).toBeNull());
});

describe('parseEnglishNumberWords', () => {
  it.each([
    [['twenty', 'four'], 24], [['one', 'hundred', 'and', 'five'], 105], [['three', 'thousand'], 3000],
    [['two', 'million'], 2e6], [['nineteen'], 19],
  ])('%j → %d', (words, value) => expect(parseEnglishNumberWords(words)).toBe(value));
  it('rejects other words', () => expect(parseEnglishNumberWords(['two', 'groups'])).toBeNull());
  it('rejects Object.prototype names', () => expect(parseEnglishNumberWords(['constructor'])).toBeNull());
});

const values = (text: string, lang: 'en' | 'zh') => extractNumbers(text, lang).map((t) => [t.value, t.kind, t.unit, t.hard]);

describe('extractNumbers', () => {
  it.each([
    ['P < 0.05', 'en', [[0.05, 'p-value', null, true]]],
    ['P＜０.０５', 'zh', [[0.05, 'p-value', null, true]]],
    ['95% CI 1.2–3.4', 'en', [[1.2, 'ci', null, true], [3.4, 'ci', null, true]]],
    ['95%CI：1.2～3.4', 'zh', [[1.2, 'ci', null, true], [3.4, 'ci', null, true]]],
    ['百分之三十八点六', 'zh', [[38.6, 'percent', null, true]]],
    ['1.5万例', 'zh', [[15000, 'number', null, true]]],
    ['twenty-four hours', 'en', [[24, 'number', 'h', true]]],
    ['one of the groups', 'en', [[1, 'number', null, false]]],
    ['之一', 'zh', []],
    ['第一次', 'zh', []],
    ['一名患者', 'zh', [[1, 'number', null, false]]],
    ['三组', 'zh', [[3, 'number', null, true]]],
    ['三维', 'zh', [[3, 'number', null, false]]],
    ['10 mg/kg', 'en', [[10, 'number', 'mg/kg', true]]],
    ['10毫克/千克', 'zh', [[10, 'number', 'mg/kg', true]]],
    ['5 kg', 'en', [[5, 'number', 'kg', true]]],
    ['5公斤', 'zh', [[5, 'number', 'kg', true]]],
    ['CD4+ T cells and H1N1', 'en', []],
    ['II型糖尿病', 'zh', [[2, 'number', null, true]]],
    ['phase III trial', 'en', [[3, 'number', null, true]]],
    ['数十例', 'zh', [[10, 'number', null, false]]],
    ['steps: (1) first; (2) second', 'en', [[1, 'number', null, false], [2, 'number', null, false]]],
  ] as const)('%s (%s)', (text, lang, expected) => {
    expect(values(text, lang)).toEqual(expected);
  });

  it('reads no number from Object.prototype names', () => {
    const text = 'The constructor of the toString and valueOf hasOwnProperty models was __proto__ type constructor.';
    expect(extractNumbers(text, 'en')).toEqual([]);
    expect(extractNumbers('constructor one third', 'en').map((t) => t.value)).toEqual([1 / 3]);
  });

  it('keeps offsets into the original text', () => {
    const text = '共３１５０例';
    const [token] = extractNumbers(text, 'zh');
    expect(text.slice(token!.start, token!.end)).toBe('３１５０');
    expect(token!.value).toBe(3150);
  });
});

describe('extractNumbers reads across words and character kinds', () => {
  // The English readings look only at candidate words and their neighbours, and each sentence is
  // screened by the kinds of character it holds: these cases cross those shortcuts.
  it.each([
    ['One hundred and five patients were enrolled.', 'en', [[105, 'number', null, true]]],
    ['Half a million people, not a million twice.', 'en', [[500000, 'number', null, true], [1e6, 'number', null, true], [2, 'number', null, false]]],
    ['Two-thirds of patients', 'en', [[2 / 3, 'number', null, true]]],
    ['over two decades', 'en', [[20, 'number', null, true]]],
    ['a two-tailed test', 'en', [[2, 'number', null, false]]],
    ['In May 2019 we may act.', 'en', [[5, 'number', null, false], [2019, 'number', null, true]]],
    ['In the 1990s, 5-HT and COVID-19 affected 1,234 patients.', 'en', [[1234, 'number', null, true]]],
    ['phase III and type 2', 'en', [[3, 'number', null, true], [2, 'number', null, true]]],
    ['twenty four-fold', 'en', [[24, 'number', null, true]]],
    ['Ⅲ期临床试验', 'zh', [[3, 'number', null, true]]],
    ['P＜０．０５，占１２％', 'zh', [[0.05, 'p-value', null, true], [12, 'percent', null, true]]],
    ['随访3年半', 'zh', [[3.5, 'number', 'y', true]]],
    ['本研究纳入患者。', 'zh', []],
    ['数十例，其中二十四名', 'zh', [[10, 'number', null, false], [24, 'number', null, true]]],
  ] as const)('%s (%s)', (text, lang, expected) => {
    expect(values(text, lang)).toEqual(expected);
  });
});
