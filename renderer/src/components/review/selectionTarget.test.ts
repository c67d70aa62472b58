// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { selectionOffsetsIn } from './selectionTarget.ts';

describe('selectionOffsetsIn', () => {
  it('counts characters across the marks that split a sentence into nodes', () => {
    document.body.innerHTML = '<span id="s">在神经康复过程中,可以利用<mark>摇头丸</mark>独特的亲社会特性</span>';
    const sentence = document.getElementById('s')!;
    const mark = sentence.querySelector('mark')!;
    const range = document.createRange();
    range.setStart(mark.firstChild!, 1);
    range.setEnd(sentence.lastChild!, 2);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    const offsets = selectionOffsetsIn(sentence);
    expect(offsets).toEqual({ start: 14, end: 18 });
    expect(sentence.textContent!.slice(offsets!.start, offsets!.end)).toBe('头丸独特');
  });

  it('is null for a collapsed selection or one outside the sentence', () => {
    document.body.innerHTML = '<span id="s">MDMA-assisted therapy</span><span id="t">other</span>';
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('t')!);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(selectionOffsetsIn(document.getElementById('s')!)).toBeNull();
    document.getSelection()!.collapse(document.getElementById('s')!.firstChild!, 3);
    expect(selectionOffsetsIn(document.getElementById('s')!)).toBeNull();
  });
});
