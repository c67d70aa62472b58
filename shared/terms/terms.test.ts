import { describe, expect, it } from 'vitest';
import { alignedRecordOf } from '../checks/testRecord.ts';
import { containsTerm, findTermCandidates } from './termCandidates.ts';
import { findCorpusTermInconsistencies, findTermInconsistencies } from './termInconsistency.ts';
import { findTermRenderings } from './termRenderings.ts';
import { findGlossaryViolations, formatGlossaryTsv, parseGlossaryTsv } from './glossary.ts';
import { defaultLexicon } from '../lexicon/defaultLexicon.ts';

const lexicon = defaultLexicon();

describe('findTermCandidates', () => {
  it('finds acronyms and multiword names, not statistics or labels', () => {
    const found = findTermCandidates('RESULTS The OR was 2.1 (95% CI 1.2-3.4) for PTSD and IL-6 in the Heart-Healthy Lenoir Project.');
    expect(found.map((t) => t.term)).toEqual(['PTSD', 'IL-6', 'Heart-Healthy Lenoir Project']);
  });
});

describe('findTermCandidates pre-test', () => {
  it('finds nothing in a sentence with fewer than two capitals, and still finds an acronym after the first word', () => {
    expect(findTermCandidates('Patients were treated with aspirin.')).toEqual([]);
    expect(findTermCandidates('Patients took MDMA.').map((t) => t.term)).toEqual(['MDMA']);
  });
  it('containsTerm matches whole words only, at either end of the text too', () => {
    expect(['MDMA', 'MDMA-assisted', '(MDMA)', '服用MDMA后'].map((t) => containsTerm(t, 'MDMA'))).toEqual([true, true, true, true]);
    expect(['MDMAX', 'xMDMA', 'MDMA2', '2MDMA'].map((t) => containsTerm(t, 'MDMA'))).toEqual([false, false, false, false]);
    expect(containsTerm('MDMAX and MDMA', 'MDMA')).toBe(true);
  });
});

describe('findTermRenderings', () => {
  /** The renderings of QXZ over pairs of these English and Chinese sentences. */
  const renderings = (en: string[], zh: string[]) =>
    findTermRenderings('QXZ', en.map((e, i) => ({ en: e, zh: zh[i] ?? '' })), lexicon).renderings.map((r) => [r.text, r.units]);
  const given = ['QXZ was given to mice.', 'QXZ improved platelet counts.', 'The effect of QXZ was large.', 'Platelet QXZ effect.', 'Mice lived longer.'];
  it('finds renderings written in astral-plane characters, one character long or longer', () => {
    expect(renderings(given, ['给小鼠服用𠀀𠀁𠀂。', '𠀀𠀁𠀂提高了血小板计数。', '𠀀𠀁𠀂的效果很大。', '𠀀𠀁效果。', '小鼠存活更久。'])).toEqual([['𠀀𠀁𠀂', [0, 1, 2]]]);
    expect(renderings([given[0]!, given[1]!, given[3]!], ['给小鼠服用𠀀。', '𠀀提高了血小板计数。', '𠀀血小板效果。'])).toEqual([['𠀀', [0, 1, 2]]]);
  });
  it('takes a name around a word blanked in every pair, whatever the case the word is written in', () => {
    const en = ['Platelet counts rose with QXZ.', 'QXZ improved platelet counts.', 'PLATELET QXZ effect.'];
    expect(renderings(en, ['服用生血小板胶囊后血小板计数上升。', '生血小板胶囊提高了血小板计数。', '生血小板胶囊的效果。'])).toEqual([['生血小板胶囊', [0, 1, 2]]]);
  });
  it('finds no rendering when the translating pairs share no two characters', () => {
    const found = findTermRenderings('QXZ', [
      { en: 'QXZ was given.', zh: '给予了甲药。' },
      { en: 'QXZ worked.', zh: '乙丙丁有效。' },
    ], null);
    expect(found.renderings).toEqual([]);
    expect(found.unidentified).toEqual([0, 1]);
  });
});

describe('findTermInconsistencies', () => {
  // A synthetic record in the spirit of the example: one acronym kept in Latin, then two Chinese names.
  const en = [
    'SXXBC was given to the model mice.',
    'SXXBC improved platelet counts.',
    'The effect of SXXBC was dose dependent.',
    'SXXBC reduced bleeding in mice.',
    'Mice treated with SXXBC lived longer.',
  ];
  it('finds Latin and two Chinese renderings of one term, by co-occurrence', () => {
    const zh = ['给模型小鼠服用SXXBC。', '生血小板胶囊提高了血小板计数。', '生血小板胶囊的效果呈剂量依赖性。', '升血消斑胶囊减少了小鼠出血。', '接受升血消斑胶囊治疗的小鼠存活更久。'];
    const [finding, ...rest] = findTermInconsistencies(alignedRecordOf(en, zh), lexicon);
    expect(rest).toEqual([]);
    expect(finding?.kind).toBe('term-inconsistency');
    expect(finding?.severity).toBe('major');
    expect(finding?.message.en).toContain('生血小板胶囊');
    expect(finding?.message.en).toContain('升血消斑胶囊');
    expect(finding?.evidence.some((e) => e.side === 'zh' && e.text === '升血消斑胶囊')).toBe(true);
  });
  it('stays quiet when the term is rendered one way', () => {
    const zh = ['给模型小鼠服用SXXBC。', 'SXXBC提高了血小板计数。', 'SXXBC的效果呈剂量依赖性。', 'SXXBC减少了小鼠出血。', '接受SXXBC治疗的小鼠存活更久。'];
    expect(findTermInconsistencies(alignedRecordOf(en, zh), lexicon)).toEqual([]);
  });
  it('compares renderings across records', () => {
    const a = alignedRecordOf(en.slice(0, 3), ['给模型小鼠服用生血小板胶囊。', '生血小板胶囊提高了血小板计数。', '生血小板胶囊的效果呈剂量依赖性。']);
    const b = alignedRecordOf(en.slice(0, 3), ['给模型小鼠服用生血小板胶囊。', '生血小板胶囊提高了血小板计数。', '生血小板胶囊的效果呈剂量依赖性。']);
    const c = alignedRecordOf(en.slice(0, 3), ['给模型小鼠服用升血消斑胶囊。', '升血消斑胶囊提高了血小板计数。', '升血消斑胶囊的效果呈剂量依赖性。']);
    const found = findCorpusTermInconsistencies([{ id: 'a', aligned: a }, { id: 'b', aligned: b }, { id: 'c', aligned: c }], lexicon);
    expect(found.map((f) => f.recordId)).toEqual(['c']);
    expect(found[0]?.finding.message.en).toContain('生血小板胶囊');
  });
});

describe('glossary', () => {
  const tsv = 'english\tpreferred\tforbidden\tnote\nMDMA\t亚甲二氧基甲基苯丙胺|MDMA\t摇头丸\tclinical register\n\nbad line\n\tx\ty\n';
  it('parses TSV, reporting bad lines with their numbers', () => {
    const { entries, errors } = parseGlossaryTsv(tsv);
    expect(entries).toEqual([{ en: 'MDMA', preferred: ['亚甲二氧基甲基苯丙胺', 'MDMA'], forbidden: ['摇头丸'], note: 'clinical register' }]);
    expect(errors.map((e) => e.line)).toEqual([4, 5]);
  });
  it('round-trips through formatGlossaryTsv', () => {
    const { entries } = parseGlossaryTsv(tsv);
    expect(parseGlossaryTsv(formatGlossaryTsv(entries)).entries).toEqual(entries);
  });
  it('flags a forbidden rendering as major and a missing preferred one as minor', () => {
    const { entries } = parseGlossaryTsv(tsv);
    const pair = (en: string, zh: string) => ({ en: [{ index: 0, text: en }], zh: [{ index: 0, text: zh }] });
    const forbidden = findGlossaryViolations(pair('MDMA is a psychedelic.', '摇头丸是一种迷幻剂。'), entries);
    expect(forbidden.map((f) => [f.kind, f.severity])).toEqual([['glossary', 'major']]);
    expect(forbidden[0]?.evidence.map((e) => e.text)).toEqual(['MDMA', '摇头丸']);
    expect(findGlossaryViolations(pair('MDMA is a psychedelic.', '该药是一种迷幻剂。'), entries).map((f) => f.severity)).toEqual(['minor']);
    expect(findGlossaryViolations(pair('MDMA is a psychedelic.', 'MDMA 是一种迷幻剂。'), entries)).toEqual([]);
  });
});
