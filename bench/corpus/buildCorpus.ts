/**
 * Builds the deterministic benchmark corpus: N records (default 100,000) cut from the real
 * bilingual material in `../shared/corpora/`, written as JSONL in the site-metadata format of the
 * example page's JSON line (`title`, `abstract` as `<p><strong>Label: </strong>…</p>` HTML,
 * `TitleCN`, `AbstractTextCN`, `doi`, `journal`, …), so it loads through the real parser.
 *
 * Same options → same bytes, on every run and machine: a seeded PRNG makes every choice, the
 * sources are read in a fixed order, and the file is written to a temporary name and renamed, so
 * a cached file is always complete.
 *
 *   node bench/corpus/buildCorpus.ts [--records N] [--seed S]   # prints the path
 */
import { mkdirSync, openSync, closeSync, writeSync, renameSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findSectionLabels } from '../../shared/records/sectionLabels.ts';
import { loadCorpusSources, type CorpusSources } from './sources.ts';

/** Bump when the output format or the choices change, so stale caches are not reused. */
export const CORPUS_VERSION = 1;
export const DEFAULT_RECORDS = 100_000;
export const DEFAULT_SEED = 20_261_128;
/** `bench/.cache/` (gitignored). */
export const CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));

/** What to build. */
export interface CorpusOptions {
  records: number;
  seed?: number;
}

/** mulberry32: tiny, fast, and identical in every JS engine, unlike `Math.random`. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The English abstract as the sites give it: one `<p>` per section, the label in `<strong>`
 * (`<p><strong>Methods: </strong>…</p>`); segments without a label join the current paragraph.
 * Labels are found with the app's own label table, so what counts as a label is the same here.
 */
export function englishAbstractHtml(segments: readonly string[]): string {
  const paragraphs: { label: string | null; body: string[] }[] = [];
  for (const segment of segments) {
    const label = findSectionLabels(segment, 'en')[0];
    if (label !== undefined && label.start === 0) {
      paragraphs.push({ label: label.label, body: [segment.slice(label.end).trim()] });
    } else if (paragraphs.length === 0) {
      paragraphs.push({ label: null, body: [segment] });
    } else {
      paragraphs[paragraphs.length - 1]!.body.push(segment);
    }
  }
  return paragraphs
    .map((p) => `<p>${p.label !== null ? `<strong>${escapeHtml(p.label)}: </strong>` : ''}${escapeHtml(p.body.join(' '))}</p>`)
    .join('');
}

function stripLabel(text: string, lang: 'en' | 'zh'): string {
  const label = findSectionLabels(text, lang)[0];
  return label !== undefined && label.start === 0 ? text.slice(label.end) : text;
}

function titleFrom(segment: string): string {
  const words = stripLabel(segment, 'en').replace(/[.;:,]+$/, '').split(/\s+/).slice(0, 14);
  return `${words.join(' ')}.`;
}

function titleCnFrom(segment: string): string {
  const text = stripLabel(segment, 'zh');
  const cut = text.search(/[，。；：]/);
  return (cut > 0 ? text.slice(0, cut) : text).slice(0, 40);
}

const JOURNALS = [
  'Zhonghua Yi Xue Za Zhi', 'BMC Medical Informatics and Decision Making', 'NeuroRehabilitation',
  'Chinese Medical Journal', 'Journal of Clinical Nursing', 'PLoS One', 'The New England Journal of Medicine',
  'Zhongguo Zhong Yao Za Zhi', 'Journal of Biomedical Engineering', 'Frontiers in Public Health',
];
const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Smith', 'Dunn', 'Garcia', 'Yang', 'Huang', 'Krantz', 'Zhao'];
const GIVEN = ['Wei', 'Fang', 'Anya', 'David E', 'Min', 'Jing', 'Eric', 'Lei', 'Xiao', 'Maria', 'Tao', 'Yan'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

/** One record object: source material chosen by `random`, wrapped in the example's field order. */
function buildRecord(index: number, random: () => number, sources: CorpusSources): Record<string, unknown> {
  const doi = `10.5555/bench.${String(index).padStart(7, '0')}`;
  const roll = random();
  if (roll < 0.03) {
    // The example record itself, as the site exports it (its Chinese is the site's MT).
    return { ...sources.example, doi, ListUrlMain: `https://doi.org/${doi}` };
  }
  let en: string[];
  let zh: string[];
  if (roll < 0.38) {
    const doc = pick(random, sources.documents);
    en = doc.en;
    zh = doc.zh;
  } else {
    // A window of 3–12 consecutive aligned pairs: abstract-sized, with real label and omission cases.
    const run = pick(random, sources.runs);
    const length = Math.min(run.en.length, 3 + Math.floor(random() * 10));
    const start = Math.floor(random() * (run.en.length - length + 1));
    en = run.en.slice(start, start + length);
    zh = run.zh.slice(start, start + length);
  }
  const authorCount = 1 + Math.floor(random() * 5);
  const authors = Array.from({ length: authorCount }, () => `${pick(random, GIVEN)} ${pick(random, SURNAMES)}`).join(', ');
  const journal = pick(random, JOURNALS);
  const year = 2015 + Math.floor(random() * 10);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const firstEn = en.find((s) => s.trim() !== '') ?? '';
  const firstZh = zh.find((s) => s.trim() !== '') ?? '';
  return {
    ...sources.example,
    title: titleFrom(firstEn),
    authors,
    doi,
    abstract: englishAbstractHtml(en.filter((s) => s.trim() !== '')),
    PeriodicalId: 10_000 + (index % 9973),
    journal: { name: journal, volume: null, pages: null },
    PeriodicalIF: Math.round(random() * 9000) / 1000,
    publicationDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    citationCount: String(Math.floor(random() * 50)),
    PeriodicalName: journal,
    ListUrlMain: `https://doi.org/${doi}`,
    RegionNum: 1 + Math.floor(random() * 4),
    TitleCN: firstZh === '' ? null : titleCnFrom(firstZh),
    AbstractTextCN: zh.join(''),
    JCR: pick(random, ['Q1', 'Q2', 'Q3', 'Q4']),
  };
}

/** The corpus as JSONL lines (without newlines), generated lazily: memory stays flat for any N. */
export function* corpusLines(options: CorpusOptions, sources: CorpusSources = loadCorpusSources()): Generator<string> {
  const random = createRandom(options.seed ?? DEFAULT_SEED);
  for (let i = 0; i < options.records; i++) yield JSON.stringify(buildRecord(i, random, sources));
}

/** The cache file name for these options. */
export function corpusPath(options: CorpusOptions, dir: string = CACHE_DIR): string {
  return `${dir.replace(/\/$/, '')}/corpus-v${CORPUS_VERSION}-n${options.records}-s${options.seed ?? DEFAULT_SEED}.jsonl`;
}

/** Writes the corpus to `path` (via a temporary file renamed at the end). */
export function writeCorpus(path: string, options: CorpusOptions): void {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    let buffer: string[] = [];
    for (const line of corpusLines(options)) {
      buffer.push(line);
      if (buffer.length === 1000) {
        writeSync(fd, `${buffer.join('\n')}\n`);
        buffer = [];
      }
    }
    if (buffer.length > 0) writeSync(fd, `${buffer.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** The cached corpus for these options, built first when missing. */
export function ensureCorpus(options: CorpusOptions, dir: string = CACHE_DIR): { path: string; built: boolean } {
  const path = corpusPath(options, dir);
  if (existsSync(path)) return { path, built: false };
  mkdirSync(dir, { recursive: true });
  writeCorpus(path, options);
  return { path, built: true };
}

function argValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

if (import.meta.main) {
  const records = Number(argValue('--records') ?? DEFAULT_RECORDS);
  const seed = Number(argValue('--seed') ?? DEFAULT_SEED);
  if (!Number.isInteger(records) || records < 1) throw new Error('--records must be a positive integer');
  const started = performance.now();
  const { path, built } = ensureCorpus({ records, seed });
  process.stderr.write(`${built ? 'built' : 'reused'} ${records} records in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  process.stdout.write(`${path}\n`);
}
