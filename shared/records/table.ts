import type { LoadError, ParseResult, RecordFormat, ReviewRecord, TranslationOrigin } from './model.ts';
import { splitLines } from './lines.ts';
import { recordId } from './siteObject.ts';
import { assembleSide } from './side.ts';
import { errorDetail, loadError } from './loadErrorCodes.ts';

/**
 * TSV and CSV of sentence pairs: an English column, a Chinese column, optionally an id/doc column
 * that groups rows into records (without one the whole file is one record). Each row becomes a
 * pair in `presegmented`; the abstracts are the rows joined.
 */

/** One row of cells, with the line and offset where it starts. */
export interface TableRow {
  cells: string[];
  line: number;
  offset: number;
}

/**
 * RFC 4180 CSV: fields in double quotes may hold commas, line breaks and "" for a quote. An
 * unterminated quote swallows the rest of the file, so it is reported at the line it opened.
 */
export function readCsvRows(text: string, delimiter = ','): { rows: TableRow[]; error: { line: number; offset: number } | null } {
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let rowOffset = 0;
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  let rowStarted = false;
  const endRow = (): void => {
    cells.push(cell);
    if (rowStarted || cells.length > 1 || cell !== '') rows.push({ cells, line: rowLine, offset: rowOffset });
    cells = [];
    cell = '';
    rowStarted = false;
  };
  while (i < text.length) {
    const ch = text[i];
    if (!rowStarted) {
      rowLine = line;
      rowOffset = i;
    }
    if (ch === '"' && cell.trim() === '') {
      rowStarted = true;
      const quoteLine = line;
      const quoteOffset = i;
      cell = '';
      i++;
      for (;;) {
        if (i >= text.length) return { rows, error: { line: quoteLine, offset: quoteOffset } };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        cell += c;
        i++;
      }
      // Text between the closing quote and the delimiter is kept, as lenient readers do.
      while (i < text.length && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      continue;
    }
    if (ch === delimiter) {
      rowStarted = true;
      cells.push(cell);
      cell = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRow();
      line++;
    } else {
      rowStarted = true;
      cell += ch;
      i++;
    }
  }
  if (rowStarted || cell !== '') endRow();
  return { rows, error: null };
}

/** TSV: a tab between cells, no quoting (as WMT and MQM files are), so quotes stay text. */
export function readTsvRows(text: string): TableRow[] {
  return splitLines(text.replace(/^\uFEFF/, ''))
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ cells: l.text.split('\t'), line: l.line, offset: l.offset + (l.line === 1 && text.startsWith('\uFEFF') ? 1 : 0) }));
}

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

function columnOf(header: string[], names: readonly string[], langPrefix: string | null): number {
  const norm = header.map(normaliseHeader);
  const exact = norm.findIndex((h) => names.includes(h));
  if (exact >= 0) return exact;
  // Language codes as headers: en-US, zh-CN, zh_Hans.
  return langPrefix === null ? -1 : norm.findIndex((h) => new RegExp(`^${langPrefix}(_[a-z]{2,4})?$`).test(h));
}

const HAN = /\p{Script=Han}/u;

/** Without a header: the column whose cells mostly hold Chinese is zh; the longest Latin one is en. */
function guessColumns(rows: TableRow[]): { en: number; zh: number; id: number } {
  const sample = rows.slice(0, 50);
  const width = Math.max(0, ...sample.map((r) => r.cells.length));
  const stats = Array.from({ length: width }, (_, c) => {
    const cells = sample.map((r) => r.cells[c] ?? '');
    return {
      han: cells.filter((x) => HAN.test(x)).length / Math.max(1, cells.length),
      latin: cells.filter((x) => /[A-Za-z]{3,}/.test(x) && !HAN.test(x)).length / Math.max(1, cells.length),
      length: cells.reduce((n, x) => n + x.length, 0) / Math.max(1, cells.length),
      idLike: cells.every((x) => x.trim() !== '' && x.length <= 40 && !/\s/.test(x.trim())),
    };
  });
  const pick = (score: (s: (typeof stats)[number], c: number) => number): number => {
    let best = -1;
    let bestScore = 0;
    stats.forEach((s, c) => {
      const v = score(s, c);
      if (v > bestScore) {
        best = c;
        bestScore = v;
      }
    });
    return best;
  };
  const zh = pick((s) => (s.han >= 0.5 ? s.han * 1000 + s.length : 0));
  const en = pick((s, c) => (c !== zh && s.latin >= 0.5 ? s.length : 0));
  const id = pick((s, c) => (c !== zh && c !== en && c === 0 && s.idLike ? 1 : 0));
  return { en, zh, id };
}

function originOfColumn(name: string | undefined): TranslationOrigin {
  const h = normaliseHeader(name ?? '');
  if (['mt', 'hyp', 'hypothesis', 'output', 'mt_output', '机器翻译', '機器翻譯'].includes(h)) return 'machine';
  if (['reference', 'ref', '参考译文'].includes(h)) return 'human';
  return 'unknown';
}

/**
 * Parses TSV or CSV into records of sentence pairs. A header is recognised by its column names
 * (en/english/source/src/英文… and zh/chinese/target/tgt/mt/中文/译文…, optional id/doc); without
 * one, the columns are told apart by their content. A row too short for the columns is an error
 * with its line; the other rows still load.
 */
export function parseTableRecords(text: string, file: string, format: 'tsv' | 'csv'): ParseResult {
  const records: ReviewRecord[] = [];
  const errors: LoadError[] = [];
  try {
    let rows: TableRow[];
    if (format === 'csv') {
      const read = readCsvRows(text);
      rows = read.rows;
      if (read.error !== null) {
        errors.push(loadError('table.unclosedQuote', { file, ...read.error }, {}));
      }
    } else {
      rows = readTsvRows(text);
    }
    if (rows.length === 0) {
      errors.push(loadError('table.noRows', { file, line: 1, offset: 0 }, {}));
      return { records, errors };
    }
    const header = rows[0]?.cells ?? [];
    let en = columnOf(header, EN_NAMES, 'en');
    let zh = columnOf(header, ZH_NAMES, 'zh');
    let id = columnOf(header, ID_NAMES, null);
    let body = rows.slice(1);
    let origin: TranslationOrigin = originOfColumn(header[zh]);
    if (en < 0 || zh < 0 || en === zh) {
      ({ en, zh, id } = guessColumns(rows));
      body = rows;
      origin = 'unknown';
      if (en < 0 || zh < 0) {
        const first = rows[0];
        errors.push(loadError('table.noLanguageColumns', { file, line: first?.line ?? 1, offset: first?.offset ?? 0 }, {}));
        return { records, errors };
      }
    }
    // "source"/"target" say nothing of direction: a zh→en file (like WMT MQM) has Chinese in "source".
    const hanShare = (column: number): number => {
      const cells = body.slice(0, 50).map((r) => r.cells[column] ?? '').filter((c) => c.trim() !== '');
      return cells.filter((c) => HAN.test(c)).length / Math.max(1, cells.length);
    };
    if (hanShare(en) > 0.5 && hanShare(zh) < 0.2) [en, zh] = [zh, en];
    const need = Math.max(en, zh, id) + 1;
    const groups = new Map<string, { line: number; offset: number; en: string[]; zh: string[] }>();
    for (const row of body) {
      if (row.cells.length < need) {
        errors.push(loadError('table.shortRow', { file, line: row.line, offset: row.offset }, { expected: need, found: row.cells.length }));
        continue;
      }
      const enText = (row.cells[en] ?? '').trim();
      const zhText = (row.cells[zh] ?? '').trim();
      if (enText === '' && zhText === '') continue;
      const key = id >= 0 ? (row.cells[id] ?? '').trim() : '';
      let group = groups.get(key);
      if (group === undefined) {
        group = { line: row.line, offset: row.offset, en: [], zh: [] };
        groups.set(key, group);
      }
      group.en.push(enText);
      group.zh.push(zhText);
    }
    for (const [key, group] of groups) {
      const source = { file, line: group.line, offset: group.offset };
      const enAbstract = group.en.filter((s) => s !== '').join(' ');
      const zhAbstract = group.zh.filter((s) => s !== '').join('');
      records.push({
        id: key !== '' ? `${file}#${key}` : recordId(undefined, source),
        source,
        format: format satisfies RecordFormat,
        metadata: {},
        en: assembleSide('', [{ label: null, body: enAbstract }], 'en'),
        zh: zhAbstract === '' ? null : assembleSide('', [{ label: null, body: zhAbstract }], 'zh'),
        translation: origin,
        presegmented: { en: group.en, zh: group.zh, aligned: true },
      });
    }
    if (records.length === 0 && errors.length === 0) {
      errors.push(loadError('table.noPairs', { file, line: 1, offset: 0 }, {}));
    }
  } catch (e) {
    errors.push(loadError('table.failed', { file, line: 1, offset: 0 }, { detail: errorDetail(e) }, 'file'));
  }
  return { records, errors };
}
