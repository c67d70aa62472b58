/**
 * `npm run bench:flags`: how well the divergence checks catch what a reviewer would flag.
 *
 * 1. The example record against its reviewed reading (../shared/records/*.gold.md).
 * 2. Corruptions injected with a fixed seed into the human-translated pairs of
 *    wmt-biomed-medline-zhen-aligned (pseudo-records of consecutive pairs, realigned after the
 *    corruption): recall and precision per kind, and the major-or-worse flag rate on the clean pairs.
 * 3. Flag counts by kind on the real machine translations of wmt-biomed-medline-zhen-docs-mt
 *    (Chinese split at 。), with the human reference beside them for contrast.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRecords } from '../shared/records/parse.ts';
import { findSectionLabels } from '../shared/records/sectionLabels.ts';
import { analyzeRecord, checkAlignedRecord } from '../shared/review/analyzeRecord.ts';
import { alignSentences } from '../shared/align/alignSentences.ts';
import { defaultLexicon } from '../shared/lexicon/defaultLexicon.ts';
import { extractNumbers } from '../shared/numbers/extractNumbers.ts';
import { isEnglishStopword } from '../shared/lexicon/englishWords.ts';
import { recordTermRenderings } from '../shared/terms/termInconsistency.ts';
import type { AlignedRecord, Finding, FindingKind } from '../shared/checks/types.ts';
import type { Sentence } from '../shared/segment/types.ts';

const SHARED = new URL('../../shared/', import.meta.url).pathname;
const lexicon = defaultLexicon();
const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

/** mulberry32: a small seeded PRNG, so every run injects the same corruptions. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentences(texts: string[], joiner: string): { sentences: Sentence[]; abstract: string } {
  const out: Sentence[] = [];
  let at = 0;
  for (const text of texts) {
    out.push({ text, start: at, end: at + text.length, section: 'other', sectionIndex: 0 });
    at += text.length + joiner.length;
  }
  return { sentences: out, abstract: texts.join(joiner) };
}

/** Aligns pre-split sentences with the project's aligner and builds what the checks take. */
function alignedFrom(en: string[], zh: string[]): AlignedRecord {
  const e = sentences(en, ' ');
  const z = sentences(zh, '');
  return { en: e.sentences, zh: z.sentences, enAbstract: e.abstract, zhAbstract: z.abstract, links: alignSentences(en, zh, { lexicon }) };
}

// ---------------------------------------------------------------------------------------------
// 1. The example record
// ---------------------------------------------------------------------------------------------
function exampleRecord(): void {
  console.log('## 1. Example record (mdma-ptsd-military) against its reviewed reading\n');
  const file = join(SHARED, 'records/mdma-ptsd-military.page.txt');
  const parsed = parseRecords(readFileSync(file, 'utf8'), { file });
  const record = parsed.records[0];
  if (!record) {
    console.log(`  could not parse the example: ${parsed.errors.map((e) => e.message).join('; ')}\n`);
    return;
  }
  const { findings, en, zh } = analyzeRecord(record, { lexicon });
  console.log(`  ${en.length} English sentences, ${zh.length} Chinese pieces, ${findings.length} flags`);
  const byKind = new Map<string, Finding[]>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  for (const [kind, list] of byKind) {
    console.log(`  ${kind} (${list.length}): ${list.slice(0, 3).map((f) => `[${f.severity}] ${f.message.en}`).join(' | ')}${list.length > 3 ? ' …' : ''}`);
  }
  // The reviewed reading's divergences (mdma-ptsd-military.gold.md, "Divergences a reviewer flags").
  const missing = (byKind.get('section-missing') ?? []).map((f) => /"([^"]+)"/.exec(f.message.en)?.[1]).sort();
  const mdma = (byKind.get('term-inconsistency') ?? []).find((f) => f.message.en.includes('"MDMA"'));
  const expectations: [string, boolean][] = [
    ['section-missing: Objective and Results, nothing else', JSON.stringify(missing) === JSON.stringify(['Objective', 'Results'])],
    ['term-inconsistency: MDMA with 摇头丸 and 亚甲二氧基甲基苯丙胺', !!mdma && mdma.message.en.includes('摇头丸') && mdma.message.en.includes('亚甲二氧基甲基苯丙胺')],
    ['punctuation: half-width "," and ":" flagged', (byKind.get('punctuation') ?? []).some((f) => f.evidence.some((e) => e.text === ',')) && (byKind.get('punctuation') ?? []).some((f) => f.evidence.some((e) => e.text === ':'))],
    ['no number-mismatch', !byKind.has('number-mismatch')],
    ['no omission or addition', !byKind.has('omission') && !byKind.has('addition')],
    ['minor mistranslation "synthesis" → second 综述 (no mistranslation check exists)', false],
  ];
  for (const [what, ok] of expectations) console.log(`  ${ok ? 'PASS' : 'MISS'}  ${what}`);
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// 2. Injected corruptions
// ---------------------------------------------------------------------------------------------
type Corruption = 'number' | 'drop-sentence' | 'drop-clause' | 'drop-label' | 'term-swap' | 'untranslated';
const EXPECTED_KIND: Record<Corruption, FindingKind> = {
  'number': 'number-mismatch', 'drop-sentence': 'omission', 'drop-clause': 'omission', 'drop-label': 'section-missing',
  'term-swap': 'term-inconsistency', 'untranslated': 'untranslated',
};
const CORRUPTIONS = Object.keys(EXPECTED_KIND) as Corruption[];
/** `npm run bench:flags -- --verbose drop-sentence` prints the injections of that type the checks missed. */
const VERBOSE = new Set(process.argv.slice(process.argv.indexOf('--verbose') + 1).filter(() => process.argv.includes('--verbose')));

interface Injected {
  type: Corruption;
  /** English sentence index the corruption concerns. */
  en: number;
  zh: string[];
}

function loadPairs(): { en: string; zh: string }[][] {
  const dir = join(SHARED, 'corpora/wmt-biomed-medline-zhen-aligned');
  const blocks: { en: string; zh: string }[][] = [];
  for (const stem of ['wmt18.medline.en-zh', 'wmt18.medline.zh-en', 'wmt19.medline.en-zh', 'wmt19.medline.zh-en']) {
    const en = readFileSync(join(dir, `${stem}.en`), 'utf8').split(/\r?\n/);
    const zh = readFileSync(join(dir, `${stem}.zh`), 'utf8').split(/\r?\n/);
    const pairs = en.map((e, i) => ({ en: e.trim(), zh: (zh[i] ?? '').trim() })).filter((p) => p.en && p.zh);
    // No document boundaries in these files: consecutive runs of 8 pairs stand in for records.
    for (let i = 0; i + 4 <= pairs.length; i += 8) blocks.push(pairs.slice(i, i + 8));
  }
  return blocks;
}

function pick<T>(items: T[], random: () => number): T | undefined {
  return items.length ? items[Math.floor(random() * items.length)] : undefined;
}

/** Applies one corruption of the given type to a copy of the Chinese lines, or null if the block offers no place for it. */
function inject(type: Corruption, en: string[], zh: string[], random: () => number): Injected | null {
  const idx = en.map((_, i) => i);
  switch (type) {
    case 'number': {
      const options = idx.filter((i) => extractNumbers(zh[i]!, 'zh').some((t) => t.hard && /^\d/.test(t.text)));
      const i = pick(options, random);
      if (i === undefined) return null;
      const token = pick(extractNumbers(zh[i]!, 'zh').filter((t) => t.hard && /^\d/.test(t.text)), random)!;
      const digits = [...token.text].map((c, k) => (/\d/.test(c) ? k : -1)).filter((k) => k >= 0);
      const k = digits[digits.length - 1]!;
      const old = Number(token.text[k]);
      const changed = token.text.slice(0, k) + String((old + 1 + Math.floor(random() * 8)) % 10) + token.text.slice(k + 1);
      zh[i] = zh[i]!.slice(0, token.start) + changed + zh[i]!.slice(token.end);
      return { type, en: i, zh };
    }
    case 'drop-sentence': {
      const i = pick(idx.filter((j) => zh[j]!.length >= 10), random);
      if (i === undefined) return null;
      zh.splice(i, 1);
      return { type, en: i, zh };
    }
    case 'drop-clause': {
      const options = idx.filter((i) => zh[i]!.split(/[，；]/).filter((c) => (c.match(/\p{Script=Han}/gu)?.length ?? 0) >= 8).length >= 2);
      const i = pick(options, random);
      if (i === undefined) return null;
      const parts = zh[i]!.split(/(?<=[，；])/);
      const candidates = parts.map((p, k) => k).filter((k) => k > 0 && (parts[k]!.match(/\p{Script=Han}/gu)?.length ?? 0) >= 8);
      const k = pick(candidates, random);
      if (k === undefined) return null;
      const dropped = parts.filter((_, j) => j !== k).join('');
      zh[i] = k === parts.length - 1 ? dropped.replace(/[，；]$/, '。') : dropped;
      return { type, en: i, zh };
    }
    case 'drop-label': {
      const options = idx.filter((i) => findSectionLabels(en[i]!, 'en').some((l) => l.start === 0) && findSectionLabels(zh[i]!, 'zh').some((l) => l.start === 0));
      const i = pick(options, random);
      if (i === undefined) return null;
      const label = findSectionLabels(zh[i]!, 'zh').find((l) => l.start === 0)!;
      zh[i] = zh[i]!.slice(label.end);
      return { type, en: i, zh };
    }
    case 'term-swap': {
      // A term whose translation is the same Chinese string in two or more pairs: one of those
      // pairs gets the other variant, the term kept in English.
      const clean = alignedFrom(en, zh);
      const options = recordTermRenderings(clean, lexicon).flatMap((r) => r.renderings.filter((x) => !x.latin && x.units.length >= 2).map((x) => ({ term: r.term, rendering: x.text })));
      const choice = pick(options, random);
      if (!choice) return null;
      const where = idx.filter((i) => zh[i]!.includes(choice.rendering) && en[i]!.includes(choice.term));
      const i = pick(where, random);
      if (i === undefined) return null;
      zh[i] = zh[i]!.replace(choice.rendering, choice.term);
      return { type, en: i, zh };
    }
    case 'untranslated': {
      const options = idx.flatMap((i) => {
        const words = [...en[i]!.matchAll(/\b[a-z]{3,}(?: [a-z]{3,}){1,2}\b/g)].map((m) => m[0]).filter((p) => !p.split(' ').some(isEnglishStopword));
        const han = [...zh[i]!.matchAll(/\p{Script=Han}{6,}/gu)];
        return words.length && han.length ? [{ i, words, han }] : [];
      });
      const choice = pick(options, random);
      if (!choice) return null;
      const phrase = pick(choice.words, random)!;
      const run = pick(choice.han, random)!;
      const at = run.index + 1;
      zh[choice.i] = `${zh[choice.i]!.slice(0, at)}${phrase}${zh[choice.i]!.slice(at + 4)}`;
      return { type, en: choice.i, zh };
    }
  }
}

function injected(): void {
  console.log('## 2. Injected corruptions in human-translated pairs (wmt-biomed-medline-zhen-aligned, seed 20261128)\n');
  const blocks = loadPairs();
  const random = rng(20261128);
  // Clean pairs: the false-flag rate.
  let pairs = 0;
  let flaggedPairs = 0;
  const cleanKinds = new Map<string, number>();
  const cleanMinor = new Map<string, number>();
  for (const block of blocks) {
    const record = alignedFrom(block.map((p) => p.en), block.map((p) => p.zh));
    const findings = checkAlignedRecord(record, { lexicon });
    const bad = new Set<number>();
    for (const f of findings) {
      if (f.severity === 'minor') {
        cleanMinor.set(f.kind, (cleanMinor.get(f.kind) ?? 0) + 1);
        continue;
      }
      cleanKinds.set(f.kind, (cleanKinds.get(f.kind) ?? 0) + 1);
      for (const i of f.en) bad.add(i);
      for (const j of f.zh) for (const l of record.links) if (l.zh.includes(j)) for (const i of l.en) bad.add(i);
    }
    pairs += block.length;
    flaggedPairs += bad.size;
  }
  console.log(`  clean: ${blocks.length} pseudo-records, ${pairs} pairs; pairs with a major-or-worse flag: ${flaggedPairs} (${pct(flaggedPairs / pairs)}; goal ≤ 5%)`);
  console.log(`    major-or-worse flags on clean pairs by kind: ${[...cleanKinds.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
  console.log(`    minor flags on clean pairs by kind: ${[...cleanMinor.entries()].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}\n`);

  // Corrupted copies: each corruption type tried on every block.
  const hits = new Map<Corruption, { tried: number; caught: number; near: number }>();
  const kindFlags = new Map<FindingKind, { all: number; true: number; major: number; majorTrue: number }>();
  for (const type of CORRUPTIONS) {
    for (const block of blocks) {
      const en = block.map((p) => p.en);
      const zh = block.map((p) => p.zh);
      const inj = inject(type, en, zh, random);
      if (!inj) continue;
      const record = alignedFrom(en, inj.zh);
      const findings = checkAlignedRecord(record, { lexicon });
      const expected = EXPECTED_KIND[type];
      const touches = (f: Finding) => f.en.includes(inj.en);
      const caught = findings.some((f) => f.kind === expected && touches(f));
      if (!caught && VERBOSE.has(type)) {
        console.log(`    missed ${type} at en ${inj.en}: links ${record.links.map((l) => `${l.en.join(',')}-${l.zh.join(',')}`).join(' ')}`);
        console.log(`      flags: ${findings.filter((f) => f.kind === expected).map((f) => `${f.en.join(',')}:${f.severity}`).join(' ') || 'none'}`);
        console.log(`      EN: ${en[inj.en]?.slice(0, 120)}`);
      }
      const h = hits.get(type) ?? { tried: 0, caught: 0, near: 0 };
      h.tried++;
      if (caught) h.caught++;
      // A dropped sentence shifts the alignment; a flag on the neighbouring sentence still leads the reviewer there.
      if (findings.some((f) => f.kind === expected && f.en.some((i) => Math.abs(i - inj.en) <= 1))) h.near++;
      hits.set(type, h);
      for (const f of findings) {
        const k = kindFlags.get(f.kind) ?? { all: 0, true: 0, major: 0, majorTrue: 0 };
        const ok = f.kind === expected && touches(f);
        k.all++;
        if (ok) k.true++;
        if (f.severity !== 'minor') {
          k.major++;
          if (ok) k.majorTrue++;
        }
        kindFlags.set(f.kind, k);
      }
    }
  }
  const goal: Record<Corruption, number> = { 'number': 0.95, 'drop-sentence': 0.95, 'drop-label': 0.95, 'untranslated': 0.95, 'drop-clause': 0.8, 'term-swap': 0.8 };
  console.log('  recall by corruption (flag of the expected kind on the corrupted sentence):');
  for (const type of CORRUPTIONS) {
    const h = hits.get(type) ?? { tried: 0, caught: 0, near: 0 };
    console.log(`    ${type.padEnd(14)} ${String(h.caught).padStart(4)}/${String(h.tried).padEnd(4)} recall ${pct(h.caught / h.tried).padStart(6)}  (goal ≥ ${goal[type]})  → ${EXPECTED_KIND[type]}; within one sentence ${pct(h.near / h.tried)}`);
  }
  console.log('\n  precision by kind on the corrupted records (a flag is true when it marks the injected corruption;');
  console.log('  other flags include real divergences of the human translations, so this is a lower bound):');
  for (const [kind, k] of [...kindFlags.entries()].sort()) {
    console.log(`    ${kind.padEnd(20)} all ${String(k.all).padStart(4)} precision ${pct(k.true / k.all).padStart(6)}   major+ ${String(k.major).padStart(4)} precision ${pct(k.majorTrue / k.major).padStart(6)}`);
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// 3. Real machine translations
// ---------------------------------------------------------------------------------------------
function realMt(): void {
  console.log('## 3. Flag counts on real machine translations (wmt-biomed-medline-zhen-docs-mt, en→zh, 50 abstracts)\n');
  const dir = join(SHARED, 'corpora/wmt-biomed-medline-zhen-docs-mt');
  const docs = new Map<string, string[]>();
  for (const line of readFileSync(join(dir, 'medline_en2zh_en.txt'), 'utf8').split(/\r?\n/)) {
    const [doc, , text] = line.split('\t');
    if (!doc || !text) continue;
    docs.set(doc, [...(docs.get(doc) ?? []), text.trim()]);
  }
  const english = [...docs.values()];
  for (const [name, file] of [['NeMo 6x6', 'med_en-zh.out'], ['NeMo 24x6', 'med_en-zh_24x6.out'], ['human reference', 'med_en-zh_ref.out']] as const) {
    const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/).filter((l) => l.trim());
    const counts = new Map<string, { all: number; major: number }>();
    let sentencesEn = 0;
    lines.forEach((line, d) => {
      const en = english[d];
      if (!en) return;
      const zh = line.split(/(?<=。)/).map((s) => s.trim()).filter(Boolean);
      sentencesEn += en.length;
      for (const f of checkAlignedRecord(alignedFrom(en, zh), { lexicon })) {
        const c = counts.get(f.kind) ?? { all: 0, major: 0 };
        c.all++;
        if (f.severity !== 'minor') c.major++;
        counts.set(f.kind, c);
      }
    });
    const list = [...counts.entries()].sort().map(([k, c]) => `${k} ${c.all} (${c.major} major+)`).join(', ');
    console.log(`  ${name.padEnd(16)} ${lines.length} abstracts, ${sentencesEn} English sentences: ${list}`);
  }
  console.log('');
}

exampleRecord();
injected();
realMt();
