import { describe, expect, it } from 'vitest';
import { findUntranslated } from './untranslated.ts';
import { findPunctuationIssues } from './punctuation.ts';

const pair = (en: string, zh: string) => ({ en: [{ index: 0, text: en }], zh: [{ index: 0, text: zh }] });

describe('findUntranslated', () => {
  it.each([
    ['MDMA is a non-classical psychedelic.', 'MDMA 是一种非典型迷幻剂。'],
    ['Levels of IL-6 and mRNA of TNF rose.', 'IL-6水平和TNF的mRNA升高。'],
    ['The Heart-Healthy Lenoir Project reduces risk.', 'Heart-Healthy Lenoir 项目降低风险。'],
    ['Escherichia coli was isolated in vitro.', '体外分离出Escherichia coli。'],
    ['Data were analysed with SPSS and Stata.', '数据采用SPSS和Stata分析。'],
    ['The dose was 5 mg per day (n = 12).', '剂量为每日5 mg（n = 12）。'],
    ['CO2 levels were measured.', '测定CO2水平。'],
    ['RUNX2 and β-actin protein levels were examined.', '检测RUNX2及内参β-actin蛋白水平。'],
    ['The mutants of T. reesei were screened.', '筛选获得了突变株T. reesei M1 和M2。'],
    ['c-di-GMP is a second messenger.', '环二鸟苷酸 (Bis-(3′-5′) cyclic diguanylic acid, c-di-GMP) 是第二信使。'],
  ])('quiet: %s', (en, zh) => expect(findUntranslated(pair(en, zh))).toEqual([]));

  it('flags a drug name left in English', () => {
    const [f] = findUntranslated(pair('To compare SXXBC and indirubin.', '比较生血小板胶囊（SXXBC）和 indirubin 的效果。'));
    expect(f!.kind).toBe('untranslated');
    expect(f!.severity).toBe('minor'); // one word: as often a term kept on purpose
    expect(f!.evidence.map((e) => [e.side, e.text])).toEqual([['zh', 'indirubin'], ['en', 'indirubin']]);
  });

  it('flags a phrase as one finding', () => {
    const findings = findUntranslated(pair('Patients with chronic kidney disease were enrolled.', '纳入chronic kidney disease患者。'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('major');
    expect(findings[0]!.evidence[0]?.text).toBe('chronic kidney disease');
  });
});

describe('findPunctuationIssues', () => {
  it('flags half-width comma and colon between Chinese characters', () => {
    const findings = findPunctuationIssues(pair('Background: x, y.', '背景:由于发生率较高,神经康复更复杂'));
    expect(findings).toHaveLength(1);
    expect(findings[0]!.severity).toBe('minor');
    expect(findings[0]!.evidence.map((e) => e.text)).toEqual([':', ',']);
  });
  it.each([
    ['共1,000例，比例为1:2。'],
    ['血压 (BP) 降低。'],
    ['采用“Get Up, Go”测试。'],
    ['结果：有效（见表1）。'],
  ])('quiet: %s', (zh) => expect(findPunctuationIssues(pair('x', zh))).toEqual([]));
  it('flags a bracket around Chinese text and unbalanced brackets', () => {
    expect(findPunctuationIssues(pair('x', '有效(见表1)。')).map((f) => f.evidence.length)).toEqual([2]);
    expect(findPunctuationIssues(pair('x', '有效（见表1。'))[0]!.message.en).toContain('Unbalanced');
  });
});

describe('findUntranslated and bracketed glosses', () => {
  it('keeps an English gloss in brackets quiet', () => {
    expect(findUntranslated(pair('EGFR status is known.', '表皮生长因子受体（epidermal growth factor receptor, EGFR）状态明确。'))).toEqual([]);
  });
});
