import type { ReviewRecord, Section } from '../../../shared/records/model.ts';

/** Builds a side's abstract and section offsets from labelled parts, as a parser would. */
function side(title: string, parts: [Section['kind'], string | null, string][], separator: string) {
  let abstract = '';
  const sections: Section[] = [];
  for (const [kind, label, text] of parts) {
    if (abstract) abstract += separator;
    const prefix = label ? `${label}: ` : '';
    sections.push({ kind, label, text, start: abstract.length + prefix.length });
    abstract += prefix + text;
  }
  return { title, abstract, sections };
}

/** The bundled example (samples/mdma-ptsd-military.page.txt), shortened to a sentence per section. */
export const mdmaRecord: ReviewRecord = {
  id: '10.3233/NRE-230270',
  source: { file: 'samples/mdma-ptsd-military.page.txt', line: 1 },
  format: 'page',
  metadata: {
    doi: '10.3233/NRE-230270',
    journal: 'NeuroRehabilitation',
    authors: ['Walter Dunn', 'Anya Bershad', 'David E Krantz', 'Eric Vermetten'],
  },
  en: side(
    'MDMA for treatment of PTSD and neurorehabilitation in military populations.',
    [
      ['background', 'Background', 'Neurorehabilitation in military populations is complicated by higher rates of PTSD and unique characteristics of military institutions.'],
      ['objective', 'Objective', 'A review of MDMA-assisted therapy for PTSD is provided in the context of neurorehabilitation in military populations.'],
      ['methods', 'Methods', 'This is an expert review and synthesis of the literature.'],
    ],
    '\n\n',
  ),
  zh: {
    title: '将摇头丸用于治疗创伤后应激障碍和军事人群的神经康复。',
    abstract: '背景:由于创伤后应激障碍发生率较高以及军事机构的独特性,军事人群的神经康复治疗变得更加复杂。方法:这是一篇专家综述和文献综述。',
    sections: [],
  },
  translation: 'machine',
};

/** A second, made-up record in another file, to tell list entries apart. */
export const secondRecord: ReviewRecord = {
  id: 'fixture-2',
  source: { file: '/data/second.jsonl', line: 3 },
  format: 'jsonl',
  metadata: {},
  en: side('Sleep duration and blood pressure in adolescents.', [['other', null, 'Shorter sleep was associated with higher systolic pressure.']], ''),
  zh: null,
  translation: 'unknown',
};
