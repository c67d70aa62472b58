import { describe, expect, it } from 'vitest';
import { clauseCoverage } from './omission.ts';
import { defaultLexicon } from '../lexicon/defaultLexicon.ts';

describe('clauseCoverage', () => {
  const lexicon = defaultLexicon();

  it('counts numbers (double), acronyms and dictionary words per clause, read in one pass over the sentence', () => {
    const english = 'Serum IL-6 rose by 12.5% in 40 patients, and the follow-up lasted 3.2 years; mortality was unchanged.';
    expect(clauseCoverage(english, '40例患者血清IL-6升高12.5%，随访3.2年。', lexicon)).toEqual([
      { start: 0, end: 41, known: 11, covered: 10 },
      { start: 41, end: 77, known: 4, covered: 3 },
      { start: 77, end: 101, known: 2, covered: 0 },
    ]);
  });

  it('counts an English word kept verbatim in the Chinese double, whatever its case', () => {
    const english = 'We used Cox regression with robust errors, whereas the COVID-19 cohort was small.';
    expect(clauseCoverage(english, '我们采用cox回归，而新冠队列较小。', lexicon)).toEqual([
      { start: 0, end: 23, known: 4, covered: 3 },
      { start: 23, end: 43, known: 2, covered: 0 },
      { start: 43, end: 81, known: 6, covered: 2 },
    ]);
  });

  it('keeps the empty clause after a trailing comma', () => {
    expect(clauseCoverage('Tumour size: 3 cm, 4 cm, ', '肿瘤大小：3 cm', lexicon)).toEqual([
      { start: 0, end: 13, known: 2, covered: 2 },
      { start: 13, end: 19, known: 2, covered: 2 },
      { start: 19, end: 25, known: 2, covered: 0 },
      { start: 25, end: 25, known: 0, covered: 0 },
    ]);
  });
});
