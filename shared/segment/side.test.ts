import { describe, expect, it } from 'vitest';
import { segmentSide } from './side.ts';
import type { Side } from '../records/model.ts';

describe('segmentSide', () => {
  it('segments section by section with offsets into the abstract', () => {
    const abstract = 'Background: MDMA is a drug. It is studied.\n\nMethods: We reviewed the literature.';
    const side: Side = {
      title: '',
      abstract,
      sections: [
        { kind: 'background', label: 'Background', text: 'MDMA is a drug. It is studied.', start: 12 },
        { kind: 'methods', label: 'Methods', text: 'We reviewed the literature.', start: abstract.indexOf('We') },
      ],
    };
    const sentences = segmentSide(side, 'en');
    expect(sentences.map((s) => [s.text, s.section, s.sectionIndex])).toEqual([
      ['MDMA is a drug.', 'background', 0],
      ['It is studied.', 'background', 0],
      ['We reviewed the literature.', 'methods', 1],
    ]);
    for (const s of sentences) expect(abstract.slice(s.start, s.end)).toBe(s.text);
  });

  it('segments the whole abstract when there are no sections', () => {
    const side: Side = { title: '', abstract: '患者好转。对照组没有。', sections: [] };
    expect(segmentSide(side, 'zh').map((s) => [s.text, s.start, s.section])).toEqual([
      ['患者好转。', 0, 'other'],
      ['对照组没有。', 5, 'other'],
    ]);
  });
});
