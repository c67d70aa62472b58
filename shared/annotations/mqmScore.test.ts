import { describe, expect, it } from 'vitest';
import { countSourceWords, mqmScore } from './mqmScore.ts';
import type { Severity } from './model.ts';

const a = (severity: Severity, category = 'Accuracy/Mistranslation', deleted = false) => ({ severity, category, deleted });

describe('mqmScore', () => {
  it('weights minor 1, major 5, critical 25 and shows the formula', () => {
    const score = mqmScore([a('minor'), a('minor'), a('major'), a('critical')]);
    expect(score.penalty).toBe(32);
    expect(score.counts).toEqual({ minor: 2, major: 1, critical: 1, nonTranslation: 0 });
    expect(score.formula).toBe('1×2 minor + 5×1 major + 25×1 critical = 32');
    expect(score.perWord).toBeNull();
  });

  it('scores a clean record 0', () => {
    expect(mqmScore([]).formula).toBe('1×0 minor + 5×0 major + 25×0 critical = 0');
  });

  it('leaves out deleted annotations', () => {
    expect(mqmScore([a('major'), a('critical', 'Other', true)]).penalty).toBe(5);
  });

  it('counts Non-translation 25 whatever the severity', () => {
    const score = mqmScore([a('minor', 'Non-translation'), a('major', 'Non-translation!')]);
    expect(score.penalty).toBe(50);
    expect(score.formula).toContain('25×2 non-translation');
  });

  it('weights minor punctuation 0.1 when asked (WMT convention)', () => {
    const list = [a('minor', 'Fluency/Punctuation'), a('minor', 'Fluency/Punctuation'), a('minor', 'Fluency/Punctuation'), a('major', 'Fluency/Punctuation')];
    expect(mqmScore(list).penalty).toBe(8);
    const wmt = mqmScore(list, { minorPunctuationWeight: 0.1 });
    expect(wmt.penalty).toBe(5.3);
    expect(wmt.formula).toContain('0.1×3 minor punctuation');
  });

  it('normalises per source word', () => {
    const score = mqmScore([a('major'), a('minor')], { sourceWords: 120 });
    expect(score.perWord).toBeCloseTo(0.05, 10);
    expect(score.formula).toBe('1×1 minor + 5×1 major + 25×0 critical = 6; per source word: 6 / 120 = 0.05');
  });
});

describe('countSourceWords', () => {
  it.each([
    ['MDMA-assisted therapy reduced PTSD symptoms (p < 0.05).', 7],
    ["Veterans' outcomes didn't change.", 4],
    ['', 0],
    ['3,4-methylenedioxymethamphetamine', 2],
  ])('%s → %d', (text, words) => {
    expect(countSourceWords(text)).toBe(words);
  });
});
