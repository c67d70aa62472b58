import type { ParseResult, RecordFormat } from './model.ts';
import { parseJsonlRecords, parseJsonRecords } from './json.ts';
import { errorDetail, loadError } from './loadErrorCodes.ts';
import { parsePageDump } from './page.ts';
import { makeIdsUnique } from './siteObject.ts';
import { parseTableRecords } from './table.ts';
import { looksLikeCsv } from './tableDetect.ts';
import { looksLikeWmt, parseWmtFile } from './wmt.ts';
import { parseXmlRecords } from './xml.ts';

/** Options for `parseRecords`: where the text came from, and an optional format override. */
export interface ParseOptions {
  file: string;
  format?: RecordFormat;
}

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** How much of a file its format is guessed from. */
const HEAD_CHARS = 65536;

const CSV_HEADER = /^\s*"?[\p{L}_ -]+"?\s*(,\s*"?[\p{L}_ -]*"?\s*)+$/u;

/** True when the first line is a complete JSON object and the next non-blank line starts another. */
function looksLikeJsonl(text: string): boolean {
  const lines = text.split(/\r?\n/, 50).filter((l) => l.trim() !== '');
  const first = lines[0]?.trim() ?? '';
  if (!first.startsWith('{')) return false;
  try {
    JSON.parse(first);
  } catch {
    return false;
  }
  return lines.length === 1 || (lines[1]?.trim().startsWith('{') ?? false);
}

function tabbedShare(text: string): number {
  const lines = text.slice(0, HEAD_CHARS).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 20);
  if (lines.length === 0) return 0;
  return lines.filter((l) => l.includes('\t')).length / lines.length;
}

/**
 * Guesses the format of a file from its content first (an XML root, JSON, the WMT line shape)
 * and its extension second, then by content again: tabs on most lines, or the same number of
 * comma-separated cells on every line (`looksLikeCsv`), make a table whatever the name, since a
 * `.txt` can hold anything and exports are often misnamed. Anything unrecognised is read as a
 * page dump, the most forgiving parser; except an `.xml` file that starts with a tag, which goes to
 * the XML reader.
 */
export function detectFormat(name: string, text: string): RecordFormat {
  const ext = extensionOf(name);
  const cut = text.length > HEAD_CHARS;
  const head = text.slice(0, HEAD_CHARS).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) {
    if (/<tmx[\s>]/i.test(head)) return 'tmx';
    if (/<xliff[\s>]/i.test(head)) return 'xliff';
    if (ext === 'tmx') return 'tmx';
    if (ext === 'xlf' || ext === 'xliff' || ext === 'sdlxliff') return 'xliff';
    // An .xml file is one of the XML formats (TMX, XLIFF, or WMT's SGML): any other root goes to
    // the XML reader (TMX and XLIFF share it), whose error names it, instead of loading as a page.
    if (ext === 'xml') return looksLikeWmt(head) ? 'wmt' : 'tmx';
  }
  if (head.startsWith('[')) return 'json';
  if (head.startsWith('{')) {
    if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
    const objects = head.split(/\r?\n/).filter((l) => l.trim() !== '').length;
    return looksLikeJsonl(head) && objects > 1 ? 'jsonl' : 'json';
  }
  if (looksLikeWmt(head)) return 'wmt';
  if (ext === 'tmx') return 'tmx';
  if (ext === 'xlf' || ext === 'xliff') return 'xliff';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (tabbedShare(head) >= 0.8) return 'tsv';
  if (looksLikeCsv(head, cut)) return 'csv';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (CSV_HEADER.test(firstLine) && /\b(en|english|source|src)\b|英文|原文/i.test(firstLine) && /\b(zh|chinese|target|tgt|mt)\b|中文|译文/i.test(firstLine)) {
    return 'csv';
  }
  return 'page';
}

/**
 * Parses a decoded file's text into records and error entries, never throwing. The format is
 * `options.format` when the user chose one, otherwise `detectFormat`'s guess. A WMT file read
 * alone gives English-only records; pair the two files with `parseWmtPair`.
 */
export function parseRecords(text: string, options: ParseOptions): ParseResult {
  const result = parseByFormat(text, options);
  makeIdsUnique(result.records);
  return result;
}

function parseByFormat(text: string, options: ParseOptions): ParseResult {
  const { file } = options;
  try {
    const format = options.format ?? detectFormat(file, text);
    switch (format) {
      case 'page':
        return parsePageDump(text, file);
      case 'json':
        return parseJsonRecords(text, file);
      case 'jsonl':
        return parseJsonlRecords(text, file);
      case 'tsv':
      case 'csv':
        return parseTableRecords(text, file, format);
      case 'tmx':
      case 'xliff':
        return parseXmlRecords(text, file);
      case 'wmt':
        return parseWmtFile(text, file);
    }
  } catch (e) {
    // Each parser already catches its own failures; this keeps the promise if one slips through.
    return { records: [], errors: [loadError('parse.failed', { file, line: 1, offset: 0 }, { detail: errorDetail(e) }, 'file')] };
  }
  return { records: [], errors: [loadError('parse.unknownFormat', { file, line: 1, offset: 0 }, { format: String(options.format) }, 'file')] };
}
