import type { LoadError, ParseResult, RecordFormat, ReviewRecord } from './model.ts';
import { createLineIndex, createLineSplitter, type TextLine } from './lines.ts';
import { isSiteObject, makeIdsUnique, siteRecord } from './siteObject.ts';
import { errorDetail, loadError } from './loadErrorCodes.ts';

/**
 * JSON and JSONL exports of the sites' metadata objects (the fields of a page dump's JSON line),
 * one record per object. JSON may be an array, a single object, or a wrapper `{records: […]}`
 * (also `data`, `items`, `results`, `articles`, `list`). JSONL streams: one object a line.
 */

const WRAPPER_KEYS = ['records', 'data', 'items', 'results', 'articles', 'list', 'papers'];

/*
 * Where each element of an array starts, so an error or a record can name its line. JSON.parse
 * gives no positions, so a small scanner walks the text once, skipping strings, and notes the
 * start of every value directly inside an array (keyed by the array's own offset) and of every
 * top-level object key's value.
 */
interface JsonLayout {
  arrays: Map<number, number[]>;
  topKeys: Map<string, number>;
}

function scanLayout(text: string): JsonLayout {
  const arrays = new Map<number, number[]>();
  const topKeys = new Map<string, number>();
  const stack: { kind: '[' | '{'; start: number; expectValue: boolean }[] = [];
  let lastString = '';
  let pendingKey: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === '\uFEFF') continue;
    const top = stack[stack.length - 1];
    if (top !== undefined && top.kind === '[' && top.expectValue && ch !== ']' && ch !== ',') {
      arrays.get(top.start)?.push(i);
      top.expectValue = false;
    }
    if (pendingKey !== null && stack.length === 1 && ch !== ':') {
      topKeys.set(pendingKey, i);
      pendingKey = null;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      lastString = text.slice(i + 1, j);
      i = j;
      let k = j + 1;
      while (k < text.length && /\s/.test(text[k] ?? '')) k++;
      if (text[k] === ':' && top?.kind === '{' && stack.length === 1) pendingKey = lastString;
      continue;
    }
    if (ch === '[' || ch === '{') {
      stack.push({ kind: ch, start: i, expectValue: ch === '[' });
      if (ch === '[') arrays.set(i, []);
    } else if (ch === ']' || ch === '}') {
      stack.pop();
    } else if (ch === ',' && top?.kind === '[') {
      top.expectValue = true;
    }
  }
  return { arrays, topKeys };
}

/** Turns V8's "at position N" (or "line L column C") into an offset in `text`, when it says one. */
function errorOffset(message: string, text: string): number | undefined {
  const pos = /position (\d+)/.exec(message);
  if (pos?.[1] !== undefined) return Math.min(Number(pos[1]), text.length);
  if (/end of JSON input|Unterminated/i.test(message)) return text.length;
  return undefined;
}

/**
 * Parses a JSON export (array, object or wrapper). A syntax error is one error entry with the
 * line it points at; an element that is not a record object is an error naming its line, and the
 * other elements still load.
 */
export function parseJsonRecords(text: string, file: string): ParseResult {
  const records: ReviewRecord[] = [];
  const errors: LoadError[] = [];
  const lineAt = createLineIndex(text);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = errorDetail(e);
    const offset = errorOffset(detail, text);
    const line = offset === undefined ? 1 : lineAt(offset);
    errors.push(loadError('json.invalid', { file, line, ...(offset === undefined ? {} : { offset }) }, { detail }));
    return { records, errors };
  }
  try {
    const layout = scanLayout(text);
    const first = text.search(/\S/);
    let items: unknown[] = [value];
    let offsets: number[] = [Math.max(0, first)];
    if (Array.isArray(value)) {
      items = value;
      offsets = layout.arrays.get(first) ?? [];
    } else if (value !== null && typeof value === 'object' && !isSiteObject(value)) {
      const obj = value as Record<string, unknown>;
      const key = WRAPPER_KEYS.find((k) => Array.isArray(obj[k]));
      if (key !== undefined) {
        items = obj[key] as unknown[];
        offsets = layout.arrays.get(layout.topKeys.get(key) ?? -1) ?? [];
      }
    }
    items.forEach((item, i) => {
      const offset = offsets[i] ?? Math.max(0, first);
      const source = { file, line: lineAt(offset), offset };
      const record = isSiteObject(item) ? siteRecord(item, source, 'json') : null;
      if (record !== null) records.push(record);
      else errors.push(loadError('json.entryNotRecord', source, { entry: i + 1 }));
    });
  } catch (e) {
    errors.push(loadError('json.failed', { file, line: 1, offset: 0 }, { detail: errorDetail(e) }, 'file'));
  }
  return { records, errors };
}

/** A streaming JSONL parser: push chunks, get the records and errors of the lines they completed. */
export interface JsonlParser {
  push(chunk: string): ParseResult;
  end(): ParseResult;
}

/**
 * Creates a streaming JSONL parser. Memory is bounded by the longest line: the main side can read
 * a 1 GB export chunk by chunk and store records as they come. Blank lines are skipped; a line
 * that does not parse or is not a record object becomes an error with its line number.
 */
export function createJsonlParser(options: { file: string; format?: RecordFormat }): JsonlParser {
  const { file } = options;
  const format = options.format ?? 'jsonl';
  const splitter = createLineSplitter();
  let seen = 0;
  const ids = new Map<string, number>();
  const counted = (result: ParseResult): ParseResult => {
    seen += result.records.length + result.errors.length;
    makeIdsUnique(result.records, ids);
    return result;
  };
  return {
    push: (chunk) => counted(readJsonlLines(splitter.push(chunk), file, format)),
    end: () => {
      const result = counted(readJsonlLines(splitter.end(), file, format));
      // An empty export is worth saying so: the user expected records from it.
      if (seen === 0) result.errors.push(loadError('jsonl.empty', { file, line: 1, offset: 0 }, {}));
      return result;
    },
  };
}

/**
 * The records and errors of some lines of a JSONL file. At module level, not a closure of each
 * parser: V8 drops a closure's optimised code at every major GC once no parser holding it is
 * alive, and a batch check makes a parser per task.
 */
function readJsonlLines(lines: readonly TextLine[], file: string, format: RecordFormat): ParseResult {
  const records: ReviewRecord[] = [];
  const errors: LoadError[] = [];
  for (const line of lines) {
    const text = line.line === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
    if (text.trim() === '') continue;
    const source = { file, line: line.line, offset: line.offset };
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      errors.push(loadError('json.invalid', source, { detail: errorDetail(e) }));
      continue;
    }
    try {
      const record = isSiteObject(value) ? siteRecord(value, source, format) : null;
      if (record !== null) records.push(record);
      else errors.push(loadError('jsonl.notRecord', source, {}));
    } catch (e) {
      errors.push(loadError('jsonl.recordFailed', source, { detail: errorDetail(e) }));
    }
  }
  return { records, errors };
}

/** Parses a whole JSONL text (the streaming parser, fed once). */
export function parseJsonlRecords(text: string, file: string): ParseResult {
  return parseJsonlChunks([text], file);
}

/**
 * Parses a JSONL text given as successive pieces (the streaming parser, fed each in turn): the
 * result of `parseJsonlRecords` on the pieces joined, without joining them. The batch check hands
 * a worker its lines in runs; joined they would be one string of half a megabyte or more, which
 * V8 allocates as a large object, dearer per byte than the pieces.
 */
export function parseJsonlChunks(chunks: readonly string[], file: string): ParseResult {
  const parser = createJsonlParser({ file });
  const records: ReviewRecord[] = [];
  const errors: LoadError[] = [];
  for (const chunk of chunks) gather(parser.push(chunk), records, errors);
  gather(parser.end(), records, errors);
  return { records, errors };
}

/** Appends a part's records and errors to the whole's. */
function gather(part: ParseResult, records: ReviewRecord[], errors: LoadError[]): void {
  for (const record of part.records) records.push(record);
  for (const error of part.errors) errors.push(error);
}
