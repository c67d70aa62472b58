/**
 * A small review export for the serialisers' tests, cut from the MDMA example record
 * (`shared/records/mdma-ptsd-military.gold.md`): three English sentences, two Chinese, a 2-1 link,
 * an omission link, findings, a dismissed flag and annotations of several kinds. Lives beside the
 * exporters (not in a .test.ts) so every test file shares one fixture.
 */
import type { Annotation } from '../annotations/model.ts';
import type { Finding } from '../checks/types.ts';
import type { ReviewRecord, SectionKind } from '../records/model.ts';
import type { Sentence } from '../segment/types.ts';
import { findingKey } from '../annotations/model.ts';
import type { ReviewExport, ReviewExportRecord } from './types.ts';

const EN_SENTENCES = [
  'MDMA is a non-classical psychedelic with pro-social effects.',
  'A review of MDMA-assisted therapy for PTSD is provided.',
  'This is an expert review and synthesis of the literature.',
];
const ZH_SENTENCES = ['摇头丸是一种具有亲社会作用的非经典迷幻药。', '本文对摇头丸辅助治疗创伤后应激障碍进行了综述。'];

/** Sentences with offsets into `abstract`, as the segmenter would give them. */
function cut(abstract: string, texts: string[], sections: SectionKind[]): Sentence[] {
  let from = 0;
  return texts.map((text, i) => {
    const start = abstract.indexOf(text, from);
    if (start < 0) throw new Error(`fixture sentence ${i} not in abstract`);
    from = start + text.length;
    return { text, start, end: from, section: sections[i] ?? 'other', sectionIndex: 0 };
  });
}

/** Builds one record entry; `overrides` lets a test put awkward text (tabs, `<script>`) in it. */
export function fixtureEntry(overrides: { en?: string[]; zh?: string[]; id?: string; status?: ReviewExportRecord['status'] } = {}): ReviewExportRecord {
  const en = overrides.en ?? EN_SENTENCES;
  const zh = overrides.zh ?? ZH_SENTENCES;
  const enAbstract = `Background: ${en[0]} Objective: ${en.slice(1).join(' ')}`;
  const zhAbstract = `背景：${zh.join('')}`;
  const id = overrides.id ?? '10.1000/mdma.2026.1';
  const record: ReviewRecord = {
    id,
    source: { file: 'mdma-ptsd-military.page.txt', line: 1 },
    format: 'page',
    metadata: { doi: id, journal: 'Military Medicine' },
    en: { title: 'MDMA for treatment of PTSD and neurorehabilitation in military populations.', abstract: enAbstract, sections: [] },
    zh: { title: '将摇头丸用于治疗创伤后应激障碍和军事人群的神经康复。', abstract: zhAbstract, sections: [] },
    translation: 'machine',
  };
  const sentences = { en: cut(enAbstract, en, ['background', 'objective', 'objective']), zh: cut(zhAbstract, zh, ['background', 'other']) };
  const findings: Finding[] = [
    {
      kind: 'term-inconsistency',
      severity: 'major',
      en: [0, 1],
      zh: [0, 1],
      message: { en: 'MDMA is rendered as 摇头丸', 'zh-CN': 'MDMA 被译为摇头丸' },
      evidence: [{ side: 'zh', sentence: 0, start: 0, end: 3, text: '摇头丸' }],
    },
    {
      kind: 'section-missing',
      severity: 'major',
      en: [1],
      zh: [],
      message: { en: 'Section label Objective is missing', 'zh-CN': '缺少"目的"标签' },
      evidence: [],
    },
    {
      kind: 'omission',
      severity: 'critical',
      en: [2],
      zh: [],
      message: { en: 'English sentence 3 has no translation', 'zh-CN': '英文第 3 句没有译文' },
      evidence: [],
    },
  ];
  const zh0 = sentences.zh[0]!;
  const time = '2026-11-28T23:40:00.000Z';
  const base = { recordId: id, created: time, updated: time, deleted: false, comment: '', correction: null };
  const annotations: Annotation[] = [
    {
      ...base,
      id: 'a1',
      enSentences: [0],
      zhSentences: [0],
      span: { side: 'zh', start: zh0.start, end: zh0.start + 3 },
      category: 'Terminology/Inappropriate for context',
      severity: 'major',
      comment: 'Street name "ecstasy"; a clinical text says MDMA, with "quotes", and, commas',
      correction: `MDMA${zh0.text.slice(3)}`,
    },
    { ...base, id: 'a2', enSentences: [1, 2], zhSentences: [1], span: null, category: 'Fluency/Grammar', severity: 'minor' },
    {
      ...base,
      id: 'a3',
      enSentences: [2],
      zhSentences: [],
      span: { side: 'en', start: sentences.en[2]!.start + 29, end: sentences.en[2]!.start + 38 },
      category: 'Accuracy/Omission',
      severity: 'critical',
      comment: 'The whole sentence is missing',
    },
    { ...base, id: 'a4', enSentences: [0], zhSentences: [0], span: null, category: 'Style/Awkward', severity: 'minor', deleted: true },
  ];
  return {
    record,
    sentences,
    links: [
      { en: [0], zh: [0], confidence: 0.93 },
      { en: [1], zh: [1], confidence: 0.71 },
      { en: [2], zh: [], confidence: 0.4 },
    ],
    findings,
    annotations,
    decisions: [
      { recordId: id, flagKey: findingKey(findings[0]!), decision: 'confirmed', reviewer: 'Li Wei', note: '', updated: time },
      { recordId: id, flagKey: findingKey(findings[1]!), decision: 'dismissed', reviewer: 'Li Wei', note: 'label is implicit', updated: time },
    ],
    status: overrides.status ?? 'reviewed',
  };
}

/** A two-record export: the annotated record and a clean, reviewed one without annotations. */
export function fixtureExport(): ReviewExport {
  const clean = fixtureEntry({ id: '10.1000/clean.2' });
  return {
    records: [fixtureEntry(), { ...clean, annotations: [], decisions: [], findings: [] }],
    reviewer: 'Li Wei',
    exportedAt: '2026-11-28T23:45:00.000Z',
  };
}
