import type { LoadError, SourceLocation } from './model.ts';

/**
 * Every reason a file or record can fail to load, by a stable code, with its English text.
 *
 * The English template is the one source of the English wording: `loadError` fills it in for
 * `LoadError.message` (what the CLI prints and logs keep), and the renderer registers this table
 * as the English side of its `loadErrors` i18n namespace, beside the Chinese one
 * (renderer/src/i18n/locales/loadErrors.zh-CN.json). A test there holds the two to the same codes
 * and placeholders, so a code added here without a translation fails it.
 *
 * Placeholders are i18next's `{{name}}`. A `detail` placeholder carries text we do not control
 * (a JSON.parse or XML parser message, an operating-system error), shown as is in both languages.
 * Codes are part of the data crossing to the renderer and into saved state: rename none, add freely.
 */
export const LOAD_ERROR_MESSAGES = {
  // Bytes → text (decode.ts).
  'decode.tooLarge': '{{size}} bytes is over the {{limit}}-byte limit; split the file or load it as JSONL, which streams',
  'decode.unreadable': 'unreadable {{encoding}}',
  'decode.pdf': 'looks like a PDF document, not a text file',
  'decode.zip': 'looks like a ZIP archive (or a .docx/.xlsx file), not a text file',
  'decode.gzip': 'looks like a gzip archive, not a text file',
  'decode.png': 'looks like a PNG image, not a text file',
  'decode.jpeg': 'looks like a JPEG image, not a text file',
  'decode.oldOffice': 'looks like an old Office document (.doc/.xls), not a text file',
  'decode.sqlite': 'looks like an SQLite database, not a text file',
  'decode.nulBytes': 'contains NUL bytes ({{count}} in the first {{sample}}): a binary file, not text',
  'decode.controlCharacters': '{{percent}}% control characters: a binary file, not text',
  'decode.unknownEncoding': 'not valid UTF-8, UTF-16 or GB18030 text; save it as UTF-8 and load it again',
  'decode.replacedBytes': '{{count}} invalid UTF-8 byte sequence(s) replaced by �',

  // Any parser (parse.ts).
  'parse.failed': 'could not be read ({{detail}})',
  'parse.unknownFormat': 'unknown format {{format}}',

  // JSON and JSONL (json.ts).
  'json.invalid': 'invalid JSON ({{detail}})',
  'json.entryNotRecord': 'entry {{entry}} is not a record (no title or abstract)',
  'json.failed': 'JSON could not be read ({{detail}})',
  'jsonl.notRecord': 'not a record object (no title or abstract)',
  'jsonl.recordFailed': 'record could not be read ({{detail}})',
  'jsonl.empty': 'no JSON lines',

  // Page dumps (page.ts).
  'page.brokenJsonLine': 'the JSON metadata line does not parse ({{detail}}); the page text is used',
  'page.noTitleOrAbstract': 'no English title or abstract found in this page',
  'page.noArticle': 'no article page found (no title, abstract or metadata line)',
  'page.failed': 'page dump could not be read ({{detail}})',

  // TSV and CSV (table.ts).
  'table.unclosedQuote': 'a quoted CSV field opened here is never closed; the rest of the file was not read',
  'table.noRows': 'no rows',
  'table.noLanguageColumns': 'no English and Chinese columns found (name them en/zh, source/target, 英文/中文, or put Chinese text in one column)',
  'table.ambiguousColumns': 'cannot tell which columns are the English and the Chinese to pair: columns {{columns}} hold the same language; name the pair en and zh (or 英文 and 中文) in a header line',
  'table.shortRow': 'expected at least {{expected}} columns, found {{found}}',
  'table.noPairs': 'no sentence pairs (every row is empty)',
  'table.failed': 'table could not be read ({{detail}})',

  // TMX and XLIFF (xml.ts).
  'xml.unitWithoutEnglish': 'unit {{unit}} has no English text',
  'xml.unnamedUnitWithoutEnglish': 'unit (no id) has no English text',
  'xml.unknownRoot': 'root element <{{element}}> is neither <tmx> nor <xliff>',
  'xml.malformed': 'malformed XML ({{detail}})',
  'xml.malformedAfterUnits': 'malformed XML ({{detail}}); what was read before it is kept',
  'xml.noRoot': 'no XML root element found',
  'xml.noUnits': 'no translation units with English text found',

  // WMT and line-aligned pairs (wmt.ts).
  'wmt.badLine': 'expected DOC_ID<TAB>SENT_ID<TAB>SENTENCE',
  'wmt.chineseAlone': 'this WMT file is Chinese; open it together with its English sibling to pair the documents',
  'wmt.empty': 'no WMT lines',
  'wmt.failed': 'WMT file could not be read ({{detail}})',
  'wmt.docWithoutChinese': 'document {{doc}} has no Chinese in {{otherFile}}',
  'wmt.docWithoutEnglish': 'document {{doc}} has no English in {{otherFile}}',
  'wmt.pairFailed': 'WMT pair could not be read ({{detail}})',
  'wmt.noEnglishLines': 'no English lines',
  'wmt.lineCountMismatch': '{{zhLines}} Chinese lines for {{enLines}} English lines; pairs after line {{lastPaired}} have no counterpart',

  // Files and folders, as the main side reads them (electron/services/loadErrors.ts builds these).
  'file.notFound': 'No such file or folder',
  'file.permissionDenied': 'Permission denied',
  'file.isFolder': 'Is a folder',
  'file.readFailed': '{{detail}}',
  'file.tooLarge': 'File is {{size}}, over the {{limit}} limit',
  'file.tooLargeNotJsonl': 'File is {{size}}, over the {{limit}} limit (JSONL files may be larger: they are read line by line)',
  'folder.tooManyFiles': 'Folder holds {{found}} record files; only the first {{opened}} were opened',
  'folder.noRecordFiles': 'Folder holds no record files (.jsonl, .json, .tsv, .csv, .tmx, .xliff, .txt …)',
  'line.tooLong': 'line is longer than {{limit}} characters; skipped',
  'parser.crashed': 'Parser failed: {{detail}}',
  'errors.more': '… and {{more}} more errors in this file',
} as const;

export type LoadErrorCode = keyof typeof LOAD_ERROR_MESSAGES;

/** The placeholder names of a template, from its type: `'a {{x}} b {{y}}'` → `'x' | 'y'`. */
type Placeholders<T extends string> = T extends `${string}{{${infer Name}}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The values a code's template needs, checked by the compiler at every `loadError` call. */
export type LoadErrorParamsOf<C extends LoadErrorCode> = { [Name in Placeholders<(typeof LOAD_ERROR_MESSAGES)[C]>]: string | number };

/** Every code, for tests and for a renderer that checks what it was sent. */
export const LOAD_ERROR_CODES = Object.keys(LOAD_ERROR_MESSAGES) as LoadErrorCode[];

/** True for a code this build knows (a code from elsewhere falls back to the English message). */
export function isLoadErrorCode(code: unknown): code is LoadErrorCode {
  return typeof code === 'string' && Object.hasOwn(LOAD_ERROR_MESSAGES, code);
}

/** Fills `{{name}}` placeholders; a missing value stays visible as `{{name}}` rather than vanishing. */
export function fillTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/**
 * How the English message names the place: `'line'` as `file:line: ` (or `file: ` without a
 * line), `'file'` as `file: ` even when the source has a line, `'none'` not at all (the main
 * side's file and folder errors, whose entries name the file beside the message).
 */
export type LoadErrorPlace = 'line' | 'file' | 'none';

/**
 * Builds a load error: the code and its params for the UI to translate, and the English message
 * for the CLI and logs, prefixed with the place as the parsers have always written it.
 */
export function loadError<C extends LoadErrorCode>(code: C, source: SourceLocation, params: LoadErrorParamsOf<C>, place: LoadErrorPlace = 'line'): LoadError {
  const values = params as Record<string, string | number>;
  const prefix = place === 'none' ? '' : place === 'line' && source.line !== undefined ? `${source.file}:${source.line}: ` : `${source.file}: `;
  return { source, message: prefix + fillTemplate(LOAD_ERROR_MESSAGES[code], values), code, params: { ...values } };
}

/** The text of an unknown thrown value, for a `detail` placeholder. */
export function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
