import { readCsvRows, type TableRow } from './table.ts';

/*
 * Tells a comma-separated table from prose by its shape, whatever the file is called: a CSV export saved
 * as `.txt` has the same number of cells on every line, while a page dump's lines (a title, the
 * metrics line, the author list, the JSON line, paragraphs) have as many commas as the prose
 * happens to have. Header names are not needed; the table parser decides the columns.
 */

/** Lines looked at: enough to see a shape, few enough that a long file decides quickly. */
const SAMPLE_ROWS = 20;

const HAN = /\p{Script=Han}/u;

/** A row with a Chinese cell and an English one: a sentence pair, which prose lines are not. */
function bilingualRow(row: TableRow): boolean {
  return row.cells.some((cell) => HAN.test(cell)) && row.cells.some((cell) => /[A-Za-z]{2,}/.test(cell) && !HAN.test(cell));
}

/**
 * Same cell count (two or more) on every sampled row. Two rows are little evidence, so then
 * the first must look like a header (short cells, no sentence punctuation), or both rows must
 * be sentence pairs, to count.
 */
function consistentShape(rows: readonly TableRow[]): boolean {
  const width = rows[0]?.cells.length ?? 0;
  if (rows.length < 2 || width < 2 || rows.some((r) => r.cells.length !== width)) return false;
  if (rows.length >= 3 || rows.every(bilingualRow)) return true;
  return (rows[0]?.cells ?? []).every((cell) => cell.trim() !== '' && cell.trim().length <= 40 && !/[.。!?！？]/.test(cell));
}

/*
 * Prose puts a space after its commas ("Dunn W, Bershad A"); CSV writers do not. A file whose
 * every separator is followed by a space is taken for prose, unless its rows below the first
 * are sentence pairs (a table typed by hand).
 */
function proseCommas(rows: readonly TableRow[]): boolean {
  const later = rows.flatMap((r) => r.cells.slice(1));
  return later.length > 0 && later.every((cell) => /^ \S/.test(cell)) && !rows.slice(1).every(bilingualRow);
}

/**
 * True when the start of `text` is comma-separated (RFC 4180 quotes: a quoted field may hold
 * commas and line breaks). `cut` says `text` is the head of a longer file, whose last row may
 * be cut short. Tab-separated tables are told by their tabs alone (`detectFormat`).
 */
export function looksLikeCsv(text: string, cut: boolean): boolean {
  const read = readCsvRows(text);
  const rows = read.rows.slice(0, SAMPLE_ROWS + 1);
  // The last row read ends at the cut, so it may be shorter than it is in the file.
  if (cut && read.error === null && rows.length === read.rows.length) rows.pop();
  const sample = rows.slice(0, SAMPLE_ROWS);
  return consistentShape(sample) && !proseCommas(sample);
}
