import type { TranslationOrigin } from './model.ts';

/**
 * Which column of a sentence-pair table is English, which Chinese, which (if any) an id: by the
 * header's names when it has them, by content when it does not. A table read without being asked
 * for (a `.txt` that turned out to be CSV) must not be guessed at: when content cannot decide
 * (two Chinese columns, two English ones of the same kind) the answer is "ambiguous", and the
 * caller reports it rather than loading the wrong pair.
 */

/** The cells of one row; the reader's other fields are not needed here. */
export interface CellRow {
  cells: string[];
}

export interface TableColumns {
  en: number;
  zh: number;
  /** -1 when there is no id column (the whole file is one record). */
  id: number;
  /** True when the first row names the columns rather than holding a sentence pair. */
  header: boolean;
  origin: TranslationOrigin;
}

export type ColumnChoice =
  | { ok: true; columns: TableColumns }
  /** `none`: no English or no Chinese column; `ambiguous`: more than one of a kind, those in `candidates`. */
  | { ok: false; reason: 'none' | 'ambiguous'; header: boolean; candidates: number[] };

const EN_NAMES = ['en', 'eng', 'english', 'source', 'src', 'original', 'source_text', 'en_text', 'text_en', 'sentence_en', 'abstract_en', 'en_sentence', '英文', '原文', '源文', '英语'];
const ZH_NAMES = [
  'zh', 'zho', 'chi', 'chinese', 'target', 'tgt', 'mt', 'translation', 'hyp', 'hypothesis', 'output', 'mt_output',
  'reference', 'ref', 'target_text', 'zh_text', 'text_zh', 'sentence_zh', 'abstract_zh', 'zh_sentence', 'cn',
  '中文', '译文', '譯文', '汉语', '中文译文', '机器翻译', '機器翻譯', '翻译', '参考译文',
];
const ID_NAMES = ['id', 'doc', 'docid', 'doc_id', 'document', 'document_id', 'record', 'record_id', 'pmid', 'doi', 'article', 'article_id', '编号', '文献'];

function normaliseHeader(cell: string): string {
  return cell.trim().toLowerCase().replace(/^["']|["']$/g, '').replace(/[\s-]+/g, '_');
}

/** Words that make a short Chinese header name a language: 摘要译文, 英文句子, 机器翻译结果. */
const ZH_NAME_WORDS = /中文|译文|譯文|翻译|翻譯|汉语/;
const EN_NAME_WORDS = /英文|英语|原文|源文/;

function columnOf(header: readonly string[], names: readonly string[], langPrefix: 'en' | 'zh' | null): number {
  const norm = header.map(normaliseHeader);
  const exact = norm.findIndex((h) => names.includes(h));
  if (exact >= 0) return exact;
  if (langPrefix === null) return -1;
  // Language codes as headers: en-US, zh-CN, zh_Hans.
  const code = norm.findIndex((h) => new RegExp(`^${langPrefix}(_[a-z]{2,4})?$`).test(h));
  if (code >= 0) return code;
  const words = langPrefix === 'en' ? EN_NAME_WORDS : ZH_NAME_WORDS;
  const other = langPrefix === 'en' ? ZH_NAME_WORDS : EN_NAME_WORDS;
  return norm.findIndex((h) => h.length <= 8 && words.test(h) && !other.test(h));
}

function originOfColumn(name: string | undefined): TranslationOrigin {
  const h = normaliseHeader(name ?? '');
  if (['mt', 'hyp', 'hypothesis', 'output', 'mt_output', '机器翻译', '機器翻譯'].includes(h)) return 'machine';
  if (['reference', 'ref', '参考译文'].includes(h)) return 'human';
  return 'unknown';
}

const HAN = /\p{Script=Han}/u;
const HAN_ALL = /\p{Script=Han}/gu;
const LATIN_ALL = /[A-Za-z]/g;
/** How many rows the content of a column is judged by. */
const SAMPLE_ROWS = 50;

interface ColumnStats {
  /** Han characters among the column's Han and Latin letters: ~1 for Chinese, 0 for English. */
  hanChars: number;
  /** Share of non-empty cells holding any Han character. */
  hanCells: number;
  /** Share of non-empty cells holding Latin letters and no Han. */
  latinCells: number;
  /** Mean cell length. */
  length: number;
  /** Every cell short and without spaces: a document or row id, not a sentence. */
  idLike: boolean;
}

function columnStats(rows: readonly CellRow[], width: number): ColumnStats[] {
  const sample = rows.slice(0, SAMPLE_ROWS);
  return Array.from({ length: width }, (_, c) => {
    const cells = sample.map((r) => r.cells[c] ?? '');
    const filled = cells.filter((x) => x.trim() !== '');
    let han = 0;
    let latin = 0;
    for (const cell of filled) {
      han += cell.match(HAN_ALL)?.length ?? 0;
      latin += cell.match(LATIN_ALL)?.length ?? 0;
    }
    const share = (test: (cell: string) => boolean): number => filled.filter(test).length / Math.max(1, filled.length);
    return {
      hanChars: han / Math.max(1, han + latin),
      hanCells: share((x) => HAN.test(x)),
      latinCells: share((x) => /[A-Za-z]/.test(x) && !HAN.test(x)),
      length: cells.reduce((n, x) => n + x.length, 0) / Math.max(1, cells.length),
      idLike: cells.every((x) => x.trim() !== '' && x.length <= 40 && !/\s/.test(x.trim())),
    };
  });
}

/*
 * Chinese by content: most cells hold Han and Han is a good part of the letters (a Chinese
 * sentence keeps its Latin drug names and acronyms, so not all of them). English: Latin letters in
 * most cells and hardly any Han (a name or a term in Chinese may slip into an English sentence).
 */
const isChinese = (s: ColumnStats): boolean => s.hanCells >= 0.5 && s.hanChars >= 0.3;
const isEnglish = (s: ColumnStats): boolean => s.latinCells >= 0.5 && s.hanChars <= 0.05;

/**
 * The one column of a kind, or all of them when content cannot tell them apart. English
 * candidates that look like ids give way to one that holds sentences; of several sentence
 * columns, one clearly longer (1.5×) than the rest is taken, as an abstract beside notes.
 */
function pickByContent(stats: readonly ColumnStats[], test: (s: ColumnStats) => boolean, taken: readonly number[], preferSentences: boolean): number[] {
  let candidates = stats.map((s, c) => (test(s) && !taken.includes(c) ? c : -1)).filter((c) => c >= 0);
  if (preferSentences && candidates.some((c) => !stats[c]!.idLike)) candidates = candidates.filter((c) => !stats[c]!.idLike);
  if (candidates.length <= 1) return candidates;
  const byLength = [...candidates].sort((a, b) => stats[b]!.length - stats[a]!.length);
  const [longest, next] = [stats[byLength[0]!]!.length, stats[byLength[1]!]!.length];
  return longest >= next * 1.5 ? [byLength[0]!] : candidates;
}

/**
 * Whether a first row whose cells are no known column names is a header nevertheless, judged
 * against the rows below it: a cell without Han above a Chinese column (`tgt`, `col2`), a cell
 * with Han above an English one, an identifier no sentence looks like (`abstract_text`,
 * `srcText`), or short labels above cells twice as long.
 */
function firstRowIsHeader(first: CellRow, below: readonly CellRow[]): boolean {
  if (below.length === 0) return false;
  const width = Math.max(first.cells.length, ...below.slice(0, SAMPLE_ROWS).map((r) => r.cells.length));
  const stats = columnStats(below, width);
  const cell = (c: number): string => first.cells[c] ?? '';
  const language = stats.map((s, c) => (isChinese(s) ? c : isEnglish(s) && !s.idLike ? c : -1)).filter((c) => c >= 0);
  if (language.some((c) => (isChinese(stats[c]!) ? !HAN.test(cell(c)) : HAN.test(cell(c))))) return true;
  if (first.cells.some((x) => /^[A-Za-z]+[0-9]*(?:[_.][A-Za-z0-9]+|[a-z][A-Z][a-z]*)+$/.test(x.trim()))) return true;
  const labels = first.cells.every((x) => x.trim() !== '' && x.trim().length <= 32 && !/[.。!?！？;；]/.test(x));
  const labelLength = language.reduce((n, c) => n + cell(c).length, 0);
  const bodyLength = language.reduce((n, c) => n + stats[c]!.length, 0);
  return labels && language.length > 0 && bodyLength >= 2 * labelLength;
}

/**
 * Chooses the English, Chinese and id columns of a table (`rows` from its first line on).
 * Named columns win (en/english/source/src/英文…, zh/chinese/target/tgt/mt/中文/译文…, id/doc…);
 * "source"/"target" say nothing of direction, so a named pair whose "English" column is Chinese
 * by content is swapped (a zh→en file such as WMT MQM has Chinese in "source"). A language the
 * header does not name is chosen by content among the other columns.
 */
export function chooseColumns(rows: readonly CellRow[]): ColumnChoice {
  const first = rows[0]?.cells ?? [];
  let en = columnOf(first, EN_NAMES, 'en');
  let zh = columnOf(first, ZH_NAMES, 'zh');
  const namedId = columnOf(first, ID_NAMES, null);
  if (en === zh) en = zh = -1;
  const named = en >= 0 || zh >= 0 || namedId >= 0;
  const header = named || firstRowIsHeader({ cells: [...first] }, rows.slice(1));
  const body = header ? rows.slice(1) : rows;
  const width = Math.max(first.length, ...body.slice(0, SAMPLE_ROWS).map((r) => r.cells.length));
  const stats = columnStats(body, width);
  const origin = zh >= 0 ? originOfColumn(first[zh]) : 'unknown';
  if (en >= 0 && zh >= 0) {
    const swap = (stats[en]?.hanCells ?? 0) > 0.5 && (stats[zh]?.hanCells ?? 0) < 0.2;
    return { ok: true, columns: { en: swap ? zh : en, zh: swap ? en : zh, id: namedId, header: true, origin } };
  }
  const taken = [en, zh, namedId].filter((c) => c >= 0);
  const zhFound = zh >= 0 ? [zh] : pickByContent(stats, isChinese, taken, false);
  const enFound = en >= 0 ? [en] : pickByContent(stats, isEnglish, [...taken, ...zhFound], true);
  if (zhFound.length === 0 || enFound.length === 0) return { ok: false, reason: 'none', header, candidates: [] };
  if (zhFound.length > 1 || enFound.length > 1) {
    const alike = [...(enFound.length > 1 ? enFound : []), ...(zhFound.length > 1 ? zhFound : [])];
    return { ok: false, reason: 'ambiguous', header, candidates: alike.sort((a, b) => a - b) };
  }
  en = enFound[0]!;
  zh = zhFound[0]!;
  // Unnamed, an id column is the first one, when every cell is a short token.
  const id = namedId >= 0 ? namedId : en !== 0 && zh !== 0 && stats[0]?.idLike ? 0 : -1;
  return { ok: true, columns: { en, zh, id, header, origin } };
}
