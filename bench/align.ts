/**
 * `npm run bench:align`: strict/lax F1 (Bertalign's definition) and sentence-pair F1, with the
 * median time per document, for our aligner and the Gale-Church baseline, on ParaMed (NEJM,
 * manual gold), the WMT Medline line-parallel test sets, and the example record's reviewed reading.
 */
import { alignSentences } from '../shared/align/alignSentences.ts';
import { alignRecord } from '../shared/align/alignRecord.ts';
import { defaultLexicon } from '../shared/lexicon/defaultLexicon.ts';
import { segmentChinese } from '../shared/segment/chinese.ts';
import { addDocument, emptyCounts, f1, pairF1, type Link } from './alignEval.ts';
import { galeChurch } from './galeChurch.ts';
import { loadExampleGold, loadExampleRecord, loadMtAbstracts, loadParaMed, loadWmt, type GoldDocument } from './corpora.ts';

interface Row {
  corpus: string;
  aligner: string;
  docs: number;
  strict: number;
  lax: number;
  pairs: number;
  medianMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const chars = (s: string) => s.replace(/\s+/g, '').length;

function evaluate(corpus: string, docs: GoldDocument[], aligner: string, run: (d: GoldDocument) => Link[]): Row {
  const counts = emptyCounts();
  const times: number[] = [];
  // One untimed pass first, so the median reports steady-state time rather than JIT warm-up.
  for (const doc of docs) run(doc);
  const outputs: Link[][] = [];
  for (const doc of docs) {
    const t0 = performance.now();
    const links = run(doc);
    times.push(performance.now() - t0);
    outputs.push(links);
    addDocument(counts, doc.links, links);
  }
  const { strict, lax } = f1(counts);
  return { corpus, aligner, docs: docs.length, strict, lax, pairs: pairF1(docs.map((d) => d.links), outputs), medianMs: median(times) };
}

/** Confidences of our links, by corpus, split by whether the link is in the gold. */
const confidences = new Map<string, { right: number[]; wrong: number[] }>();
/** Our aligner, recording each link's confidence under `corpus`. */
const oursFor = (corpus: string) => (d: GoldDocument): Link[] => {
  const links = alignSentences(d.en, d.zh);
  const gold = new Set(d.links.map((l) => `${l.en}|${l.zh}`));
  const bucket = confidences.get(corpus) ?? confidences.set(corpus, { right: [], wrong: [] }).get(corpus)!;
  for (const l of links) (gold.has(`${l.en}|${l.zh}`) ? bucket.right : bucket.wrong).push(l.confidence);
  return links;
};
const baseline = (d: GoldDocument): Link[] => galeChurch(d.en.map(chars), d.zh.map(chars));
// Counting UTF-8 bytes, as many Gale-Church implementations do, weighs a Han character as three
// Latin ones; on English-Chinese that is a markedly stronger baseline than counting characters.
const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;
const baselineBytes = (d: GoldDocument): Link[] => galeChurch(d.en.map(bytes), d.zh.map(bytes));

defaultLexicon().translations('warm-up'); // load the lexicon once, outside the timings
alignSentences(['Warm up.'], ['热身。']);

const rows: Row[] = [];
const paramed = loadParaMed();
rows.push(
  evaluate('ParaMed NEJM docs 1-6', paramed, 'ours', oursFor('ParaMed')),
  evaluate('ParaMed NEJM docs 1-6', paramed, 'Gale-Church (chars)', baseline),
  evaluate('ParaMed NEJM docs 1-6', paramed, 'Gale-Church (bytes)', baselineBytes),
);
const wmt = loadWmt();
rows.push(
  evaluate('WMT18/19 Medline (12-line chunks)', wmt, 'ours', oursFor('WMT')),
  evaluate('WMT18/19 Medline (12-line chunks)', wmt, 'Gale-Church (chars)', baseline),
  evaluate('WMT18/19 Medline (12-line chunks)', wmt, 'Gale-Church (bytes)', baselineBytes),
);

// The example record: our full pipeline (sections, seams) scored at the gold's 。 granularity.
const record = loadExampleRecord();
const sentencesZh = segmentChinese(record.zh!.abstract, { semicolons: false });
const exampleDoc: GoldDocument = { name: 'example', en: [], zh: sentencesZh.map((s) => s.text), links: loadExampleGold() };
let fine: ReturnType<typeof alignRecord> | null = null;
rows.push(evaluate('Example record (gold at 。 level)', [exampleDoc], 'ours (alignRecord)', () => {
  fine = alignRecord(record);
  const result = fine;
  exampleDoc.en = result.en.map((s) => s.text);
  // Map each piece to the 。-sentence that contains it, then merge links sharing a sentence.
  const sentenceOf = (start: number) => sentencesZh.findIndex((s) => start >= s.start && start < s.end);
  const merged: Link[] = [];
  for (const link of result.links) {
    const zh = [...new Set(link.zh.map((j) => sentenceOf(result.zh[j]!.start)))];
    const previous = merged[merged.length - 1];
    if (previous && zh.some((z) => previous.zh.includes(z))) {
      previous.en.push(...link.en);
      previous.zh = [...new Set([...previous.zh, ...zh])];
    } else merged.push({ en: [...link.en], zh });
  }
  return merged;
}));
rows.push(
  evaluate('Example record (gold at 。 level)', [exampleDoc], 'Gale-Church (chars)', baseline),
  evaluate('Example record (gold at 。 level)', [exampleDoc], 'Gale-Church (bytes)', baselineBytes),
);

const pad = (s: string, n: number) => s.padEnd(n);
console.log(`${pad('corpus', 36)}${pad('aligner', 20)}${pad('docs', 6)}${pad('strict F1', 11)}${pad('lax F1', 9)}${pad('pair F1', 9)}median ms/doc (fastest of 3 runs)`);
for (const r of rows) {
  console.log(`${pad(r.corpus, 36)}${pad(r.aligner, 20)}${pad(String(r.docs), 6)}${pad(r.strict.toFixed(4), 11)}${pad(r.lax.toFixed(4), 9)}${pad(r.pairs.toFixed(4), 9)}${r.medianMs.toFixed(2)}`);
}
console.log('');
for (const [corpus, { right, wrong }] of confidences) {
  // Pairwise ranking (AUC): how often a link in the gold gets a higher confidence than one not in it.
  let wins = 0;
  for (const r of right) for (const w of wrong) wins += r > w ? 1 : r === w ? 0.5 : 0;
  const auc = wins / Math.max(1, right.length * wrong.length);
  console.log(`Confidence on ${corpus}: median ${median(right).toFixed(2)} on links in the gold, ${wrong.length ? median(wrong).toFixed(2) : '-'} on links not in it; AUC ${auc.toFixed(3)}`);
}
const result = fine as ReturnType<typeof alignRecord> | null;
if (result) {
  const oneToOne = result.links.filter((l) => l.en.length === 1 && l.zh.length === 1).length;
  const missing = result.sections.filter((s) => s.labelMissing).map((s) => `${s.kind} (${s.boundary})`);
  console.log(`Example record, fine reading: ${result.en.length} English sentences, ${result.zh.length} Chinese pieces, ${oneToOne}/${result.links.length} links 1↔1 in order: ${result.links.every((l, i) => l.en[0] === i && l.zh[0] === i)}; labels missing: ${missing.join(', ') || 'none'}`);
  const times: number[] = [];
  for (let k = 0; k < 50; k++) {
    const t0 = performance.now();
    alignRecord(record);
    times.push(performance.now() - t0);
  }
  console.log(`alignRecord on the example (12 sentences): median ${median(times).toFixed(2)} ms over 50 runs`);
}

// Real MT abstracts (no gold): how long the full pipeline takes on what the app shows, and what it finds.
const mtRecords = loadMtAbstracts();
if (mtRecords.length) {
  const times: number[] = [];
  const shapes = new Map<string, number>();
  let sentences = 0;
  for (const rec of mtRecords) alignRecord(rec);
  for (const rec of mtRecords) {
    const t0 = performance.now();
    const out = alignRecord(rec);
    times.push(performance.now() - t0);
    sentences += out.en.length;
    for (const l of out.links) shapes.set(`${l.en.length}-${l.zh.length}`, (shapes.get(`${l.en.length}-${l.zh.length}`) ?? 0) + 1);
  }
  const shapeList = [...shapes.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}: ${v}`).join(', ');
  console.log(`alignRecord on ${mtRecords.length} real MT abstracts (WMT Medline + NeMo, ${(sentences / mtRecords.length).toFixed(1)} English sentences each): median ${median(times).toFixed(2)} ms, max ${Math.max(...times).toFixed(1)} ms; links ${shapeList}`);
}
