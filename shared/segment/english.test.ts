import { describe, expect, it } from 'vitest';
import { segmentEnglish } from './english.ts';

const texts = (input: string) => segmentEnglish(input).map((s) => s.text);

describe('segmentEnglish', () => {
  it.each([
    ['plain sentences', 'Patients improved. Controls did not.', ['Patients improved.', 'Controls did not.']],
    ['et al. before a year in parentheses', 'As Smith et al. (2019) showed, MDMA helps. It is safe.', ['As Smith et al. (2019) showed, MDMA helps.', 'It is safe.']],
    ['et al. before a capitalised sentence', 'This was shown by Smith et al. The effect was large.', ['This was shown by Smith et al.', 'The effect was large.']],
    ['e.g. and i.e.', 'Drugs (e.g. MDMA) and doses, i.e. 80 mg, varied. Outcomes differed.', ['Drugs (e.g. MDMA) and doses, i.e. 80 mg, varied.', 'Outcomes differed.']],
    ['e.g., with comma', 'Some drugs, e.g., MDMA, act fast. Others do not.', ['Some drugs, e.g., MDMA, act fast.', 'Others do not.']],
    ['vs.', 'Drug vs. Placebo was compared. Results follow.', ['Drug vs. Placebo was compared.', 'Results follow.']],
    ['Fig. and No.', 'See Fig. 2 and No. 5 for details. Then stop.', ['See Fig. 2 and No. 5 for details.', 'Then stop.']],
    ['Dr. and initials', 'Dr. Smith and David E. Krantz wrote it. It was cited.', ['Dr. Smith and David E. Krantz wrote it.', 'It was cited.']],
    ['decimals', 'The mean was 2.5 mg. It rose to 3.75 mg.', ['The mean was 2.5 mg.', 'It rose to 3.75 mg.']],
    ['P values', 'The effect was significant (P < .05). Another was not, P = .32.', ['The effect was significant (P < .05).', 'Another was not, P = .32.']],
    ['citations after the stop', 'This is known.[12] We extend it.', ['This is known.[12]', 'We extend it.']],
    ['citations before the stop', 'This is known [12, 13]. We extend it.', ['This is known [12, 13].', 'We extend it.']],
    ['stops inside parentheses', 'We used a scale (range 0-10. Higher is worse) here. Done.', ['We used a scale (range 0-10. Higher is worse) here.', 'Done.']],
    ['list markers', 'Aims: 1. To assess safety. 2. To compare doses.', ['Aims: 1. To assess safety.', '2. To compare doses.']],
    ['approx.', 'Approx. 40 patients were enrolled. All consented.', ['Approx. 40 patients were enrolled.', 'All consented.']],
    ['U.S.', 'The U.S. Food and Drug Administration agreed. It was quick.', ['The U.S. Food and Drug Administration agreed.', 'It was quick.']],
    ['question and exclamation marks', 'Does it work? Yes! It does.', ['Does it work?', 'Yes!', 'It does.']],
    ['closing quote stays with its sentence', 'He said "stop." Then he left.', ['He said "stop."', 'Then he left.']],
  ])('%s', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('keeps offsets into the input', () => {
    const input = '  Background: First one. Second one.  ';
    for (const span of segmentEnglish(input)) expect(input.slice(span.start, span.end)).toBe(span.text);
    expect(segmentEnglish(input).map((s) => s.text)).toEqual(['Background: First one.', 'Second one.']);
  });

  it('returns nothing for blank text', () => {
    expect(segmentEnglish('   ')).toEqual([]);
  });
});
