/**
 * Turns command-line inputs (files, folders, globs) into a stream of work items for the pool.
 *
 * JSONL files are cut into tasks of a few hundred lines as they are read, so a 100,000-record
 * file never sits in memory whole: the pool pulls tasks only as fast as workers finish them.
 * Other formats (page dumps, TSV, TMX …) are one task per file, read inside the worker.
 */
import { glob, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { RecordFormat, SourceLocation } from '../../shared/records/model.ts';
import { readTextChunks } from '../services/fileReading.ts';
import { LineRunCutter, type LineRunPiece } from './jsonlLines.ts';

/** One unit of work: a whole file, or a run of JSONL lines with where they start. */
export interface RecordTask {
  file: string;
  format?: RecordFormat;
  /**
   * The lines' text (JSONL chunks), whole or in parts of whole lines to be joined with `\n` (see
   * `LineRun.parts`; `taskText` joins them); absent when the worker should read `file` itself.
   */
  text?: string | string[];
  /** 1-based line of the first line of `text` in `file`. */
  firstLine?: number;
  /** Character offset of `text` in the file's decoded text. */
  firstOffset?: number;
  /** Set when the input could not be read; the job turns it into an error entry. */
  error?: string;
}

/** The text of a task, its parts joined (the worker parses a JSONL task's parts without joining them; see loadTask). */
export function taskText(task: RecordTask): string | undefined {
  return Array.isArray(task.text) ? task.text.join('\n') : task.text;
}

/** A path that could not be used as input. */
export interface InputError {
  source: SourceLocation;
  message: string;
}

/** The file extensions a folder is searched for. */
export const RECORD_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.json', '.jsonl', '.ndjson', '.tsv', '.csv', '.tmx', '.xlf', '.xliff', '.sgm', '.sgml', '.xml']);
const LINE_STREAMED = new Set(['.jsonl', '.ndjson']);
const GLOB_CHARS = /[*?[\]{}]/;
/**
 * JSONL is read 64 KB at a time: a decoded chunk then stays under V8's 128 KB large-object size,
 * and large strings cost the main thread several times more per byte (1 MB chunks: ~0.15 s more
 * thread CPU per 33 MB file).
 */
const READ_CHUNK_BYTES = 64 * 1024;

async function walk(folder: string, files: string[]): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    // Hidden entries (.git, .DS_Store, editor swap files) are never records.
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await walk(path, files);
    else if (entry.isFile() && RECORD_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
}

/**
 * Expands the command line's paths into files, in a stable order: a file as given, a folder's
 * record files recursively (sorted), a glob's matches (sorted; Node's own `fs.glob`, so `**`,
 * `{a,b}` and `[ab]` work as in the shell, also on Windows where the shell does not expand).
 * Paths that match nothing become errors, never exceptions.
 */
export async function expandInputs(paths: readonly string[]): Promise<{ files: string[]; errors: InputError[] }> {
  const files: string[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const path of paths) {
    try {
      const info = await stat(path).catch(() => null);
      if (info?.isDirectory()) {
        const found: string[] = [];
        await walk(path, found);
        if (found.length === 0) errors.push({ source: { file: path }, message: 'Folder holds no record files' });
        found.forEach(add);
      } else if (info !== null) {
        add(path);
      } else if (GLOB_CHARS.test(path)) {
        const matches: string[] = [];
        for await (const match of glob(path)) matches.push(match);
        matches.sort();
        if (matches.length === 0) errors.push({ source: { file: path }, message: 'No files match this pattern' });
        for (const match of matches) {
          if ((await stat(match)).isDirectory()) await walk(match, files);
          else add(match);
        }
      } else {
        errors.push({ source: { file: path }, message: 'No such file or folder' });
      }
    } catch (error) {
      errors.push({ source: { file: path }, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { files, errors };
}

/**
 * Replaces each glob pattern among `paths` by its matches (sorted), leaving plain paths as they
 * are for the caller's own file and folder handling. A pattern that matches nothing is an error.
 * Node's `fs.glob` does the matching, so `**`, `{a,b}` and `[ab]` also work where the shell does
 * not expand them (Windows, or a quoted pattern).
 */
export async function expandGlobs(paths: readonly string[]): Promise<{ paths: string[]; errors: InputError[] }> {
  const out: string[] = [];
  const errors: InputError[] = [];
  for (const path of paths) {
    const exists = await stat(path).then(() => true, () => false);
    if (exists || !GLOB_CHARS.test(path)) {
      out.push(path);
      continue;
    }
    const matches: string[] = [];
    for await (const match of glob(path)) matches.push(match);
    if (matches.length === 0) errors.push({ source: { file: path }, message: 'No files match this pattern' });
    out.push(...matches.sort());
  }
  return { paths: out, errors };
}

/** Options for `recordTasks`. */
export interface RecordTaskOptions {
  /** JSONL lines per task: big enough to amortise a message, small enough to balance workers. */
  linesPerTask?: number;
  /** A line longer than this is skipped with an error rather than buffered. */
  maxLineChars?: number;
  /** Treat every file as this format (the CLI's `--format`). */
  format?: RecordFormat;
}

/**
 * The tasks for a list of files, produced lazily: JSONL files are read and cut as the consumer
 * asks for more, so memory holds one task per pending slot of the pool.
 */
export async function* recordTasks(files: Iterable<string> | AsyncIterable<string>, options: RecordTaskOptions = {}): AsyncGenerator<RecordTask> {
  const linesPerTask = options.linesPerTask ?? 200;
  const maxLineChars = options.maxLineChars ?? 64 * 1024 * 1024;
  for await (const file of files) {
    const streamed = options.format === 'jsonl' || (options.format === undefined && LINE_STREAMED.has(extname(file).toLowerCase()));
    if (!streamed) {
      yield options.format !== undefined ? { file, format: options.format } : { file };
      continue;
    }
    const cutter = new LineRunCutter(maxLineChars, linesPerTask);
    const taskOf = (piece: LineRunPiece): RecordTask =>
      'run' in piece
        ? { file, format: 'jsonl', text: piece.run.parts, firstLine: piece.run.firstLine, firstOffset: piece.run.firstOffset }
        : { file, firstLine: piece.overlong, error: `Line ${piece.overlong} is longer than ${maxLineChars} characters; skipped` };
    try {
      for await (const chunk of readTextChunks(file, undefined, READ_CHUNK_BYTES)) yield* cutter.push(chunk).map(taskOf);
      yield* cutter.end().map(taskOf);
    } catch (error) {
      yield* cutter.end(false).map(taskOf);
      yield { file, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
