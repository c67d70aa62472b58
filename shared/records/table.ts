import type { LoadError, ParseResult, RecordFormat, ReviewRecord } from './model.ts';
import { splitLines } from './lines.ts';
import { recordId } from './siteObject.ts';
import { assembleSide } from './side.ts';
import { errorDetail, loadError } from './loadErrorCodes.ts';
import { chooseColumns, type ColumnChoice } from './tableColumns.ts';

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

/**
 * The entry for a table whose columns cannot be told apart, at its first line (the header line,
 * when it has one), naming the columns in question by their header names or their numbers.
 */
function columnError(choice: ColumnChoice & { ok: false }, rows: readonly TableRow[], file: string): LoadError {
  const first = rows[0];
  const source = { file, line: first?.line ?? 1, offset: first?.offset ?? 0 };
  if (choice.reason === 'none') return loadError('table.noLanguageColumns', source, {});
  const names = choice.candidates.map((c) => (choice.header ? (first?.cells[c] ?? '').trim() : '') || String(c + 1));
  return loadError('table.ambiguousColumns', source, { columns: names.join(', ') });
}

/**
 * Parses TSV or CSV into records of sentence pairs. A header is recognised by its column names
 * (en/english/source/src/英文… and zh/chinese/target/tgt/mt/中文/译文…, optional id/doc); without
 * them, the columns are told apart by their content (`chooseColumns`). A table with no English
 * and Chinese pair, or with several alike, is one error at its first line; a row too short for
 * the columns is an error with its line, and the other rows still load.
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
    const choice = chooseColumns(rows);
    if (!choice.ok) {
      errors.push(columnError(choice, rows, file));
      return { records, errors };
    }
    const { en, zh, id, origin } = choice.columns;
    const body = choice.columns.header ? rows.slice(1) : rows;
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
