/**
 * Reads the real bilingual material in `../shared/corpora/` that the benchmark corpus is cut
 * from: whole abstracts (WMT Medline documents, with human and machine Chinese), runs of aligned
 * pairs (WMT Medline aligned sets, ParaMed NEJM, MLQE-PE Wikipedia MT) and the example page record.
 *
 * Everything is read in a fixed order and kept as plain arrays, so the builder's choices, driven
 * by a seeded PRNG, land on the same material on every machine.
 */
import { readFileSync } from 'node:fs';

/** Where `../shared/corpora` and `../shared/records` sit relative to this file. */
export const SHARED_DIR = new URL('../../../shared/', import.meta.url);

/** One English abstract with its Chinese, as lists of segments (sentences or aligned lines). */
export interface SourceDocument {
  /** Which corpus and file it came from, e.g. `wmt-docs:en2zh:doc7:mt-24x6`. */
  origin: string;
  en: string[];
  zh: string[];
  translation: 'human' | 'machine';
}

/** A run of pairs that can be sliced into pseudo-abstracts of any length. */
export interface PairRun {
  origin: string;
  en: string[];
  zh: string[];
  translation: 'human' | 'machine';
}

/** All base material. */
export interface CorpusSources {
  documents: SourceDocument[];
  runs: PairRun[];
  /** The example record's site-metadata JSON object, with its Chinese filled in from the page. */
  example: Record<string, unknown>;
}

function read(path: string): string {
  return readFileSync(new URL(path, SHARED_DIR), 'utf8');
}

function lines(path: string): string[] {
  return read(path).split('\n').map((l) => l.replace(/\r$/, ''));
}

/** `DOC<TAB>N<TAB>sentence` files → sentences per document, in document order. */
function sentencesByDoc(path: string): Map<string, string[]> {
  const docs = new Map<string, string[]>();
  for (const line of lines(path)) {
    const [doc, , sentence] = line.split('\t');
    if (doc === undefined || sentence === undefined || doc === '') continue;
    const list = docs.get(doc) ?? [];
    list.push(sentence.trim());
    docs.set(doc, list);
  }
  return docs;
}

/*
 * The NeMo output joins each abstract's translated sentences with no separator; cutting after
 * 。！？ gives back sentences close enough for a corpus (the checks re-segment anyway).
 */
function splitChinese(text: string): string[] {
  return text.match(/[^。！？]+[。！？]?/g)?.map((s) => s.trim()).filter((s) => s !== '') ?? [];
}

function wmtDocuments(): SourceDocument[] {
  const dir = 'corpora/wmt-biomed-medline-zhen-docs-mt/';
  const out: SourceDocument[] = [];
  const en2zhEn = sentencesByDoc(`${dir}medline_en2zh_en.txt`);
  const en2zhZh = sentencesByDoc(`${dir}medline_en2zh_zh.txt`);
  const mt6 = lines(`${dir}med_en-zh.out`).filter((l) => l.trim() !== '');
  const mt24 = lines(`${dir}med_en-zh_24x6.out`).filter((l) => l.trim() !== '');
  [...en2zhEn.keys()].forEach((doc, i) => {
    const en = en2zhEn.get(doc) ?? [];
    out.push({ origin: `wmt-docs:en2zh:${doc}:reference`, en, zh: en2zhZh.get(doc) ?? [], translation: 'human' });
    const a = mt6[i];
    const b = mt24[i];
    if (a !== undefined) out.push({ origin: `wmt-docs:en2zh:${doc}:mt-6x6`, en, zh: splitChinese(a), translation: 'machine' });
    if (b !== undefined) out.push({ origin: `wmt-docs:en2zh:${doc}:mt-24x6`, en, zh: splitChinese(b), translation: 'machine' });
  });
  // zh→en documents: the English is a human translation of the Chinese, still a real pair.
  const zh2enZh = sentencesByDoc(`${dir}medline_zh2en_zh.txt`);
  const zh2enEn = sentencesByDoc(`${dir}medline_zh2en_en.txt`);
  for (const doc of zh2enZh.keys()) {
    out.push({ origin: `wmt-docs:zh2en:${doc}:reference`, en: zh2enEn.get(doc) ?? [], zh: zh2enZh.get(doc) ?? [], translation: 'human' });
  }
  return out.filter((d) => d.en.length > 0 && d.zh.length > 0);
}

function wmtAlignedRuns(): PairRun[] {
  const dir = 'corpora/wmt-biomed-medline-zhen-aligned/';
  return ['wmt18.medline.en-zh', 'wmt18.medline.zh-en', 'wmt19.medline.en-zh', 'wmt19.medline.zh-en'].map((name) => {
    const en = lines(`${dir}${name}.en`);
    const zh = lines(`${dir}${name}.zh`);
    const n = Math.min(en.length, zh.length);
    // Keep the empty Chinese lines (real omissions); drop only the trailing newline's empty pair.
    const keep = [...Array(n).keys()].filter((i) => (en[i] ?? '').trim() !== '' || (zh[i] ?? '').trim() !== '');
    return { origin: `wmt-aligned:${name}`, en: keep.map((i) => en[i]!.trim()), zh: keep.map((i) => zh[i]!.trim()), translation: 'human' as const };
  });
}

/** Undoes ParaMed's Moses tokenisation and jieba spacing, roughly: enough for realistic text. */
export function detokenise(text: string, lang: 'en' | 'zh'): string {
  let out = text
    .replace(/ @-@ /g, '-')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#91;/g, '[')
    .replace(/&#93;/g, ']');
  if (lang === 'zh') {
    // jieba put spaces between every word; only spaces between two Latin/digit runs are real.
    out = out.replace(/ +/g, (space, at: number, all: string) => {
      const before = all[at - 1] ?? '';
      const after = all[at + space.length] ?? '';
      return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
    });
    return out.replace(/(\d) , (\d)/g, '$1,$2');
  }
  out = out
    .replace(/ ([.,;:!?%)\]])/g, '$1')
    .replace(/([([]) /g, '$1')
    .replace(/ 's\b/g, "'s")
    .replace(/ n't\b/g, "n't");
  // Lower-cased by the ParaMed preprocessing: restore a capital at the sentence start.
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function paramedRuns(): PairRun[] {
  const dir = 'corpora/paramed-nejm-manual-align/';
  const links = new Map<string, { zh: number[]; en: number[] }[]>();
  for (const line of lines(`${dir}align.txt`)) {
    const [doc, pair] = line.split('\t');
    if (doc === undefined || pair === undefined) continue;
    const [zhIds, enIds] = pair.split('<=>').map((side) => side.trim());
    const ids = (side: string | undefined): number[] =>
      side === undefined || side === 'omitted' ? [] : side.split(',').map((n) => Number(n.trim()) - 1);
    const list = links.get(doc) ?? [];
    list.push({ zh: ids(zhIds), en: ids(enIds) });
    links.set(doc, list);
  }
  return [...links.keys()].sort().map((doc) => {
    const enLines = lines(`${dir}sents/${doc}.en`);
    const zhLines = lines(`${dir}sents/${doc}.zh`);
    const list = links.get(doc) ?? [];
    return {
      origin: `paramed:${doc}`,
      en: list.map((l) => l.en.map((i) => detokenise(enLines[i] ?? '', 'en')).join(' ')),
      zh: list.map((l) => l.zh.map((i) => detokenise(zhLines[i] ?? '', 'zh')).join('')),
      translation: 'human' as const,
    };
  });
}

function mlqeRun(): PairRun {
  const rows = lines('corpora/mlqe-pe-enzh/en-zh/test20.enzh.df.short.tsv').slice(1);
  const en: string[] = [];
  const zh: string[] = [];
  for (const row of rows) {
    const [, original, translation] = row.split('\t');
    if (original === undefined || translation === undefined) continue;
    en.push(original.trim());
    zh.push(translation.trim());
  }
  return { origin: 'mlqe-pe:test20', en, zh, translation: 'machine' };
}

/*
 * The example page carries the site's JSON line (with TitleCN and AbstractTextCN null) and, as
 * page text, the site's machine translation: the Chinese title and paragraphs that precede the
 * "本文章由计算机程序翻译" disclaimer. Filling them in gives the object the site would export.
 */
function exampleRecord(): Record<string, unknown> {
  const page = lines('records/mdma-ptsd-military.page.txt');
  const jsonLine = page.find((l) => l.startsWith('{"title"'));
  if (jsonLine === undefined) throw new Error('example page has no JSON line');
  const object = JSON.parse(jsonLine) as Record<string, unknown>;
  const disclaimer = page.findIndex((l) => l.startsWith('本文章由计算机程序翻译'));
  const chinese: string[] = [];
  for (let i = disclaimer - 1; i >= 0 && /\p{Script=Han}/u.test(page[i] ?? ''); i--) chinese.unshift(page[i]!.trim());
  const [title, ...paragraphs] = chinese.filter((l) => l !== '');
  object.TitleCN = title ?? null;
  object.AbstractTextCN = paragraphs.length > 0 ? paragraphs.join('\n') : null;
  return object;
}

/** Loads every source, in a fixed order. */
export function loadCorpusSources(): CorpusSources {
  return {
    documents: wmtDocuments(),
    runs: [...wmtAlignedRuns(), ...paramedRuns(), mlqeRun()],
    example: exampleRecord(),
  };
}
