/**
 * Loading the gold alignment corpora for the benchmark: ParaMed (tokenised, so detokenised here),
 * the WMT Medline line-parallel test sets, and the example record with its reviewed reading.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Link } from './alignEval.ts';
import { segmentEnglish } from '../shared/segment/english.ts';
import { segmentChinese } from '../shared/segment/chinese.ts';
import { parseRecords } from '../shared/records/parse.ts';
import type { ReviewRecord } from '../shared/records/model.ts';

/** One gold document: sentences on both sides and the human links (0-based). */
export interface GoldDocument {
  name: string;
  en: string[];
  zh: string[];
  links: Link[];
}

/** The shared folder beside the checkout (../shared), where the corpora live. */
export const SHARED = join(import.meta.dirname, '..', '..', 'shared');

const ENTITIES: Record<string, string> = { '&apos;': "'", '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#91;': '[', '&#93;': ']', '&#124;': '|' };

/** Undoes Moses tokenisation: "sugar @-@ sweetened beverages ( ssbs ) ." → "sugar-sweetened beverages (ssbs)." */
export function detokeniseEnglish(line: string): string {
  let s = line.replace(/&(?:apos|quot|amp|lt|gt|#91|#93|#124);/g, (e) => ENTITIES[e] ?? e);
  s = s.replace(/ @([-/.,:])@ /g, '$1');
  s = s.replace(/\s+([.,;:!?%)\]}])/g, '$1').replace(/([([{])\s+/g, '$1');
  s = s.replace(/\s+('s|'re|'ve|'ll|'d|n't|')(?=\s|$)/g, '$1');
  s = s.replace(/" (.*?) "/g, '"$1"');
  return s.trim();
}

/** Undoes jieba's word spacing: spaces go, except between two Latin letters or digits. */
export function detokeniseChinese(line: string): string {
  const s = line.replace(/&(?:apos|quot|amp|lt|gt|#91|#93|#124);/g, (e) => ENTITIES[e] ?? e);
  return s.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z]/.test(after) ? ' ' : '';
  }).trim();
}

/** Parses "1,2" / "omitted" into 0-based ids. */
function ids(field: string): number[] {
  return field.trim() === 'omitted' ? [] : field.split(',').map((x) => Number(x) - 1);
}

/** ParaMed NEJM documents with their manual alignment (align.txt lists Chinese ids on the left). */
export function loadParaMed(folder = join(SHARED, 'corpora', 'paramed-nejm-manual-align')): GoldDocument[] {
  const byDoc = new Map<string, Link[]>();
  for (const line of readFileSync(join(folder, 'align.txt'), 'utf8').split('\n')) {
    const m = /^(doc\d+)\t(.+?) <=> (.+?)\t/.exec(line);
    if (!m) continue;
    const links = byDoc.get(m[1]!) ?? byDoc.set(m[1]!, []).get(m[1]!)!;
    links.push({ zh: ids(m[2]!), en: ids(m[3]!) });
  }
  const docs: GoldDocument[] = [];
  for (const [name, links] of byDoc) {
    const read = (ext: string) => readFileSync(join(folder, 'sents', `${name}.${ext}`), 'utf8').split('\n').filter((l, i, all) => i < all.length - 1 || l !== '');
    links.sort((a, b) => (a.en[0] ?? a.zh[0] ?? 0) - (b.en[0] ?? b.zh[0] ?? 0) || (a.zh[0] ?? 0) - (b.zh[0] ?? 0));
    docs.push({ name, en: read('en').map(detokeniseEnglish), zh: read('zh').map(detokeniseChinese), links });
  }
  return docs.sort((a, b) => Number(a.name.slice(3)) - Number(b.name.slice(3)));
}

/**
 * WMT Medline test sets: line N of .en translates line N of .zh; a line may hold several
 * sentences. Lines are re-split into sentences, each line becomes one n-m gold link, and the
 * file is cut into pseudo-documents of `chunk` lines (there are no document boundaries).
 */
export function loadWmt(chunk = 12, folder = join(SHARED, 'corpora', 'wmt-biomed-medline-zhen-aligned')): GoldDocument[] {
  const docs: GoldDocument[] = [];
  for (const set of ['wmt18.medline.en-zh', 'wmt18.medline.zh-en', 'wmt19.medline.en-zh', 'wmt19.medline.zh-en']) {
    const enPath = join(folder, `${set}.en`);
    if (!existsSync(enPath)) continue;
    const enLines = readFileSync(enPath, 'utf8').split('\n');
    const zhLines = readFileSync(join(folder, `${set}.zh`), 'utf8').split('\n');
    const count = Math.min(enLines.length, zhLines.length);
    for (let from = 0; from < count; from += chunk) {
      const doc: GoldDocument = { name: `${set}:${from + 1}`, en: [], zh: [], links: [] };
      for (let line = from; line < Math.min(count, from + chunk); line++) {
        const e = segmentEnglish(enLines[line]!).map((s) => s.text);
        const z = segmentChinese(zhLines[line]!).map((s) => s.text);
        if (!e.length && !z.length) continue;
        doc.links.push({ en: e.map((_, k) => doc.en.length + k), zh: z.map((_, k) => doc.zh.length + k) });
        doc.en.push(...e);
        doc.zh.push(...z);
      }
      if (doc.links.length) docs.push(doc);
    }
  }
  return docs;
}

/** The example record, as the page-dump parser reads it. */
export function loadExampleRecord(): ReviewRecord {
  const text = readFileSync(join(SHARED, 'records', 'mdma-ptsd-military.page.txt'), 'utf8');
  const parsed = parseRecords(text, { file: 'mdma-ptsd-military.page.txt' });
  const record = parsed.records[0];
  if (!record) throw new Error(`example record did not parse: ${JSON.stringify(parsed.errors)}`);
  return record;
}

/**
 * The reviewer's links at the granularity of Chinese sentences split at 。, read from the gold
 * file's "Gold links at this granularity:" line (English ids first, 1-based).
 */
export function loadExampleGold(): Link[] {
  const gold = readFileSync(join(SHARED, 'records', 'mdma-ptsd-military.gold.md'), 'utf8');
  const line = /Gold links at this granularity:(.*)/.exec(gold)![1]!;
  return [...line.matchAll(/([\d,]+)↔(\d+)/g)].map((m) => ({ en: ids(m[1]!), zh: ids(m[2]!) }));
}

/**
 * Real machine translations of whole abstracts (WMT Medline en→zh sources, NeMo 6x6 output, one
 * line per abstract) as records without gold: used to time `alignRecord` on what the app sees.
 */
export function loadMtAbstracts(folder = join(SHARED, 'corpora', 'wmt-biomed-medline-zhen-docs-mt')): ReviewRecord[] {
  const sourcePath = join(folder, 'medline_en2zh_en.txt');
  if (!existsSync(sourcePath)) return [];
  const byDoc = new Map<string, string[]>();
  for (const line of readFileSync(sourcePath, 'utf8').split('\n')) {
    const [doc, , sentence] = line.split('\t');
    if (!doc || sentence === undefined) continue;
    (byDoc.get(doc) ?? byDoc.set(doc, []).get(doc)!).push(sentence.trim());
  }
  const mt = readFileSync(join(folder, 'med_en-zh.out'), 'utf8').split('\n');
  return [...byDoc.values()].flatMap((sentences, k): ReviewRecord[] => {
    const zh = mt[k]?.trim();
    if (!zh) return [];
    const en = sentences.join(' ');
    return [{
      id: `mt-${k + 1}`, source: { file: 'med_en-zh.out', line: k + 1 }, format: 'page', metadata: {}, translation: 'machine',
      en: { title: '', abstract: en, sections: [{ kind: 'other', label: null, text: en, start: 0 }] },
      zh: { title: '', abstract: zh, sections: [{ kind: 'other', label: null, text: zh, start: 0 }] },
    }];
  });
}
