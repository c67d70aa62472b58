import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EN_TOKEN_RE, asciiAlphanumericCount, chineseFeatures, englishFeatures, englishLength, hanAndLatinCounts, hanCount } from './textFeatures.ts';
import { isEnglishStopword, stemEnglish } from '../lexicon/englishWords.ts';

const viaRegex = (text: string) => [...text.matchAll(EN_TOKEN_RE)].map((m) => m[0]);
/** Strings dense in the characters the tokenizer decides on. */
const tokenish = fc.string({ unit: fc.constantFrom(...'aZ09.,\'’ -é中'.split('')), maxLength: 40 });

describe('englishFeatures', () => {
  it('reads the tokens EN_TOKEN_RE matches', () => {
    fc.assert(fc.property(fc.oneof(tokenish, fc.string()), (text) => {
      const expected = viaRegex(text).map((raw) => englishFeatures(raw).tokens).flat();
      expect(englishFeatures(text).tokens).toEqual(expected);
    }), { numRuns: 2000 });
  });
  it('keeps numbers, acronyms and possessives whole', () => {
    expect(englishFeatures("8,400 patients' MDMA-assisted BRCA1 .05 2.5.3 d'Alembert").tokens.map((t) => t.form))
      .toEqual(['8400', 'patients', 'mdma', 'assisted', 'brca1', '0.05', '2.5.3', "d'alembert"]);
  });
  it('gives every word its own token while many words compete for the table of recent words', () => {
    // Every word of 2 to 15 letters over {a, B}, read twice: far more words than the table has
    // slots, so slots are shared and replaced, and the second reading finds some words still there.
    const words: string[] = [];
    for (let length = 2; length <= 15; length++) {
      for (let bits = 0; bits < 1 << length; bits++) {
        let word = '';
        for (let k = 0; k < length; k++) word += (bits >> k) & 1 ? 'B' : 'a';
        words.push(word);
      }
    }
    words.push('aBaBaBaBaBaBaBaBaB', 'patient’s', 'patient\'s', 'BRCA1');
    for (let pass = 0; pass < 2; pass++) {
      for (const word of words) {
        const lower = word.toLowerCase().replace(/’/g, "'").replace(/'s$/, '');
        const anchor = (/^[A-Z0-9]{2,}$/.test(word) && /[A-Z]/.test(word)) || /\d/.test(word);
        const expected = isEnglishStopword(lower) ? [] : [{ form: lower, stem: anchor ? lower : stemEnglish(lower), anchor }];
        const tokens = englishFeatures(`${word} `).tokens.map(({ form, stem, anchor }) => ({ form, stem, anchor }));
        if (JSON.stringify(tokens) !== JSON.stringify(expected)) expect({ word, tokens }).toEqual({ word, tokens: expected });
      }
    }
  });
  it('measures the length englishLength measures', () => {
    const spaced = fc.string({ unit: fc.constantFrom(...'a0., \t\u00a0\u2003\ufeff\u3000中'.split('')), maxLength: 40 });
    fc.assert(fc.property(fc.oneof(tokenish, spaced, fc.string({ unit: 'binary' })), (text) => {
      expect(englishFeatures(text).length).toBe(englishLength(text));
    }), { numRuns: 2000 });
  });
});

describe('character counts', () => {
  it('count Han characters and ASCII alphanumerics as the regexes do', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(hanCount(text)).toBe(text.match(/\p{Script=Han}/gu)?.length ?? 0);
      expect(asciiAlphanumericCount(text)).toBe(text.match(/[A-Za-z0-9]/g)?.length ?? 0);
      expect(hanAndLatinCounts(text)).toEqual({ han: hanCount(text), latin: asciiAlphanumericCount(text) });
    }), { numRuns: 2000 });
    expect(hanCount('𠀀中a\ud840')).toBe(2);
    expect(hanAndLatinCounts('𠀀中a9\ud840Z')).toEqual({ han: 2, latin: 3 });
  });
});

describe('chineseFeatures', () => {
  it('finds anchors only where Latin letters or digits are', () => {
    expect(chineseFeatures('患者的血压').anchors).toEqual([]);
    expect(chineseFeatures('MDMA治疗8,400例，P<.05').anchors).toEqual(['mdma', '8400', 'p', '0.05']);
  });
});
