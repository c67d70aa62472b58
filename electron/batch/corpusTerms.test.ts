import { describe, expect, it } from 'vitest';
import { corpusLines } from '../../bench/corpus/buildCorpus.ts';
import { defaultLexicon } from '../../shared/lexicon/defaultLexicon.ts';
import { parseRecords } from '../../shared/records/parse.ts';
import { analyzeRecord } from '../../shared/review/analyzeRecord.ts';
import { findCorpusTermInconsistencies, summarizeTermRenderings } from '../../shared/terms/termInconsistency.ts';
import { flagJson, recordJson } from './checkRecordJson.ts';
import { CorpusTermStore, corpusTermFlags } from './corpusTerms.ts';

describe('CorpusTermStore', () => {
  it('finds, from interned term summaries, the same findings as the pass over aligned records', () => {
    const lexicon = defaultLexicon();
    // Records 102 and 138 render COVID-19 two ways, 211 and 230 NSCLC; the first 30 are others.
    const all = [...corpusLines({ records: 231 })];
    const picked = [...all.slice(0, 30), all[102]!, all[138]!, all[211]!, all[230]!];
    const { records } = parseRecords(picked.join('\n'), { file: 'c.jsonl', format: 'jsonl' });
    const analysed = records.map((record) => {
      const analysis = analyzeRecord(record, { lexicon, glossary: [] });
      const aligned = { en: analysis.en, zh: analysis.zh, links: analysis.links, enAbstract: record.en.abstract, zhAbstract: record.zh?.abstract ?? '' };
      return { id: record.id, aligned, json: recordJson(record, analysis, []) };
    });
    const expected = findCorpusTermInconsistencies(analysed, lexicon);
    expect(expected.length).toBeGreaterThan(0);

    const store = new CorpusTermStore();
    for (const a of analysed) store.add(summarizeTermRenderings(a.aligned, lexicon));
    expect(store.records).toBe(34);
    expect(store.strings).toBeLessThanOrEqual(2 * store.uses);
    const found = [...store.disagreements()].flatMap(([position, ds]) => {
      const record = analysed[position]!.json;
      return corpusTermFlags(record, ds).map((flag) => ({ recordId: record.id, flag }));
    });
    expect(found).toEqual(expected.map((e) => ({ recordId: e.recordId, flag: flagJson(e.finding) })));
  });

  it('keys records by position: two records sharing an id are counted and flagged apart', () => {
    const store = new CorpusTermStore();
    store.add([{ term: 'MDMA', rendering: '摇头丸' }]);
    store.add([]);
    store.add([{ term: 'MDMA', rendering: '摇头丸' }]);
    store.add([{ term: 'MDMA', rendering: '亚甲二氧基甲基苯丙胺' }]);
    const ds = store.disagreements();
    expect([...ds.keys()]).toEqual([3]);
    expect(ds.get(3)).toEqual([{ recordId: '3', term: 'MDMA', rendering: '亚甲二氧基甲基苯丙胺', majority: '摇头丸', majorityCount: 2 }]);
    const flags = corpusTermFlags(
      { id: 'same-id', sentences: { en: [{ text: 'MDMA helps.', section: 'results' }], zh: [{ text: '亚甲二氧基甲基苯丙胺有帮助。', section: 'results' }] } },
      ds.get(3)!,
    );
    expect(flags).toEqual([expect.objectContaining({ kind: 'term-inconsistency', severity: 'minor', en: [0], zh: [0] })]);
    expect(flags[0]!.evidence.map((e) => e.text)).toEqual(['MDMA', '亚甲二氧基甲基苯丙胺']);
  });

  it('grows past its first arrays', () => {
    const store = new CorpusTermStore();
    for (let i = 0; i < 3000; i++) store.add([{ term: 'T', rendering: i % 3 === 0 ? 'b' : 'a' }]);
    expect(store.uses).toBe(3000);
    expect(store.strings).toBe(3);
    const ds = store.disagreements();
    expect(ds.size).toBe(1000);
    expect(ds.get(2997)).toEqual([{ recordId: '2997', term: 'T', rendering: 'b', majority: 'a', majorityCount: 2000 }]);
  });
});
