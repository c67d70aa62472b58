import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TextIndex } from './textIndex.ts';

/** Every place of `word` in `text`, overlapping ones included, as the `indexOf` loop finds them. */
function placesByIndexOf(text: string, word: string): number[] {
  const places: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) places.push(at);
  return places;
}

function placesByIndex(index: TextIndex, word: string): number[] {
  const places: number[] = [];
  for (let at = index.first(word); at >= 0; at = index.after(word, at)) places.push(at);
  return places;
}

describe('TextIndex', () => {
  it('finds exactly the places indexOf finds, for words drawn from a small alphabet', () => {
    // A small alphabet makes repeats, overlaps (a word inside "aaaa") and near misses common.
    const unit = fc.constantFrom('a', 'b', '患', '者', '\n', '\ud800', '\udc00', '\uffff', '\0');
    const text = fc.array(unit, { maxLength: 80 }).map((units) => units.join(''));
    const word = fc.array(unit, { minLength: 1, maxLength: 4 }).map((units) => units.join(''));
    fc.assert(fc.property(text, word, (text, word) => {
      expect(placesByIndex(new TextIndex(text), word)).toEqual(placesByIndexOf(text, word));
    }), { numRuns: 3000 });
  });
  it('answers for Han text, absent first units, words running past the end, and the empty text', () => {
    const index = new TextIndex('患者的患者患');
    expect(placesByIndex(index, '患者')).toEqual([0, 3]);
    expect(placesByIndex(index, '患')).toEqual([0, 3, 5]);
    expect(placesByIndex(index, '者患')).toEqual([4]);
    expect(placesByIndex(index, '患者患者')).toEqual([]);
    expect(index.first('医')).toBe(-1);
    expect(new TextIndex('').first('a')).toBe(-1);
  });
  it('keeps many distinct code units apart (a text longer than its first table)', () => {
    const text = Array.from({ length: 3000 }, (_, k) => String.fromCharCode(0x4e00 + ((k * 7919) % 2000))).join('');
    const index = new TextIndex(text);
    for (const word of [text.slice(10, 12), text.slice(2990), text[1500]!, '\u4e00\u4e00']) {
      expect(placesByIndex(index, word)).toEqual(placesByIndexOf(text, word));
    }
  });
});
