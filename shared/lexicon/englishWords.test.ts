import { describe, expect, it } from 'vitest';
import { isEnglishStopword, stemEnglish } from './englishWords.ts';

describe('stemEnglish', () => {
  it.each([
    ['patients', 'patient'],
    ['treated', 'treat'],
    ['studies', 'study'],
    ['children', 'child'],
    ['analyses', 'analysis'],
    ['increased', 'increas'],
    ['increase', 'increas'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });

  // Record text is arbitrary: words that name Object.prototype members must stem as words.
  it.each(['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf'])('stems %s to a string', (word) => {
    const stem = stemEnglish(word);
    expect(typeof stem).toBe('string');
    expect(stem.length).toBeGreaterThan(0);
  });
});

describe('isEnglishStopword', () => {
  it('knows function words and not content words', () => {
    expect(isEnglishStopword('the')).toBe(true);
    expect(isEnglishStopword('therapy')).toBe(false);
  });
});
