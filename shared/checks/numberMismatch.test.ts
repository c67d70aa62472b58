import { describe, expect, it } from 'vitest';
import { findNumberMismatches } from './numberMismatch.ts';

const pair = (en: string, zh: string) => ({ en: [{ index: 0, text: en }], zh: [{ index: 0, text: zh }] });

describe('findNumberMismatches stays quiet on correct translations', () => {
  it.each([
    ['Twenty-four patients were enrolled.', '共纳入二十四名患者。'],
    ['Patients were divided into two groups.', '患者被分为两组。'],
    ['The response rate was 45%.', '有效率为百分之四十五。'],
    ['A total of 3,150 participants were included.', '共纳入3150名受试者。'],
    ['The dose was 0.5 mg/kg.', '剂量为0.5毫克/千克。'],
    ['It is one of the leading causes of death.', '它是主要死因之一。'],
    ['This is the first report of this syndrome.', '这是该综合征的首次报道。'],
    ['The study was conducted in 2019.', '本研究于2019年进行。'],
    ['The risk was higher (OR 2.1, 95% CI 1.2–3.4).', '风险更高（OR 2.1，95%CI：1.2～3.4）。'],
    ['The difference was significant (P < 0.05).', '差异有统计学意义（P＜0.05）。'],
    ['The difference was significant (P<.05).', '差异有统计学意义（P<0.05）。'],
    ['One third of the patients relapsed.', '三分之一的患者复发。'],
    ['The rate was 38.6%.', '发生率为百分之三十八点六。'],
    ['Levels of IL-6 and TNF-α rose in COVID-19.', 'COVID-19患者IL-6和TNF-α水平升高。'],
    ['Type 2 diabetes affects 1.5 million people.', '2型糖尿病影响150万人。'],
    ['Metformin reduced duodenal injury.', '二甲双胍减轻了十二指肠损伤。'],
    ['Both groups improved after 12 weeks.', '两组在12周后均有改善。'],
    ['A 65-year-old man was admitted in January 2019.', '2019年1月，一名65岁男性入院。'],
    ['Previous studies have shown this [12].', '既往研究已证实这一点。'],
    ['Serum 5-HT was measured.', '检测血清5-羟色胺。'],
    ['Within two decades these countries changed.', '在过去的二十年这些国家发生了变化。'],
    ['Approximately half a million people develop it annually.', '每年大约有五十万人患病。'],
    ['A case of portopulmonary hypertension was analyzed.', '回顾性分析1例门脉性肺动脉高压患者。'],
    ['The average REE was 985 ± 167 kcal/day.', '平均REE 是985±167 千卡/天。'],
    ['In the 1990s the community started working.', '在20 世纪90 年代全球营养界开始研究。'],
    ['Th17 is induced by TGF-β and (IL)-6.', 'Th17细胞由转化生长因子（TGF）β和白细胞介素（IL）-6共同诱导。'],
  ])('%s ↔ %s', (en, zh) => {
    expect(findNumberMismatches(pair(en, zh))).toEqual([]);
  });
});

describe('findNumberMismatches reports changed quantities', () => {
  it.each([
    ['Twenty-four patients were enrolled.', '共纳入二十五名患者。', 'major', 'Twenty-four', '二十五'],
    ['Patients were divided into two groups.', '患者被分为三组。', 'major', 'two', '三'],
    ['The response rate was 45%.', '有效率为54%。', 'critical', '45', '54'],
    ['The dose was 0.5 mg/kg.', '剂量为5毫克/千克。', 'critical', '0.5', '5'],
    ['The difference was significant (P < 0.05).', '差异有统计学意义（P＜0.01）。', 'critical', '0.05', '0.01'],
    ['A total of 3,150 participants were included.', '共纳入3510名受试者。', 'major', '3,150', '3510'],
  ])('%s ↔ %s', (en, zh, severity, enToken, zhToken) => {
    const [finding] = findNumberMismatches(pair(en, zh));
    expect(finding!.kind).toBe('number-mismatch');
    expect(finding!.severity).toBe(severity);
    expect(finding!.evidence.find((e) => e.side === 'en')?.text).toBe(enToken);
    expect(finding!.evidence.find((e) => e.side === 'zh')?.text).toBe(zhToken);
  });

  it('reports a number dropped from the Chinese', () => {
    const findings = findNumberMismatches(pair('Mortality was 12% at 30 days.', '30天死亡率较高。'));
    expect(findings).toHaveLength(1);
    // One-sided: a loss or a translator's liberty, so major (clinical) rather than critical.
    expect(findings[0]!.severity).toBe('major');
    expect(findings[0]!.evidence.map((e) => e.text)).toEqual(['12']);
  });

  it('keeps a non-clinical number present on one side only minor', () => {
    const findings = findNumberMismatches(pair('It comprises four phases.', '它包括起始、延伸和终止。'));
    expect(findings.map((f) => f.severity)).toEqual(['minor']);
  });

  it('reports a changed unit with the same value', () => {
    const findings = findNumberMismatches(pair('Each patient received 5 mg daily.', '每名患者每日接受5克。'));
    expect(findings.map((f) => f.severity)).toEqual(['critical']);
    expect(findings[0]!.message.en).toContain('Unit');
  });

  it('ignores pairs with an empty side', () => {
    expect(findNumberMismatches({ en: [{ index: 0, text: '5 patients' }], zh: [] })).toEqual([]);
  });
});
