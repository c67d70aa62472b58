import type { AlignmentLink } from '../align/types.ts';
import type { Sentence } from '../segment/types.ts';
import type { AlignedRecord } from './types.ts';

/**
 * Builds an aligned record from sentence lists for tests: abstracts are the sentences joined
 * (English by spaces, Chinese directly), offsets follow, and links default to 1-1.
 */
export function alignedRecordOf(en: string[], zh: string[], links?: AlignmentLink[]): AlignedRecord {
  const place = (texts: string[], joiner: string): Sentence[] => {
    let at = 0;
    return texts.map((text) => {
      const s: Sentence = { text, start: at, end: at + text.length, section: 'other', sectionIndex: 0 };
      at += text.length + joiner.length;
      return s;
    });
  };
  return {
    en: place(en, ' '),
    zh: place(zh, ''),
    enAbstract: en.join(' '),
    zhAbstract: zh.join(''),
    links: links ?? en.map((_, i) => ({ en: [i], zh: i < zh.length ? [i] : [], confidence: 1 })),
  };
}
