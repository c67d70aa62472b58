import { describe, expect, it } from 'vitest';
import { joinedText } from './joinedText.ts';

describe('joinedText', () => {
  const sentences = [{ text: 'A.' }, { text: 'B.' }, { text: 'C.' }];
  it('joins the chosen sentences in the given order with the separator', () => {
    expect(joinedText(sentences, [2, 0], ' ')).toBe('C. A.');
    expect(joinedText(sentences, [0, 1, 2], '')).toBe('A.B.C.');
  });
  it('is empty for no sentences and counts a missing sentence as empty text', () => {
    expect(joinedText(sentences, [], ' ')).toBe('');
    expect(joinedText(sentences, [0, 7, 1], '|')).toBe('A.||B.');
  });
});
